// SPDX-License-Identifier: Apache-2.0
#pragma once
// Verdict maps: dispatch on a field's value in one rule.
//   tcp.dport >> vmap(on(22, jump<"ssh">), on(80, accept), on(range<port>(8000, 8080), drop))
//   renders   tcp dport vmap { 22 : jump ssh, 80 : accept, 8000-8080 : drop }
// Each entry's verdict is a type, so jump and goto targets join the chain graph: the
// table checks they exist and follows them for the hook rules, as for a plain jump.
// Verdicts allowed in a map: accept, drop, continue_, return_, jump<...>, goto_<...>.
// A vmap is not terminal: statements may follow it.
// Its keys are checked when the selector is known (at `>>`, a compile error in a constant
// rule): no two overlap (nft: 'conflicting intervals specified'), and a key repeated with
// another verdict is refused (the kernel: 'File exists'); a key repeated with the same
// verdict is a duplicate, which nft merges.
#include <array>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>
#include <string>
#include <ranges>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/expr/anon_set.hpp>
#include <nftpp/expr/key_expr.hpp>
#include <nftpp/expr/literal.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/stmt/verdict.hpp>

namespace nftpp {

NFTPP_RULE(a_map_gives_one_key_two_values,
           "this map gives one key two different values, which the kernel refuses ('File exists'): keep one entry "
           "per key")
NFTPP_RULE(the_keys_of_a_vmap_overlap_make_them_disjoint,
           "two keys of this vmap(...) overlap, which nft refuses ('conflicting intervals specified'): make its "
           "ranges and prefixes disjoint")

template <class V>
inline constexpr bool is_map_verdict_v = std::is_same_v<V, accept_t> || std::is_same_v<V, drop_t> ||
                                         std::is_same_v<V, return_t> || std::is_same_v<V, continue_t> ||
                                         is_chain_verdict_v<V>;

// A verdict a map may hold, or a std::variant of them (a map filled at run time: each
// element one of the alternatives, all of them known to the compiler).
template <class V>
inline constexpr bool is_map_verdict_value_v = is_map_verdict_v<V>;
template <class... V>
inline constexpr bool is_map_verdict_value_v<std::variant<V...>> = (is_map_verdict_v<V> && ...);

NFTPP_CHECK(vmap_verdict,
    "a verdict map entry takes accept, drop, continue_, return_, jump<\"...\"> or goto_<\"...\">: reject and NAT cannot be map values")

// A checked verdict as a value, what a verdict map's element holds once the verdict's type
// has been checked (and its target joined the chain graph): the kind, and the chain of a
// jump or goto.
struct map_verdict {
    verdict_kind kind = verdict_kind::accept;
    std::string_view target{};

