// SPDX-License-Identifier: Apache-2.0
#pragma once
// Small constexpr text and number helpers shared by the value parsers (internal).
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace nftpp::detail {

// s.find(c, pos) by index. std::string_view::find compares a pointer with null, which g++ 12
// cannot evaluate in a constant expression when the text lives in a literal carried by value
// through a consteval conversion (`ip.saddr == "10.0.0.0/8" >> accept`).
[[nodiscard]] constexpr std::size_t find_char(std::string_view s, char c, std::size_t pos = 0) noexcept {
    for (std::size_t i = pos; i < s.size(); ++i)
        if (s[i] == c) return i;
    return std::string_view::npos;
}

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
[[nodiscard]] constexpr int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A decimal number without sign, leading zeros ("0" itself is fine) or other characters.
[[nodiscard]] constexpr std::optional<std::uint64_t> parse_decimal(std::string_view s, std::uint64_t max) noexcept {
    if (s.empty() || s.size() > 20) return std::nullopt;
    if (s.size() > 1 && s[0] == '0') return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        if (!is_digit(c)) return std::nullopt;
        const std::uint64_t d = static_cast<std::uint64_t>(c - '0');
        if (v > (max - d) / 10) return std::nullopt;
        v = v * 10 + d;
    }
    return v;
}

// A number in text: decimal (no sign, no leading zeros), or "0x" hex when allowed.
// On failure `bad` is the offset of the first offending character (0 when the number as
// a whole is out of range).
struct parsed_number {
    std::uint64_t value;
    std::size_t bad;
    bool ok;
};

[[nodiscard]] constexpr parsed_number parse_number(std::string_view s, std::uint64_t max, bool allow_hex) noexcept {
    if (s.empty()) return {0, 0, false};
    if (allow_hex && s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        if (s.size() == 2) return {0, 2, false};
        std::uint64_t v = 0;
        for (std::size_t i = 2; i < s.size(); ++i) {
            const int h = hex_value(s[i]);
            if (h < 0) return {0, i, false};
            if (v > (max - static_cast<std::uint64_t>(h)) / 16) return {0, 0, false};
            v = v * 16 + static_cast<std::uint64_t>(h);
        }
        return {v, 0, true};
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_digit(s[i])) return {0, i, false};
        if (i == 1 && s[0] == '0') return {0, 0, false};  // leading zero
        const std::uint64_t d = static_cast<std::uint64_t>(s[i] - '0');
        if (v > (max - d) / 10) return {0, 0, false};
        v = v * 10 + d;
    }
    return {v, 0, true};
}

// Integer literals a number type takes: any integer type but bool and the character types.
template <class I>
concept integer_literal = std::integral<I> && !std::same_as<std::remove_cv_t<I>, bool> &&
                          !std::same_as<std::remove_cv_t<I>, char> && !std::same_as<std::remove_cv_t<I>, wchar_t> &&
                          !std::same_as<std::remove_cv_t<I>, char8_t> && !std::same_as<std::remove_cv_t<I>, char16_t> &&
                          !std::same_as<std::remove_cv_t<I>, char32_t>;

// A non-const integer variable (`int p`): a run-time value, never a literal. The DSL's
// literal paths send it to one static_assert naming the fix (port::from(n)) instead of
// the compiler's "not a constant expression".
template <class I>
concept runtime_integer = std::is_lvalue_reference_v<I> && !std::is_const_v<std::remove_reference_t<I>> &&
                          integer_literal<std::remove_cvref_t<I>>;
template <class I>
inline constexpr bool runtime_integer_refused_v = false;
#define NFTPP_RUNTIME_INTEGER_SENTENCE                                                                      \
    "a run-time integer must go through port::from(n) (uid::from, gid::from, mark::from ... for the other " \
    "number types): only a constant is a literal, and from() says when the number is out of range"

// An integer argument as C++ types a literal (`2`, `2u`): an int or unsigned prvalue, which
// a consteval overload checks at compile time wherever it is written. Every other integer
// argument (a variable, `v.size()`, `n + 1`) is a run-time value, checked when used.
// (`I` as deduced by a forwarding reference `I&&`: an lvalue gives a reference type.)
template <class I>
concept int_literal_prvalue = std::same_as<I, int> || std::same_as<I, unsigned>;
template <class I>
concept runtime_integer_argument = integer_literal<std::remove_cvref_t<I>> && !int_literal_prvalue<I>;

// Any integer as int64: values above its range (unsigned 64-bit) become its maximum,
// which every bounded value type refuses with its own sentence.
template <integer_literal I>
[[nodiscard]] constexpr std::int64_t widen(I v) noexcept {
    if (std::cmp_greater(v, std::numeric_limits<std::int64_t>::max())) return std::numeric_limits<std::int64_t>::max();
    return static_cast<std::int64_t>(v);
}

[[nodiscard]] constexpr bool in_bounds(std::int64_t v, std::uint64_t max) noexcept {
    return v >= 0 && static_cast<std::uint64_t>(v) <= max;
}

}  // namespace nftpp::detail
