// SPDX-License-Identifier: Apache-2.0
#pragma once
// ether_addr: a MAC address "00:11:22:33:44:55" (either case; rendered lower case).
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(an_ethernet_address_is_six_hex_pairs_separated_by_colons,
           "an Ethernet address is six pairs of hex digits separated by ':', e.g. 00:11:22:33:44:55")

struct ether_addr {
    static constexpr std::string_view nft_type = "ether_addr";
    std::array<std::uint8_t, 6> bytes;

    template <std::size_t N>
    consteval ether_addr(const char (&s)[N])
        : ether_addr((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                     *parse(std::string_view(s, N - 1)))) {}

    // Six pairs of hex digits (either case) separated by ':'.
    static constexpr result<ether_addr> parse(std::string_view s) noexcept {
        constexpr const rule* bad = &rules::an_ethernet_address_is_six_hex_pairs_separated_by_colons;
        std::array<std::uint8_t, 6> b{};
        for (std::size_t i = 0; i < 6; ++i) {
            const std::size_t at = 3 * i;
            if (i > 0 && (at - 1 >= s.size() || s[at - 1] != ':')) return error{bad, at - 1};
            if (at + 2 > s.size()) return error{bad, at};
            const int hi = detail::hex_value(s[at]), lo = detail::hex_value(s[at + 1]);
            if (hi < 0) return error{bad, at};
            if (lo < 0) return error{bad, at + 1};
            b[i] = static_cast<std::uint8_t>(hi * 16 + lo);
        }
        if (s.size() != 17) return error{bad, 17};
        return ether_addr(tag{}, b);
    }

    friend constexpr bool operator==(const ether_addr&, const ether_addr&) = default;
    friend constexpr auto operator<=>(const ether_addr&, const ether_addr&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ether_addr& e) {
        constexpr char digits[] = "0123456789abcdef";
        for (int i = 0; i < 6; ++i) {
            if (i) out.put(':');
            out.put(digits[e.bytes[i] >> 4]);
            out.put(digits[e.bytes[i] & 0xf]);
        }
    }

private:
    struct tag {};
    constexpr ether_addr(tag, const std::array<std::uint8_t, 6>& b) noexcept : bytes(b) {}
};

}  // namespace nftpp
