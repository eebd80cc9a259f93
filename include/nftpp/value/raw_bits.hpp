// SPDX-License-Identifier: Apache-2.0
#pragma once
// raw_bits<Len>: the value of a raw payload field of Len bits (expr/raw_payload.hpp),
// 0 to 2^Len - 1, written in hex with the field's width: a 48-bit field holds
// 0x00163e000001. Fields of 1 to 63 bits hold a bounded number; 64 to 128 bits (nft's
// limit) a pair of halves written as an integer literal or as hex text, "0x...".
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <nftpp/core/error.hpp>
#include <nftpp/value/bounded_number.hpp>

namespace nftpp {

NFTPP_RULE(a_raw_payload_value_fits_in_its_bits,
           "a raw payload value fits in its field's bits (raw_nh<0, 8> takes 0 to 255): write a smaller number or a longer field")

NFTPP_RULE(a_wide_raw_payload_value_is_a_number_or_hex_text,
           "a raw payload value of 64 to 128 bits is an integer literal or hex text as \"0x0123456789abcdef01\" "
           "(C++ has no wider literal), and fits in its field's bits")

namespace detail {
template <unsigned Len>
struct raw_bits_name {
    static constexpr std::size_t digits = Len >= 100 ? 3 : Len >= 10 ? 2 : 1;
    static constexpr std::array<char, digits + 1> chars = [] {
        std::array<char, digits + 1> c{};
        c[0] = '@';
        unsigned n = Len;
        for (std::size_t i = digits; i >= 1; --i) {
            c[i] = static_cast<char>('0' + n % 10);
            n /= 10;
        }
        return c;
    }();
    static constexpr std::string_view text{chars.data(), chars.size()};
};
}  // namespace detail

template <unsigned Len>
concept raw_bits_width = Len >= 1 && Len <= 128;
template <unsigned Len>
concept raw_bits_narrow = Len <= 63;

template <unsigned Len>
    requires raw_bits_width<Len>
struct raw_bits;

// 1 to 63 bits: a bounded number.
template <unsigned Len>
    requires(raw_bits_width<Len> && raw_bits_narrow<Len>)
struct raw_bits<Len> : bounded_number<raw_bits<Len>, std::uint64_t, (std::uint64_t{1} << Len) - 1, rules::a_raw_payload_value_fits_in_its_bits,
                                      number_format{.hex = true, .width = static_cast<int>((Len + 3) / 4)}> {
    using raw_bits::bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval raw_bits(I n)
        : raw_bits::bounded_number(typename raw_bits::literal{}, (raw_bits::in_range(n) ? void() : raw_bits::broken.compile_time_report(), detail::widen(n))) {}
    // nft has no datatype for them: a set of them is declared with typeof (ruleset/set.hpp);
    // this name only tells one width from another ("@16").
    static constexpr std::string_view nft_type = detail::raw_bits_name<Len>::text;
};

// 64 to 128 bits: two 64-bit halves, from an integer literal or hex text ("0x..." with up
// to 32 digits), written in hex with the field's width.
template <unsigned Len>
    requires(raw_bits_width<Len> && !raw_bits_narrow<Len>)
struct raw_bits<Len> {
    std::uint64_t hi;
    std::uint64_t lo;
    static constexpr bool number_or_hex_text = true;  // matches take both (expr/operand.hpp)
    static constexpr std::string_view nft_type = detail::raw_bits_name<Len>::text;

    template <detail::integer_literal I>
    consteval raw_bits(I n)
        : raw_bits((from_literal_integer(n).ok() ? void() : from_literal_integer(n).err().broken->compile_time_report(),
                   *from_literal_integer(n))) {}
    template <std::size_t N>
    consteval raw_bits(const char (&s)[N])
        : raw_bits((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                   *parse(std::string_view(s, N - 1)))) {}

    static constexpr result<raw_bits> from(std::int64_t n) noexcept {
        if (n < 0) return error{&rules::a_wide_raw_payload_value_is_a_number_or_hex_text, 0};
        return raw_bits(0, static_cast<std::uint64_t>(n));
    }
    // An integer literal up to 2^64 - 1 (an unsigned one is not cut to 63 bits; matches
    // take literals this way, expr/operand.hpp).
    template <detail::integer_literal I>
    static constexpr result<raw_bits> from_literal_integer(I n) noexcept {
        if (std::cmp_less(n, 0)) return error{&rules::a_wide_raw_payload_value_is_a_number_or_hex_text, 0};
        return raw_bits(0, static_cast<std::uint64_t>(n));
    }
    // "0x" and 1 to 32 hex digits, or decimal digits of a number below 2^64.
    static constexpr result<raw_bits> parse(std::string_view s) noexcept {
        const auto bad = [](std::size_t at) -> result<raw_bits> {
            return error{&rules::a_wide_raw_payload_value_is_a_number_or_hex_text, at};
        };
        std::uint64_t hi = 0, lo = 0;
        if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            for (std::size_t i = 2; i < s.size(); ++i) {
                const int d = hex_digit(s[i]);
                if (d < 0 || (hi >> 60) != 0) return bad(i);
                hi = (hi << 4) | (lo >> 60);
                lo = (lo << 4) | static_cast<std::uint64_t>(d);
            }
        } else {
            const auto n = detail::parse_number(s, ~std::uint64_t{0}, false);
            if (!n.ok) return bad(n.bad);
            lo = n.value;
        }
        if constexpr (Len < 128) {
            if ((hi >> (Len - 64)) != 0) return bad(0);
        }
        return raw_bits(hi, lo);
    }

    friend constexpr bool operator==(const raw_bits&, const raw_bits&) noexcept = default;
    friend constexpr auto operator<=>(const raw_bits&, const raw_bits&) noexcept = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const raw_bits& v) {
        constexpr std::size_t width = (Len + 3) / 4;
        char text[2 + width] = {'0', 'x'};
        for (std::size_t i = 0; i < width; ++i) {
            const std::size_t shift = 4 * (width - 1 - i);  // bits below this digit
            const std::uint64_t nibble = shift >= 64 ? v.hi >> (shift - 64) : (v.lo >> shift) | (shift == 0 ? 0 : v.hi << (64 - shift));
            text[2 + i] = "0123456789abcdef"[nibble & 0xf];
        }
        out.put(std::string_view(text, sizeof text));
    }

private:
    constexpr raw_bits(std::uint64_t h, std::uint64_t l) noexcept : hi(h), lo(l) {}
    static constexpr int hex_digit(char c) noexcept {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
};

}  // namespace nftpp
