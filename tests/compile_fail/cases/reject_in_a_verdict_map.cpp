// expect: a verdict map entry takes accept, drop, continue_, return_
// SPDX-License-Identifier: Apache-2.0
// nft allows only accept, drop, continue, return, jump and goto in a verdict map
// ('syntax error, unexpected reject').
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr auto fine = on(22, drop);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = on(22, reject);
#endif
