// expect: a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked
// SPDX-License-Identifier: Apache-2.0
// An empty ct state cannot be made at compile time.
#include <nftpp/value/ct.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ct_state fine = ct_state::from_bits(6).value();
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ct_state bad = ct_state::from_bits(0).value();
#endif
