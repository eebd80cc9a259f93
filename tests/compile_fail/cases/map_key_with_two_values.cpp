// expect: a_map_gives_one_key_two_values
// SPDX-License-Identifier: Apache-2.0
// One key, two verdicts: the kernel refuses the map ('File exists'). The same key with the
// same verdict twice is a duplicate, which nft merges.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr auto fine = verdict_map<"by_port", port>(on(22, accept), on(22, accept), on(80, drop));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = verdict_map<"by_port", port>(on(22, accept), on(22, drop));
#endif
