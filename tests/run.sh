#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. g++,   Debug, -Wall -Wextra -Wpedantic -Werror: build everything, run every test;
#   2. clang++, Debug, -Werror, AddressSanitizer + UndefinedBehaviorSanitizer: the same.
# As root, tests that need network namespaces must run (NFTPP_REQUIRE_NETNS=1): a test
# that cannot create one fails instead of reporting SKIPPED.
# Prints one closing line "N passed, M failed" (ctest tests over both builds).
# Options: --quick (g++ build only).
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=${NFTPP_JOBS:-2}
quick=0
[ "${1:-}" = "--quick" ] && quick=1
if [ "$(id -u)" = 0 ]; then export NFTPP_REQUIRE_NETNS=1; fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

passed=0
failed=0

run_config() {
  local name=$1
  shift
  echo "=== ${name}: configure and build"
  if ! cmake -S . -B "build/${name}" -DCMAKE_BUILD_TYPE=Debug "$@" >"build/${name}.configure.log" 2>&1; then
    cat "build/${name}.configure.log"
    echo "=== ${name}: configure FAILED"
    failed=$((failed + 1))
    return
  fi
  if ! cmake --build "build/${name}" -j"${jobs}"; then
    echo "=== ${name}: build FAILED"
    failed=$((failed + 1))
    return
  fi
  echo "=== ${name}: tests"
  (cd "build/${name}" && ctest --output-on-failure -j"${jobs}") | tee "build/${name}.ctest.log"
  local line total bad
  line=$(grep -E "tests? failed out of" "build/${name}.ctest.log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "=== ${name}: ctest printed no summary"
    failed=$((failed + 1))
    return
  fi
  bad=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
  total=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/')
  passed=$((passed + total - bad))
  failed=$((failed + bad))
}

mkdir -p build
run_config gcc -DCMAKE_CXX_COMPILER=g++
if [ "$quick" = 0 ]; then
  run_config clang-asan -DCMAKE_CXX_COMPILER=clang++ -DNFTPP_SANITIZE=address,undefined
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
