// expect: takes a rate with its time unit
// SPDX-License-Identifier: Apache-2.0
// A bare number where a limit's rate goes has no time unit: the rule's sentence, not a
// list of candidates.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = tcp.dport == 22 >> limit(5 / second, burst(10)) >> accept;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = tcp.dport == 22 >> limit(5, burst(10)) >> accept;
#endif
