// expect: a_name_may_not_be_an_nft_keyword
// SPDX-License-Identifier: Apache-2.0
// A keyword as a name does not compile.
#include <nftpp/value/name.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr name fine = "sets";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr name bad = "set";
#endif
