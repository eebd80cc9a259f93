// SPDX-License-Identifier: Apache-2.0
#pragma once
// rule_t<Parts...>: one nft rule, an ordered list of matches and statements.
//
// How the spellings parse (C++ precedence: >> binds tighter than ==, == tighter than &&):
//   tcp.dport == port >> accept        tcp.dport == (port >> accept)
//                                      -> pending_t<port, accept_t> -> rule_t<rel, accept_t>
//   a == x && b == y >> accept         (a == x) && (b == (y >> accept))
//   log(prefix, skuid) >> reject       rule_t<log_t, reject_t>
//   m >> limit(...) >> log(...)        >> is left associative: appended in order
// `&&` concatenates rules, `>>` appends a statement. No node converts to bool; every
// operator needs a DSL operand.
#include <concepts>
#include <tuple>
#include <type_traits>
#include <utility>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/expr/key_expr.hpp>
#include <nftpp/expr/literal.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/stmt/statement.hpp>

namespace nftpp {

// Statement objects that are also callable (reject, masquerade, redirect) decay to the
// node type they stand for.
template <class T>
struct node_of {
    using type = T;
};
template <class T>
    requires requires { typename T::node_type; }
struct node_of<T> {
    using type = typename T::node_type;
};
template <class T>
using node_of_t = typename node_of<std::remove_cvref_t<T>>::type;

template <class... Parts>
struct rule_t {
    using rule_tag = void;
    std::tuple<Parts...> parts;

    template <Sink S>
    friend constexpr void write_nft(S& out, const rule_t& r) {
        std::apply(
            [&out](const auto&... p) {
                bool first = true;
                ((first ? void() : out.put(' '), first = false, write_nft(out, p)), ...);
            },
            r.parts);
    }
};

template <class T>
inline constexpr bool is_rule_v = false;
template <class... P>
inline constexpr bool is_rule_v<rule_t<P...>> = true;

template <class T>
concept RuleLike = RulePart<std::remove_cvref_t<T>> || is_rule_v<std::remove_cvref_t<T>>;

// A value that may stand before `>>`: a typed value, or a protocol object (`tcp`).
template <class V>
concept PendingValue = !RuleLike<V> && !is_pending_v<V> && !StatefulKey<V> &&
                       (requires(count_sink& s, const V& v) { write_nft(s, v); } || L4ProtocolObject<V> ||
                        L3ProtocolObject<V>);


namespace detail {
// Building a rule copies its nodes and nothing else, so it cannot throw unless a node's copy
// can (a run-time anonymous set holds a vector). Saying so matters for compile time: a chain
// written as one call with hundreds of rules is one full-expression, and for every call in
// it that may throw, g++ lowers an exception path that ends the lifetime of every temporary
// built so far, which makes the chain quadratic to compile (bench/compile_time.sh).
template <class... T>
inline constexpr bool nothrow_copy_v = (std::is_nothrow_copy_constructible_v<T> && ...);

template <class T>
constexpr auto as_parts(const T& t) noexcept(nothrow_copy_v<T>) {
    if constexpr (is_rule_v<T>) return t.parts;
    else return std::tuple<node_of_t<T>>(t);
}
template <class... P>
constexpr rule_t<P...> rule_from_tuple(std::tuple<P...> t) noexcept(nothrow_copy_v<P...>) {
    return rule_t<P...>{std::move(t)};
}
}  // namespace detail

template <class X, class... Stmts>
struct pending_t;

namespace detail {
// A literal before `>>` whose statements carry no values (accept, drop, jump, goto,
// counter, notrack ...): the whole `literal >> statements` is a constant wherever it is
// written, so the match checks the literal in the compiler.
template <class X, class... S>
inline constexpr bool literal_with_stateless_statements_v = std::is_same_v<X, literal_t> && (std::is_empty_v<S> && ...);

// The literal of `sel == 70000 >> accept`, checked as the selector's datatype by a consteval
// converting constructor (a consteval operator template would not do: clang 14 refuses
// calling one inside a function template). A literal that breaks the datatype's rule is a
// compile error, the rule's diagnostic, wherever the rule is written.
template <class V, class... S>
struct checked_pending_literal {
    operand<V> value;
    std::tuple<S...> stmts;

