// expect: a_port_is_a_number_from_0_to_65535
// SPDX-License-Identifier: Apache-2.0
// `tcp.dport == 70000 >> accept` evaluates `70000 >> accept` first; in a constexpr rule the
// literal is still checked by the compiler.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr auto fine = tcp.dport == 3128 >> accept;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = tcp.dport == 70000 >> accept;
#endif
