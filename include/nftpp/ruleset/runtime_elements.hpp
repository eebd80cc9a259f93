// SPDX-License-Identifier: Apache-2.0
#pragma once
// Element commands on the sets and maps of a table built at run time, in the same
// transaction as anything else (ruleset/elements.hpp has the static ones):
//   add_elements<ipv4_addr>(t, "allowed", addresses)                 add element inet t allowed { ... }
//   delete_elements<ipv4_addr>(t, "allowed", addresses)              delete element ...
//   add_map_elements<port, mark>(t, "marks", pairs)                  add element ... { 22 : 0x00000001 }
//   add_verdict_elements<concat_key<...>>(t, "services", pairs)      add element ... { k : goto svc_x }
//   delete_map_elements<port>(t, "marks", keys)
// The table is the declaration of what is loaded: the set must be one of its sets, of the
// kind the command needs and with the key (and value) datatype given; the elements are
// checked against its flags like the declared ones (set.hpp); a verdict's jump and goto
// targets must be regular chains of the table. A command that breaks one of these throws
// invalid_structure with the rule, naming the set. A command with no elements renders
// nothing.
#include <ranges>
#include <string>
#include <utility>
#include <vector>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/ruleset/elements.hpp>
#include <nftpp/ruleset/runtime_set.hpp>
#include <nftpp/ruleset/runtime_table.hpp>
#include <nftpp/ruleset/transaction_check.hpp>

namespace nftpp {

struct runtime_element_command {
    using command_tag = void;
    bool add = true;
    family table_family = family::inet;
    std::string table_name;
    std::string set;
    bool is_set = true;
    std::vector<runtime_element> elements;
    std::string_view key_type{};  // for the transaction check (ruleset/transaction_check.hpp)

    void describe_to(command_descs& d) const {
        d.commands.push_back({command_desc::op::elements, table_family, table_name, {}, {}, {}, nullptr, set, !is_set, key_type});
    }

    template <Sink S>
    friend void write_nft(S& out, const runtime_element_command& c) {
        if (c.elements.empty()) return;
        origin_table(out, c.table_family, c.table_name);
        const origin_start first = origin_open(out);
        out.put(c.add ? "add element " : "delete element ");
        out.put(keyword(c.table_family));
        out.put(' ');
        out.put(std::string_view(c.table_name));
        out.put(' ');
        out.put(std::string_view(c.set));
        out.put(" {");
        bool any = false;
        for (const auto& x : c.elements) {
            out.put(any ? ",\n\t" : "\n\t");
            any = true;
            out.put(std::string_view(x.key));
            if (!c.is_set && c.add) {
                out.put(" : ");
                out.put(std::string_view(x.value));
            }
        }
        out.put("\n}\n");
        origin_mark(out, first, c.add ? "add element" : "delete element");
    }
};

namespace detail {
// The set named `set` of t, checked to be of `kind` with these datatypes.
inline const runtime_set& checked_set(const runtime_table& t, const std::string& set, std::string_view kind,
                                      std::string_view key_type, std::string_view value_type = {}) {
    auto fail = [&](const rule* r) {
        throw invalid_structure(structure_error{r, t.label(), {}, "set " + set, -1, {}, {}});
    };
    for (const auto& s : t.sets()) {
        if (s.name != set) continue;
        if (s.kind != kind) fail(&rules::map_kind_matches_use);
        if (s.key_type != key_type || (!value_type.empty() && s.value_type != value_type)) fail(&rules::set_key_matches_selector);
        return s;
    }
    fail(&rules::set_exists);
    throw;  // not reached
}
inline runtime_element_command element_command(bool add, const runtime_table& t, const runtime_set& s,
                                               std::vector<runtime_element> elements) {
    if (s.flags.has(set_flag::constant))
        throw invalid_structure(structure_error{&rules::a_constant_set_keeps_its_elements, t.label(), {},
                                                std::string(s.kind == "set" ? "set " : "map ") + s.name, -1, {}, {}});
    return {add, t.table_family(), t.name(), s.name, s.kind == "set", std::move(elements), s.key_type};
}
inline void check_targets_in(const runtime_table& t, const std::string& set, const runtime_verdict& v) {
    if (v.kind != verdict_kind::jump && v.kind != verdict_kind::goto_) return;
    for (const auto& c : t.chains()) {
        if (c.name() != v.target) continue;
        if (c.spec().is_base) throw invalid_structure(structure_error{&rules::no_jump_to_base_chain, t.label(), "map " + set, "chain " + v.target, -1, {}, {}});
        return;
    }
    throw invalid_structure(structure_error{&rules::jump_target_exists, t.label(), "map " + set, "chain " + v.target, -1, {}, {}});
}
}  // namespace detail

template <class Key, std::ranges::input_range R>
    requires ElementRangeOf<R, Key>
[[nodiscard]] runtime_element_command add_elements(const runtime_table& t, const std::string& set, const R& values) {
    const runtime_set& s = detail::checked_set(t, set, "set", nft_type_of<Key>);
    const runtime_set added = nftpp::set<Key>(set, s.flags, values);  // checked as a declaration's
    return detail::element_command(true, t, s, added.elements);
}
template <class Key, std::ranges::input_range R>
    requires ElementRangeOf<R, Key>
[[nodiscard]] runtime_element_command delete_elements(const runtime_table& t, const std::string& set, const R& values) {
    const runtime_set& s = detail::checked_set(t, set, "set", nft_type_of<Key>);
    const runtime_set gone = nftpp::set<Key>(set, s.flags, values);
    return detail::element_command(false, t, s, gone.elements);
}
template <class Key, class Value, std::ranges::input_range R>
[[nodiscard]] runtime_element_command add_map_elements(const runtime_table& t, const std::string& map, const R& pairs) {
    const runtime_set& s = detail::checked_set(t, map, "map", nft_type_of<Key>, nft_type_of<Value>);
    const runtime_set added = nftpp::data_map<Key, Value>(map, s.flags, pairs);
    return detail::element_command(true, t, s, added.elements);
}
template <class Key, std::ranges::input_range R>
[[nodiscard]] runtime_element_command add_verdict_elements(const runtime_table& t, const std::string& map, const R& pairs) {
    const runtime_set& s = detail::checked_set(t, map, "vmap", nft_type_of<Key>);
    const runtime_set added = nftpp::verdict_map<Key>(map, s.flags, pairs);
    for (auto&& p : pairs) detail::check_targets_in(t, map, runtime_verdict(std::get<1>(p)));
    return detail::element_command(true, t, s, added.elements);
}
// Deleting map entries takes their keys alone.
template <class Key, std::ranges::input_range R>
    requires ElementRangeOf<R, Key>
[[nodiscard]] runtime_element_command delete_map_elements(const runtime_table& t, const std::string& map, const R& keys) {
    const runtime_set* s = nullptr;
    for (const auto& x : t.sets())
        if (x.name == map) s = &x;
    const std::string_view kind = s && s->kind == "vmap" ? "vmap" : "map";
    const runtime_set& m = detail::checked_set(t, map, kind, nft_type_of<Key>);
    set_flags f = m.flags;
    const runtime_set gone = nftpp::set<Key>(map, f, keys);
    return detail::element_command(false, t, m, gone.elements);
}

}  // namespace nftpp