    friend constexpr bool operator==(const map_verdict&, const map_verdict&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const map_verdict& v) {
        switch (v.kind) {
            case verdict_kind::drop: out.put("drop"); break;
            case verdict_kind::return_: out.put("return"); break;
            case verdict_kind::continue_: out.put("continue"); break;
            case verdict_kind::jump: out.put("jump "); out.put(v.target); break;
            case verdict_kind::goto_: out.put("goto "); out.put(v.target); break;
            default: out.put("accept"); break;
        }
    }
};

template <class V>
    requires is_map_verdict_v<V>
[[nodiscard]] constexpr map_verdict map_verdict_of(const V&) noexcept {
    if constexpr (is_chain_verdict_v<V>) return {V::kind, V::target.view()};
    else return {V::kind, {}};
}
template <class... V>
    requires(is_map_verdict_v<V> && ...)
[[nodiscard]] constexpr map_verdict map_verdict_of(const std::variant<V...>& v) {
    return std::visit([](const auto& x) { return map_verdict_of(x); }, v);
}

// The jump and goto targets among verdict types (a map's values: verdict types, or
// std::variants of them, every alternative counted), in order.
template <class V>
struct verdict_targets_in {
    static constexpr std::size_t count = is_chain_verdict_v<V> ? 1 : 0;
    static constexpr void put(std::string_view*& out) {
        if constexpr (is_chain_verdict_v<V>) *out++ = V::target.view();
    }
};
template <class... V>
struct verdict_targets_in<std::variant<V...>> {
    static constexpr std::size_t count = (0 + ... + verdict_targets_in<V>::count);
    static constexpr void put(std::string_view*& out) { (verdict_targets_in<V>::put(out), ...); }
};
template <class... V>
constexpr auto verdict_targets() {
    std::array<std::string_view, (0 + ... + verdict_targets_in<V>::count)> a{};
    std::string_view* out = a.data();
    (verdict_targets_in<V>::put(out), ...);
    (void)out;
    return a;
}

// One entry before its key datatype is known: on(22, accept).
template <class K, class V>
struct vmap_entry_t {
    using verdict_type = V;
    K key;
    V verdict;
};

namespace detail {
// Completing it fires assert_vmap_verdict_t for a verdict a map cannot hold; `type` is the
// verdict, or accept_t after the error (so nothing cascades). A class rather than a check
// in on()'s body: clang would then also call on() not a constant expression.
template <class V>
struct checked_map_verdict {
    static_assert(sizeof(std::conditional_t<is_map_verdict_v<V>, accept_t, assert_vmap_verdict_t<V>>));
    using type = std::conditional_t<is_map_verdict_v<V>, V, accept_t>;
};
template <class V>
using checked_map_verdict_t = typename checked_map_verdict<V>::type;
}  // namespace detail

// A typed key (a port, an address, a range ...).
template <class K, class V>
    requires(!std::is_arithmetic_v<K> && !std::is_pointer_v<K>)
[[nodiscard]] constexpr auto on(K key, V verdict) {
    using W = detail::checked_map_verdict_t<V>;
    if constexpr (is_map_verdict_v<V>) return vmap_entry_t<K, V>{key, verdict};
    else return vmap_entry_t<K, W>{key, {}};
}
// A literal key (22, "10.0.0.0/8"): checked against the selector's datatype at `>>`.
template <class V>
[[nodiscard]] constexpr auto on(literal_t key, V verdict) {
    using W = detail::checked_map_verdict_t<V>;
    if constexpr (is_map_verdict_v<V>) return vmap_entry_t<literal_t, V>{key, verdict};
    else return vmap_entry_t<literal_t, W>{key, {}};
}

template <class... Entries>
struct vmap_t;

template <class Sel, class... Verdicts>
struct vmap_stmt_t;

namespace detail {
template <class Key, class... V>
struct checked_vmap;
template <class Key, std::size_t N>
constexpr const rule* vmap_keys_error(const std::array<operand<Key>, N>& keys, const std::array<map_verdict, N>& verdicts);

// Literal keys and verdicts without values (accept, drop, jump<"x">, goto_<"x"> ...):
// `vmap(on(22, accept), ...)` is a constant wherever it is written, so the keys are checked
// as the selector's datatype in the compiler (a consteval converting constructor: clang 14
// refuses calling a consteval operator template inside a function template).
template <class... E>
inline constexpr bool literal_vmap_v = false;
template <class... V>
inline constexpr bool literal_vmap_v<vmap_entry_t<literal_t, V>...> = sizeof...(V) > 0 && (std::is_empty_v<V> && ...);
}  // namespace detail

template <class... Entries>
struct vmap_t {
    std::tuple<Entries...> entries;

    // The keys are checked against what the key expression gives (numgen: its range) here,
    // with no helper in between: each call would be one more note on clang.
    template <KeyExpr Sel>
        requires detail::literal_vmap_v<Entries...>
    [[nodiscard]] friend constexpr auto operator>>(const Sel& sel, detail::checked_vmap<typename Sel::value_type, Entries...> m) {
        auto stmt = vmap_stmt_t<Sel, typename Entries::verdict_type...>{m.entries, sel};
        if constexpr (requires { sel.check_value(std::get<0>(stmt.entries).first); })
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                (sel.check_value(std::get<I>(stmt.entries).first), ...);
            }(std::index_sequence_for<Entries...>{});
        return stmt;
    }
};

namespace detail {
template <class Key, class... V>
struct checked_vmap<Key, vmap_entry_t<literal_t, V>...> {
    std::tuple<std::pair<operand<Key>, V>...> entries;

