// expect: log_flags_are_one_or_more_of_tcp_sequence_tcp_options_ip_options_skuid_ether
// SPDX-License-Identifier: Apache-2.0
// Log flags in a literal are comma separated, not joined by '|'.
#include <nftpp/value/log_flags.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr log_flags fine = "skuid,ether";
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr log_flags bad = "skuid|ether";
#endif
