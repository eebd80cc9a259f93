// expect: a_set_with_interface_name_wildcards_needs_set_flag_interval
// SPDX-License-Identifier: Apache-2.0
// nft stores "veth*" as an interval: the set needs flags interval ('You must add 'flags
// interval' to your set declaration if you want to add prefix elements').
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr auto fine = set<"ifs", ifname>(set_flag::interval, {"veth*", "lo"});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = set<"ifs", ifname>({"veth*", "lo"});
#endif
