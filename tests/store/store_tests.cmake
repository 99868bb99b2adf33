# Store tests that drive the dragoman program (included from tests/CMakeLists.txt).
add_test(NAME store.kill_resume
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/kill_resume_test.sh $<TARGET_FILE:dragoman>
                 ${PROJECT_BINARY_DIR}/test_tmp/kill_resume)
set_tests_properties(store.kill_resume PROPERTIES TIMEOUT 600 LABELS store)
add_test(NAME store.sample_dyad
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sample_dyad_test.sh $<TARGET_FILE:dragoman>
                 ${PROJECT_SOURCE_DIR}/../shared ${PROJECT_BINARY_DIR}/test_tmp/sample_dyad)
set_tests_properties(store.sample_dyad PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS store)
