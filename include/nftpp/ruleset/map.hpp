// SPDX-License-Identifier: Apache-2.0
#pragma once
// Named maps.
//   data_map<"marks", port, mark>({{22, 1}, {80, 2}})           map marks { type inet_service : mark; ... }
//   data_map<"marks", port, mark>(set_size(1024), pairs)        from a run-time range of (key, value) pairs
//   verdict_map<"dispatch", port>(on(22, jump<"ssh">), on(80, accept))
//                                                              map dispatch { type inet_service : verdict; ... }
//   verdict_map<"lan", ifname>(set_flags{}, names, jump<"lan_in">)   run-time keys, one verdict
//   verdict_map<"by_port", port>(set_flags{}, pairs)            (key, verdict) pairs, the verdict one
//                                                              alternative of a std::variant
// Used by
//   meta.mark.set(tcp.dport, at<"marks">)       meta mark set tcp dport map @marks
//   ct.mark.set(tcp.dport, at<"marks">)         ct mark set tcp dport map @marks
//   tcp.dport >> vmap(at<"dispatch">)           tcp dport vmap @dispatch
//   dnat(ip, ip.daddr, at<"backends">)          dnat ip to ip daddr map @backends (stmt/nat.hpp)
// The table checks that the map exists, is a map of the right kind, and that its key
// (and value) datatypes are the selector's; a verdict map's jump targets join the chain
// graph like any jump, and must exist (and be regular chains) even when no rule uses
// the map. Verdicts are types: a verdict map filled at run time holds one verdict type,
// or a std::variant of them, whose every alternative the table checks.
// The entries are checked like a set's elements (set.hpp) when they are bound: at compile
// time for literal entries of a constexpr map, a value_error otherwise; in addition a key
// given two different values is refused (the kernel: 'File exists'; the same key with the
// same value is a duplicate, which nft merges), and set_flag::auto_merge (sets only).
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/ranges.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/set_ref.hpp>
#include <nftpp/stmt/vmap.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/stmt/mark.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(set_flag_auto_merge_is_for_sets_not_maps,
           "set_flag::auto_merge applies to sets only: nft has no auto-merge for maps (a syntax error); keep the "
           "map's intervals disjoint")

template <class Key, class Value>
struct map_entry {
    operand<Key> key;
    Value value;
};

namespace detail {
// `\t\telements = { k : v, ... }` of a declaration (nothing for no entries).
template <Sink S, class Elements>
constexpr void write_map_elements(S& out, const Elements& elements) {
    if constexpr (!std::is_same_v<Elements, no_elements_t>) {
        if (std::ranges::empty(elements)) return;
        out.put("\t\telements = {");
        bool first = true;
        for (const auto& e : elements) {
            out.put(first ? "\n\t\t\t" : ",\n\t\t\t");
            first = false;
            write_nft(out, e.key);
            out.put(" : ");
            write_nft(out, e.value);
        }
        out.put("\n\t\t}\n");
    }
}
template <Sink S>
constexpr void write_map_head(S& out, std::string_view name, const set_flags& f, std::string_view key, std::string_view value) {
    out.put("map ");
    out.put(name);
    out.put(" {\n\t\t");
    write_key_decl(out, f, key);
    out.put(" : ");
    out.put(value);
    out.put('\n');
}
}  // namespace detail

// Elements: a std::array of literal entries, a std::vector from a run-time range, or
// no_elements_t.
template <fixed_string Name, class Key, class Value, class Elements = std::vector<map_entry<Key, Value>>>
struct data_map_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "map";
    using key_type = Key;
    using value_type = Value;
    set_flags flags{};
    Elements elements{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const data_map_t& m) {
        detail::write_map_head(out, Name.view(), m.flags, nft_type_of<Key>, nft_type_of<Value>);
        write_set_options(out, m.flags);
        detail::write_map_elements(out, m.elements);
        out.put("\t}");
    }
};

