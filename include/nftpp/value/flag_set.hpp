// SPDX-License-Identifier: Apache-2.0
#pragma once
// flag_set<Self, Bits, Names, Broken>: every bit-flag value of nftpp in one template
// (ct_state, ct_status, tcp_flags, log_flags). A flag type is its bit names, its rule and
// a few lines:
//
//   inline constexpr flag_name ct_state_names[] = {{1, "invalid"}, {2, "established"}, ...};
//   NFTPP_RULE(a_ct_state_is_..., "a ct state is one or more of invalid, established, ...")
//   struct ct_state : flag_set<ct_state, std::uint32_t, ct_state_names, rules::a_ct_state_is_...> {
//       using flag_set::flag_set;
//       template <std::size_t N>
//       consteval ct_state(const char (&names)[N]) : flag_set(literal{}, names) {}
//       static constexpr std::string_view nft_type = "ct_state";
//   };
//   inline constexpr ct_state established = "established";
// (The consteval constructor is written in the type itself: g++ 12 cannot evaluate an
// inherited consteval constructor. A flag type holds its bits only, so the class built by
// that constructor has no interior padding, which clang 14 miscompiles.)
//
// It gives the type a consteval constructor from a literal name list ("established,related":
// a name that is not one of its flags does not compile, with the rule's sentence),
// from_bits(b) and parse(text) returning result<Self>, `|`, has(), ==, and its rendering as
// nft lists it: write_nft a bare list, comma separated in bit order (`ct state
// established,related`, and a mask after '/'); write_nft_element joined by " | " (an
// element of a set, where a comma separates elements, and the value of an exact comparison:
// `ct state != established | related`). There is no empty flag set (nft cannot write one)
// and no default constructor. A match takes a flag value only as a typed value (the default
// operand_traits: `ct.state == "established"` is refused with a sentence naming the fix),
// so a new flag type needs nothing outside its header.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/value/detail.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

// One flag: its bit and its nft name. Every name of a flag type has one bit of its own.
struct flag_name {
    std::uint32_t bit;
    std::string_view name;
};

namespace detail {

template <Sink S, std::size_t N>
constexpr void write_flags(S& out, std::uint32_t bits, const flag_name (&names)[N], std::string_view sep) {
    bool first = true;
    for (const auto& f : names) {
        if (!(bits & f.bit)) continue;
        if (!first) out.put(sep);
        first = false;
        out.put(f.name);
    }
}

// "a,b,c" (no spaces; repeats are fine) into bits; `bad` is where it goes wrong.
struct parsed_flags {
    std::uint32_t bits;
    std::size_t bad;
    bool ok;
};

template <std::size_t N>
[[nodiscard]] constexpr parsed_flags parse_flags(std::string_view s, const flag_name (&names)[N]) noexcept {
    std::uint32_t bits = 0;
    std::size_t pos = 0;
    while (true) {
        const std::size_t comma = detail::find_char(s, ',', pos);
        const std::size_t end = comma == std::string_view::npos ? s.size() : comma;
        const std::string_view word = s.substr(pos, end - pos);
        std::uint32_t bit = 0;
        for (const auto& f : names)
            if (f.name == word) bit = f.bit;
        if (bit == 0) return {0, pos, false};
        bits |= bit;
        if (comma == std::string_view::npos) return {bits, 0, true};
        pos = comma + 1;
    }
}

template <std::size_t N>
[[nodiscard]] constexpr std::uint32_t all_flags(const flag_name (&names)[N]) noexcept {
    std::uint32_t bits = 0;
    for (const auto& f : names) bits |= f.bit;
    return bits;
}

}  // namespace detail

template <class Self, class Bits, const auto& Names, const rule& Broken>
struct flag_set {
    Bits bits;

    // Every bit a name stands for.
    static constexpr Bits known_bits = static_cast<Bits>(detail::all_flags(Names));

    // One or more known bits (nft's numeric form, e.g. 6 for established,related).
    static constexpr result<Self> from_bits(std::uint32_t b) noexcept {
        if (b == 0 || (b & ~std::uint32_t{known_bits})) return error{&Broken, 0};
        return make(b);
    }
    // "established,related" (nft's listing form): lower case names, comma separated.
    static constexpr result<Self> parse(std::string_view text) noexcept {
        const auto f = detail::parse_flags(text, Names);
        if (!f.ok) return error{&Broken, f.bad};
        return make(f.bits);
    }

    // Every flag of `f` is set here.
    [[nodiscard]] constexpr bool has(const Self& f) const noexcept { return (bits & f.bits) == f.bits; }

    friend constexpr Self operator|(const Self& a, const Self& b) noexcept {
        return make(std::uint32_t{a.bits} | std::uint32_t{b.bits});
    }
    friend constexpr bool operator==(const Self& a, const Self& b) noexcept { return a.bits == b.bits; }

    // A bare match or a mask: comma separated, in bit order.
    template <Sink S>
    friend constexpr void write_nft(S& out, const Self& v) {
        detail::write_flags(out, v.bits, Names, ",");
    }
    // As an element of a set, or as the value of an exact comparison (== or !=): flags
    // joined by " | ", as nft lists them there (in a set a comma separates elements).
    template <Sink S>
    friend constexpr void write_nft_element(S& out, const Self& v) {
        detail::write_flags(out, v.bits, Names, " | ");
    }

protected:
    // A literal name list, checked: a name the type does not have is a compile error in a
    // consteval constructor (the rule's sentence), value_error at run time.
    struct literal {};
    template <std::size_t N>
    constexpr flag_set(literal, const char (&names)[N]) : bits(checked(std::string_view(names, N - 1))) {}

private:
    static constexpr Bits checked(std::string_view text) {
        const auto f = detail::parse_flags(text, Names);
        if (!f.ok) raise(error{&Broken, f.bad});
        return static_cast<Bits>(f.bits);
    }
    struct raw {
        Bits b;
    };
    constexpr flag_set(raw r) noexcept : bits(r.b) {}
    static constexpr Self make(std::uint32_t b) noexcept { return Self(raw{static_cast<Bits>(b)}); }
};

}  // namespace nftpp
