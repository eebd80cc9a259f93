# SPDX-License-Identifier: Apache-2.0
# Every C++ example in README.md and docs/*.md is compiled by the test suite
# (conventions: docs/CONTRIBUTING-docs.md). The blocks are extracted at configure time;
# editing a document re-runs the extraction on the next build.
#   ```cpp               compiled (all such blocks: one object library, in ALL); a block
#                        with main() is its own executable, run as ctest doc_<file>_<n>
#   ```cpp norun         the same, but a program is only built, not run
#   ```cpp fails "RE"    a compile-fail case (ctest doc_<file>_<n>, same driver as
#                        tests/compile_fail): must fail to compile with RE in the output
file(GLOB nftpp_doc_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
if(EXISTS ${PROJECT_SOURCE_DIR}/README.md)
  list(APPEND nftpp_doc_files ${PROJECT_SOURCE_DIR}/README.md)
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${nftpp_doc_files} ${CMAKE_CURRENT_LIST_DIR}/extract_examples.py)
set(nftpp_doc_out ${CMAKE_CURRENT_BINARY_DIR}/doc_examples)
execute_process(
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/extract_examples.py ${nftpp_doc_out} ${nftpp_doc_files}
  RESULT_VARIABLE nftpp_doc_rc)
if(NOT nftpp_doc_rc EQUAL 0)
  message(FATAL_ERROR "extracting the documentation examples failed")
endif()

# Snippets declare things to show them, so unused is their nature. The flags are the
# project's own, in this order: an interface's -Wall would come after -Wno-... and turn
# the warnings back on for clang.
set(nftpp_doc_flags -Wall -Wextra -Wpedantic $<$<BOOL:${NFTPP_WERROR}>:-Werror>
    -Wno-unused-variable -Wno-unused-const-variable -Wno-unused-function)

set(nftpp_doc_compiles)
macro(nftpp_doc_example name file mode regex where)
  if("${mode}" STREQUAL "fails")
    nftpp_compile_fail(${name} ${file} "${regex}" "${where}")
  elseif("${mode}" STREQUAL "compiles")
    list(APPEND nftpp_doc_compiles ${file})
  else()  # a program: run, or link only
    add_executable(${name} ${file})
    target_link_libraries(${name} PRIVATE nftpp::readback)
    target_compile_features(${name} PRIVATE cxx_std_20)
    target_compile_options(${name} PRIVATE ${nftpp_doc_flags})
    if(NFTPP_SANITIZE)  # programs that run get the build's sanitizers, like the tests
      target_compile_options(${name} PRIVATE -fsanitize=${NFTPP_SANITIZE} -fno-omit-frame-pointer
                             -fno-sanitize-recover=all)
      target_link_options(${name} PRIVATE -fsanitize=${NFTPP_SANITIZE})
    endif()
    if("${mode}" STREQUAL "run")
      add_test(NAME ${name} COMMAND ${name})
      set_tests_properties(${name} PROPERTIES LABELS docs TIMEOUT 120)
    endif()
  endif()
endmacro()
include(${nftpp_doc_out}/examples.cmake)
if(nftpp_doc_compiles)
  add_library(nftpp_doc_examples OBJECT ${nftpp_doc_compiles})
  target_link_libraries(nftpp_doc_examples PRIVATE nftpp::readback)
  target_compile_features(nftpp_doc_examples PRIVATE cxx_std_20)
  target_compile_options(nftpp_doc_examples PRIVATE -g0 ${nftpp_doc_flags})
  foreach(file IN LISTS nftpp_doc_compiles)
    nftpp_check_pch_for(nftpp_doc_examples ${file} REUSE)
  endforeach()
endif()

# The extractor itself: a block that would escape compilation must be an error.
add_test(NAME doc_extractor COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/extractor_test.py)
set_tests_properties(doc_extractor PROPERTIES LABELS docs)
