// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sets and maps named from data, in the spelling of the static ones with the name moved
// from the template arguments to the first argument:
//   set<ipv4_addr>(name, set_flag::interval, addresses)           set NAME { type ipv4_addr; ... }
//   data_map<port, mark>(name, set_flags{}, pairs)                map NAME { type inet_service : mark; ... }
//   verdict_map<concat<ipv4_addr, l4proto, port>>(name, set_flags{}, pairs)
//                                                                 map NAME { type ... : verdict; ... }
// The key and value datatypes are still types: elements are checked against them, and
// against each other (interval shapes, overlaps, size, one key two values), when they are
// bound, as a static set's are (value_error). A verdict map's values are runtime_verdict
// (accept, drop, jump<"x">, jump_to(name), go_to(name) ...), so its targets may be chains
// named from data; the table checks them with the rest of its structure.
// Elements are kept rendered (key text, value text): the table renders them as they are,
// and a table update (ruleset/runtime_commands.hpp) compares them by text.
// Static sets and maps join a table built at run time through to_runtime_set(s).
#include <cstddef>
#include <ranges>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/ruleset/map.hpp>
#include <nftpp/ruleset/runtime_chain.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/stmt/verdict.hpp>
#include <nftpp/stmt/vmap.hpp>

namespace nftpp {

struct runtime_element {
    std::string key;
    std::string value{};  // a map's value; empty for a set

    friend bool operator==(const runtime_element&, const runtime_element&) = default;
};

// A set or map whose name is a run-time value.
struct runtime_set {
    std::string name;
    std::string_view kind = "set";  // "set", "map" or "vmap"
    std::string_view key_type;
    std::string_view value_type{};  // a data map's value type
    set_flags flags{};
    std::vector<runtime_element> elements;
    std::vector<std::string> targets;  // a verdict map's jump and goto targets

    // Same declaration: kind, datatypes and flags (what an update cannot change in place).
    [[nodiscard]] bool same_declaration(const runtime_set& o) const noexcept {
        return kind == o.kind && key_type == o.key_type && value_type == o.value_type && flags.bits == o.flags.bits &&
               flags.size == o.flags.size && flags.timeout_ms == o.flags.timeout_ms;
    }

    // The declaration, as in a table block (without its leading tab).
    template <Sink S>
    friend constexpr void write_nft(S& out, const runtime_set& s) {
        out.put(s.kind == "set" ? "set " : "map ");
        out.put(s.name);
        out.put(" {\n\t\t");
        write_key_decl(out, s.flags, s.key_type);
        if (s.kind != "set") {
            out.put(" : ");
            out.put(s.kind == "vmap" ? std::string_view("verdict") : s.value_type);
        }
        out.put('\n');
        write_set_options(out, s.flags);
        if (!s.elements.empty()) {
            out.put("\t\telements = {");
            bool first = true;
            for (const auto& e : s.elements) {
                out.put(first ? "\n\t\t\t" : ",\n\t\t\t");
                first = false;
                write_element(out, s, e);
            }
            out.put("\n\t\t}\n");
        }
        out.put("\t}");
    }
    template <Sink S>
    static constexpr void write_element(S& out, const runtime_set& s, const runtime_element& e) {
        out.put(e.key);
        if (s.kind != "set") {
            out.put(" : ");
            out.put(e.value);
        }
    }
};

namespace detail {
inline void add_target(runtime_set& s, const runtime_verdict& v) {
    if (v.kind == verdict_kind::jump || v.kind == verdict_kind::goto_) s.targets.push_back(v.target);
}
}  // namespace detail

// --- sets ---

template <class Key, std::ranges::input_range R>
    requires ElementRangeOf<R, Key>
[[nodiscard]] runtime_set set(std::string name, set_flags f, const R& values) {
    std::vector<operand<Key>> v;
    if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(values));
    for (auto&& x : values) v.emplace_back(x);
    detail::check_set_elements<Key>(f, v);
    runtime_set s{std::move(name), "set", nft_type_of<Key>, {}, f, {}, {}};
    s.elements.reserve(v.size());
    for (const auto& x : v) s.elements.push_back({detail::text_of(x)});
    return s;
}
template <class Key>
[[nodiscard]] runtime_set set(std::string name, set_flags f = {}) {
    detail::check_set_elements<Key>(f, static_cast<const operand<Key>*>(nullptr), 0);
    return runtime_set{std::move(name), "set", nft_type_of<Key>, {}, f, {}, {}};
}

// --- data maps ---

template <class Key, class Value, std::ranges::input_range R>
    requires detail::MapEntryRangeOf<R, Key, Value>
[[nodiscard]] runtime_set data_map(std::string name, set_flags f, const R& entries) {
    auto v = detail::collect_map_entries<Key, Value>(entries);
    detail::raise_if(detail::map_entries_error<Key, Value>(f, v));
    runtime_set s{std::move(name), "map", nft_type_of<Key>, nft_type_of<Value>, f, {}, {}};
    s.elements.reserve(v.size());
    for (const auto& e : v) s.elements.push_back({detail::text_of(e.key), detail::text_of(e.value)});
    return s;
}
template <class Key, class Value>
[[nodiscard]] runtime_set data_map(std::string name, set_flags f = {}) {
    detail::raise_if(detail::map_entries_error<Key, Value>(f, nullptr, nullptr, 0));
    return runtime_set{std::move(name), "map", nft_type_of<Key>, nft_type_of<Value>, f, {}, {}};
}

