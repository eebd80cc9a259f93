# Every C++ example in README.md and docs/*.md is compiled by the test suite
# (conventions: docs/CONTRIBUTING-docs.md). Blocks marked `fails "REGEX"` are compile-fail
# cases: their ctest passes only when they fail to compile with that message.
file(GLOB nftpp_doc_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
list(APPEND nftpp_doc_files ${PROJECT_SOURCE_DIR}/README.md)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${nftpp_doc_files} ${CMAKE_CURRENT_LIST_DIR}/extract_examples.py)
set(nftpp_doc_out ${CMAKE_CURRENT_BINARY_DIR}/doc_examples)
execute_process(
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/extract_examples.py ${nftpp_doc_out} ${nftpp_doc_files}
  RESULT_VARIABLE nftpp_doc_rc)
if(NOT nftpp_doc_rc EQUAL 0)
  message(FATAL_ERROR "extracting the documentation examples failed")
endif()

set(nftpp_doc_compiles)
macro(nftpp_doc_example name file mode regex where)
  if("${mode}" STREQUAL "fails")
    nftpp_compile_fail(${name} ${file} "${regex}" "${where}")
  else()
    list(APPEND nftpp_doc_compiles ${file})
  endif()
endmacro()
include(${nftpp_doc_out}/examples.cmake)
if(nftpp_doc_compiles)
  add_library(nftpp_doc_examples OBJECT ${nftpp_doc_compiles})
  # compile-only objects: the project's warnings, except that snippets declare things to
  # show them, so unused is their nature (own flags, in this order: an interface's -Wall
  # would come after -Wno-... and turn the warnings back on)
  target_link_libraries(nftpp_doc_examples PRIVATE nftpp::nftpp)
  target_compile_features(nftpp_doc_examples PRIVATE cxx_std_20)
  target_compile_options(nftpp_doc_examples PRIVATE -Wall -Wextra -Wpedantic $<$<BOOL:${NFTPP_WERROR}>:-Werror>
                         -Wno-unused-variable -Wno-unused-const-variable -Wno-unused-function)
endif()
