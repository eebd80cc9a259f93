// expect: a_limit_burst_must_be_greater_than_0
// SPDX-License-Identifier: Apache-2.0
// A literal burst of 0 is refused by the compiler wherever it is written.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = limit(5 / second, burst(1));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = limit(5 / second, burst(0));
#endif
