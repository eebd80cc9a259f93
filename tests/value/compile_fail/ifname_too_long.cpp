// expect: an_interface_name_is_1_to_15_bytes
// SPDX-License-Identifier: Apache-2.0
// A 16-byte interface name does not compile.
#include <nftpp/value/ifname.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ifname fine = "abcdefghijklmno";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ifname bad = "abcdefghijklmnop";
#endif
