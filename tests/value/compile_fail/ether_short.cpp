// expect: an_ethernet_address_is_six_hex_pairs_separated_by_colons
// SPDX-License-Identifier: Apache-2.0
// A five-byte Ethernet address does not compile.
#include <nftpp/value/ether.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ether_addr fine = "00:11:22:33:44:55";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ether_addr bad = "00:11:22:33:44";
#endif
