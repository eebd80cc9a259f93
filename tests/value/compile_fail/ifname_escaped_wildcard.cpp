// expect: an_interface_name_may_not_end_in_an_escaped_wildcard
// SPDX-License-Identifier: Apache-2.0
// An escaped trailing "\*" does not compile: nft would list it back as the wildcard.
#include <nftpp/value/ifname.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ifname fine = "veth*";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ifname bad = "veth\\*";
#endif
