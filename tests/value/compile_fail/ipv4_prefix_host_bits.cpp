// expect: an_ipv4_prefix_must_not_have_host_bits_set
// SPDX-License-Identifier: Apache-2.0
// An IPv4 prefix literal with host bits set does not compile.
#include <nftpp/value/ipv4.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr ipv4_prefix fine = "10.0.0.0/8";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr ipv4_prefix bad = "10.0.0.1/8";
#endif