    consteval checked_pending_literal(const pending_t<literal_t, S...>& p) noexcept  // NOLINT: implicit on purpose
        : value((operand<V>::from_literal(p.value).ok() ? void()
                                                        : operand<V>::from_literal(p.value).err().broken->compile_time_report(),
                 *operand<V>::from_literal(p.value))),
          stmts(p.stmts) {}
};
}  // namespace detail

template <class X, class... Stmts>
struct pending_t {
    X value;
    std::tuple<Stmts...> stmts;

#define NFTPP_PENDING_LITERAL_RELATION(OP)                                                                          \
    template <KeyExpr Sel>                                                                                          \
        requires detail::literal_with_stateless_statements_v<X, Stmts...>                                           \
    [[nodiscard]] friend constexpr auto operator OP(                                                                \
        const Sel& sel, detail::checked_pending_literal<typename Sel::value_type, Stmts...> p) noexcept(            \
        noexcept(sel OP p.value) && detail::nothrow_copy_v<Stmts...>) {                                             \
        return rule_from_parts(sel OP p.value, p.stmts);                                                            \
    }
    NFTPP_PENDING_LITERAL_RELATION(==)
    NFTPP_PENDING_LITERAL_RELATION(!=)
    NFTPP_PENDING_LITERAL_RELATION(<)
    NFTPP_PENDING_LITERAL_RELATION(>)
    NFTPP_PENDING_LITERAL_RELATION(<=)
    NFTPP_PENDING_LITERAL_RELATION(>=)
#undef NFTPP_PENDING_LITERAL_RELATION

private:
    template <class Rel, class... S>
    static constexpr auto rule_from_parts(const Rel& rel, const std::tuple<S...>& stmts) noexcept;
};

// A single match or statement as a rule.
template <RuleLike T>
[[nodiscard]] constexpr auto as_rule(const T& t) noexcept(detail::nothrow_copy_v<T>) {
    return detail::rule_from_tuple(detail::as_parts(t));
}

template <RuleLike A, RuleLike B>
[[nodiscard]] constexpr auto operator&&(const A& a, const B& b) noexcept(detail::nothrow_copy_v<A, B>) {
    return detail::rule_from_tuple(std::tuple_cat(detail::as_parts(a), detail::as_parts(b)));
}

NFTPP_CHECK(matches_are_joined_by_and_only,
    "nft has no 'or' between the matches of a rule: match a set instead (tcp.dport.in({22, 80}), ip.saddr.in({...})) or write one rule for each")

// `a || b`: the rule's sentence, and the first operand as the rule (nothing cascades).
template <RuleLike A, RuleLike B>
constexpr auto operator||(const A& a, const B&) noexcept(detail::nothrow_copy_v<A>) {
    (void)assert_matches_are_joined_by_and_only_t<A, B>::value;
    return as_rule(a);
}

template <RuleLike A, Statement B>
[[nodiscard]] constexpr auto operator>>(const A& a, const B& b) noexcept(detail::nothrow_copy_v<A, B>) {
    return detail::rule_from_tuple(std::tuple_cat(detail::as_parts(a), std::tuple<node_of_t<B>>(b)));
}
// reject / masquerade / redirect objects are statements through their base.
template <RuleLike A, class B>
    requires(!Statement<B> && Statement<node_of_t<B>>)
[[nodiscard]] constexpr auto operator>>(const A& a, const B& b) noexcept(detail::nothrow_copy_v<A, node_of_t<B>>) {
    return a >> static_cast<const node_of_t<B>&>(b);
}

template <PendingValue V, class B>
    requires Statement<node_of_t<B>>
[[nodiscard]] constexpr pending_t<V, node_of_t<B>> operator>>(const V& v, const B& b) noexcept(
    detail::nothrow_copy_v<V, node_of_t<B>>) {
    return {v, std::tuple<node_of_t<B>>(static_cast<const node_of_t<B>&>(b))};
}
template <class B>
    requires Statement<node_of_t<B>>
[[nodiscard]] constexpr pending_t<literal_t, node_of_t<B>> operator>>(literal_t v, const B& b) noexcept(
    detail::nothrow_copy_v<node_of_t<B>>) {
    return {v, std::tuple<node_of_t<B>>(static_cast<const node_of_t<B>&>(b))};
}
template <class X, class... S, class B>
    requires Statement<node_of_t<B>>
[[nodiscard]] constexpr pending_t<X, S..., node_of_t<B>> operator>>(const pending_t<X, S...>& p, const B& b) noexcept(
    detail::nothrow_copy_v<X, S..., node_of_t<B>>) {
    return {p.value, std::tuple_cat(p.stmts, std::tuple<node_of_t<B>>(static_cast<const node_of_t<B>&>(b)))};
}

namespace detail {
// The match `sel OP value` for a pending value; literals are checked here, and that check is
// the only part of building a rule that throws (value_error, for a bad literal outside a
// constant expression).
template <class Sel, class X>
constexpr const X& pending_operand(const X& x) {
    return x;
}
template <class Sel>
constexpr operand<typename Sel::value_type> pending_operand(const literal_t& x) {
    return operand<typename Sel::value_type>::from_literal(x).value(x.is_text ? x.text() : std::string_view{});
}
template <class Rel, class... S>
constexpr auto with_statements(const Rel& rel, const std::tuple<S...>& stmts) noexcept(nothrow_copy_v<Rel, S...>) {
    return rule_from_tuple(std::tuple_cat(std::tuple<Rel>(rel), stmts));
}
}  // namespace detail

template <class X, class... Stmts>
template <class Rel, class... S>
constexpr auto pending_t<X, Stmts...>::rule_from_parts(const Rel& rel, const std::tuple<S...>& stmts) noexcept {
    return detail::with_statements(rel, stmts);
}

#define NFTPP_PENDING_RELATION(OP)                                                                        \
    template <KeyExpr Sel, class X, class... S>                                                           \
        requires(!detail::literal_with_stateless_statements_v<X, S...>)                                   \
    [[nodiscard]] constexpr auto operator OP(const Sel& sel, const pending_t<X, S...>& p) noexcept(       \
        !std::is_same_v<X, literal_t> && detail::nothrow_copy_v<X, S...>) {                               \
        return detail::with_statements(sel OP detail::pending_operand<Sel>(p.value), p.stmts);            \
    }
NFTPP_PENDING_RELATION(==)
NFTPP_PENDING_RELATION(!=)
NFTPP_PENDING_RELATION(<)
NFTPP_PENDING_RELATION(>)
NFTPP_PENDING_RELATION(<=)
NFTPP_PENDING_RELATION(>=)
#undef NFTPP_PENDING_RELATION

}  // namespace nftpp
