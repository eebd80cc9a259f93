// SPDX-License-Identifier: Apache-2.0
#pragma once
// selector_t<Derived, T>: a packet field of datatype T (`tcp dport` is a port,
// `ip saddr` an IPv4 address). It gives every selector its relations:
//   sel == v, sel != v, sel < v ... (ordered datatypes), sel == at<"set">,
//   sel.in({a, b}), sel.not_in({a, b}), sel.in(range_of_values)
// Operands are checked by type: `ip.daddr == 3128` and `tcp.dport == "10.0.0.1"` do not
// compile; the message names the selector's datatype.
#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/ranges.hpp>
#include <nftpp/expr/anon_set.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/relation.hpp>
#include <nftpp/expr/set_ref.hpp>

namespace nftpp {

template <class X, class... Stmts>
struct pending_t;  // a value with trailing statements: `3128 >> accept` (ruleset/rule.hpp)

template <class T>
inline constexpr bool is_pending_v = false;
template <class X, class... S>
inline constexpr bool is_pending_v<pending_t<X, S...>> = true;

// A selector: a packet field with a datatype, an nft keyword and the facts a match on it
// adds to its rule.
template <class T>
concept Selector = requires {
    typename T::value_type;
    T::keyword;
    T::facts;
};

template <class T>
inline constexpr bool is_set_ref_v = false;
template <fixed_string N>
inline constexpr bool is_set_ref_v<set_ref_t<N>> = true;
template <>
inline constexpr bool is_set_ref_v<named_set_ref_t> = true;

// Selectors may accept extra right-hand sides (meta l4proto accepts `tcp`, `udp` ...).
template <class Sel, class X>
inline constexpr bool extra_operand_v = false;

// X can stand on the right of a match on Sel.
template <class Sel, class X>
concept MatchableWith =
    std::convertible_to<X, operand<typename Sel::value_type>> ||
    is_pending_v<std::remove_cvref_t<X>> || is_set_ref_v<std::remove_cvref_t<X>> ||
    extra_operand_v<Sel, std::remove_cvref_t<X>>;

template <class T>
constexpr bool always_false_v = false;

// Fired when the right side of a match has the wrong datatype.
NFTPP_CHECK(operand_has_the_selector_datatype,
    "the value on the right of this match has the wrong datatype: a selector compares "
                  "only with values of its own datatype (tcp.dport with a port, ip.daddr with an "
                  "IPv4 address or prefix, oifname with an interface name); see Sel::value_type")

template <class Derived, class T>
struct selector_t {
    using value_type = T;
    using operand_type = operand<T>;

    // (A concatenation matches sets and maps only: nft refuses it against one value.)
    friend constexpr rel_t<Derived, op::eq, operand<T>> operator==(const Derived&, const operand<T>& v) noexcept
        requires(!is_concat_key_v<T>)
    {
        return {v};
    }
    friend constexpr rel_t<Derived, op::ne, operand<T>> operator!=(const Derived&, const operand<T>& v) noexcept
        requires(!is_concat_key_v<T>)
    {
        return {v};
    }
    friend constexpr rel_t<Derived, op::lt, operand<T>> operator<(const Derived&, const operand<T>& v) noexcept
        requires operand_traits<T>::ordered
    {
        return {v};
    }
    friend constexpr rel_t<Derived, op::gt, operand<T>> operator>(const Derived&, const operand<T>& v) noexcept
        requires operand_traits<T>::ordered
    {
        return {v};
    }
    friend constexpr rel_t<Derived, op::le, operand<T>> operator<=(const Derived&, const operand<T>& v) noexcept
        requires operand_traits<T>::ordered
    {
        return {v};
    }
    friend constexpr rel_t<Derived, op::ge, operand<T>> operator>=(const Derived&, const operand<T>& v) noexcept
        requires operand_traits<T>::ordered
    {
        return {v};
    }

    template <fixed_string N>
    friend constexpr rel_t<Derived, op::eq, set_ref_t<N>> operator==(const Derived&, set_ref_t<N>) noexcept {
        return {};
    }
    template <fixed_string N>
    friend constexpr rel_t<Derived, op::ne, set_ref_t<N>> operator!=(const Derived&, set_ref_t<N>) noexcept {
        return {};
    }
    friend rel_t<Derived, op::eq, named_set_ref_t> operator==(const Derived&, named_set_ref_t r) { return {std::move(r)}; }
    friend rel_t<Derived, op::ne, named_set_ref_t> operator!=(const Derived&, named_set_ref_t r) { return {std::move(r)}; }