// A verdict map declared with its entries, each verdict a type.
template <fixed_string Name, class Key, class... Verdicts>
struct verdict_map_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "vmap";
    using key_type = Key;
    using verdicts = std::tuple<Verdicts...>;
    static constexpr auto chain_targets = verdict_targets<Verdicts...>();
    set_flags flags{};
    std::tuple<std::pair<operand<Key>, Verdicts>...> elements;

    template <Sink S>
    friend constexpr void write_nft(S& out, const verdict_map_t& m) {
        detail::write_map_head(out, Name.view(), m.flags, nft_type_of<Key>, "verdict");
        write_set_options(out, m.flags);
        if constexpr (sizeof...(Verdicts) > 0) {
            out.put("\t\telements = {");
            bool first = true;
            std::apply(
                [&](const auto&... e) {
                    ((out.put(first ? "\n\t\t\t" : ",\n\t\t\t"), first = false, write_nft(out, e.first), out.put(" : "),
                      write_nft(out, e.second)),
                     ...);
                },
                m.elements);
            out.put("\n\t\t}\n");
        }
        out.put("\t}");
    }
};

// A verdict map filled from a run-time range. V is what every element may hold: one
// verdict type, or a std::variant of verdict types; the table checks the jump and goto
// targets of all of them, whichever the elements hold.
template <fixed_string Name, class Key, class V>
struct dynamic_verdict_map_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    static_assert(is_map_verdict_value_v<V>);
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "vmap";
    using key_type = Key;
    using verdict_type = V;
    static constexpr auto chain_targets = verdict_targets<V>();
    set_flags flags{};
    std::vector<map_entry<Key, map_verdict>> elements;

    template <Sink S>
    friend constexpr void write_nft(S& out, const dynamic_verdict_map_t& m) {
        detail::write_map_head(out, Name.view(), m.flags, nft_type_of<Key>, "verdict");
        write_set_options(out, m.flags);
        detail::write_map_elements(out, m.elements);
        out.put("\t}");
    }
};

template <class T>
inline constexpr bool is_data_map_v = false;
template <fixed_string N, class K, class V, class E>
inline constexpr bool is_data_map_v<data_map_t<N, K, V, E>> = true;
template <class T>
inline constexpr bool is_verdict_map_v = false;
template <fixed_string N, class K, class... V>
inline constexpr bool is_verdict_map_v<verdict_map_t<N, K, V...>> = true;
template <fixed_string N, class K, class V>
inline constexpr bool is_verdict_map_v<dynamic_verdict_map_t<N, K, V>> = true;
template <class T>
inline constexpr bool is_map_v = is_data_map_v<T> || is_verdict_map_v<T>;

// Fired when a run-time range of map entries holds something else than (key, value)
// pairs of the map's datatypes (its arguments show the map, its key and value types, and
// the range's element type; a verdict map's value type shows as map_verdict).
NFTPP_CHECK(range_holds_map_entries,
    "this range's elements are not (key, value) pairs of the map's datatypes (the arguments of "
                  "assert_range_holds_map_entries_t are the map's name, its key and value types and the range's "
                  "element type): give std::pair<key, value> or map_entry<key, value>, and for a verdict map "
                  "std::pair<key, verdict> with the verdict a type such as accept_t or a std::variant of them")

