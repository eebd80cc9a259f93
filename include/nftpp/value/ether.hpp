#pragma once
// ether_addr: a MAC address "00:11:22:33:44:55" (either case; rendered lower case).
#include <array>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(an_ethernet_address_is_six_hex_pairs_separated_by_colons,
           "an Ethernet address is six pairs of hex digits separated by ':', e.g. 00:11:22:33:44:55")

struct ether_addr {
    static constexpr std::string_view nft_type = "ether_addr";
    std::array<std::uint8_t, 6> bytes;

    template <std::size_t N>
    consteval ether_addr(const char (&s)[N]) : bytes(parse(std::string_view(s, N - 1)).value().bytes) {}

    static constexpr result<ether_addr> parse(std::string_view s) noexcept {
        if (s.size() != 17) return error{&rules::an_ethernet_address_is_six_hex_pairs_separated_by_colons, 0};
        std::array<std::uint8_t, 6> b{};
        for (int i = 0; i < 6; ++i) {
            const int hi = detail::hex_value(s[3 * i]), lo = detail::hex_value(s[3 * i + 1]);
            if (hi < 0 || lo < 0 || (i < 5 && s[3 * i + 2] != ':'))
                return error{&rules::an_ethernet_address_is_six_hex_pairs_separated_by_colons, static_cast<std::size_t>(3 * i)};
            b[i] = static_cast<std::uint8_t>(hi * 16 + lo);
        }
        return ether_addr(tag{}, b);
    }

    friend constexpr bool operator==(const ether_addr&, const ether_addr&) = default;

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
