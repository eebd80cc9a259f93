// expect: masquerade_in_nat_postrouting
// SPDX-License-Identifier: Apache-2.0
// One rule command puts masquerade in a regular chain, another jumps to it from a filter
// chain: together they make it reachable from the forward hook.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr auto t = table<family::ip>("m", chain<"vm">(), base_chain<"post", nat_chain(hook::postrouting, 100)>(),
                                     base_chain<"fw", filter_chain(hook::forward)>());
[[maybe_unused]] constexpr auto fine = ruleset(add_rule<"vm">(t, masquerade), add_rule<"post">(t, jump<"vm">));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = ruleset(add_rule<"vm">(t, masquerade), add_rule<"fw">(t, jump<"vm">));
#endif
