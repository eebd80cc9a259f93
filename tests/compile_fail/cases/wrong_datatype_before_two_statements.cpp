// expect: the value on the right of this match has the wrong datatype
// SPDX-License-Identifier: Apache-2.0
// An address where a port belongs, before two statements.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr ipv4_addr proxy_ip = "10.0.0.2";
[[maybe_unused]] auto fine() { return ip.daddr == proxy_ip >> counter >> accept; }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return tcp.dport == proxy_ip >> counter >> accept; }
#endif
