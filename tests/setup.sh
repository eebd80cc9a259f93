#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what building and testing nftpp needs on Debian 12 (run as root; safe to rerun).
#   compilers and build:  g++ (12), clang (14) with its sanitizer runtimes, cmake, make
#   library dependencies: Boost headers; nlohmann-json for <nftpp/readback.hpp>
#                         (nftpp::readback), libnftables for the in-process executor
#                         (nftpp::libnftables, found with pkg-config)
#   tests:                Catch2 v2, Python 3 (doc extraction)
#   benchmarks:           google-benchmark and bc, iptables (apply comparison), fmt
#                         (the compile-time comparison, bench/compile_time.sh)
#   tests at run time:    nft, ip, nsenter/unshare, modprobe
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
  echo "tests/setup.sh installs packages with apt-get: run it as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
  g++ clang libclang-rt-14-dev cmake make pkg-config libc6-dev \
  libboost-dev libfmt-dev catch2 python3 \
  libnftables-dev libbenchmark-dev nlohmann-json3-dev bc iptables \
  nftables iproute2 util-linux kmod ca-certificates
