// expect: names no chain of this table
// SPDX-License-Identifier: Apache-2.0
// A verdict map's targets must exist even when no rule uses the map: the kernel resolves
// them when it loads the map.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] inline const auto fine = table<family::inet>("t", verdict_map<"dispatch", port>(on(22, jump<"ssh">)), chain<"ssh">(accept));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = table<family::inet>("t", verdict_map<"dispatch", port>(on(22, jump<"ssh">)));
#endif
