// SPDX-License-Identifier: Apache-2.0
#pragma once
// tcp_flags: fin, syn, rst, psh, ack, urg, ecn, cwr, combined with |. Rendered as nft
// lists them: comma separated, in bit order ("syn,ack").
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/flags.hpp>

namespace nftpp {

NFTPP_RULE(tcp_flags_are_one_or_more_of_fin_syn_rst_psh_ack_urg_ecn_cwr,
           "tcp flags are one or more of fin, syn, rst, psh, ack, urg, ecn, cwr, lower case and comma separated, "
           "e.g. syn,ack")

namespace detail {
inline constexpr flag_name tcp_flag_names[8] = {{1, "fin"},  {2, "syn"},  {4, "rst"},  {8, "psh"},
                                                {16, "ack"}, {32, "urg"}, {64, "ecn"}, {128, "cwr"}};
}  // namespace detail

struct tcp_flags {
    std::uint8_t bits;

    static constexpr std::string_view nft_type = "tcp_flag";

    // One or more flags (0 is refused: an empty set of flags cannot be written).
    static constexpr result<tcp_flags> from_bits(std::uint32_t b) noexcept {
        if (b == 0 || b > 0xff) return error{&rules::tcp_flags_are_one_or_more_of_fin_syn_rst_psh_ack_urg_ecn_cwr, 0};
        return tcp_flags(tag{}, static_cast<std::uint8_t>(b));
    }
    // "syn,ack" (nft's listing form).
    static constexpr result<tcp_flags> parse(std::string_view text) noexcept {
        const auto f = detail::parse_flags(text, detail::tcp_flag_names);
        if (!f.ok) return error{&rules::tcp_flags_are_one_or_more_of_fin_syn_rst_psh_ack_urg_ecn_cwr, f.bad};
        return tcp_flags(tag{}, static_cast<std::uint8_t>(f.bits));
    }

    [[nodiscard]] constexpr bool has(tcp_flags f) const noexcept { return (bits & f.bits) == f.bits; }

    friend constexpr tcp_flags operator|(tcp_flags a, tcp_flags b) noexcept {
        return tcp_flags(tag{}, static_cast<std::uint8_t>(a.bits | b.bits));
    }
    friend constexpr bool operator==(const tcp_flags&, const tcp_flags&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const tcp_flags& f) {
        detail::write_flags(out, f.bits, detail::tcp_flag_names);
    }
    // As an element of a set, or as the value of an exact comparison (== or !=): flags
    // joined by " | " (in a set a comma separates elements). nft lists set elements so;
    // an exact comparison of several tcp flags it lists in hex (`tcp flags != 0x12`).
    template <Sink S>
    friend constexpr void write_nft_element(S& out, const tcp_flags& f) {
        detail::write_flags(out, f.bits, detail::tcp_flag_names, " | ");
    }

private:
    struct tag {};
    constexpr tcp_flags(tag, std::uint8_t b) noexcept : bits(b) {}
};

inline constexpr tcp_flags fin = tcp_flags::from_bits(1).value();
inline constexpr tcp_flags syn = tcp_flags::from_bits(2).value();
inline constexpr tcp_flags rst = tcp_flags::from_bits(4).value();
inline constexpr tcp_flags psh = tcp_flags::from_bits(8).value();
inline constexpr tcp_flags ack = tcp_flags::from_bits(16).value();
inline constexpr tcp_flags urg = tcp_flags::from_bits(32).value();
inline constexpr tcp_flags ecn = tcp_flags::from_bits(64).value();
inline constexpr tcp_flags cwr = tcp_flags::from_bits(128).value();

}  // namespace nftpp
