// expect: a_port_is_a_number_from_0_to_65535
// SPDX-License-Identifier: Apache-2.0
// A literal before `>> counter >> verdict` inside a function template (clang 14 refuses a
// consteval operator template there; the consteval converting constructor works).
#include <nftpp/nftpp.hpp>
using namespace nftpp;
template <class Verdict>
auto fine(Verdict v) { return tcp.dport != 22 >> counter >> v; }
[[maybe_unused]] inline auto f = fine(drop);
#ifdef NFTPP_CF_BAD
template <class Verdict>
auto bad(Verdict v) { return tcp.dport != 70000 >> counter >> v; }
[[maybe_unused]] inline auto b = bad(drop);
#endif
