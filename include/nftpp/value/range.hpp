// SPDX-License-Identifier: Apache-2.0
#pragma once
// range<T>: an inclusive range `lo-hi` of ports, addresses, ids or marks. low <= high is
// checked when the range is made: nft refuses a reversed range ("Range has zero or
// negative size"). An equal pair is accepted; nft lists it as `22-22` in a rule and as
// `22` inside a set.
#include <string_view>

#include <nftpp/value/detail.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

NFTPP_RULE(a_range_needs_low_less_than_or_equal_to_high, "a range needs low <= high, e.g. 1024-65535")
NFTPP_RULE(a_range_is_two_values_joined_by_a_dash, "a range is two values joined by '-', e.g. 10.0.0.1-10.0.0.9 or 1024-65535")

template <class T>
struct range {
    T lo;
    T hi;

    // range<port>(1024, 65535): the numbers convert through port's consteval constructor.
    // Reversed: a compile error when constant evaluated, value_error otherwise.
    constexpr range(T low, T high) : lo(low), hi(high) {
        if (hi < lo) raise(error{&rules::a_range_needs_low_less_than_or_equal_to_high, 0});
    }

    static constexpr result<range> make(T low, T high) noexcept {
        if (high < low) return error{&rules::a_range_needs_low_less_than_or_equal_to_high, 0};
        return range(tag{}, low, high);
    }

    // "lo-hi"
    static constexpr result<range> parse(std::string_view s) noexcept {
        const auto dash = detail::find_char(s, '-');
        if (dash == std::string_view::npos) return error{&rules::a_range_is_two_values_joined_by_a_dash, s.size()};
        auto a = T::parse(s.substr(0, dash));
        if (!a) return a.err();
        auto b = T::parse(s.substr(dash + 1));
        if (!b) return error{b.err().broken, b.err().offset + dash + 1};
        auto r = make(*a, *b);
        if (!r) return error{r.err().broken, dash};
        return r;
    }

    friend constexpr bool operator==(const range&, const range&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const range& r) {
        write_nft(out, r.lo);
        out.put('-');
        write_nft(out, r.hi);
    }

private:
    struct tag {};
    constexpr range(tag, T low, T high) noexcept : lo(low), hi(high) {}
};

}  // namespace nftpp
