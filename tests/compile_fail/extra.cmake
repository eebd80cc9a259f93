# SPDX-License-Identifier: Apache-2.0
# Compile-fail cases: each file tests/compile_fail/cases/*.cpp starts with
#   // expect: <regex>
# and wraps its failing line in #ifdef NFTPP_CF_BAD. The file compiles without the macro
# (a target in ALL: the setup is right), and must fail with the message with it (an
# EXCLUDE_FROM_ALL target built by a ctest through check.cmake).
# The documented errors (docs/diagnostics.md) are registered the same way by docs/extra.cmake.

nftpp_compile_fail_cases(cf ${CMAKE_CURRENT_LIST_DIR}/cases)
# The harness must report a case that compiles although it should not: this sentinel's
# "bad" part is valid, so check.cmake must fail on it — WILL_FAIL turns that failure into a
# pass. It is the only test with WILL_FAIL: everywhere else a failing driver is a failure.
if(TEST cf_sentinel_compiles)
  set_tests_properties(cf_sentinel_compiles PROPERTIES WILL_FAIL TRUE)
endif()

# One list of rules (every NFTPP_RULE and NFTPP_CHECK under include/): each has its
# section in docs/diagnostics.md quoting its sentence, each check a test that names it.
add_test(NAME rule_list
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/rule_list.py ${PROJECT_SOURCE_DIR})
