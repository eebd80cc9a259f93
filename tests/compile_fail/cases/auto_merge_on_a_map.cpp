// expect: set_flag_auto_merge_is_for_sets_not_maps
// SPDX-License-Identifier: Apache-2.0
// nft has auto-merge for sets only: on a map it is a syntax error.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr auto fine = data_map<"nets", ipv4_addr, mark>(set_flag::interval, {{"10.0.0.0/8", 1}});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = data_map<"nets", ipv4_addr, mark>(set_flag::interval | set_flag::auto_merge, {{"10.0.0.0/8", 1}});
#endif
