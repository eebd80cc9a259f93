// expect: tcp_flags_are_one_or_more_of_fin_syn_rst_psh_ack_urg_ecn_cwr
// SPDX-License-Identifier: Apache-2.0
// Empty tcp flags cannot be made at compile time.
#include <nftpp/value/tcp_flags.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr tcp_flags fine = tcp_flags::from_bits(0x12).value();
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr tcp_flags bad = tcp_flags::from_bits(0).value();
#endif