namespace detail {
// What nft and the kernel would refuse in a map's n entries (keys[i] : values[i]), or
// nullptr: what they refuse in a set's elements (the keys), auto-merge, and one key with
// two values. One instantiation per key and value type, whatever the map's name.
template <class Key, class Value>
[[nodiscard]] constexpr const rule* map_entries_error(set_flags f, const operand<Key>* keys, const Value* values,
                                                      std::size_t n) {
    if (f.has(set_flag::auto_merge)) return &rules::set_flag_auto_merge_is_for_sets_not_maps;
    if (!f.typeof_decl.empty() && !std::is_same_v<Value, map_verdict>) return &rules::key_typeof_is_for_sets_and_verdict_maps;
    if (const rule* r = set_elements_error<Key>(f, keys, n)) return r;
    if (key_with_two_values<Key, Value>(keys, values, n)) return &rules::a_map_gives_one_key_two_values;
    return nullptr;
}
// The same for entries: a std::array of literal entries or a std::vector of them.
template <class Key, class Value, class Entries>
[[nodiscard]] constexpr const rule* map_entries_error(set_flags f, const Entries& entries) {
    const std::size_t n = std::ranges::size(entries);
    if constexpr (requires { std::tuple_size<Entries>::value; }) {
        constexpr std::size_t N = std::tuple_size<Entries>::value;
        const auto [keys, values] = [&]<std::size_t... I>(std::index_sequence<I...>) {
            return std::pair(std::array<operand<Key>, N>{{entries[I].key...}}, std::array<Value, N>{{entries[I].value...}});
        }(std::make_index_sequence<N>{});
        return map_entries_error<Key, Value>(f, keys.data(), values.data(), n);
    } else {
        std::vector<operand<Key>> keys;
        std::vector<Value> values;
        keys.reserve(n);
        values.reserve(n);
        for (const auto& e : entries) {
            keys.push_back(e.key);
            values.push_back(e.value);
        }
        return map_entries_error<Key, Value>(f, keys.data(), values.data(), n);
    }
}

// A part of a run-time entry, as the map's datatype T (operand<Key> for the key, Value for
// the value): a typed value; an integer where T takes numbers (std::pair<int, int> from a
// configuration file), checked by T's from() here (value_error); or text where T parses it
// (std::string, const char*), checked by T's parse() (value_error naming the text).
// A literal in a std::pair never gets here: std::pair<port, mark>{22, 1} does not compile
// (std::pair forwards the 22 to port's consteval constructor as a run-time value); write
// map_entry<port, mark>{22, 1}, or the typed values port(22), mark(1).
template <class X>
concept map_text_part = std::convertible_to<const X&, std::string_view> && !integer_literal<std::remove_cvref_t<X>>;
template <class T>
struct map_part_traits {
    static constexpr bool numbers = requires(std::int64_t n) { T::from(n); };
    static constexpr bool text = requires(std::string_view v) { T::parse(v); };
    static constexpr auto from(std::int64_t n) { return T::from(n); }
};
template <class K>
struct map_part_traits<operand<K>> {
    static constexpr bool numbers = operand_traits<K>::integer_literal;
    static constexpr bool text = requires(std::string_view v) { operand<K>::parse(v); };
    static constexpr auto from(std::int64_t n) { return operand<K>::from_integer(n); }
};
template <class X, class T>
concept map_part_of = (integer_literal<std::remove_cvref_t<X>> ? map_part_traits<T>::numbers
                       : map_text_part<X>                       ? map_part_traits<T>::text
                                                                : std::convertible_to<const X&, T>);
template <class T, class X>
[[nodiscard]] constexpr T to_map_part(const X& x) {
    if constexpr (integer_literal<std::remove_cvref_t<X>>) {
        return map_part_traits<T>::from(widen(x)).value();
    } else if constexpr (map_text_part<X>) {
        const std::string_view text(x);
        return T::parse(text).value(text);
    } else {
        return static_cast<T>(x);
    }
}

// One (key, value) entry of a run-time range: a map_entry, or pair-like (std::pair,
// std::tuple) with a key and a value of the map's datatypes (or numbers or text they take).
template <class X, class Key, class Value>
concept MapEntryLike = std::convertible_to<const X&, map_entry<Key, Value>> ||
                       (requires(const X& x) {
                           std::get<0>(x);
                           std::get<1>(x);
                       } && map_part_of<decltype(std::get<0>(std::declval<const X&>())), operand<Key>> &&
                        map_part_of<decltype(std::get<1>(std::declval<const X&>())), Value>);
template <class Key, class Value, class X>
[[nodiscard]] constexpr map_entry<Key, Value> to_map_entry(const X& x) {
    if constexpr (std::convertible_to<const X&, map_entry<Key, Value>>) return x;
    else return {to_map_part<operand<Key>>(std::get<0>(x)), to_map_part<Value>(std::get<1>(x))};
}
// A (key, verdict) pair: the verdict a map verdict type or a std::variant of them.
template <class X>
using entry_verdict_t = std::remove_cvref_t<decltype(std::get<1>(std::declval<const X&>()))>;
template <class X, class Key>
concept VerdictEntryLike = requires(const X& x) {
    std::get<0>(x);
    std::get<1>(x);
} && map_part_of<decltype(std::get<0>(std::declval<const X&>())), operand<Key>> && is_map_verdict_value_v<entry_verdict_t<X>>;

template <class R, class Key, class Value>
concept MapEntryRangeOf = std::ranges::input_range<const R&> && MapEntryLike<std::ranges::range_value_t<const R&>, Key, Value>;
template <class R, class Key>
concept VerdictEntryRangeOf = std::ranges::input_range<const R&> && VerdictEntryLike<std::ranges::range_value_t<const R&>, Key>;

// Run-time ranges as entries, in one pass (one allocation when the range is sized).
template <class Key, class Value, class R>
std::vector<map_entry<Key, Value>> collect_map_entries(const R& entries) {
    std::vector<map_entry<Key, Value>> v;
    if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(entries));
    for (auto&& x : entries) v.push_back(to_map_entry<Key, Value>(x));
    return v;
}
template <class Key, class R>
std::vector<map_entry<Key, map_verdict>> collect_verdict_entries(const R& entries) {
    std::vector<map_entry<Key, map_verdict>> v;
    if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(entries));
    for (auto&& x : entries) v.push_back({to_map_part<operand<Key>>(std::get<0>(x)), map_verdict_of(std::get<1>(x))});
    return v;
}
template <class Key, class R, class V>
std::vector<map_entry<Key, map_verdict>> collect_keys_to(const R& keys, const V& verdict) {
    std::vector<map_entry<Key, map_verdict>> v;
    if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(keys));
    const map_verdict to = map_verdict_of(verdict);
    for (auto&& k : keys) v.push_back({to_map_part<operand<Key>>(k), to});
    return v;
}
}  // namespace detail

