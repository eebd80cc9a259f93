// expect: a concat\(...\) matches a set or a map, not one value
// SPDX-License-Identifier: Apache-2.0
// nft refuses a concatenation compared with a single value; a set of pairs is the form.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = concat(iifname, ip.daddr).in({{"lo", "127.0.0.1"}}) >> accept;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = concat(iifname, ip.daddr) == concat_key<ifname, ipv4_addr>{"lo", "127.0.0.1"};
#endif
