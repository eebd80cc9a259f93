// expect: no_jump_cycle
// SPDX-License-Identifier: Apache-2.0
// Two add_rule commands of one ruleset close a jump cycle that neither closes alone: the
// transaction is checked whole.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr auto t = table<family::inet>("g", base_chain<"input", filter_chain(hook::input)>(jump<"a">), chain<"a">(), chain<"b">());
[[maybe_unused]] constexpr auto fine = ruleset(add_rule<"a">(t, jump<"b">), add_rule<"b">(t, accept));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = ruleset(add_rule<"a">(t, jump<"b">), add_rule<"b">(t, jump<"a">));
#endif
