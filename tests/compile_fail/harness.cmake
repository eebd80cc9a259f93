# SPDX-License-Identifier: Apache-2.0
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

# nftpp_compile_fail_cases(prefix dir): every dir/*.cpp is a case. Its first line is
#   // expect: <regex>
# and its failing line sits in #ifdef NFTPP_CF_BAD: without the macro the file compiles
# (<prefix>_<stem>_setup, in ALL, so the fine half is proven valid); with it, ctest
# <prefix>_<stem> passes only when the build fails with that message.
function(nftpp_compile_fail_cases prefix dir)
  file(GLOB cases CONFIGURE_DEPENDS ${dir}/*.cpp)
  foreach(case IN LISTS cases)
    get_filename_component(stem ${case} NAME_WE)
    file(STRINGS ${case} first LIMIT_COUNT 1)
    if(NOT first MATCHES "^// expect: (.+)$")
      message(FATAL_ERROR "${case}: the first line must be `// expect: <regex>`")
    endif()
    nftpp_compile_fail(${prefix}_${stem} ${case} "${CMAKE_MATCH_1}" ${case})
    add_library(${prefix}_${stem}_setup OBJECT ${case})
    target_link_libraries(${prefix}_${stem}_setup PRIVATE nftpp::nftpp nftpp_project_options)
  endforeach()
endfunction()
