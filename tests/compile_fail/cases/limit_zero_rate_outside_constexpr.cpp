// expect: a_limit_rate_must_be_greater_than_0
// SPDX-License-Identifier: Apache-2.0
// A literal rate of 0 is refused by the compiler wherever it is written, not only in a
// constexpr rule (a run-time 0 is a value_error: tests/stmt/statements.cpp).
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = limit(1 / second);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = limit(0 / second);
#endif
