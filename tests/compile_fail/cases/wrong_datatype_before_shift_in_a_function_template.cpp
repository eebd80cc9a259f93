// expect: the value on the right of this match has the wrong datatype
// SPDX-License-Identifier: Apache-2.0
// A run-time value of the wrong datatype before `>>`, in a function template, after && .
#include <nftpp/nftpp.hpp>
using namespace nftpp;
template <class T>
auto fine(port p) { return ip.saddr == "10.0.0.0/8" && tcp.dport == p >> accept; }
[[maybe_unused]] inline auto f = fine<int>(port(22));
#ifdef NFTPP_CF_BAD
template <class T>
auto bad(mark m) { return ip.saddr == "10.0.0.0/8" && tcp.dport == m >> accept; }
[[maybe_unused]] inline auto b = bad<int>(mark(1));
#endif
