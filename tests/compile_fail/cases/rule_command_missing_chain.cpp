// expect: name no chain of this table
// SPDX-License-Identifier: Apache-2.0
// A rule command names a chain the table declares.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("fw", base_chain<"input", filter_chain(hook::input)>());
[[maybe_unused]] inline const auto fine = delete_rule<"input">(t, rule_handle{3});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = delete_rule<"inptu">(t, rule_handle{3});
#endif
