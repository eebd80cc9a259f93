#!/usr/bin/env bash
# Installs what building and testing nftpp needs on Debian 12 (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
  g++ clang cmake make libc6-dev libboost-dev libfmt-dev catch2 \
  libclang-rt-14-dev libbenchmark-dev libnftables-dev \
  nlohmann-json3-dev nftables iptables iproute2 util-linux kmod ca-certificates python3 bc
