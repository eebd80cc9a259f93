// SPDX-License-Identifier: Apache-2.0
#pragma once
// Executors: load rendered scripts on the host or in a network namespace.
#include <nftpp/exec/best_executor.hpp>
#include <nftpp/exec/executor.hpp>
#include <nftpp/exec/fresh_tables.hpp>
#include <nftpp/exec/generation.hpp>
#include <nftpp/exec/host_executor.hpp>
#include <nftpp/exec/netns_executor.hpp>
#include <nftpp/exec/netns_path.hpp>
#include <nftpp/exec/nft_executor.hpp>
#include <nftpp/exec/nft_version.hpp>
#include <nftpp/exec/outcome.hpp>
#include <nftpp/exec/process.hpp>
#include <nftpp/exec/table_name.hpp>
#include <nftpp/exec/trust.hpp>
#include <nftpp/exec/unique_fd.hpp>
