// expect: a_ttl_or_hop_limit_is_a_number_from_0_to_255
// SPDX-License-Identifier: Apache-2.0
// A ttl literal over 255 does not compile.
#include <nftpp/value/ids.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ttl fine = 255;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ttl bad = 256;
#endif
