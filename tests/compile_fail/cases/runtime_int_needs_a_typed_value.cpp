// expect: (call to non-|call to consteval function|not a constant expression)
// SPDX-License-Identifier: Apache-2.0
// A run-time int cannot pass as a literal: run-time data must be a typed, checked value.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
int value_from_config();
[[maybe_unused]] static const auto fine = tcp.dport == port::from(value_from_config()).value();
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = tcp.dport == value_from_config();
#endif
