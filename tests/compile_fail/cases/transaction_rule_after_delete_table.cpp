// expect: no_command_on_a_table_deleted_earlier
// SPDX-License-Identifier: Apache-2.0
// add_rule to a chain of a table an earlier command of the same ruleset deletes.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr auto t = table<family::inet>("q", base_chain<"input", filter_chain(hook::input)>());
[[maybe_unused]] constexpr auto fine = ruleset(delete_table(t), replace(t), add_rule<"input">(t, accept));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = ruleset(replace(t), delete_table(t), add_rule<"input">(t, accept));
#endif
