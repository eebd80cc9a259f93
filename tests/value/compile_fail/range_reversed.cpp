// expect: a_range_needs_low_less_than_or_equal_to_high
// SPDX-License-Identifier: Apache-2.0
// A reversed range does not compile when constant evaluated.
#include <nftpp/value/port.hpp>
#include <nftpp/value/range.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr range<port> fine(1024, 65535);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr range<port> bad(2000, 1000);
#endif
