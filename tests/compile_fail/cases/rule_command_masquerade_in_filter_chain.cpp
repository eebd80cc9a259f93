// expect: masquerade is only valid in a nat chain on the postrouting hook
// SPDX-License-Identifier: Apache-2.0
// add_rule checks the rule as if it stood in the chain: masquerade needs a nat postrouting chain.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("fw", base_chain<"input", filter_chain(hook::input)>(),
                                          base_chain<"post", nat_chain(hook::postrouting, 100)>());
[[maybe_unused]] inline const auto fine = add_rule<"post">(t, masquerade);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = add_rule<"input">(t, masquerade);
#endif
