// expect: an_ipv6_prefix_must_not_have_host_bits_set
// SPDX-License-Identifier: Apache-2.0
// An IPv6 prefix literal with host bits set does not compile.
#include <nftpp/value/ipv6.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ipv6_prefix fine = "fd00::/64";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ipv6_prefix bad = "fd00::1/64";
#endif
