#pragma once
// Named maps.
//   data_map<"marks", port, mark>({{22, 1}, {80, 2}})           map marks { type inet_service : mark; ... }
//   verdict_map<"dispatch", port>(on(22, jump<"ssh">), on(80, accept))
//                                                              map dispatch { type inet_service : verdict; ... }
// Used by
//   meta.mark.set(tcp.dport, at<"marks">)       meta mark set tcp dport map @marks
//   ct.mark.set(tcp.dport, at<"marks">)         ct mark set tcp dport map @marks
//   tcp.dport >> vmap(at<"dispatch">)           tcp dport vmap @dispatch
// The table checks that the map exists, is a map of the right kind, and that its key
// (and value) datatypes are the selector's; a verdict map's jump targets join the chain
// graph like any jump.
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/set_ref.hpp>
#include <nftpp/expr/vmap.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/stmt/mark.hpp>

namespace nftpp {

template <class Key, class Value>
struct map_entry {
    operand<Key> key;
    Value value;
};

template <fixed_string Name, class Key, class Value>
struct data_map_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "map";
    using key_type = Key;
    using value_type = Value;
    set_flags flags{};
    std::vector<map_entry<Key, Value>> elements;

    template <Sink S>
    friend constexpr void write_nft(S& out, const data_map_t& m) {
        out.put("map ");
        out.put(Name.view());
        out.put(" {\n\t\ttype ");
        out.put(Key::nft_type);
        out.put(" : ");
        out.put(Value::nft_type);
        out.put('\n');
        write_set_options(out, m.flags);
        if (!m.elements.empty()) {
            out.put("\t\telements = {");
            bool first = true;
            for (const auto& e : m.elements) {
                out.put(first ? "\n\t\t\t" : ",\n\t\t\t");
                first = false;
                write_nft(out, e.key);
                out.put(" : ");
                write_nft(out, e.value);
            }
            out.put("\n\t\t}\n");
        }
        out.put("\t}");
    }
};

template <fixed_string Name, class Key, class... Verdicts>
struct verdict_map_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "vmap";
    using key_type = Key;
    using verdicts = std::tuple<Verdicts...>;
    set_flags flags{};
    std::tuple<std::pair<operand<Key>, Verdicts>...> elements;

    template <Sink S>
    friend constexpr void write_nft(S& out, const verdict_map_t& m) {
        out.put("map ");
        out.put(Name.view());
        out.put(" {\n\t\ttype ");
        out.put(Key::nft_type);
        out.put(" : verdict\n");
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

template <class T>
inline constexpr bool is_map_v = false;
template <fixed_string N, class K, class V>
inline constexpr bool is_map_v<data_map_t<N, K, V>> = true;
template <fixed_string N, class K, class... V>
inline constexpr bool is_map_v<verdict_map_t<N, K, V...>> = true;

template <fixed_string Name, class Key, class Value>
[[nodiscard]] auto data_map(set_flags flags, std::initializer_list<map_entry<Key, Value>> elements) {
    std::vector<map_entry<Key, Value>> v(elements);
    std::vector<operand<Key>> keys;
    keys.reserve(v.size());
    for (const auto& e : v) keys.push_back(e.key);
    detail::check_set_elements<Key>(flags, keys);
    return data_map_t<Name, Key, Value>{flags, std::move(v)};
}
template <fixed_string Name, class Key, class Value>
[[nodiscard]] auto data_map(std::initializer_list<map_entry<Key, Value>> elements) {
    return data_map<Name, Key, Value>(set_flags{}, elements);
}

template <fixed_string Name, class Key, class... K, class... V>
[[nodiscard]] constexpr auto verdict_map(set_flags flags, vmap_entry_t<K, V>... entries) {
    verdict_map_t<Name, Key, V...> m{flags, {std::pair<operand<Key>, V>(detail::vmap_key<Key>(entries.key), entries.verdict)...}};
    const auto keys = std::apply([](const auto&... e) { return std::array<operand<Key>, sizeof...(V)>{{e.first...}}; },
                                 m.elements);
    detail::check_set_elements<Key>(flags, keys);
    return m;
}
template <fixed_string Name, class Key, class... K, class... V>
[[nodiscard]] constexpr auto verdict_map(vmap_entry_t<K, V>... entries) {
    return verdict_map<Name, Key>(set_flags{}, entries...);
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
        f.kind = stmt_kind::vmap;
        f.verdict = true;
        return f;
    }();
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
