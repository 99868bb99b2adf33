# dragoman_stage(NAME DEPS...) builds src/NAME/*.cc into the static library dragoman_NAME.
# Each pipeline stage is one folder and one library, so a stage and its tests build alone.
function(dragoman_stage name)
  file(GLOB stage_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cc)
  if(stage_sources)
    add_library(dragoman_${name} STATIC ${stage_sources})
    target_include_directories(dragoman_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(dragoman_${name} PUBLIC ${ARGN} Threads::Threads)
  else()
    # A stage with headers only (or not written yet) still exposes its includes and dependencies.
    add_library(dragoman_${name} INTERFACE)
    target_include_directories(dragoman_${name} INTERFACE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(dragoman_${name} INTERFACE ${ARGN} Threads::Threads)
  endif()
endfunction()

# dragoman_stage_tests(NAME LIBS...) builds tests/NAME/*_test.cc into test_NAME, run by ctest.
function(dragoman_stage_tests name)
  file(GLOB test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*_test.cc)
  if(NOT test_sources)
    return()
  endif()
  add_executable(test_${name} ${test_sources})
  target_link_libraries(test_${name} PRIVATE ${ARGN} GTest::gtest GTest::gtest_main)
  target_compile_definitions(test_${name} PRIVATE
    DRAGOMAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    DRAGOMAN_BINARY_DIR="${PROJECT_BINARY_DIR}"
    DRAGOMAN_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  gtest_discover_tests(test_${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60
    PROPERTIES LABELS ${name})
endfunction()
