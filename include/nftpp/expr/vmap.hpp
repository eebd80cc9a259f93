#pragma once
// Verdict maps: dispatch on a field's value in one rule.
//   tcp.dport >> vmap(on(22, jump<"ssh">), on(80, accept), on(range<port>(8000, 8080), drop))
//   renders   tcp dport vmap { 22 : jump ssh, 80 : accept, 8000-8080 : drop }
// Each entry's verdict is a type, so jump and goto targets join the chain graph: the
// table checks they exist and follows them for the hook rules, as for a plain jump.
// Verdicts allowed in a map: accept, drop, continue_, return_, jump<...>, goto_<...>.
// A vmap is not terminal: statements may follow it.
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include <nftpp/core/facts.hpp>
#include <nftpp/expr/literal.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/stmt/verdict.hpp>

namespace nftpp {

template <class V>
inline constexpr bool is_map_verdict_v = std::is_same_v<V, accept_t> || std::is_same_v<V, drop_t> ||
                                         std::is_same_v<V, return_t> || std::is_same_v<V, continue_t> ||
                                         is_chain_verdict_v<V>;

template <class V>
struct assert_vmap_verdict_t {
    static_assert(!std::is_same_v<V, V>,
                  "a verdict map entry takes accept, drop, continue_, return_, jump<\"...\"> or goto_<\"...\">: reject and NAT cannot be map values");
    static constexpr bool value = false;
};

// One entry before its key datatype is known: on(22, accept).
template <class K, class V>
struct vmap_entry_t {
    K key;
    V verdict;
};

// A typed key (a port, an address, a range ...).
template <class K, class V>
    requires(!std::is_arithmetic_v<K> && !std::is_pointer_v<K>)
[[nodiscard]] constexpr auto on(K key, V verdict) {
    if constexpr (!is_map_verdict_v<V>) (void)assert_vmap_verdict_t<V>::value;
    return vmap_entry_t<K, V>{key, verdict};
}
// A literal key (22, "10.0.0.0/8"): checked against the selector's datatype at `>>`.
template <class V>
[[nodiscard]] constexpr auto on(literal_t key, V verdict) {
    if constexpr (!is_map_verdict_v<V>) (void)assert_vmap_verdict_t<V>::value;
    return vmap_entry_t<literal_t, V>{key, verdict};
}

template <class... Entries>
struct vmap_t {
    std::tuple<Entries...> entries;
};

template <class... K, class... V>
[[nodiscard]] constexpr vmap_t<vmap_entry_t<K, V>...> vmap(vmap_entry_t<K, V>... entries) {
    return {std::tuple<vmap_entry_t<K, V>...>(entries...)};
}

// The statement `SEL vmap { k : v, ... }` once the selector is known.
template <class Sel, class... Verdicts>
struct vmap_stmt_t {
    using statement_tag = void;
    using match_tag = void;  // it also reads the packet
    using key_type = typename Sel::value_type;
    static constexpr part_facts facts = [] {
        part_facts f = Sel::facts;
        f.is_match = false;
        f.kind = stmt_kind::vmap;
        f.verdict = true;
        return f;
    }();
    std::tuple<std::pair<operand<key_type>, Verdicts>...> entries;

    template <Sink S>
    friend constexpr void write_nft(S& out, const vmap_stmt_t& m) {
        out.put(Sel::keyword);
        out.put(" vmap { ");
        bool first = true;
        std::apply(
            [&](const auto&... e) {
                ((first ? void() : out.put(", "), first = false, write_nft(out, e.first), out.put(" : "),
                  write_nft(out, e.second)),
                 ...);
            },
            m.entries);
        out.put(" }");
    }
};

template <class T>
inline constexpr bool is_vmap_stmt_v = false;
template <class Sel, class... V>
inline constexpr bool is_vmap_stmt_v<vmap_stmt_t<Sel, V...>> = true;

namespace detail {
template <class Key, class K>
constexpr operand<Key> vmap_key(const K& k) {
    if constexpr (std::is_same_v<K, literal_t>)
        return operand<Key>::from_literal(k).value(k.is_text ? k.text() : std::string_view{});
    else if constexpr (std::is_integral_v<K>)
        return operand<Key>::from_integer(static_cast<std::int64_t>(k)).value();
    else
        return operand<Key>(k);
}
}  // namespace detail

// sel >> vmap(...): the keys are checked against the selector's datatype here.
template <class Sel, class... K, class... V>
    requires requires { typename Sel::value_type; Sel::keyword; }
[[nodiscard]] constexpr auto operator>>(const Sel&, const vmap_t<vmap_entry_t<K, V>...>& m) {
    using Key = typename Sel::value_type;
    return std::apply(
        [](const auto&... e) {
            return vmap_stmt_t<Sel, V...>{std::tuple<std::pair<operand<Key>, V>...>(
                std::pair<operand<Key>, V>(detail::vmap_key<Key>(e.key), e.verdict)...)};
        },
        m.entries);
}

}  // namespace nftpp
