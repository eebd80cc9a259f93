// expect: these entries do not fit the map
// SPDX-License-Identifier: Apache-2.0
// A data map's run-time entries are (key, value) pairs of its datatypes.
#include <utility>
#include <vector>
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("t", data_map<"marks", port, mark>());
[[maybe_unused]] inline const auto fine = add_map_elements<"marks">(t, std::vector<std::pair<port, mark>>{});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = add_map_elements<"marks">(t, std::vector<std::pair<port, ipv4_addr>>{});
#endif
