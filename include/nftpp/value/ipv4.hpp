#pragma once
// IPv4 addresses and prefixes. Dotted quads only: no hostnames (nft would resolve them on
// the machine that loads the rules), no "10.1", no leading zeros. A prefix with host bits
// set is an error rather than silently truncated as nft does.
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots,
           "an IPv4 address is four numbers 0-255 separated by dots, without leading zeros, e.g. 10.0.0.1")
NFTPP_RULE(an_ipv4_prefix_is_an_address_a_slash_and_a_length_from_0_to_32,
           "an IPv4 prefix is an address, a '/' and a length from 0 to 32, e.g. 10.0.0.0/8")
NFTPP_RULE(an_ipv4_prefix_must_not_have_host_bits_set,
           "an IPv4 prefix must not have host bits set: write the network address, e.g. 10.0.0.0/8, not 10.0.0.1/8")

struct ipv4_addr {
    std::uint32_t bits;  // host byte order
    static constexpr std::string_view nft_type = "ipv4_addr";

    template <std::size_t N>
    consteval ipv4_addr(const char (&s)[N]) : bits(parse(std::string_view(s, N - 1)).value().bits) {}

    [[nodiscard]] static constexpr ipv4_addr from_bits(std::uint32_t b) noexcept { return ipv4_addr(tag{}, b); }

    static constexpr result<ipv4_addr> parse(std::string_view s) noexcept {
        std::uint32_t v = 0;
        std::size_t pos = 0;
        for (int part = 0; part < 4; ++part) {
            const std::size_t start = pos;
            while (pos < s.size() && s[pos] != '.') ++pos;
            auto n = detail::parse_decimal(s.substr(start, pos - start), 255);
            if (!n) return error{&rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots, start};
            v = (v << 8) | static_cast<std::uint32_t>(*n);
            if (part < 3) {
                if (pos >= s.size()) return error{&rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots, pos};
                ++pos;  // '.'
            }
        }
        if (pos != s.size()) return error{&rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots, pos};
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
    ipv4_addr addr;
    std::uint8_t len;
    static constexpr std::string_view nft_type = "ipv4_addr";

    template <std::size_t N>
    consteval ipv4_prefix(const char (&s)[N]) : ipv4_prefix(parse(std::string_view(s, N - 1)).value()) {}

    static constexpr result<ipv4_prefix> make(ipv4_addr a, int len) noexcept {
        if (len < 0 || len > 32) return error{&rules::an_ipv4_prefix_is_an_address_a_slash_and_a_length_from_0_to_32, 0};
        const std::uint32_t host = len == 32 ? 0u : (0xffffffffu >> len);
        if (a.bits & host) return error{&rules::an_ipv4_prefix_must_not_have_host_bits_set, 0};
        return ipv4_prefix(a, static_cast<std::uint8_t>(len));
    }

    static constexpr result<ipv4_prefix> parse(std::string_view s) noexcept {
        const auto slash = s.find('/');
        if (slash == std::string_view::npos)
            return error{&rules::an_ipv4_prefix_is_an_address_a_slash_and_a_length_from_0_to_32, s.size()};
        auto a = ipv4_addr::parse(s.substr(0, slash));
        if (!a) return a.err();
        auto n = detail::parse_decimal(s.substr(slash + 1), 32);
        if (!n) return error{&rules::an_ipv4_prefix_is_an_address_a_slash_and_a_length_from_0_to_32, slash + 1};
        auto p = make(*a, static_cast<int>(*n));
        if (!p) return error{p.err().broken, slash};
        return p;
    }

    [[nodiscard]] constexpr bool contains(ipv4_addr a) const noexcept {
        const std::uint32_t mask = len == 0 ? 0u : (0xffffffffu << (32 - len));
        return (a.bits & mask) == addr.bits;
    }

    friend constexpr bool operator==(const ipv4_prefix&, const ipv4_prefix&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ipv4_prefix& p) {
        write_nft(out, p.addr);
        out.put('/');
        put_uint(out, p.len);
    }

private:
    constexpr ipv4_prefix(ipv4_addr a, std::uint8_t l) noexcept : addr(a), len(l) {}
};

}  // namespace nftpp
