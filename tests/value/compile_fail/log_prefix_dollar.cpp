// expect: a_log_prefix_may_not_contain_quote_dollar_nul_or_newline
// SPDX-License-Identifier: Apache-2.0
// A '$' in a log prefix literal does not compile.
#include <nftpp/value/text.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr log_prefix fine = "cost: ";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr log_prefix bad = "cost $5: ";
#endif
