// SPDX-License-Identifier: Apache-2.0
#pragma once
// numgen: a number made for each packet, from K to K+N-1: `numgen random mod N offset K`
// (uniformly random) or `numgen inc mod N offset K` (a counter: round robin). Spelled as
// nft writes it:
//   numgen.random.mod(2) == 0 >> accept           numgen random mod 2 0 accept
//   numgen.inc.mod(4).offset(10).in({10, 11})     numgen inc mod 4 offset 10 { 10, 11 }
//   numgen.random.mod(2) >> vmap(on(0, jump<"a">), on(1, jump<"b">))
//                                                 numgen random mod 2 vmap { 0 : jump a, 1 : jump b }
//   dnat(ip, numgen.inc.mod(2), {{0, "10.0.0.1"}, {1, "10.0.0.2"}})
//                                                 dnat ip to numgen inc mod 2 map { 0 : 10.0.0.1, 1 : 10.0.0.2 }
// (the verdict map in stmt/vmap.hpp, the NAT map in stmt/nat.hpp).
//
// What is checked, and when:
//   * the modulus N is from 1 to 4294967295 (the kernel refuses 0: 'Numerical result out of
//     range'); the offset K is such that K+N-1 fits in 32 bits (the kernel: 'Value too large
//     for defined data type'). A literal (`mod(2)`, `offset(10)`) is checked at compile
//     time; any other integer (a variable, `v.size()`) when the expression is made, with
//     value_error. K+N-1 is checked when .offset() is called;
//   * every value compared with numgen, and every key of a vmap or NAT map keyed by it, lies
//     from K to K+N-1: nft refuses a larger one ('Value 7 exceeds valid range 0-1'), and a
//     smaller one never comes up. Checked when the match, vmap or map is made: at compile
//     time in a constant rule (constexpr), with value_error otherwise.
// numgen is a key expression with state (expr/key_expr.hpp): its match keeps it.
// The same numbers come from a hash of the packet's fields, jhash and symhash
// (expr/hash.hpp): number_key_t<Source> is the one expression for all three, its Source
// what comes before `mod` (and its facts: a jhash of ip saddr pins the rule to ip).
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ranges>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/anon_set.hpp>
#include <nftpp/expr/key_expr.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/relation.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/value/bounded_number.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(a_numgen_value_is_a_number_from_0_to_4294967295, "a numgen value is a number from 0 to 4294967295")
NFTPP_RULE(a_numgen_modulus_is_from_1_to_4294967295,
           "numgen's modulus is a number from 1 to 4294967295: mod(N) gives the numbers 0 to N-1 (the kernel "
           "refuses mod 0 with 'Numerical result out of range')")
NFTPP_RULE(a_numgen_offset_is_from_0_to_4294967295, "numgen's offset is a number from 0 to 4294967295")
NFTPP_RULE(numgen_offset_plus_modulus_is_at_most_4294967296,
           "numgen's offset plus its modulus is at most 4294967296: its largest number, offset + mod - 1, must fit "
           "in 32 bits (the kernel refuses more with 'Value too large for defined data type')")
NFTPP_RULE(a_numgen_value_lies_from_its_offset_to_offset_plus_modulus_minus_1,
           "numgen mod N offset K gives only the numbers K to K+N-1: compare it with, or key a map by, values in "
           "that range (nft refuses a larger one, and a smaller one never comes up)")

// The number numgen makes (nft's 32-bit integer). Decimal.
struct numgen_value
    : bounded_number<numgen_value, std::uint32_t, 4294967295u, rules::a_numgen_value_is_a_number_from_0_to_4294967295> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval numgen_value(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};
template <>
struct operand_traits<numgen_value> : numeric_operand_traits<numgen_value> {};

namespace detail {
constexpr std::uint32_t checked_numgen_number(std::int64_t n, std::int64_t min, const rule& broken) {
    if (n < min || !in_bounds(n, 4294967295u)) raise(error{&broken, 0});
    return static_cast<std::uint32_t>(n);
}
}  // namespace detail

// N of `mod(N)`: 1 to 4294967295. A literal is checked at compile time; any other integer
// when it is converted (value_error at run time).
struct numgen_modulus {
    std::uint32_t n;

    template <class I>
        requires detail::int_literal_prvalue<I>
    consteval numgen_modulus(I&& v)
        : n(detail::checked_numgen_number(v, 1, rules::a_numgen_modulus_is_from_1_to_4294967295)) {}
    template <class I>
        requires detail::runtime_integer_argument<I>
    constexpr numgen_modulus(I&& v)
        : n(detail::checked_numgen_number(detail::widen(v), 1, rules::a_numgen_modulus_is_from_1_to_4294967295)) {}

    static constexpr result<numgen_modulus> from(std::int64_t v) noexcept {
        if (v < 1 || !detail::in_bounds(v, 4294967295u)) return error{&rules::a_numgen_modulus_is_from_1_to_4294967295, 0};
        return numgen_modulus(raw{static_cast<std::uint32_t>(v)});
    }

private:
    struct raw {
        std::uint32_t n;
    };
    constexpr explicit numgen_modulus(raw r) noexcept : n(r.n) {}
};

