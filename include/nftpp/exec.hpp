// SPDX-License-Identifier: Apache-2.0
#pragma once
// Entry header: the executors that load rendered scripts — on the host or in a network
// namespace, through the nft process (nsenter for a namespace) — their outcomes, and nft
// discovery. They take a script and know nothing of the DSL. The in-process executor is
// <nftpp/exec/libnftables_executor.hpp> (CMake target nftpp::libnftables).
#include <nftpp/exec/exec.hpp>
#include <nftpp/version.hpp>
