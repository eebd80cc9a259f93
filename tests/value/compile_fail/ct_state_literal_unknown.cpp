// expect: a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked
// SPDX-License-Identifier: Apache-2.0
// A ct state literal naming a state nft does not have does not compile.
#include <nftpp/value/ct.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ct_state fine = "established,related";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ct_state bad = "established,closed";
#endif