// K of `offset(K)`: 0 to 4294967295, and K + N at most 4294967296 (checked by .offset()).
struct numgen_offset {
    std::uint32_t n;

    template <class I>
        requires detail::int_literal_prvalue<I>
    consteval numgen_offset(I&& v)
        : n(detail::checked_numgen_number(v, 0, rules::a_numgen_offset_is_from_0_to_4294967295)) {}
    template <class I>
        requires detail::runtime_integer_argument<I>
    constexpr numgen_offset(I&& v)
        : n(detail::checked_numgen_number(detail::widen(v), 0, rules::a_numgen_offset_is_from_0_to_4294967295)) {}
};

enum class numgen_mode : std::uint8_t { random, inc };

template <class Key, class Op, class Rhs>
struct number_match_t;

// What numgen's numbers come from: its generator (`numgen random`, `numgen inc`).
struct numgen_source {
    static constexpr part_facts facts{};  // pins nothing, needs nothing
    numgen_mode mode = numgen_mode::random;

    template <Sink S>
    constexpr void write_head(S& out) const {
        out.put(mode == numgen_mode::inc ? "numgen inc" : "numgen random");
    }
    template <Sink S>
    constexpr void write_tail(S&) const {}
};

// `SOURCE mod N offset K`: a key expression (expr/key_expr.hpp) with its numbers.
template <class Source>
struct number_key_t {
    using key_expression_tag = void;
    using value_type = numgen_value;
    using operand_type = operand<numgen_value>;
    static constexpr part_facts facts = Source::facts;

    Source source{};
    std::uint32_t modulus = 1;
    std::uint32_t first = 0;  // the offset: the smallest number it gives

    // The numbers start at K: `numgen inc mod 4 offset 10` gives 10 to 13.
    [[nodiscard]] constexpr number_key_t offset(numgen_offset k) const {
        if (std::uint64_t{k.n} + modulus > 4294967296u) raise(error{&rules::numgen_offset_plus_modulus_is_at_most_4294967296, 0});
        return number_key_t{source, modulus, k.n};
    }
    // A source with a seed (jhash): `mod 4 seed 0xdead`.
    template <class S = Source>
        requires requires(S x) { x.seed; x.seeded; }
    [[nodiscard]] constexpr number_key_t seed(std::uint32_t v) const noexcept {
        number_key_t k = *this;
        k.source.seed = v;
        k.source.seeded = true;
        return k;
    }
    // The largest number it gives.
    [[nodiscard]] constexpr std::uint32_t last() const noexcept {
        return static_cast<std::uint32_t>(std::uint64_t{first} + modulus - 1);
    }
    [[nodiscard]] constexpr bool gives(const operand<numgen_value>& v) const noexcept {
        return v.low().number >= first && v.upper().number <= last() && v.low().number <= v.upper().number;
    }

    // A value compared with it, or a key of a vmap or map keyed by it, lies in its range.
    constexpr void check_value(const operand<numgen_value>& v) const {
        if (!gives(v)) {  // raise(), written out: one call less in clang's notes
            constexpr const rule& broken = rules::a_numgen_value_lies_from_its_offset_to_offset_plus_modulus_minus_1;
            if (std::is_constant_evaluated()) broken.compile_time_report();
            else throw value_error(error{&broken, 0}, {});
        }
    }
    template <std::size_t N>
    constexpr void check_value(const anon_set_t<numgen_value, N>& s) const {
        for (const auto& e : s.elements) check_value(e);
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const number_key_t& g) {
        g.source.write_head(out);
        out.put(" mod ");
        put_uint(out, g.modulus);
        g.source.write_tail(out);
        if (g.first != 0) {
            out.put(" offset ");
            put_uint(out, g.first);
        }
    }

    // Relations: numgen.random.mod(2) == 0, != 1, < 1 ..., .in({0, 1}), .not_in({...}).
    friend constexpr number_match_t<number_key_t, op::eq, operand<numgen_value>> operator==(const number_key_t& g, const operand<numgen_value>& v) {
        return make_match<op::eq>(g, v);
    }
    friend constexpr number_match_t<number_key_t, op::ne, operand<numgen_value>> operator!=(const number_key_t& g, const operand<numgen_value>& v) {
        return make_match<op::ne>(g, v);
    }
    friend constexpr number_match_t<number_key_t, op::lt, operand<numgen_value>> operator<(const number_key_t& g, const operand<numgen_value>& v) {
        return make_match<op::lt>(g, v);
    }
    friend constexpr number_match_t<number_key_t, op::gt, operand<numgen_value>> operator>(const number_key_t& g, const operand<numgen_value>& v) {
        return make_match<op::gt>(g, v);
    }
    friend constexpr number_match_t<number_key_t, op::le, operand<numgen_value>> operator<=(const number_key_t& g, const operand<numgen_value>& v) {
        return make_match<op::le>(g, v);
    }
    friend constexpr number_match_t<number_key_t, op::ge, operand<numgen_value>> operator>=(const number_key_t& g, const operand<numgen_value>& v) {
        return make_match<op::ge>(g, v);
    }

