// expect: a_name_is_an_nft_identifier
// SPDX-License-Identifier: Apache-2.0
// A name starting with a digit does not compile.
#include <nftpp/value/name.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr name fine = "first";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr name bad = "1st";
#endif
