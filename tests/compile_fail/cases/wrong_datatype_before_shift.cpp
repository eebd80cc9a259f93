// expect: the value on the right of this match has the wrong datatype
// SPDX-License-Identifier: Apache-2.0
// A typed value of the wrong datatype before `>>`: one sentence, no cascade.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr port proxy_port{3128};
[[maybe_unused]] auto fine() { return tcp.dport == proxy_port >> accept; }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return ip.daddr == proxy_port >> accept; }
#endif