    // Wrong datatype: the same named assertion as a selector's.
    template <class X>
        requires(!std::convertible_to<X, operand<numgen_value>> && !is_pending_v<std::remove_cvref_t<X>>)
    friend constexpr bool operator==(const number_key_t&, const X&) {
        return assert_operand_has_the_selector_datatype_t<number_key_t, X>::value;
    }
    template <class X>
        requires(!std::convertible_to<X, operand<numgen_value>> && !is_pending_v<std::remove_cvref_t<X>>)
    friend constexpr bool operator!=(const number_key_t&, const X&) {
        return assert_operand_has_the_selector_datatype_t<number_key_t, X>::value;
    }

    template <std::size_t N>
    [[nodiscard]] constexpr number_match_t<number_key_t, op::eq, anon_set_t<numgen_value, N>> in(const operand<numgen_value> (&xs)[N]) const;
    template <std::size_t N>
    [[nodiscard]] constexpr number_match_t<number_key_t, op::ne, anon_set_t<numgen_value, N>> not_in(const operand<numgen_value> (&xs)[N]) const;
    // From a run-time range of numbers (integers or numgen_values).
    template <std::ranges::input_range R>
    [[nodiscard]] number_match_t<number_key_t, op::eq, anon_set_t<numgen_value, dynamic_elements>> in(const R& values) const;
    template <std::ranges::input_range R>
    [[nodiscard]] number_match_t<number_key_t, op::ne, anon_set_t<numgen_value, dynamic_elements>> not_in(const R& values) const;

private:
    template <class Op, class Rhs>
    static constexpr number_match_t<number_key_t, Op, Rhs> make_match(const number_key_t& g, Rhs rhs) {
        g.check_value(rhs);
        return {g, std::move(rhs)};
    }
    template <class R>
    static std::vector<operand<numgen_value>> collect(const R& values) {
        std::vector<operand<numgen_value>> out;
        if constexpr (std::ranges::sized_range<const R&>) out.reserve(std::ranges::size(values));
        for (auto&& v : values) {
            if constexpr (detail::integer_literal<std::remove_cvref_t<decltype(v)>>)
                out.push_back(operand<numgen_value>::from_integer(detail::widen(v)).value());
            else out.emplace_back(v);
        }
        return out;
    }
};

// A match on numgen (or a hash): `numgen random mod 2 0`. It keeps the expression (its numbers).
template <class Key, class Op, class Rhs>
struct number_match_t {
    using match_tag = void;
    using relation = Op;
    using rhs_type = Rhs;
    static constexpr part_facts facts = [] {
        part_facts f = Key::facts;
        f.is_match = true;
        return f;
    }();

    Key gen;
    Rhs rhs;

    template <Sink S>
    friend constexpr void write_nft(S& out, const number_match_t& m) {
        write_nft(out, m.gen);
        out.put(' ');
        out.put(Op::symbol);
        write_nft(out, m.rhs);
    }
};

template <class Source>
template <std::size_t N>
constexpr number_match_t<number_key_t<Source>, op::eq, anon_set_t<numgen_value, N>> number_key_t<Source>::in(
    const operand<numgen_value> (&xs)[N]) const {
    return make_match<op::eq>(*this, detail::make_anon_set(xs, std::make_index_sequence<N>{}));
}
template <class Source>
template <std::size_t N>
constexpr number_match_t<number_key_t<Source>, op::ne, anon_set_t<numgen_value, N>> number_key_t<Source>::not_in(
    const operand<numgen_value> (&xs)[N]) const {
    return make_match<op::ne>(*this, detail::make_anon_set(xs, std::make_index_sequence<N>{}));
}
template <class Source>
template <std::ranges::input_range R>
number_match_t<number_key_t<Source>, op::eq, anon_set_t<numgen_value, dynamic_elements>> number_key_t<Source>::in(const R& values) const {
    anon_set_t<numgen_value, dynamic_elements> s(collect(values));
    for (const auto& e : s.elements) check_value(e);
    return {*this, std::move(s)};
}
template <class Source>
template <std::ranges::input_range R>
number_match_t<number_key_t<Source>, op::ne, anon_set_t<numgen_value, dynamic_elements>> number_key_t<Source>::not_in(const R& values) const {
    anon_set_t<numgen_value, dynamic_elements> s(collect(values));
    for (const auto& e : s.elements) check_value(e);
    return {*this, std::move(s)};
}

using numgen_t = number_key_t<numgen_source>;
template <class Op, class Rhs>
using numgen_match_t = number_match_t<numgen_t, Op, Rhs>;

// numgen.random / numgen.inc: .mod(N) makes the expression.
template <numgen_mode M>
struct numgen_kind_t {
    [[nodiscard]] constexpr numgen_t mod(numgen_modulus n) const noexcept { return numgen_t{numgen_source{M}, n.n, 0}; }
};

struct numgen_group_t {
    numgen_kind_t<numgen_mode::random> random;
    numgen_kind_t<numgen_mode::inc> inc;
};
inline constexpr numgen_group_t numgen{};

}  // namespace nftpp
