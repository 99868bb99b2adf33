# Store tests that drive the dragoman program (included from tests/CMakeLists.txt).
add_test(NAME store.kill_resume
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/kill_resume_test.sh $<TARGET_FILE:dragoman>
                 ${PROJECT_BINARY_DIR}/test_tmp/kill_resume)
set_tests_properties(store.kill_resume PROPERTIES TIMEOUT 600 LABELS store)
add_test(NAME store.sample_dyad
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sample_dyad_test.sh $<TARGET_FILE:dragoman>
                 ${PROJECT_SOURCE_DIR}/../shared ${PROJECT_BINARY_DIR}/test_tmp/sample_dyad)
set_tests_properties(store.sample_dyad PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS store)
# The GDELT export read back with pandas and GDELT's column list (skipped without pandas).
# Debian's python3 first: pandas comes from Debian's python3-pandas (scripts/setup.sh --test).
find_program(DRAGOMAN_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT DRAGOMAN_PYTHON3)
  find_program(DRAGOMAN_PYTHON3 python3)
endif()
if(DRAGOMAN_PYTHON3)
  add_test(NAME output.gdelt_export
           COMMAND ${DRAGOMAN_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/output/gdelt_export_test.py
                   $<TARGET_FILE:dragoman> ${PROJECT_SOURCE_DIR}/samples ${PROJECT_SOURCE_DIR}/../shared
                   ${PROJECT_BINARY_DIR}/test_tmp/gdelt_export)
  set_tests_properties(output.gdelt_export PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS output)
endif()
