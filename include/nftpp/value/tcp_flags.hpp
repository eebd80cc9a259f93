// SPDX-License-Identifier: Apache-2.0
#pragma once
// tcp_flags: fin, syn, rst, psh, ack, urg, ecn, cwr, combined with |; a flag set
// (value/flag_set.hpp). Rendered as nft lists them: comma separated, in bit order
// ("syn,ack"). nft lists an exact comparison of several tcp flags in hex
// (`tcp flags != 0x12`); set elements it joins by " | " (write_nft_element).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/value/flag_set.hpp>

namespace nftpp {

NFTPP_RULE(tcp_flags_are_one_or_more_of_fin_syn_rst_psh_ack_urg_ecn_cwr,
           "tcp flags are one or more of fin, syn, rst, psh, ack, urg, ecn, cwr, lower case and comma separated, "
           "e.g. syn,ack")

namespace detail {
inline constexpr flag_name tcp_flag_names[] = {{1, "fin"},  {2, "syn"},  {4, "rst"},  {8, "psh"},
                                               {16, "ack"}, {32, "urg"}, {64, "ecn"}, {128, "cwr"}};
}  // namespace detail

struct tcp_flags : flag_set<tcp_flags, std::uint8_t, detail::tcp_flag_names,
                            rules::tcp_flags_are_one_or_more_of_fin_syn_rst_psh_ack_urg_ecn_cwr> {
    using flag_set::flag_set;
    template <std::size_t N>
    consteval tcp_flags(const char (&names)[N]) : flag_set(literal{}, names) {}
    static constexpr std::string_view nft_type = "tcp_flag";
};

inline constexpr tcp_flags fin = "fin";
inline constexpr tcp_flags syn = "syn";
inline constexpr tcp_flags rst = "rst";
inline constexpr tcp_flags psh = "psh";
inline constexpr tcp_flags ack = "ack";
inline constexpr tcp_flags urg = "urg";
inline constexpr tcp_flags ecn = "ecn";
inline constexpr tcp_flags cwr = "cwr";

}  // namespace nftpp
