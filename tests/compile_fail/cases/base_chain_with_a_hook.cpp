// expect: base_chain<name, spec> takes a chain spec, not a hook
// SPDX-License-Identifier: Apache-2.0
// A hook where the chain's spec belongs: the rule's sentence, not a template-argument error.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = base_chain<"input", filter_chain(hook::input)>(accept);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = base_chain<"input", hook::input>(accept);
#endif
