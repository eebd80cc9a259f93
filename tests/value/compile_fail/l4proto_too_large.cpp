// expect: an_ip_protocol_is_a_number_from_0_to_255_or_a_known_name
// SPDX-License-Identifier: Apache-2.0
// A protocol number over 255 does not compile.
#include <nftpp/value/l4proto.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr l4proto fine = 255;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr l4proto bad = 256;
#endif
