# Included from tests/CMakeLists.txt (xxgk_area_tests(deploy)): checks of
# deploy/ (Dockerfile, Kubernetes manifests, alerts, dashboard) and the
# scale-out/failover test on loopback. Needs /usr/bin/python3 with python3-yaml,
# yamllint and promtool (Debian packages yamllint, prometheus).
if(TARGET xxgk-server AND TARGET xxgk)
  set(_xxgk_deploy_args
    --server $<TARGET_FILE:xxgk-server> --cli $<TARGET_FILE:xxgk> --source ${PROJECT_SOURCE_DIR})
  add_test(NAME deploy_manifests
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/deploy/manifests_test.py ${_xxgk_deploy_args})
  set_tests_properties(deploy_manifests PROPERTIES TIMEOUT 300 LABELS "integration;deploy")
  add_test(NAME deploy_dockerfile
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/deploy/dockerfile_test.py ${_xxgk_deploy_args})
  set_tests_properties(deploy_dockerfile PROPERTIES TIMEOUT 300 LABELS "integration;deploy")
  # 20,000 documents over 3 replicas, then 1, then 3 with one killed and
  # restarted mid-batch. Runs alone: it measures throughput.
  add_test(NAME deploy_scaleout
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/deploy/scaleout_test.py ${_xxgk_deploy_args}
      --documents 20000)
  set_tests_properties(deploy_scaleout PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE LABELS "integration;deploy")
endif()
