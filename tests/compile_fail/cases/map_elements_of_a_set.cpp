// expect: add_map_elements / delete_map_elements take a data_map or verdict_map, but this name is a set
// SPDX-License-Identifier: Apache-2.0
// Map entries go to a map; a set takes plain elements.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("t", set<"hosts", ipv4_addr>());
[[maybe_unused]] inline const auto fine = add_elements<"hosts">(t, {"10.0.0.1"});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = add_map_elements<"hosts">(t, {{"10.0.0.1", 1}});
#endif
