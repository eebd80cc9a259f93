// expect: a chain's policy is policy::accept or policy::drop
// SPDX-License-Identifier: Apache-2.0
// nft has no reject policy: the rule's sentence, not "reject is not a member of policy".
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = base_chain<"input", filter_chain(hook::input)>(policy::drop, accept);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = base_chain<"input", filter_chain(hook::input)>(policy::reject, accept);
#endif
