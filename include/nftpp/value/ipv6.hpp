// SPDX-License-Identifier: Apache-2.0
#pragma once
// IPv6 addresses and prefixes: full and compressed forms, an embedded IPv4 tail
// (::ffff:1.2.3.4), either case. No zone (%eth0), no brackets, no hostnames. Rendered as
// inet_ntop prints them (what nft lists): lower case, longest zero run compressed,
// ::ffff:a.b.c.d for IPv4-mapped addresses. A /128 prefix renders as its address, as nft
// lists it. A prefix with host bits set is an error.
#include <array>
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/detail.hpp>
#include <nftpp/value/prefix.hpp>
#include <nftpp/value/ipv4.hpp>

namespace nftpp {

NFTPP_RULE(an_ipv6_address_is_eight_hex_groups_with_at_most_one_double_colon,
           "an IPv6 address is eight groups of 1-4 hex digits separated by ':', with at most one '::' (no zone, no brackets), e.g. fd00::1")
NFTPP_RULE(an_ipv6_prefix_is_an_address_a_slash_and_a_length_from_0_to_128,
           "an IPv6 prefix is an address, a '/' and a length from 0 to 128, e.g. fd00::/64")
NFTPP_RULE(an_ipv6_prefix_must_not_have_host_bits_set,
           "an IPv6 prefix must not have host bits set: write the network address, e.g. fd00::/64, not fd00::1/64")

struct ipv6_addr {
    std::array<std::uint8_t, 16> bytes;
    static constexpr std::string_view nft_type = "ipv6_addr";

    template <std::size_t N>
    consteval ipv6_addr(const char (&s)[N])
        : ipv6_addr((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                    *parse(std::string_view(s, N - 1)))) {}

    [[nodiscard]] static constexpr ipv6_addr from_bytes(const std::array<std::uint8_t, 16>& b) noexcept {
        return ipv6_addr(tag{}, b);
    }

    static constexpr result<ipv6_addr> parse(std::string_view s) noexcept {
        constexpr const rule* bad = &rules::an_ipv6_address_is_eight_hex_groups_with_at_most_one_double_colon;
        std::uint16_t head[8]{}, tail[8]{};
        int nhead = 0, ntail = 0;
        bool compressed = false;
        std::size_t pos = 0;
        if (s.size() < 2) return error{bad, 0};
        if (s.substr(0, 2) == "::") {
            compressed = true;
            pos = 2;
        } else if (s[0] == ':') {
            return error{bad, 0};
        }
        while (pos < s.size()) {
            std::size_t end = pos;
            while (end < s.size() && s[end] != ':') ++end;
            const std::string_view group = s.substr(pos, end - pos);
            std::uint16_t* dst = compressed ? tail : head;
            int& n = compressed ? ntail : nhead;
            if (detail::find_char(group, '.') != std::string_view::npos) {
                // embedded IPv4: must be the last group
                if (end != s.size() || nhead + ntail > 6) return error{bad, pos};
                auto v4 = ipv4_addr::parse(group);
                if (!v4) return error{bad, pos};
                dst[n++] = static_cast<std::uint16_t>(v4->bits >> 16);
                dst[n++] = static_cast<std::uint16_t>(v4->bits & 0xffff);
                pos = end;
                break;
            }
            if (group.empty() || group.size() > 4 || nhead + ntail >= 8) return error{bad, pos};
            std::uint16_t v = 0;
            for (char c : group) {
                const int h = detail::hex_value(c);
                if (h < 0) return error{bad, pos};
                v = static_cast<std::uint16_t>(v * 16 + h);
            }
            dst[n++] = v;
            if (end == s.size()) {
                pos = end;
                break;
            }
            // at ':'
            if (end + 1 < s.size() && s[end + 1] == ':') {
                if (compressed) return error{bad, end};
                compressed = true;
                pos = end + 2;
            } else {
                if (end + 1 == s.size()) return error{bad, end};  // trailing single ':'
                pos = end + 1;
            }
        }
        const int total = nhead + ntail;
        if (compressed ? total > 7 : total != 8) return error{bad, s.size()};
        std::array<std::uint8_t, 16> b{};
        for (int i = 0; i < nhead; ++i) {
            const auto at = static_cast<std::size_t>(2 * i);
            b[at] = static_cast<std::uint8_t>(head[i] >> 8);
            b[at + 1] = static_cast<std::uint8_t>(head[i] & 0xff);
        }
        for (int i = 0; i < ntail; ++i) {
            const auto at = static_cast<std::size_t>(2 * (8 - ntail + i));
            b[at] = static_cast<std::uint8_t>(tail[i] >> 8);
            b[at + 1] = static_cast<std::uint8_t>(tail[i] & 0xff);
        }
        return ipv6_addr(tag{}, b);
    }

