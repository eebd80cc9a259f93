// expect: a_chain_keeps_its_spec_in_one_transaction
// SPDX-License-Identifier: Apache-2.0
// A chain declared regular, then as a base chain by a later add() of the same table (nft:
// File exists). The other way round nft merges them.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr auto regular = table<family::inet>("v", chain<"c">());
constexpr auto base = table<family::inet>("v", base_chain<"c", filter_chain(hook::input)>());
[[maybe_unused]] constexpr auto fine = ruleset(add(base), add(regular));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = ruleset(add(regular), add(base));
#endif
