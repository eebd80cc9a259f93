# SPDX-License-Identifier: Apache-2.0
# Compile-fail cases of the value literals (tests/value/compile_fail/*.cpp, registered
# like tests/compile_fail/cases: see nftpp_compile_fail_cases in harness.cmake), one per
# consteval check, so the literal path is shown to run the same rule as parse()/from().
nftpp_compile_fail_cases(cf_value ${CMAKE_CURRENT_LIST_DIR}/compile_fail)
