// expect: an_interface_name_may_not_be_a_lone_wildcard
// SPDX-License-Identifier: Apache-2.0
// A lone wildcard interface name does not compile.
#include <nftpp/value/ifname.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ifname fine = "veth*";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ifname bad = "*";
#endif
