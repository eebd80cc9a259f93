// expect: a_comment_is_valid_utf_8
// SPDX-License-Identifier: Apache-2.0
// A comment that is not UTF-8 does not compile.
#include <nftpp/value/text.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr comment_text fine = "caf\xc3\xa9";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr comment_text bad = "caf\xe9";
#endif
