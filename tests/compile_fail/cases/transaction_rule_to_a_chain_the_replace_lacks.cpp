// expect: table_has_chain
// SPDX-License-Identifier: Apache-2.0
// replace() loads the table as it declares it: a later add_rule made from another
// declaration of the table names a chain that is no longer there.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr auto v1 = table<family::inet>("r", base_chain<"input", filter_chain(hook::input)>(), chain<"ssh">());
[[maybe_unused]] constexpr auto v2 = table<family::inet>("r", base_chain<"input", filter_chain(hook::input)>());
[[maybe_unused]] constexpr auto fine = ruleset(replace(v1), add_rule<"ssh">(v1, accept));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = ruleset(replace(v2), add_rule<"ssh">(v1, accept));
#endif
