// expect: an_interface_name_is_valid_utf_8
// SPDX-License-Identifier: Apache-2.0
// An interface name that is not UTF-8 does not compile.
#include <nftpp/value/ifname.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ifname fine = "\xc3\xa4th0";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ifname bad = "\xff\xfe";
#endif
