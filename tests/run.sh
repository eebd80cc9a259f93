#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The whole test suite, as CI runs it:
#   1. g++,   Debug, -Wall -Wextra -Wpedantic -Werror: build everything, run every test;
#   2. clang++, Debug, -Werror, AddressSanitizer + UndefinedBehaviorSanitizer: the same.
# Build trees: build/gcc and build/clang-asan, configured by the presets of the same names
# in CMakePresets.json (reused between runs; delete them for a clean build). As root,
# tests that need network namespaces must run (NFTPP_REQUIRE_NETNS=1): a test that
# cannot create one fails instead of reporting SKIPPED.
# Prints one closing line "N passed, M failed" (ctest tests over both builds; a build
# that fails to configure or compile counts as one failure). Exit status 0 only if M is 0.
# Options: --quick (g++ build only). NFTPP_JOBS overrides the parallelism (default 2).
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=${NFTPP_JOBS:-2}
quick=0
case "${1:-}" in
  "") ;;
  --quick) quick=1 ;;
  *) echo "usage: bash tests/run.sh [--quick]" >&2; exit 2 ;;
esac
if [ "$(id -u)" = 0 ]; then export NFTPP_REQUIRE_NETNS=1; fi

passed=0
failed=0
mkdir -p build

# LeakSanitizer stops the process's threads with ptrace; where ptrace is not allowed it
# aborts every program with "LeakSanitizer has encountered a fatal error". Keep leak
# detection on wherever it works, and say so when it cannot.
sanitizer_options() {
  local leaks=1 probe=build/lsan-probe
  if [ -z "${ASAN_OPTIONS:-}" ]; then
    if printf 'int main() { return 0; }\n' | clang++ -fsanitize=address -x c++ - -o "$probe" 2>/dev/null; then
      if ! ASAN_OPTIONS=detect_leaks=1 "$probe" >/dev/null 2>&1; then
        leaks=0
        echo "=== note: LeakSanitizer does not work here (no ptrace?); leak detection off"
      fi
    fi
    rm -f "$probe"
    export ASAN_OPTIONS="halt_on_error=1:detect_leaks=${leaks}"
  fi
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
}

# One build per configure preset of CMakePresets.json (build/<preset>).
run_config() {
  local name=$1
  echo "=== ${name}: configure and build"
  if ! cmake --preset "${name}" >"build/${name}.configure.log" 2>&1; then
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
  (cd "build/${name}" && ctest --output-on-failure -j"${jobs}") 2>&1 | tee "build/${name}.ctest.log"
  # ctest's summary: "100% tests passed, 0 tests failed out of 57"
  local line total bad
  line=$(grep -E "[0-9]+ tests? failed out of [0-9]+" "build/${name}.ctest.log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "=== ${name}: ctest printed no summary"
    failed=$((failed + 1))
    return
  fi
  bad=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) tests? failed out of ([0-9]+).*/\2/')
  total=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) tests? failed out of ([0-9]+).*/\3/')
  passed=$((passed + total - bad))
  failed=$((failed + bad))
}

run_config gcc
if [ "$quick" = 0 ]; then
  sanitizer_options
  run_config clang-asan
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
