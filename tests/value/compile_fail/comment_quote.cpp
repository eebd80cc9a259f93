// expect: a_comment_may_not_contain_quote_nul_or_newline
// SPDX-License-Identifier: Apache-2.0
// A '"' in a comment literal does not compile.
#include <nftpp/value/text.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr comment_text fine = "proxy";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr comment_text bad = "the \"proxy\"";
#endif
