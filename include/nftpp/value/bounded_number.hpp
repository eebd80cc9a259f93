// SPDX-License-Identifier: Apache-2.0
#pragma once
// bounded_number<Self, Rep, Max, Rule, Format>: every number type of nftpp in one
// template (port, uid, gid, mark, ttl, log_group ...). A number type is one line:
//
//   NFTPP_RULE(a_uid_is_..., "a uid is a number from 0 to 4294967295 ...")
//   struct uid : bounded_number<uid, std::uint32_t, 4294967295u, rules::a_uid_is_...> {
//       using bounded_number::bounded_number;
//       template <detail::integer_literal I>
//       consteval uid(I n)
//           : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
//       static constexpr std::string_view nft_type = "uid";   // when nft has a set type for it
//   };
// (The consteval constructor is written in the type itself: g++ 12 cannot evaluate an
// inherited consteval constructor. It reports an out-of-range literal in its own frame, so
// that a compiler's notes show one call between the literal and the rule's name, not
// four: see "A literal's error in the frame that takes it" in core/error.hpp.)
//
// It gives the type a consteval constructor from an integer literal (out of range does
// not compile, with the rule's sentence), from(n) and parse(text) returning result<Self>,
// comparisons, and its rendering (decimal, or 0x and `width` hex digits as nft lists marks).
// Each number is its own type, so a uid never lands where a mark belongs; there is no
// default constructor, so an unset number cannot be rendered by accident.
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

// How a number is read from text and written: decimal digits only, or also 0x hex (read)
// and rendered as 0x with `width` digits.
struct number_format {
    bool hex = false;
    int width = 0;
};

template <class Self, class Rep, std::uint64_t Max, const rule& Broken, number_format Format = number_format{}>
struct bounded_number {
    Rep number;

    static constexpr std::uint64_t max = Max;
    using bounded_number_of = Self;  // marks the type: a match compares it with integer literals

    static constexpr result<Self> from(std::int64_t n) noexcept {
        if (!detail::in_bounds(n, Max)) return error{&Broken, 0};
        return Self(make(static_cast<Rep>(n)));
    }
    // Decimal digits only ("22", not "ssh", "+22" or " 22"); 0x hex too where Format says.
    static constexpr result<Self> parse(std::string_view text) noexcept {
        const auto n = detail::parse_number(text, Max, Format.hex);
        if (!n.ok) return error{&Broken, n.bad};
        return Self(make(static_cast<Rep>(n.value)));
    }

    friend constexpr bool operator==(const Self& a, const Self& b) noexcept { return a.number == b.number; }
    friend constexpr auto operator<=>(const Self& a, const Self& b) noexcept { return a.number <=> b.number; }

    template <Sink S>
    friend constexpr void write_nft(S& out, const Self& v) {
        if constexpr (Format.hex) put_hex(out, v.number, Format.width);
        else put_uint(out, v.number);
    }

    // For the type's consteval constructor: whether a literal is in range, and the rule it
    // breaks when it is not.
    static constexpr const rule& broken = Broken;
    template <detail::integer_literal I>
    [[nodiscard]] static constexpr bool in_range(I n) noexcept {
        return detail::in_bounds(detail::widen(n), Max);
    }

protected:
    // A literal checked against the bounds: out of range is a compile error in a consteval
    // constructor (the rule's sentence), value_error at run time.
    struct literal {};
    constexpr bounded_number(literal, std::int64_t n) : number(checked(n)) {}

private:
    static constexpr Rep checked(std::int64_t n) {
        if (!detail::in_bounds(n, Max)) raise(error{&Broken, 0});
        return static_cast<Rep>(n);
    }
    struct raw {
        Rep n;
    };
    constexpr bounded_number(raw r) noexcept : number(r.n) {}
    static constexpr Self make(Rep n) noexcept { return Self(raw{n}); }
};

}  // namespace nftpp
