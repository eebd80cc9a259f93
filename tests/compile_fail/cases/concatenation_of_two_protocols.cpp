// expect: the parts of this concat\(...\) need two different protocols
// SPDX-License-Identifier: Apache-2.0
// A packet is IPv4 or IPv6, TCP or UDP: a concatenation of both can never match.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = concat(ip.saddr, tcp.dport) == at<"pairs">;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = concat(ip.saddr, ip6.daddr) == at<"pairs">;
#endif
