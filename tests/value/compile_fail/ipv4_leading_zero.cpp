// expect: an_ipv4_address_part_may_not_have_a_leading_zero
// SPDX-License-Identifier: Apache-2.0
// A leading zero in an IPv4 literal does not compile.
#include <nftpp/value/ipv4.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ipv4_addr fine = "10.0.0.1";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ipv4_addr bad = "010.0.0.1";
#endif