// --- verdict maps ---

// (key, verdict) pairs: the verdict anything runtime_verdict takes.
template <class Key, std::ranges::input_range R>
[[nodiscard]] runtime_set verdict_map(std::string name, set_flags f, const R& entries) {
    std::vector<operand<Key>> keys;
    std::vector<runtime_verdict> verdicts;
    if constexpr (std::ranges::sized_range<const R&>) {
        keys.reserve(std::ranges::size(entries));
        verdicts.reserve(std::ranges::size(entries));
    }
    for (auto&& e : entries) {
        keys.push_back(operand<Key>(std::get<0>(e)));
        verdicts.emplace_back(std::get<1>(e));
    }
    {
        std::vector<map_verdict> mv;
        mv.reserve(verdicts.size());
        for (const auto& v : verdicts) mv.push_back({v.kind, v.target});
        detail::raise_if(detail::map_entries_error<Key, map_verdict>(f, keys.data(), mv.data(), keys.size()));
    }
    runtime_set s{std::move(name), "vmap", nft_type_of<Key>, {}, f, {}, {}};
    s.elements.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        s.elements.push_back({detail::text_of(keys[i]), detail::text_of(verdicts[i])});
        detail::add_target(s, verdicts[i]);
    }
    return s;
}
template <class Key>
[[nodiscard]] runtime_set verdict_map(std::string name, set_flags f = {}) {
    detail::raise_if(detail::map_entries_error<Key, map_verdict>(f, nullptr, nullptr, 0));
    return runtime_set{std::move(name), "vmap", nft_type_of<Key>, {}, f, {}, {}};
}

// A static set or map as a run-time one (to stand in a table built at run time).
template <class S>
    requires(is_set_v<S> || is_map_v<S>)
[[nodiscard]] runtime_set to_runtime_set(const S& s) {
    runtime_set r{std::string(S::name.view()), S::kind, nft_type_of<typename S::key_type>, {}, s.flags, {}, {}};
    if constexpr (requires { typename S::value_type; requires nft_typed<typename S::value_type>; }) r.value_type = nft_type_of<typename S::value_type>;
    if constexpr (is_set_v<S>) {
        if constexpr (!std::is_same_v<decltype(s.elements), const no_elements_t>)
            for (const auto& e : s.elements) r.elements.push_back({detail::text_of(e)});
    } else if constexpr (requires { std::tuple_size<decltype(s.elements)>::value; } &&
                         !std::ranges::range<decltype(s.elements)>) {  // verdict_map_t: a tuple of pairs
        std::apply([&](const auto&... e) {
            ((r.elements.push_back({detail::text_of(e.first), detail::text_of(e.second)}),
              detail::add_target(r, runtime_verdict(e.second))), ...);
        }, s.elements);
    } else if constexpr (!std::is_same_v<decltype(s.elements), const no_elements_t>) {
        for (const auto& e : s.elements) {
            r.elements.push_back({detail::text_of(e.key), detail::text_of(e.value)});
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(e.value)>, map_verdict>)
                if (e.value.kind == verdict_kind::jump || e.value.kind == verdict_kind::goto_) r.targets.emplace_back(e.value.target);
        }
    }
    if constexpr (requires { S::chain_targets; })  // every target its verdict types allow
        for (std::string_view t : S::chain_targets) r.targets.emplace_back(t);
    return r;
}

// --- references by run-time name ---

// `SEL vmap @name` for a verdict map named at run time: sel >> vmap(at_named(name)).
template <class Sel>
struct named_vmap_ref_stmt_t {
    using statement_tag = void;
    using selector = Sel;
    static constexpr part_facts facts = [] {
        part_facts f = Sel::facts;
        f.is_match = false;
        f.verdict = true;
        f.runtime_refs = true;
        return f;
    }();
    std::string map;

    [[nodiscard]] std::array<set_ref_info, 1> runtime_set_refs() const {
        return {{{map, nft_type_of<typename Sel::value_type>, "vmap", {}}}};
    }
    template <Sink S>
    friend constexpr void write_nft(S& out, const named_vmap_ref_stmt_t& m) {
        out.put(Sel::keyword);
        out.put(" vmap @");
        out.put(m.map);
    }
};

struct named_vmap_at_t {
    std::string map;
};
[[nodiscard]] inline named_vmap_at_t vmap(named_set_ref_t r) { return {std::move(r.name)}; }
template <class Sel>
    requires requires { typename Sel::value_type; Sel::keyword; }
[[nodiscard]] named_vmap_ref_stmt_t<Sel> operator>>(const Sel&, named_vmap_at_t m) {
    return {std::move(m.map)};
}

}  // namespace nftpp