    consteval checked_vmap(const vmap_t<vmap_entry_t<literal_t, V>...>& m) noexcept  // NOLINT: implicit on purpose
        : entries(convert(m, std::index_sequence_for<V...>{})) {
        if constexpr (sizeof...(V) > 1) check(std::index_sequence_for<V...>{});
    }

private:
    // (index sequences, not std::apply: a failing key then shows in a short note chain)
    template <std::size_t... I>
    static consteval std::tuple<std::pair<operand<Key>, V>...> convert(const vmap_t<vmap_entry_t<literal_t, V>...>& m,
                                                                        std::index_sequence<I...>) {
        // A bad key is reported here, not through result::value(): one note less on clang.
        return {std::pair<operand<Key>, V>(
            (operand<Key>::from_literal(std::get<I>(m.entries).key).ok()
                 ? void()
                 : operand<Key>::from_literal(std::get<I>(m.entries).key).err().broken->compile_time_report(),
             *operand<Key>::from_literal(std::get<I>(m.entries).key)),
            std::get<I>(m.entries).verdict)...};
    }
    template <std::size_t... I>
    consteval void check(std::index_sequence<I...>) const {
        const std::array<operand<Key>, sizeof...(V)> keys{{std::get<I>(entries).first...}};
        const std::array<map_verdict, sizeof...(V)> verdicts{{map_verdict_of(std::get<I>(entries).second)...}};
        if (const rule* r = vmap_keys_error<Key, sizeof...(V)>(keys, verdicts)) r->compile_time_report();  // consteval: the compile error
    }
};
}  // namespace detail

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
        f.verdict = true;
        return f;
    }();
    // The chains its jump and goto entries transfer control to.
    static constexpr auto chain_targets = verdict_targets<Verdicts...>();
    std::tuple<std::pair<operand<key_type>, Verdicts>...> entries;
    [[no_unique_address]] Sel key{};  // a selector (empty), or a key with state (numgen ...)

    template <Sink S>
    friend constexpr void write_nft(S& out, const vmap_stmt_t& m) {
        write_key(out, m.key);
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

namespace detail {
// What nft refuses in the keys of an anonymous vmap, or nullptr: two keys that overlap
// (an anonymous map takes intervals without a flag), one key with two verdicts.
template <class Key, std::size_t N>
[[nodiscard]] constexpr const rule* vmap_keys_error(const std::array<operand<Key>, N>& keys,
                                                    const std::array<map_verdict, N>& verdicts) {
    if (intervals_overlap(keys.data(), N)) return &rules::the_keys_of_a_vmap_overlap_make_them_disjoint;
    if (key_with_two_values<Key, map_verdict>(keys.data(), verdicts.data(), N)) return &rules::a_map_gives_one_key_two_values;
    return nullptr;
}
}  // namespace detail

// sel >> vmap(...): the keys are checked against the selector's datatype here, and
// against each other.
template <KeyExpr Sel, class... K, class... V>
    requires(!detail::literal_vmap_v<vmap_entry_t<K, V>...>)
[[nodiscard]] constexpr auto operator>>(const Sel& sel, const vmap_t<vmap_entry_t<K, V>...>& m) {
    using Key = typename Sel::value_type;
    auto stmt = std::apply(
        [&sel](const auto&... e) {
            return vmap_stmt_t<Sel, V...>{std::tuple<std::pair<operand<Key>, V>...>(
                std::pair<operand<Key>, V>(detail::vmap_key<Key>(e.key), e.verdict)...), sel};
        },
        m.entries);
    std::apply([&sel](const auto&... e) { (check_key_value(sel, e.first), ...); }, stmt.entries);
    if constexpr (sizeof...(V) > 1) {
        const auto [keys, verdicts] = std::apply(
            [](const auto&... e) {
                return std::pair(std::array<operand<Key>, sizeof...(V)>{{e.first...}},
                                 std::array<map_verdict, sizeof...(V)>{{map_verdict_of(e.second)...}});
            },
            stmt.entries);
        if (const rule* r = detail::vmap_keys_error<Key, sizeof...(V)>(keys, verdicts)) raise(error{r, 0});
    }
    return stmt;
}

// --- verdict maps filled at run time ---
//   sel >> vmap_from(range, [](const auto& x) { return std::pair{key_of(x), go_to(chain_of(x))}; })
// One entry per element of a run-time range; its verdicts are values (runtime_verdict), so
// jump_to/go_to targets named from data are allowed: the rule then belongs in a table built
// at run time, which checks every target. Keys are checked when the selector is known, as
// above (datatype, overlaps, one key two verdicts), throwing value_error.

template <class K>
struct vmap_list_t {
    std::vector<std::pair<K, runtime_verdict>> entries;
};

template <std::ranges::input_range Rg, class F>
[[nodiscard]] auto vmap_from(const Rg& values, F&& make) {
    using E = decltype(make(*std::ranges::begin(values)));
    using K = std::remove_cvref_t<decltype(std::declval<E>().first)>;
    vmap_list_t<K> out;
    if constexpr (std::ranges::sized_range<const Rg&>) out.entries.reserve(std::ranges::size(values));
    for (auto&& v : values) {
        auto e = make(v);
        out.entries.emplace_back(std::move(e.first), runtime_verdict(std::move(e.second)));
    }
    return out;
}

template <class Sel>
struct runtime_vmap_stmt_t {
    using statement_tag = void;
    using match_tag = void;
    using key_type = typename Sel::value_type;
    static constexpr part_facts facts = [] {
        part_facts f = Sel::facts;
        f.is_match = false;
        f.verdict = true;
        f.runtime_refs = true;
        return f;
    }();
    std::vector<std::pair<operand<key_type>, runtime_verdict>> entries;
    [[no_unique_address]] Sel key{};  // a selector (empty), or a key with state (numgen ...)

    [[nodiscard]] std::vector<std::string_view> runtime_chain_targets() const {
        std::vector<std::string_view> t;
        for (const auto& e : entries)
            if (e.second.kind == verdict_kind::jump || e.second.kind == verdict_kind::goto_) t.push_back(e.second.target);
        return t;
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const runtime_vmap_stmt_t& m) {
        write_key(out, m.key);
        out.put(" vmap { ");
        bool first = true;
        for (const auto& e : m.entries) {
            if (!first) out.put(", ");
            first = false;
            write_nft(out, e.first);
            out.put(" : ");
            write_nft(out, e.second);
        }
        out.put(" }");
    }
};

NFTPP_RULE(a_vmap_has_at_least_one_entry, "a vmap needs at least one entry (nft has no empty { }): leave the rule out")

template <KeyExpr Sel, class K>
[[nodiscard]] auto operator>>(const Sel& sel, const vmap_list_t<K>& m) {
    using Key = typename Sel::value_type;
    runtime_vmap_stmt_t<Sel> stmt;
    stmt.key = sel;
    stmt.entries.reserve(m.entries.size());
    for (const auto& e : m.entries) {
        if constexpr (std::is_integral_v<K>) {
            stmt.entries.emplace_back(operand<Key>::from_integer(static_cast<std::int64_t>(e.first)).value(), e.second);
        } else {
            stmt.entries.emplace_back(detail::vmap_key<Key>(e.first), e.second);
        }
    }
    if (stmt.entries.empty()) raise(error{&rules::a_vmap_has_at_least_one_entry, 0});
    for (const auto& e : stmt.entries) check_key_value(sel, e.first);
    std::vector<operand<Key>> keys;
    std::vector<map_verdict> verdicts;
    keys.reserve(stmt.entries.size());
    verdicts.reserve(stmt.entries.size());
    for (const auto& e : stmt.entries) {
        keys.push_back(e.first);
        verdicts.push_back(map_verdict{e.second.kind, e.second.target});
    }
    if (detail::intervals_overlap(keys.data(), keys.size())) raise(error{&rules::the_keys_of_a_vmap_overlap_make_them_disjoint, 0});
    if (detail::key_with_two_values<Key, map_verdict>(keys.data(), verdicts.data(), keys.size()))
        raise(error{&rules::a_map_gives_one_key_two_values, 0});
    return stmt;
}

}  // namespace nftpp
