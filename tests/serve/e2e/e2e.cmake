# The dashboard in headless Chromium (included from tests/CMakeLists.txt). Needs Debian's chromium,
# Node.js and `npm ci` in tests/serve/e2e; without them the tests report SKIPPED, not failed.
# Screenshots land in <build>/e2e/.
add_executable(store_fixture ${CMAKE_CURRENT_LIST_DIR}/../store_fixture.cc)
target_link_libraries(store_fixture PRIVATE dragoman_store dragoman_geo)
add_test(NAME serve.dashboard_e2e
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_e2e.sh fixture $<TARGET_FILE:dragoman>
                 $<TARGET_FILE:store_fixture> ${PROJECT_BINARY_DIR}/e2e)
add_test(NAME serve.dashboard_e2e_sample
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_e2e.sh sample $<TARGET_FILE:dragoman>
                 ${PROJECT_SOURCE_DIR}/../shared ${PROJECT_BINARY_DIR}/e2e)
# The same fixture served from PostgreSQL (the throwaway cluster of tests/CMakeLists.txt).
add_test(NAME serve.dashboard_e2e_postgres
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_e2e.sh fixture-postgres $<TARGET_FILE:dragoman>
                 $<TARGET_FILE:store_fixture> ${PROJECT_BINARY_DIR}/e2e)
set_tests_properties(serve.dashboard_e2e_postgres PROPERTIES
  ENVIRONMENT DRAGOMAN_TEST_PG_HOST=${DRAGOMAN_TEST_PG_HOST} FIXTURES_REQUIRED postgres)
set_tests_properties(serve.dashboard_e2e serve.dashboard_e2e_sample serve.dashboard_e2e_postgres PROPERTIES
  SKIP_RETURN_CODE 77 TIMEOUT 180 LABELS serve RESOURCE_LOCK dragoman_e2e)
