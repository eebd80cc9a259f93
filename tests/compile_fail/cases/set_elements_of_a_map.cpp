// expect: add_elements / delete_elements take a set, but this name is a data_map or verdict_map
// SPDX-License-Identifier: Apache-2.0
// Plain elements go to a set; a map's elements are key : value entries (nft refuses a key
// without its value in a map).
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("t", data_map<"marks", port, mark>());
[[maybe_unused]] inline const auto fine = add_map_elements<"marks">(t, {{22, 1}});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = add_elements<"marks">(t, {22});
#endif
