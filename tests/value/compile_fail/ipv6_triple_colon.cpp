// expect: an_ipv6_address_is_eight_hex_groups_with_at_most_one_double_colon
// SPDX-License-Identifier: Apache-2.0
// A malformed IPv6 literal does not compile.
#include <nftpp/value/ipv6.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ipv6_addr fine = "2001:db8::1";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ipv6_addr bad = "2001:db8:::1";
#endif
