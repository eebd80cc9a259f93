// SPDX-License-Identifier: Apache-2.0
#pragma once
// Masked matches: a field ANDed with a mask, then compared. The mask and the value have
// the field's datatype (marks with marks, tcp flags with tcp flags):
//   (meta.mark & 0xff) == 1                          meta mark & 0x000000ff == 0x00000001
//   (ct.mark & 0xff00) != 0x100                      ct mark & 0x0000ff00 != 0x00000100
//   (tcp.flags & (fin | syn | rst | ack)) == syn     tcp flags & (fin | syn | rst | ack) == syn
//   (ct.state & (established | related)) != 0        ct state & (established | related) != 0
//   (meta.mark & 0xff).in({1, 2})                    meta mark & 0x000000ff == { 0x00000001, 0x00000002 }
// C++ binds == tighter than &, so the parentheses are needed (and a missing pair does not
// compile). Flags compare with flags or with 0 ("none of the mask's bits"). A masked match
// adds nothing to its rule's facts but its field's (ct needs conntrack, tcp pins tcp).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/anon_set.hpp>
#include <nftpp/expr/literal.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/relation.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/value/values.hpp>

namespace nftpp {

NFTPP_RULE(masked_flags_compare_with_flags_or_0,
           "a masked flags match compares with flags or with 0: write (tcp.flags & (syn | ack)) == syn, or != 0 for any of the mask's bits")

// The datatypes a mask applies to: numbers nft treats as bit fields, and flag sets.
template <class T>
inline constexpr bool bitwise_value_v = false;
template <> inline constexpr bool bitwise_value_v<mark> = true;
template <> inline constexpr bool bitwise_value_v<tcp_flags> = true;
template <> inline constexpr bool bitwise_value_v<ct_state> = true;
template <> inline constexpr bool bitwise_value_v<ct_status> = true;

template <class T>
inline constexpr bool is_flag_value_v = bitwise_value_v<T> && !operand_traits<T>::integer_literal;

// `0` on the right of a masked flags match: no bit of the mask is set.
struct no_bits_t {
    template <Sink S>
    friend constexpr void write_nft(S& out, const no_bits_t&) {
        out.put('0');
    }
};
struct zero_literal {
    template <detail::integer_literal I>
    consteval zero_literal(I n) {
        if (n != 0) rules::masked_flags_compare_with_flags_or_0.compile_time_report();  // consteval: the compile error
    }
};

namespace detail {
// A mask or a compared value: marks as nft lists them; flags as `syn` or `(syn | ack)`.
template <Sink S, class T>
constexpr void write_masked_value(S& out, const T& v) {
    if constexpr (is_flag_value_v<T>) {
        const bool several = (v.bits & (v.bits - 1)) != 0;
        if (several) out.put('(');
        write_nft_element(out, v);
        if (several) out.put(')');
    } else {
        write_nft(out, v);
    }
}
template <Sink S, class T>
constexpr void write_masked_rhs(S& out, const operand<T>& o) {
    if (o.shape() == operand<T>::form::single) write_masked_value(out, o.low());
    else write_nft(out, o);
}
template <Sink S, class T>
constexpr void write_masked_rhs(S& out, const no_bits_t& z) {
    write_nft(out, z);
}
template <Sink S, class T, std::size_t N>
constexpr void write_masked_rhs(S& out, const anon_set_t<T, N>& s) {
    write_nft(out, s);
}
}  // namespace detail

template <class Sel, class Op, class Rhs>
struct masked_rel_t;
template <class... Parts>
struct rule_t;  // ruleset/rule.hpp: a masked match with trailing statements is a rule

namespace detail {
// The right side of a masked match written before `>>` (`== 1 >> accept`): a literal is
// checked here, as for a plain match; with flags it may only be 0.
template <class T, class X>
constexpr decltype(auto) masked_pending_rhs(const X& x) {
    if constexpr (!std::is_same_v<X, literal_t>) {
        return (x);
    } else if constexpr (is_flag_value_v<T>) {
        if (x.is_text || x.number != 0) raise(error{&rules::masked_flags_compare_with_flags_or_0, 0});
        return no_bits_t{};
    } else {
        return operand<T>::from_literal(x).value(x.is_text ? x.text() : std::string_view{});
    }
}
template <class Rel, class... S>
constexpr auto masked_rule(const Rel& rel, const std::tuple<S...>& stmts) {
    return std::apply([&rel](const S&... s) { return rule_t<Rel, S...>{std::tuple<Rel, S...>(rel, s...)}; }, stmts);
}
template <class Masked, class Op, class Rhs>
constexpr auto masked_relation(const Masked& m, const Rhs& rhs) {
    if constexpr (std::is_same_v<Rhs, no_bits_t>)
        return masked_rel_t<typename Masked::selector, Op, no_bits_t>{m.mask, rhs};
    else
        return masked_rel_t<typename Masked::selector, Op, operand<typename Masked::value_type>>{m.mask, rhs};
}
}  // namespace detail

// `sel & mask OP rhs`: a match.
template <class Sel, class Op, class Rhs>
struct masked_rel_t {
    using match_tag = void;
    using selector = Sel;
    using value_type = typename Sel::value_type;
    static constexpr part_facts facts = merge_match_facts(Sel::facts, part_facts{});

    value_type mask;
    Rhs rhs;

