# Process-level tests run the real binaries: make sure they are built first.
add_dependencies(client_test xxgk)
if(TARGET xxgk-server)
  add_dependencies(client_test xxgk-server)
  target_compile_definitions(client_test PRIVATE XXGK_HAVE_SERVER=1)
endif()
