# SPDX-License-Identifier: Apache-2.0
# Compile-fail driver: builds one target that must NOT compile, and passes only when the
# build fails AND the compiler output matches the expected regular expression.
# -D BUILD_DIR=... -D TARGET=... -D EXPECT=<regex> [-D WHERE=<file:line>]
foreach(var BUILD_DIR TARGET EXPECT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check.cmake: -D ${var}=... is required")
  endif()
endforeach()
execute_process(
  COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "${TARGET} (${WHERE}) compiled, but it must not:\n${out}")
endif()
if(NOT out MATCHES "${EXPECT}")
  message(FATAL_ERROR "${TARGET} (${WHERE}) failed to compile, but without the expected message\n"
                      "expected (regex): ${EXPECT}\ncompiler output:\n${out}")
endif()
message(STATUS "${TARGET}: fails to compile with the expected message")
