// expect: the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge
// SPDX-License-Identifier: Apache-2.0
// Overlapping intervals in a set declared at compile time do not compile (nft refuses
// them with 'conflicting intervals specified'); with set_flag::auto_merge nft merges them.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr auto fine = set<"nets", ipv4_addr>(set_flag::interval | set_flag::auto_merge, {"10.0.0.0/8", "10.1.0.0/16"});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = set<"nets", ipv4_addr>(set_flag::interval, {"10.0.0.0/8", "10.1.0.0/16"});
#endif