    friend constexpr bool operator==(const ipv6_addr&, const ipv6_addr&) = default;
    friend constexpr auto operator<=>(const ipv6_addr&, const ipv6_addr&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ipv6_addr& a) {
        std::uint16_t w[8]{};
        for (std::size_t i = 0; i < 8; ++i) w[i] = static_cast<std::uint16_t>((a.bytes[2 * i] << 8) | a.bytes[2 * i + 1]);
        int best = -1, best_len = 0;
        for (int i = 0; i < 8;) {
            if (w[i] != 0) {
                ++i;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) ++j;
            if (j - i > best_len) {
                best = i;
                best_len = j - i;
            }
            i = j;
        }
        if (best_len < 2) best = -1;
        constexpr char digits[] = "0123456789abcdef";
        for (int i = 0; i < 8; ++i) {
            if (best >= 0 && i >= best && i < best + best_len) {
                if (i == best) out.put(i == 0 ? "::" : ":");
                continue;
            }
            // an IPv4 tail, as inet_ntop prints it (::ffff:1.2.3.4, ::1.2.3.4)
            if (i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && w[5] == 0xffff))) {
                put_uint(out, a.bytes[12]);
                out.put('.');
                put_uint(out, a.bytes[13]);
                out.put('.');
                put_uint(out, a.bytes[14]);
                out.put('.');
                put_uint(out, a.bytes[15]);
                return;
            }
            char buf[4];
            int n = 0;
            std::uint16_t v = w[i];
            do {
                buf[n++] = digits[v & 0xf];
                v = static_cast<std::uint16_t>(v >> 4);
            } while (v);
            while (n) out.put(buf[--n]);
            if (i < 7) out.put(':');
        }
    }

private:
    struct tag {};
    constexpr ipv6_addr(tag, const std::array<std::uint8_t, 16>& b) noexcept : bytes(b) {}
};

struct ipv6_prefix {
    ipv6_addr addr;
    std::uint8_t len;
    static constexpr std::string_view nft_type = "ipv6_addr";

    template <std::size_t N>
    consteval ipv6_prefix(const char (&s)[N])
        : ipv6_prefix((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                      *parse(std::string_view(s, N - 1)))) {}

    static constexpr result<ipv6_prefix> make(ipv6_addr a, int len) noexcept {
        if (len < 0 || len > 128) return error{&rules::an_ipv6_prefix_is_an_address_a_slash_and_a_length_from_0_to_128, 0};
        for (int bit = len; bit < 128; ++bit)
            if (a.bytes[static_cast<std::size_t>(bit / 8)] & (0x80 >> (bit % 8))) return error{&rules::an_ipv6_prefix_must_not_have_host_bits_set, 0};
        return ipv6_prefix(a, static_cast<std::uint8_t>(len));
    }

    // "fd00::/64"; an address alone is its /128 prefix (as nft lists one).
    static constexpr result<ipv6_prefix> parse(std::string_view s) noexcept {
        return detail::parse_prefix<ipv6_prefix, ipv6_addr, 128>(s, rules::an_ipv6_prefix_is_an_address_a_slash_and_a_length_from_0_to_128);
    }

    [[nodiscard]] constexpr bool contains(const ipv6_addr& a) const noexcept {
        for (int bit = 0; bit < len; ++bit) {
            const std::uint8_t m = static_cast<std::uint8_t>(0x80 >> (bit % 8));
            const auto at = static_cast<std::size_t>(bit / 8);
            if ((a.bytes[at] & m) != (addr.bytes[at] & m)) return false;
        }
        return true;
    }

    // The last address the prefix covers (fd00::/64 -> fd00::ffff:ffff:ffff:ffff).
    [[nodiscard]] constexpr ipv6_addr last() const noexcept {
        std::array<std::uint8_t, 16> b = addr.bytes;
        for (int bit = len; bit < 128; ++bit) {
            const auto at = static_cast<std::size_t>(bit / 8);
            b[at] = static_cast<std::uint8_t>(b[at] | (0x80 >> (bit % 8)));
        }
        return ipv6_addr::from_bytes(b);
    }

    friend constexpr bool operator==(const ipv6_prefix&, const ipv6_prefix&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ipv6_prefix& p) {
        write_nft(out, p.addr);
        if (p.len == 128) return;
        out.put('/');
        put_uint(out, p.len);
    }

private:
    constexpr ipv6_prefix(const ipv6_addr& a, std::uint8_t l) noexcept : addr(a), len(l) {}
};

}  // namespace nftpp
