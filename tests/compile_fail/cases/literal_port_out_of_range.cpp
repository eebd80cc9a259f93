// expect: a_port_is_a_number_from_0_to_65535
// SPDX-License-Identifier: Apache-2.0
// A port literal over 65535 does not compile, also on the right of a match.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = tcp.dport == 65535;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = tcp.dport == 70000;
#endif
