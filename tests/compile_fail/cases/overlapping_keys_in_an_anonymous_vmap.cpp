// expect: the_keys_of_a_vmap_overlap_make_them_disjoint
// SPDX-License-Identifier: Apache-2.0
// nft refuses overlapping keys in a vmap ('conflicting intervals specified'); adjacent ones
// are fine.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr auto fine = tcp.dport >> vmap(on(range<port>(1, 100), accept), on(101, drop));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = tcp.dport >> vmap(on(range<port>(1, 100), accept), on(50, drop));
#endif
