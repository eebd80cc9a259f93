// expect: an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots
// SPDX-License-Identifier: Apache-2.0
// A hostname is not an IPv4 literal.
#include <nftpp/value/ipv4.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ipv4_addr fine = "127.0.0.1";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ipv4_addr bad = "localhost";
#endif