    // Wrong datatype: one readable static_assert instead of a list of candidates.
    template <class X>
        requires(!MatchableWith<Derived, X>)
    friend constexpr bool operator==(const Derived&, const X&) {
        return assert_operand_has_the_selector_datatype_t<Derived, X>::value;
    }
    template <class X>
        requires(!MatchableWith<Derived, X>)
    friend constexpr bool operator!=(const Derived&, const X&) {
        return assert_operand_has_the_selector_datatype_t<Derived, X>::value;
    }

    // Anonymous sets: `tcp.dport.in({22, 80, 443})`, each element checked like a literal.
    template <std::size_t N>
    [[nodiscard]] constexpr rel_t<Derived, op::eq, anon_set_t<T, N>> in(const operand<T> (&xs)[N]) const {
        return {detail::make_anon_set(xs, std::make_index_sequence<N>{})};
    }
    template <std::size_t N>
    [[nodiscard]] constexpr rel_t<Derived, op::ne, anon_set_t<T, N>> not_in(const operand<T> (&xs)[N]) const {
        return {detail::make_anon_set(xs, std::make_index_sequence<N>{})};
    }
    // From a run-time range of values (a std::vector<port>, a view ...).
    template <std::ranges::input_range R>
        requires std::convertible_to<std::ranges::range_reference_t<const R&>, operand<T>>
    [[nodiscard]] rel_t<Derived, op::eq, anon_set_t<T, dynamic_elements>> in(const R& values) const {
        return {anon_set_t<T, dynamic_elements>(collect(values))};
    }
    template <std::ranges::input_range R>
        requires std::convertible_to<std::ranges::range_reference_t<const R&>, operand<T>>
    [[nodiscard]] rel_t<Derived, op::ne, anon_set_t<T, dynamic_elements>> not_in(const R& values) const {
        return {anon_set_t<T, dynamic_elements>(collect(values))};
    }

private:
    template <class R>
    static std::vector<operand<T>> collect(const R& values) {
        std::vector<operand<T>> out;
        if constexpr (std::ranges::sized_range<const R&>) out.reserve(std::ranges::size(values));
        for (auto&& v : values) out.emplace_back(v);
        return out;
    }
};

// Protocol constants on the right of `meta l4proto`, `ip protocol`, `meta nfproto`:
// `meta.l4proto == tcp` pins the rule to tcp for the validator.
template <layer4 L>
struct l4_const_t {
    static constexpr part_facts facts{.l4 = L,
                                      .transport_match = (L == layer4::tcp || L == layer4::udp ||
                                                          L == layer4::sctp)};
    template <Sink S>
    friend constexpr void write_nft(S& out, const l4_const_t&) {
        switch (L) {
            case layer4::tcp: out.put("tcp"); break;
            case layer4::udp: out.put("udp"); break;
            case layer4::sctp: out.put("sctp"); break;
            case layer4::icmp: out.put("icmp"); break;
            case layer4::icmpv6: out.put("ipv6-icmp"); break;
            case layer4::any: break;
        }
    }
};

template <layer3 L>
struct l3_const_t {
    static constexpr part_facts facts{.l3 = L};
    template <Sink S>
    friend constexpr void write_nft(S& out, const l3_const_t&) {
        out.put(L == layer3::ip ? "ipv4" : "ipv6");
    }
};

// An object usable as an l4 protocol constant (`tcp`, `udp`, `icmp` ...).
template <class P>
concept L4ProtocolObject = requires { P::protocol_layer4; };
template <class P>
concept L3ProtocolObject = requires { P::protocol_layer3; };

// Selector mixin: accepts protocol objects, e.g. meta.l4proto == tcp.
template <class Derived>
struct accepts_l4_objects {
    template <L4ProtocolObject P>
    friend constexpr rel_t<Derived, op::eq, l4_const_t<P::protocol_layer4>> operator==(const Derived&, const P&) noexcept {
        return {};
    }
    template <L4ProtocolObject P>
    friend constexpr rel_t<Derived, op::ne, l4_const_t<P::protocol_layer4>> operator!=(const Derived&, const P&) noexcept {
        return {};
    }
};

}  // namespace nftpp
