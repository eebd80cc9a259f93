// SPDX-License-Identifier: Apache-2.0
#pragma once
// IPv4 addresses and prefixes. Dotted quads only: no hostnames (nft would resolve them on
// the machine that loads the rules), no "10.1" or "167772161" shorthands, no leading
// zeros ("010" is octal to some tools and decimal to others). A prefix with host bits
// set ("10.0.0.1/8") is an error rather than silently truncated as nft does. A /32
// prefix renders as its address, as nft lists it ("10.0.0.1", not "10.0.0.1/32").
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/detail.hpp>
#include <nftpp/value/prefix.hpp>

namespace nftpp {

NFTPP_RULE(an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots,
           "an IPv4 address is four numbers 0-255 separated by dots, without leading zeros, e.g. 10.0.0.1")
NFTPP_RULE(an_ipv4_address_part_may_not_have_a_leading_zero,
           "an IPv4 address part may not have a leading zero (010 is octal to some tools, decimal to others): write 10.0.0.1, not 010.0.0.1")
NFTPP_RULE(an_ipv4_prefix_is_an_address_a_slash_and_a_length_from_0_to_32,
           "an IPv4 prefix is an address, a '/' and a length from 0 to 32, e.g. 10.0.0.0/8")
NFTPP_RULE(an_ipv4_prefix_must_not_have_host_bits_set,
           "an IPv4 prefix must not have host bits set: write the network address, e.g. 10.0.0.0/8, not 10.0.0.1/8")

struct ipv4_addr {
    std::uint32_t bits;  // host byte order: 10.0.0.1 is 0x0a000001

    static constexpr std::string_view nft_type = "ipv4_addr";

    // ipv4_addr a = "10.0.0.1";
    template <std::size_t N>
    consteval ipv4_addr(const char (&s)[N])
        : ipv4_addr((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                    *parse(std::string_view(s, N - 1)))) {}

    [[nodiscard]] static constexpr ipv4_addr from_bits(std::uint32_t b) noexcept { return ipv4_addr(tag{}, b); }

    static constexpr result<ipv4_addr> parse(std::string_view s) noexcept {
        constexpr const rule* bad = &rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots;
        std::uint32_t v = 0;
        std::size_t pos = 0;
        for (int part = 0; part < 4; ++part) {
            const std::size_t start = pos;
            while (pos < s.size() && s[pos] != '.') ++pos;
            const std::string_view digits = s.substr(start, pos - start);
            if (digits.empty()) return error{bad, start};
            for (std::size_t i = 0; i < digits.size(); ++i)
                if (!detail::is_digit(digits[i])) return error{bad, start + i};
            if (digits.size() > 1 && digits[0] == '0')
                return error{&rules::an_ipv4_address_part_may_not_have_a_leading_zero, start};
            const auto n = detail::parse_decimal(digits, 255);
            if (!n) return error{bad, start};
            v = (v << 8) | static_cast<std::uint32_t>(*n);
            if (part < 3) {
                if (pos >= s.size()) return error{bad, pos};
                ++pos;  // '.'
            }
        }
        if (pos != s.size()) return error{bad, pos};
        return ipv4_addr(tag{}, v);
    }

    friend constexpr bool operator==(const ipv4_addr&, const ipv4_addr&) = default;
    friend constexpr auto operator<=>(const ipv4_addr&, const ipv4_addr&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ipv4_addr& a) {
        for (int i = 3; i >= 0; --i) {
            put_uint(out, (a.bits >> (8 * i)) & 0xffu);
            if (i) out.put('.');
        }
    }

private:
    struct tag {};
    constexpr ipv4_addr(tag, std::uint32_t b) noexcept : bits(b) {}
};

struct ipv4_prefix {
    ipv4_addr addr;    // the network address: no bits set past len
    std::uint8_t len;  // 0 to 32

    static constexpr std::string_view nft_type = "ipv4_addr";  // in a set with flags interval

    // ipv4_prefix p = "10.0.0.0/8";
    template <std::size_t N>
    consteval ipv4_prefix(const char (&s)[N])
        : ipv4_prefix((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                      *parse(std::string_view(s, N - 1)))) {}

    static constexpr result<ipv4_prefix> make(ipv4_addr a, int length) noexcept {
        if (length < 0 || length > 32)
            return error{&rules::an_ipv4_prefix_is_an_address_a_slash_and_a_length_from_0_to_32, 0};
        const std::uint32_t host = length == 32 ? 0u : (0xffffffffu >> length);
        if (a.bits & host) return error{&rules::an_ipv4_prefix_must_not_have_host_bits_set, 0};
        return ipv4_prefix(a, static_cast<std::uint8_t>(length));
    }

    // "10.0.0.0/8"; an address alone is its /32 prefix (as nft lists one).
    static constexpr result<ipv4_prefix> parse(std::string_view s) noexcept {
        return detail::parse_prefix<ipv4_prefix, ipv4_addr, 32>(s, rules::an_ipv4_prefix_is_an_address_a_slash_and_a_length_from_0_to_32);
    }

    [[nodiscard]] constexpr std::uint32_t mask() const noexcept { return len == 0 ? 0u : (0xffffffffu << (32 - len)); }
    [[nodiscard]] constexpr bool contains(ipv4_addr a) const noexcept { return (a.bits & mask()) == addr.bits; }
    // The last address the prefix covers (10.0.0.0/8 -> 10.255.255.255).
    [[nodiscard]] constexpr ipv4_addr last() const noexcept { return ipv4_addr::from_bits(addr.bits | ~mask()); }

    friend constexpr bool operator==(const ipv4_prefix&, const ipv4_prefix&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ipv4_prefix& p) {
        write_nft(out, p.addr);
        if (p.len == 32) return;
        out.put('/');
        put_uint(out, p.len);
    }

private:
    constexpr ipv4_prefix(ipv4_addr a, std::uint8_t l) noexcept : addr(a), len(l) {}
};

}  // namespace nftpp
