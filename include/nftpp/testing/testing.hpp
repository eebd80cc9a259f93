// SPDX-License-Identifier: Apache-2.0
#pragma once
// Testing support: scratch namespaces, the oracle, a recording executor.
#include <nftpp/testing/oracle.hpp>
#include <nftpp/testing/recording_executor.hpp>
#include <nftpp/testing/scratch_netns.hpp>
