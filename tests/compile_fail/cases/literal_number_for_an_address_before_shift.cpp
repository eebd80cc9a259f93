// expect: this_datatype_takes_a_string_literal_not_a_number
// SPDX-License-Identifier: Apache-2.0
// The README's slip `ip.daddr == 3128 >> accept` (a port where an address belongs), in an
// ordinary function.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] auto fine() { return ip.daddr == "10.0.0.1" && tcp.dport == 3128 >> accept; }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return ip.daddr == 3128 >> accept; }
#endif