// --- data maps ---

template <fixed_string Name, class Key, class Value>
[[nodiscard]] constexpr data_map_t<Name, Key, Value, no_elements_t> data_map(set_flags flags = {}) {
    detail::raise_if(detail::map_entries_error<Key, Value>(flags, nullptr, nullptr, 0));
    return {flags, {}};
}
// Literal entries, each checked like a literal: {{22, 1}, {80, 2}}.
template <fixed_string Name, class Key, class Value, std::size_t N>
[[nodiscard]] constexpr auto data_map(set_flags flags, const map_entry<Key, Value> (&elements)[N]) {
    using A = std::array<map_entry<Key, Value>, N>;
    A a = [&]<std::size_t... I>(std::index_sequence<I...>) { return A{{elements[I]...}}; }(std::make_index_sequence<N>{});
    detail::raise_if(detail::map_entries_error<Key, Value>(flags, a));
    return data_map_t<Name, Key, Value, A>{flags, a};
}
template <fixed_string Name, class Key, class Value, std::size_t N>
[[nodiscard]] constexpr auto data_map(const map_entry<Key, Value> (&elements)[N]) {
    return data_map<Name, Key, Value>(set_flags{}, elements);
}
// From a run-time range of (key, value) pairs or map_entry values, in one pass.
template <fixed_string Name, class Key, class Value, std::ranges::input_range R>
[[nodiscard]] auto data_map(set_flags flags, const R& entries) {
    if constexpr (!detail::MapEntryRangeOf<R, Key, Value>) {
        (void)assert_range_holds_map_entries_t<named<Name>, Key, Value, std::ranges::range_value_t<const R&>>::value;
        return data_map_t<Name, Key, Value>{flags, {}};
    } else {
        auto v = detail::collect_map_entries<Key, Value>(entries);
        detail::raise_if(detail::map_entries_error<Key, Value>(flags, v));
        return data_map_t<Name, Key, Value>{flags, std::move(v)};
    }
}
template <fixed_string Name, class Key, class Value, std::ranges::input_range R>
[[nodiscard]] auto data_map(const R& entries) {
    return data_map<Name, Key, Value>(set_flags{}, entries);
}

// --- verdict maps ---