    template <Sink S>
    friend constexpr void write_nft(S& out, const masked_rel_t& r) {
        out.put(Sel::keyword);
        out.put(" & ");
        detail::write_masked_value(out, r.mask);
        out.put(' ');
        out.put(std::is_same_v<Op, op::eq> ? std::string_view("== ") : Op::symbol);
        detail::write_masked_rhs<S, value_type>(out, r.rhs);
    }
};

// `sel & mask`: not a selector (a verdict map or a concatenation of it would drop the
// mask), only the left side of ==, != and in().
template <class Sel>
struct masked_t {
    using selector = Sel;
    using value_type = typename Sel::value_type;
    value_type mask;

    // `(meta.mark & 0xff) == 1 >> accept`: the match, then its statements.
    template <class X, class... S>
    friend constexpr auto operator==(const masked_t& m, const pending_t<X, S...>& p) {
        return detail::masked_rule(
            detail::masked_relation<masked_t, op::eq>(m, detail::masked_pending_rhs<value_type>(p.value)), p.stmts);
    }
    template <class X, class... S>
    friend constexpr auto operator!=(const masked_t& m, const pending_t<X, S...>& p) {
        return detail::masked_rule(
            detail::masked_relation<masked_t, op::ne>(m, detail::masked_pending_rhs<value_type>(p.value)), p.stmts);
    }

    friend constexpr masked_rel_t<Sel, op::eq, operand<value_type>> operator==(const masked_t& m,
                                                                             const operand<value_type>& v) noexcept {
        return {m.mask, v};
    }
    friend constexpr masked_rel_t<Sel, op::ne, operand<value_type>> operator!=(const masked_t& m,
                                                                             const operand<value_type>& v) noexcept {
        return {m.mask, v};
    }
    template <class U = value_type>
        requires is_flag_value_v<U>
    friend constexpr masked_rel_t<Sel, op::eq, no_bits_t> operator==(const masked_t& m, zero_literal) noexcept {
        return {m.mask, {}};
    }
    template <class U = value_type>
        requires is_flag_value_v<U>
    friend constexpr masked_rel_t<Sel, op::ne, no_bits_t> operator!=(const masked_t& m, zero_literal) noexcept {
        return {m.mask, {}};
    }
    template <std::size_t N>
    [[nodiscard]] constexpr masked_rel_t<Sel, op::eq, anon_set_t<value_type, N>> in(const operand<value_type> (&xs)[N]) const {
        return {mask, detail::make_anon_set(xs, std::make_index_sequence<N>{})};
    }
    template <std::size_t N>
    [[nodiscard]] constexpr masked_rel_t<Sel, op::ne, anon_set_t<value_type, N>> not_in(
        const operand<value_type> (&xs)[N]) const {
        return {mask, detail::make_anon_set(xs, std::make_index_sequence<N>{})};
    }
};

template <Selector Sel>
    requires bitwise_value_v<typename Sel::value_type>
[[nodiscard]] constexpr masked_t<Sel> operator&(const Sel&, const typename Sel::value_type& mask) noexcept {
    return {mask};
}

// A mark computed from a mark field, as `meta mark set` and `ct mark set` take it:
//   ct.mark                              ct mark
//   meta.mark | 0x4000                   meta mark | 0x00004000
//   meta.mark ^ 0x4000                   meta mark ^ 0x00004000
//   meta.mark & 0xffff                   meta mark & 0x0000ffff
//   (meta.mark & 0xffff0000) | 0x1       meta mark & 0xffff0000 | 0x00000001
enum class mark_op : std::uint8_t { none, or_, xor_ };

template <class Src>
struct mark_expr_t {
    static_assert(std::is_same_v<typename Src::value_type, mark>, "a mark expression starts from meta.mark or ct.mark");
    using source = Src;
    bool masked = false;
    mark and_mask{0xffffffffu};
    mark_op tail = mark_op::none;
    mark bits{0};

    template <Sink S>
    friend constexpr void write_nft(S& out, const mark_expr_t& e) {
        out.put(Src::keyword);
        if (e.masked) {
            out.put(" & ");
            write_nft(out, e.and_mask);
        }
        if (e.tail != mark_op::none) {
            out.put(e.tail == mark_op::or_ ? " | " : " ^ ");
            write_nft(out, e.bits);
        }
    }
};

template <class Sel>
concept MarkSelector = Selector<Sel> && std::is_same_v<typename Sel::value_type, mark>;

template <MarkSelector Sel>
[[nodiscard]] constexpr mark_expr_t<Sel> operator|(const Sel&, mark bits) noexcept {
    return {false, mark{0xffffffffu}, mark_op::or_, bits};
}
template <MarkSelector Sel>
[[nodiscard]] constexpr mark_expr_t<Sel> operator^(const Sel&, mark bits) noexcept {
    return {false, mark{0xffffffffu}, mark_op::xor_, bits};
}
template <MarkSelector Sel>
[[nodiscard]] constexpr mark_expr_t<Sel> operator|(const masked_t<Sel>& m, mark bits) noexcept {
    return {true, m.mask, mark_op::or_, bits};
}
template <MarkSelector Sel>
[[nodiscard]] constexpr mark_expr_t<Sel> operator^(const masked_t<Sel>& m, mark bits) noexcept {
    return {true, m.mask, mark_op::xor_, bits};
}

// What `.set(x)` reads a mark expression from (found by argument-dependent lookup).
template <MarkSelector Sel>
constexpr mark_expr_t<Sel> mark_expr_of(const Sel&) noexcept {
    return {};
}
template <MarkSelector Sel>
constexpr mark_expr_t<Sel> mark_expr_of(const masked_t<Sel>& m) noexcept {
    return {true, m.mask, mark_op::none, mark{0}};
}
template <class Src>
constexpr mark_expr_t<Src> mark_expr_of(const mark_expr_t<Src>& e) noexcept {
    return e;
}

}  // namespace nftpp
