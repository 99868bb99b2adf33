# Tests of the Python package (included from tests/CMakeLists.txt), run with the interpreter the
# package is built for and the build's package folder on PYTHONPATH.
if(NOT TARGET _dragoman)
  return()
endif()
add_test(NAME python.coder
         COMMAND ${DRAGOMAN_PYTHON_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/coder_test.py $<TARGET_FILE:dragoman>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/../shared ${PROJECT_BINARY_DIR}/test_tmp/python_coder)
set_tests_properties(python.coder PROPERTIES ENVIRONMENT "PYTHONPATH=${DRAGOMAN_PYTHON_PATH}"
                     SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS python)
# Dask LocalClusters of two worker processes: run alone, so the workers get the cores.
add_test(NAME python.backfill
         COMMAND ${DRAGOMAN_PYTHON_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/backfill_test.py $<TARGET_FILE:dragoman>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/../shared ${PROJECT_BINARY_DIR}/test_tmp/python_backfill)
set_tests_properties(python.backfill PROPERTIES
                     ENVIRONMENT "PYTHONPATH=${DRAGOMAN_PYTHON_PATH};DRAGOMAN_TEST_PG_HOST=${DRAGOMAN_TEST_PG_HOST}"
                     FIXTURES_REQUIRED postgres SKIP_RETURN_CODE 77 TIMEOUT 1200 RUN_SERIAL TRUE LABELS python)
