// expect: a_port_is_a_number_from_0_to_65535
// SPDX-License-Identifier: Apache-2.0
// `tcp.dport == 70000 >> accept` in an ordinary function: `70000 >> accept` is a constant,
// so the match checks the literal as a port in the compiler.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] auto fine() { return tcp.dport == 3128 >> accept; }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return tcp.dport == 70000 >> accept; }
#endif
