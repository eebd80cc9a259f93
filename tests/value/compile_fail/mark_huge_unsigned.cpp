// expect: a_mark_is_a_number_from_0_to_0xffffffff
// SPDX-License-Identifier: Apache-2.0
// An unsigned 64-bit mark literal beyond int64 is still refused by the mark rule.
#include <nftpp/value/ids.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr mark fine = 0xffffffffu;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr mark bad = 0xffffffffffffffffull;
#endif
