# Included from tests/CMakeLists.txt (inside xxgk_area_tests(server ...)):
# tests that start the real xxgk-server process and call it from Python.
if(TARGET xxgk-server AND TARGET xxgk_python_stubs)
  set(_xxgk_cli_arg)
  if(TARGET xxgk)
    set(_xxgk_cli_arg --cli $<TARGET_FILE:xxgk>
      --seeds ${PROJECT_SOURCE_DIR}/../shared/corpus/seeds)
  endif()
  add_test(NAME server_python_service
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/server/service_test.py
      --server $<TARGET_FILE:xxgk-server>
      --stubs ${PROJECT_BINARY_DIR}/python
      --rules ${PROJECT_SOURCE_DIR}/rules/sets
      ${_xxgk_cli_arg})
  set_tests_properties(server_python_service PROPERTIES
    TIMEOUT 300 LABELS "integration;server")
endif()
if(TARGET xxgk-server AND TARGET xxgk_python_stubs)
  add_test(NAME server_python_reload
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/server/reload_test.py
      --server $<TARGET_FILE:xxgk-server>
      --stubs ${PROJECT_BINARY_DIR}/python
      --rules ${PROJECT_SOURCE_DIR}/rules/sets)
  set_tests_properties(server_python_reload PROPERTIES
    TIMEOUT 300 LABELS "integration;server")
endif()
# Needs the openssl command (Debian package openssl) to make certificates.
if(TARGET xxgk-server AND TARGET xxgk_python_stubs)
  add_test(NAME server_python_tls
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/server/tls_test.py
      --server $<TARGET_FILE:xxgk-server>
      --stubs ${PROJECT_BINARY_DIR}/python)
  set_tests_properties(server_python_tls PROPERTIES
    TIMEOUT 300 LABELS "integration;server")
endif()
if(TARGET xxgk-server AND TARGET xxgk_python_stubs)
  # 100,000 small documents in one stream (issue 5): every id once, flat RSS.
  add_test(NAME server_python_stream
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/server/stream_test.py
      --server $<TARGET_FILE:xxgk-server>
      --stubs ${PROJECT_BINARY_DIR}/python
      --items 100000)
  set_tests_properties(server_python_stream PROPERTIES
    TIMEOUT 900 LABELS "integration;server")
endif()
if(TARGET xxgk-server AND TARGET xxgk_python_stubs)
  # Needs Debian's prometheus package (prometheus, promtool).
  add_test(NAME server_prometheus
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/server/prometheus_test.py
      --server $<TARGET_FILE:xxgk-server>
      --stubs ${PROJECT_BINARY_DIR}/python)
  set_tests_properties(server_prometheus PROPERTIES
    TIMEOUT 300 LABELS "integration;server")
endif()
if(TARGET xxgk-server AND TARGET xxgk_python_stubs)
  # Needs Debian's nodejs + npm; @grpc/grpc-js is installed from npm into the
  # build tree on first run.
  add_test(NAME server_node_client
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/server/node_client_test.py
      --server $<TARGET_FILE:xxgk-server>
      --stubs ${PROJECT_BINARY_DIR}/python
      --proto ${PROJECT_SOURCE_DIR}/proto
      --seeds ${PROJECT_SOURCE_DIR}/../shared/corpus/seeds
      --node_prefix ${PROJECT_BINARY_DIR}/node_client)
  set_tests_properties(server_node_client PROPERTIES
    TIMEOUT 900 LABELS "integration;server")
endif()
# server_flags_test.cc runs the xxgk-server binary to pin its exit code.
if(TARGET xxgk-server)
  add_dependencies(server_test xxgk-server)
endif()
