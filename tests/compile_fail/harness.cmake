# nftpp_compile_fail(name file regex where): a target that must NOT compile, checked by a
# ctest through check.cmake (passes only when the build fails with output matching regex).
function(nftpp_compile_fail name file regex where)
  add_library(${name} OBJECT EXCLUDE_FROM_ALL ${file})
  target_link_libraries(${name} PRIVATE nftpp::nftpp nftpp_project_options)
  target_compile_definitions(${name} PRIVATE NFTPP_CF_BAD)
  add_test(NAME ${name}
    COMMAND ${CMAKE_COMMAND} -D BUILD_DIR=${PROJECT_BINARY_DIR} -D TARGET=${name}
            "-D EXPECT=${regex}" "-D WHERE=${where}" -P ${PROJECT_SOURCE_DIR}/tests/compile_fail/check.cmake)
  set_tests_properties(${name} PROPERTIES LABELS compile_fail TIMEOUT 300)
endfunction()
