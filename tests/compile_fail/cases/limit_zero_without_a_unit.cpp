// expect: takes a rate with its time unit
// SPDX-License-Identifier: Apache-2.0
// limit(0): no unit (and no rate): the rule's sentence.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = limit(over, 1 / minute);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = limit(0);
#endif
