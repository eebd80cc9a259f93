// expect: a_log_prefix_is_valid_utf_8
// SPDX-License-Identifier: Apache-2.0
// A log prefix that is not UTF-8 does not compile.
#include <nftpp/value/text.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr log_prefix fine = "fw\xc3\xa4: ";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr log_prefix bad = "fw\xff: ";
#endif