template <fixed_string Name, class Key, class... K, class... V>
[[nodiscard]] constexpr auto verdict_map(set_flags flags, vmap_entry_t<K, V>... entries) {
    verdict_map_t<Name, Key, V...> m{flags, {std::pair<operand<Key>, V>(detail::vmap_key<Key>(entries.key), entries.verdict)...}};
    const auto keys = std::apply([](const auto&... e) { return std::array<operand<Key>, sizeof...(V)>{{e.first...}}; },
                                 m.elements);
    const std::array<map_verdict, sizeof...(V)> verdicts{{map_verdict_of(entries.verdict)...}};
    detail::raise_if(detail::map_entries_error<Key, map_verdict>(flags, keys.data(), verdicts.data(), sizeof...(V)));
    return m;
}
template <fixed_string Name, class Key, class... K, class... V>
[[nodiscard]] constexpr auto verdict_map(vmap_entry_t<K, V>... entries) {
    return verdict_map<Name, Key>(set_flags{}, entries...);
}
// Run-time keys, all to one verdict: verdict_map<"lan", ifname>(set_flags{}, names, jump<"lan_in">).
template <fixed_string Name, class Key, std::ranges::input_range R, class V>
[[nodiscard]] auto verdict_map(set_flags flags, const R& keys, const V& verdict) {
    if constexpr (!is_map_verdict_v<V>) {
        (void)assert_vmap_verdict_t<V>::value;
        return dynamic_verdict_map_t<Name, Key, accept_t>{flags, {}};
    } else if constexpr (!ElementRangeOf<R, Key>) {
        (void)assert_range_holds_the_set_key_type_t<named<Name>, Key, std::ranges::range_value_t<const R&>>::value;
        return dynamic_verdict_map_t<Name, Key, V>{flags, {}};
    } else {
        auto v = detail::collect_keys_to<Key>(keys, verdict);
        detail::raise_if(detail::map_entries_error<Key, map_verdict>(flags, v));
        return dynamic_verdict_map_t<Name, Key, V>{flags, std::move(v)};
    }
}
// Run-time (key, verdict) pairs, the verdict a type such as accept_t or one alternative of
// a std::variant<accept_t, drop_t, jump_t<"ssh">>: the table checks every alternative.
template <fixed_string Name, class Key, std::ranges::input_range R>
[[nodiscard]] auto verdict_map(set_flags flags, const R& entries) {
    if constexpr (!detail::VerdictEntryRangeOf<R, Key>) {
        (void)assert_range_holds_map_entries_t<named<Name>, Key, map_verdict, std::ranges::range_value_t<const R&>>::value;
        return dynamic_verdict_map_t<Name, Key, accept_t>{flags, {}};
    } else {
        using V = detail::entry_verdict_t<std::ranges::range_value_t<const R&>>;
        auto v = detail::collect_verdict_entries<Key>(entries);
        detail::raise_if(detail::map_entries_error<Key, map_verdict>(flags, v));
        return dynamic_verdict_map_t<Name, Key, V>{flags, std::move(v)};
    }
}
template <fixed_string Name, class Key, std::ranges::input_range R, class V>
[[nodiscard]] auto verdict_map(const R& keys, const V& verdict) {
    return verdict_map<Name, Key>(set_flags{}, keys, verdict);
}
template <fixed_string Name, class Key, std::ranges::input_range R>
[[nodiscard]] auto verdict_map(const R& entries) {
    return verdict_map<Name, Key>(set_flags{}, entries);
}

// --- references from rules ---

// `SEL vmap @name`
template <class Sel, fixed_string Name>
struct vmap_ref_stmt_t {
    using statement_tag = void;
    using selector = Sel;
    static constexpr auto map_name = Name;
    static constexpr part_facts facts = [] {
        part_facts f = Sel::facts;
        f.is_match = false;
        f.verdict = true;
        return f;
    }();
    static constexpr std::array<set_ref_info, 1> set_refs{{{Name.view(), nft_type_of<typename Sel::value_type>, "vmap", {}}}};
    template <Sink S>
    friend constexpr void write_nft(S& out, const vmap_ref_stmt_t&) {
        out.put(Sel::keyword);
        out.put(" vmap @");
        out.put(Name.view());
    }
};

template <fixed_string Name>
struct vmap_at_t {};
template <fixed_string Name>
[[nodiscard]] constexpr vmap_at_t<Name> vmap(set_ref_t<Name>) noexcept {
    return {};
}
template <class Sel, fixed_string Name>
    requires requires { typename Sel::value_type; Sel::keyword; }
[[nodiscard]] constexpr vmap_ref_stmt_t<Sel, Name> operator>>(const Sel&, vmap_at_t<Name>) noexcept {
    return {};
}

}  // namespace nftpp
