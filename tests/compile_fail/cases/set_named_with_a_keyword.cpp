// expect: a_name_may_not_be_an_nft_keyword
// SPDX-License-Identifier: Apache-2.0
// Set and map names are nft identifiers: a keyword (fwd, map, counter ...) is a syntax error.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = data_map<"forward", port, ipv4_addr>({{80, "10.0.0.1"}});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = data_map<"fwd", port, ipv4_addr>({{80, "10.0.0.1"}});
#endif
