// SPDX-License-Identifier: Apache-2.0
#pragma once
// Entry header: the kernel log lines that `log` statements emit, parsed into typed
// events (dmesg text and /dev/kmsg records), and a reader of /dev/kmsg.
#include <nftpp/log/log.hpp>
#include <nftpp/version.hpp>
