#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# All benchmarks: rendering (Google Benchmark), applying (needs root: network namespaces,
# and libnftables), many namespaces, large rulesets, compile time (g++ and clang++). Not
# tests: nothing here passes or fails on a figure. Results go to stdout;
# docs/performance.md has the last run.
#   bash bench/run.sh            everything
#   bash bench/run.sh render     one part: render | apply | scale | large | services | sets | compile
set -euo pipefail
cd "$(dirname "$0")/.."
part=${1:-all}
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DNFTPP_BUILD_BENCH=ON -DNFTPP_BUILD_TESTS=OFF \
  -DNFTPP_BUILD_EXAMPLES=ON >/dev/null
cmake --build build/bench -j"${NFTPP_JOBS:-2}" >/dev/null
if [ "$part" = all ] || [ "$part" = render ]; then
  echo "## Rendering"
  build/bench/bench/bench_render --benchmark_min_time=0.5
fi
if [ "$part" = all ] || [ "$part" = apply ]; then
  echo "## Applying the sandbox fence in a namespace"
  build/bench/bench/bench_apply "${NFTPP_BENCH_RUNS:-41}"
fi
if [ "$part" = all ] || [ "$part" = scale ]; then
  echo "## The fence into many namespaces"
  build/bench/bench/bench_scale "${NFTPP_BENCH_SCALE_RUNS:-5}"
fi
if [ "$part" = all ] || [ "$part" = large ]; then
  echo "## 10 000 rules, 100 000 set elements"
  build/bench/bench/bench_large "${NFTPP_BENCH_LARGE_RUNS:-7}"
fi
if [ "$part" = all ] || [ "$part" = services ]; then
  echo "## 10 000 services from data (examples/service_lb)"
  build/bench/bench/bench_services "${NFTPP_BENCH_SERVICES_RUNS:-5}"
fi
if [ "$part" = all ] || [ "$part" = sets ]; then
  echo "## Sets of 1k, 10k, 100k elements in a namespace"
  build/bench/bench/bench_sets "${NFTPP_BENCH_SET_RUNS:-7}"
fi
if [ "$part" = all ] || [ "$part" = compile ]; then
  echo "## Compile time"
  bash bench/compile_time.sh
fi
