# SPDX-License-Identifier: Apache-2.0
# Compile checks (compile-fail cases, their valid halves, the documentation's examples)
# only have to compile: the project's warnings, no sanitizers, no debug information.
add_library(nftpp_check_options INTERFACE)
target_link_libraries(nftpp_check_options INTERFACE nftpp::nftpp)
target_compile_features(nftpp_check_options INTERFACE cxx_std_20)
target_compile_options(nftpp_check_options INTERFACE -g0 -Wall -Wextra -Wpedantic
  $<$<BOOL:${NFTPP_WERROR}>:-Werror>)
# They are hundreds, and most include the umbrella header: they share one precompiled copy.
add_library(nftpp_check_pch OBJECT ${CMAKE_CURRENT_LIST_DIR}/../support/pch.cpp)
target_link_libraries(nftpp_check_pch PRIVATE nftpp_check_options)
target_precompile_headers(nftpp_check_pch PRIVATE <nftpp/nftpp.hpp>)
set(nftpp_check_pch_header ${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/nftpp_check_pch.dir/cmake_pch.hxx)

# nftpp_check_pch_for(target file how): file (a source of target) is compiled with the
# shared precompiled umbrella header when it includes the umbrella header, and only then:
# a file that includes less still proves that its own includes suffice.
#   how = REUSE   target depends on nftpp_check_pch (targets in ALL);
#   how = FLAGS   the same compiler flags without the dependency: a compile-fail target is
#                 built by its ctest, two at a time, after the whole build, and two builds
#                 must not both check one shared dependency.
function(nftpp_check_pch_for target file how)
  file(READ ${file} text)
  if(NOT text MATCHES "#include <nftpp/nftpp.hpp>")
    set_source_files_properties(${file} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    return()
  endif()
  if(how STREQUAL "REUSE")
    target_precompile_headers(${target} REUSE_FROM nftpp_check_pch)
  elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(${target} PRIVATE -Winvalid-pch
      "SHELL:-Xclang -include-pch -Xclang ${nftpp_check_pch_header}.pch"
      "SHELL:-Xclang -include -Xclang ${nftpp_check_pch_header}")
  else()
    target_compile_options(${target} PRIVATE -Winvalid-pch "SHELL:-include ${nftpp_check_pch_header}")
  endif()
endfunction()

# nftpp_compile_fail(name file regex where): a target that must NOT compile, checked by a
# ctest through check.cmake (passes only when the build fails with output matching regex).
function(nftpp_compile_fail name file regex where)
  add_library(${name} OBJECT EXCLUDE_FROM_ALL ${file})
  target_link_libraries(${name} PRIVATE nftpp_check_options)
  target_compile_definitions(${name} PRIVATE NFTPP_CF_BAD)
  nftpp_check_pch_for(${name} ${file} FLAGS)
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
    target_link_libraries(${prefix}_${stem}_setup PRIVATE nftpp_check_options)
    nftpp_check_pch_for(${prefix}_${stem}_setup ${case} REUSE)
  endforeach()
endfunction()
