// expect: the_keys_of_a_vmap_overlap_make_them_disjoint
// SPDX-License-Identifier: Apache-2.0
// Literal vmap keys that overlap, inside a function template: the keys are checked against
// each other in the compiler too.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
template <class Verdict>
auto fine(Verdict v) { return ip.saddr >> vmap(on("10.0.0.0/8", drop), on("192.168.0.0/16", v)); }
[[maybe_unused]] inline auto f = fine(accept);
#ifdef NFTPP_CF_BAD
template <class Verdict>
auto bad(Verdict v) { return ip.saddr >> vmap(on("10.0.0.0/8", drop), on("10.1.0.0/16", v)); }
[[maybe_unused]] inline auto b = bad(accept);
#endif
