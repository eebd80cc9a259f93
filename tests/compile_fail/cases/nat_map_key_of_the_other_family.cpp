// expect: the key of this NAT map is a field of the other IP family
// SPDX-License-Identifier: Apache-2.0
// dnat(ip, ...) translates IPv4 packets: its map cannot be keyed by an IPv6 field.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = dnat(ip, ip.daddr, at<"backends">);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = dnat(ip, ip6.daddr, at<"backends">);
#endif
