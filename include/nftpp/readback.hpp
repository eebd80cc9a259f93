// SPDX-License-Identifier: Apache-2.0
#pragma once
// Reading a set or map back as typed values: `nft -j list table ...` through an executor,
// the set's "elem" array parsed (nlohmann::json, Debian's nlohmann-json3-dev) into
// operand<Key>: plain values, prefixes {"prefix": {...}}, ranges {"range": [...]}, and
// concatenations {"concat": [...]}, and elements with attributes {"elem": {"val": ...}},
// whose per-element counters (a set declared with set_flag::counter) are read too; their
// timeouts, expiry and comments are not.
//   auto r = nftpp::read_set<"allowed">(executor, table);   // key type from the table
//   if (r.ok()) for (const auto& e : r.elements) ...
//   auto m = nftpp::read_map<"marks">(executor, table);     // entries: key : value
// and finding rules by their comment: find_rule_handles(executor, table, "input", "ssh").
// Whole tables (<nftpp/table_listing.hpp>, included here): list_tables(executor) and
// read_table(executor, family::inet, "t"), whose sets and maps elements_as<Key>() and
// entries_as<Key, Value>() below read as typed values.
// This header joins the executors and the DSL's value types; include it explicitly.
//
// A listing that loses elements is an error, never ok(): nft aborting (the outcome),
// JSON that does not parse, an element of an unexpected shape, and, for keys and values
// that hold interface names (ifname, alone or in a concatenation), a JSON listing with
// fewer elements than the ruleset holds. nft's JSON output silently drops a name that is
// not UTF-8, so such a set is listed twice: as JSON, and as text (`nft -c -f -` with a
// list command, through executor::probe) whose elements are counted. A name ending in
// '*' read from a set without the interval flag cannot be a wildcard there: it is the
// escaped literal "veth\*" (nft lists both alike), which nftpp refuses, so it is an error
// too.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <nftpp/exec/executor.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/ruleset/elements.hpp>
#include <nftpp/ruleset/rule_commands.hpp>
#include <nftpp/table_listing.hpp>
#include <nftpp/value/utf8.hpp>

namespace nftpp {

// The packets and bytes one element matched (a set or map declared with set_flag::counter).
struct element_counter {
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    friend constexpr bool operator==(const element_counter&, const element_counter&) = default;
};

template <class Key>
struct set_readback {
    exec::outcome outcome;              // of the listing
    std::vector<operand<Key>> elements;
    // A counting set's counters, counters[i] for elements[i]; empty when it keeps none.
    std::vector<element_counter> counters;
    std::string error;                  // set when the listing could not be understood
    [[nodiscard]] bool ok() const noexcept { return outcome.ok() && error.empty(); }
};

// A map's entries; Value is a data map's value type, and for a verdict map the verdict as
// nft writes it ("accept", "jump ssh").
template <class Key, class Value>
struct map_readback {
    exec::outcome outcome;                     // of the listing
    std::vector<map_entry<Key, Value>> entries;
    std::vector<element_counter> counters;     // as for a set: counters[i] for entries[i], or empty
    std::string error;                         // set when the listing could not be understood
    [[nodiscard]] bool ok() const noexcept { return outcome.ok() && error.empty(); }
};

namespace detail {
template <class Key>
std::optional<operand<Key>> element_from_json(const nlohmann::json& j);

// {"concat": [part, part ...]}: each part a single value of its own type.
template <class... P>
std::optional<operand<concat_key<P...>>> concat_from_json(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("concat") || !j["concat"].is_array() || j["concat"].size() != sizeof...(P))
        return std::nullopt;
    return [&]<std::size_t... I>(std::index_sequence<I...>) -> std::optional<operand<concat_key<P...>>> {
        const std::tuple<std::optional<operand<P>>...> parts{element_from_json<P>(j["concat"][I])...};
        if (!((std::get<I>(parts) && std::get<I>(parts)->shape() == operand<P>::form::single) && ...))
            return std::nullopt;
        return operand<concat_key<P...>>(concat_key<P...>(std::get<I>(parts)->low()...));
    }(std::index_sequence_for<P...>{});
}
template <class T>
struct concat_reader;
template <class... P>
struct concat_reader<concat_key<P...>> {
    static std::optional<operand<concat_key<P...>>> read(const nlohmann::json& j) { return concat_from_json<P...>(j); }
};

template <class Key>
std::optional<operand<Key>> plain_element_from_json(const nlohmann::json& j);

template <class Key>
std::optional<operand<Key>> element_from_json(const nlohmann::json& j) {
    if (j.is_object() && j.contains("elem")) return element_from_json<Key>(j["elem"]["val"]);
    if constexpr (is_concat_key_v<Key>) return concat_reader<Key>::read(j);
    else return plain_element_from_json<Key>(j);
}

// One value, a prefix or a range of a single datatype.
template <class Key>
std::optional<operand<Key>> plain_element_from_json(const nlohmann::json& j) {
    using traits = operand_traits<Key>;
    if (j.is_string()) {
        auto r = operand<Key>::parse(j.get<std::string>());
        if (r) return *r;
        return std::nullopt;
    }
    if (j.is_number_integer()) {
        if constexpr (traits::integer_literal) {
            auto r = operand<Key>::from_integer(j.get<std::int64_t>());
            if (r) return *r;
        }
        return std::nullopt;
    }
    if (j.is_object() && j.contains("prefix")) {
        if constexpr (!std::is_void_v<typename traits::prefix_type>) {
            const auto& p = j["prefix"];
            auto a = Key::parse(p["addr"].get<std::string>());
            if (!a) return std::nullopt;
            auto pr = traits::prefix_type::make(*a, p["len"].get<int>());
            if (pr) return operand<Key>(*pr);
        }
        return std::nullopt;
    }
    if (j.is_object() && j.contains("range") && j["range"].is_array() && j["range"].size() == 2) {
        if constexpr (traits::ranges) {
            auto lo = element_from_json<Key>(j["range"][0]);
            auto hi = element_from_json<Key>(j["range"][1]);
            if (!lo || !hi) return std::nullopt;
            auto r = range<Key>::make(lo->low(), hi->low());
            if (r) return operand<Key>(*r);
        }
        return std::nullopt;
    }
    return std::nullopt;
}
}  // namespace detail

namespace detail {
// {"elem": {"val": ..., "counter": {"packets": p, "bytes": b}}}: the counter, if any.
inline std::optional<element_counter> counter_from_json(const nlohmann::json& e) {
    if (!e.is_object() || !e.contains("elem") || !e["elem"].is_object() || !e["elem"].contains("counter")) return std::nullopt;
    const auto& c = e["elem"]["counter"];
    if (!c.is_object()) return std::nullopt;
    return element_counter{c.value("packets", std::uint64_t{0}), c.value("bytes", std::uint64_t{0})};
}

// A verdict as nft writes it: {"accept": null} "accept", {"jump": {"target": "c"}} "jump c".
inline std::optional<std::string> verdict_from_json(const nlohmann::json& j) {
    if (!j.is_object() || j.size() != 1) return std::nullopt;
    const auto it = j.begin();
    const std::string kind = it.key();
    const nlohmann::json& arg = it.value();
    if (kind == "accept" || kind == "drop" || kind == "return" || kind == "continue") return kind;
    if ((kind == "jump" || kind == "goto") && arg.is_object() && arg.contains("target") && arg["target"].is_string())
        return kind + " " + arg["target"].get<std::string>();
    return std::nullopt;
}

// The listing's object for the set or map (`what`: "set" or "map") named `name`: nullptr
// with `error` set when there is none or the listing is not JSON.
inline const nlohmann::json* find_listed(const nlohmann::json& doc, std::string_view what, std::string_view table,
                                         std::string_view name, std::string& error) {
    if (doc.is_discarded() || !doc.contains("nftables") || !doc["nftables"].is_array()) {
        error = "nft printed JSON that could not be parsed";
        return nullptr;
    }
    for (const auto& item : doc["nftables"])
        if (item.contains(what) && item[std::string(what)].value("name", "") == name) return &item[std::string(what)];
    error = "no " + std::string(what) + " " + std::string(name) + " in table " + std::string(table);
    return nullptr;
}

// True for a type that holds an interface name (ifname, or a concatenation with one): the
// element text nft's JSON listing can lose.
template <class T>
inline constexpr bool holds_ifname_v = std::is_same_v<T, ifname>;
template <class... P>
inline constexpr bool holds_ifname_v<concat_key<P...>> = (holds_ifname_v<P> || ...);

// The number of elements in nft's text listing of one set or map ("elements = { a, b }"):
// top-level commas outside quotes, plus one; 0 without an elements block. nullopt when
// the block does not close.
inline std::optional<std::size_t> count_listed_elements(std::string_view text) {
    const auto at = text.find("elements = {");
    if (at == std::string_view::npos) return std::size_t{0};
    std::size_t n = 1;
    bool quoted = false;
    for (std::size_t i = at + 12; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == ',') ++n;
        else if (!quoted && c == '}') return n;
    }
    return std::nullopt;
}

// When Key (or Value) holds interface names: compares the JSON listing's `listed`
// elements with the ruleset's own count, and checks that a wildcard-looking name comes
// from a set with the interval flag. Sets `error` on a mismatch.
template <class Key, class Value = void>
void check_text_elements(exec::executor& ex, family f, std::string_view table, std::string_view what,
                         std::string_view set_name, const nlohmann::json& listed_set, std::size_t listed,
                         std::string& error) {
    if constexpr (holds_ifname_v<Key> || holds_ifname_v<Value>) {
        if (!name::parse(table).ok() || !name::parse(set_name).ok()) {
            error = "the " + std::string(what) + " name \"" + std::string(set_name) + "\" or table name \"" +
                    std::string(table) + "\" cannot be written in an nft command to count its elements";
            return;
        }
        const std::string cmd = "list " + std::string(what) + " " + std::string(keyword(f)) + " " + std::string(table) +
                                " " + std::string(set_name) + "\n";
        const exec::outcome text = ex.probe(cmd);
        if (!text.ok()) {
            error = "the text listing of " + std::string(what) + " " + std::string(set_name) +
                    ", which counts its elements, failed: " + text.describe();
            return;
        }
        const auto count = count_listed_elements(text.out);
        if (!count) {
            error = "nft's text listing of " + std::string(what) + " " + std::string(set_name) + " could not be read";
            return;
        }
        if (*count != listed) {
            const bool not_utf8 = detail::utf8_error(text.out) != std::string_view::npos;
            error = std::string(what) + " " + std::string(set_name) + " holds " + std::to_string(*count) +
                    " elements but nft's JSON listing shows " + std::to_string(listed) +
                    (not_utf8 ? ": it holds an interface name that is not UTF-8, which nft's JSON drops (rename the "
                                "interface and replace the element; nftpp refuses such names)"
                              : ": the listing lost elements");
            return;
        }
        (void)listed_set;
    } else {
        (void)ex, (void)f, (void)table, (void)what, (void)set_name, (void)listed_set, (void)listed, (void)error;
    }
}

// A name ending in '*' in a set without the interval flag is the literal "x\*" (nft
// lists it without its backslash), not a wildcard.
template <class T>
bool is_escaped_literal(const T& v, const nlohmann::json& listed_set) {
    if constexpr (holds_ifname_v<T>) {
        if (!is_wildcard_value(v)) return false;
        if (listed_set.contains("flags") && listed_set["flags"].is_array())
            for (const auto& fl : listed_set["flags"])
                if (fl == "interval") return false;
        return true;
    } else {
        (void)v, (void)listed_set;
        return false;
    }
}

// Counters read beside elements: kept when any element had one.
inline void settle_counters(std::vector<element_counter>& counters, bool any) {
    if (!any) counters.clear();
}
}  // namespace detail

namespace detail {
// The elements of one listed set (its JSON "elem" array; `listed` is the set's object, for
// its flags) into out; false, with out.error set, on an element nftpp cannot read.
template <class Key>
bool read_set_elements(const nlohmann::json& elems, const nlohmann::json& listed, std::string_view set,
                       set_readback<Key>& out) {
    out.elements.reserve(elems.size());
    out.counters.reserve(elems.size());
    bool any_counter = false;
    for (const auto& e : elems) {
        auto v = detail::element_from_json<Key>(e);
        if (!v) {
            out.error = "unexpected element " + e.dump();
            out.elements.clear();
            out.counters.clear();
            return false;
        }
        if (v->shape() == operand<Key>::form::single && detail::is_escaped_literal(v->low(), listed)) {
            out.error = "set " + std::string(set) + " lists " + e.dump() +
                        " but has no interval flag: it holds the plain name with an escaped '*' (\\*), which nftpp "
                        "refuses (nft lists it like the wildcard)";
            out.elements.clear();
            out.counters.clear();
            return false;
        }
        out.elements.push_back(*v);
        const auto c = detail::counter_from_json(e);
        any_counter = any_counter || c.has_value();
        out.counters.push_back(c.value_or(element_counter{}));
    }
    settle_counters(out.counters, any_counter);
    return true;
}
// The same for one listed map's entries.
template <class Key, class Value>
bool read_map_entries(const nlohmann::json& elems, const nlohmann::json& listed, std::string_view map,
                      map_readback<Key, Value>& out) {
    out.entries.reserve(elems.size());
    out.counters.reserve(elems.size());
    bool any_counter = false;
    for (const auto& e : elems) {
        std::optional<operand<Key>> k;
        std::optional<Value> v;
        if (e.is_array() && e.size() == 2) {
            k = detail::element_from_json<Key>(e[0]);
            if constexpr (std::is_same_v<Value, std::string>) {
                v = detail::verdict_from_json(e[1]);
            } else {
                const auto x = detail::element_from_json<Value>(e[1]);
                if (x && x->shape() == operand<Value>::form::single) v = x->low();
            }
        }
        if (!k || !v) {
            out.error = "unexpected entry " + e.dump();
            out.entries.clear();
            out.counters.clear();
            return false;
        }
        bool escaped = k->shape() == operand<Key>::form::single && detail::is_escaped_literal(k->low(), listed);
        if constexpr (!std::is_same_v<Value, std::string>) escaped = escaped || detail::is_escaped_literal(*v, listed);
        if (escaped) {
            out.error = "map " + std::string(map) + " lists " + e.dump() +
                        " but has no interval flag: it holds a plain name with an escaped '*' (\\*), which nftpp "
                        "refuses (nft lists it like the wildcard)";
            out.entries.clear();
            out.counters.clear();
            return false;
        }
        out.entries.push_back(map_entry<Key, Value>{*k, *v});
        const auto c = e.is_array() ? detail::counter_from_json(e[0]) : std::nullopt;
        any_counter = any_counter || c.has_value();
        out.counters.push_back(c.value_or(element_counter{}));
    }
    settle_counters(out.counters, any_counter);
    return true;
}
}  // namespace detail

// The elements of set `set` in table (f, table), as Key values.
template <class Key>
[[nodiscard]] set_readback<Key> read_set(exec::executor& ex, family f, std::string_view table, std::string_view set) {
    set_readback<Key> out;
    out.outcome = ex.list_table_json(f, table);
    if (!out.outcome.ok()) return out;
    const auto doc = nlohmann::json::parse(out.outcome.out, nullptr, false);
    const nlohmann::json* s = detail::find_listed(doc, "set", table, set, out.error);
    if (!s) return out;  // not found
    if (!s->contains("elem")) {  // an empty set, or every element lost
        detail::check_text_elements<Key>(ex, f, table, "set", set, *s, 0, out.error);
        return out;
    }
    if (!detail::read_set_elements<Key>((*s)["elem"], *s, set, out)) return out;
    detail::check_text_elements<Key>(ex, f, table, "set", set, *s, out.elements.size(), out.error);
    if (!out.error.empty()) {
        out.elements.clear();
        out.counters.clear();
    }
    return out;
}

// The same, with the key type taken from the table's declaration of the set.
template <fixed_string Set, class T>
    requires is_table_v<T>
[[nodiscard]] auto read_set(exec::executor& ex, const T& t) {
    return read_set<detail::key_of_t<T, Set>>(ex, T::table_family, t.table_name.view(), Set.view());
}

// The entries of map `map` in table (f, table): keys as Key, values as Value (one value of
// a data map's value type), or as the verdict's text when Value is std::string.
template <class Key, class Value>
[[nodiscard]] map_readback<Key, Value> read_map(exec::executor& ex, family f, std::string_view table, std::string_view map) {
    map_readback<Key, Value> out;
    out.outcome = ex.list_table_json(f, table);
    if (!out.outcome.ok()) return out;
    const auto doc = nlohmann::json::parse(out.outcome.out, nullptr, false);
    const nlohmann::json* m = detail::find_listed(doc, "map", table, map, out.error);
    if (!m) return out;  // not found
    if (!m->contains("elem")) {  // an empty map, or every entry lost
        detail::check_text_elements<Key, Value>(ex, f, table, "map", map, *m, 0, out.error);
        return out;
    }
    if (!detail::read_map_entries<Key, Value>((*m)["elem"], *m, map, out)) return out;
    detail::check_text_elements<Key, Value>(ex, f, table, "map", map, *m, out.entries.size(), out.error);
    if (!out.error.empty()) {
        out.entries.clear();
        out.counters.clear();
    }
    return out;
}

// The same, with the key and value types from the table's declaration of the map (a
// verdict map's values as text).
template <fixed_string Map, class T>
    requires(is_table_v<T> && is_map_v<set_of_t<T, Map>>)
[[nodiscard]] auto read_map(exec::executor& ex, const T& t) {
    using S = set_of_t<T, Map>;
    using Value = std::conditional_t<is_data_map_v<S>, detail::value_of_t<T, Map>, std::string>;
    return read_map<typename S::key_type, Value>(ex, T::table_family, t.table_name.view(), Map.view());
}

// The handles of a chain's rules that carry a comment, in chain order: how a program finds
// the rule it added earlier (add_rule with comment("...")) to replace or delete it.
struct rule_handles {
    exec::outcome outcome;  // of the listing
    std::vector<rule_handle> handles;
    std::string error;      // set when the listing could not be understood
    [[nodiscard]] bool ok() const noexcept { return outcome.ok() && error.empty(); }
};

template <class T>
    requires is_table_v<T>
[[nodiscard]] rule_handles find_rule_handles(exec::executor& ex, const T& t, std::string_view chain, std::string_view comment) {
    rule_handles out;
    out.outcome = ex.list_table_json(T::table_family, t.table_name.view());
    if (!out.outcome.ok()) return out;
    const auto doc = nlohmann::json::parse(out.outcome.out, nullptr, false);
    if (doc.is_discarded() || !doc.contains("nftables")) {
        out.error = "nft printed JSON that could not be parsed";
        return out;
    }
    for (const auto& item : doc["nftables"]) {
        if (!item.contains("rule")) continue;
        const auto& r = item["rule"];
        if (r.value("chain", "") != chain || r.value("comment", "") != comment || !r.contains("handle")) continue;
        auto h = rule_handle::from(r["handle"].get<std::uint64_t>());
        if (!h) {
            out.error = "nft listed a rule without a valid handle";
            return out;
        }
        out.handles.push_back(*h);
    }
    return out;
}

// A set or map of a table read whole (read_table) as typed values, read as read_set and
// read_map read them: elements_as<Key>(*listing.set("allowed")), and for a map
// entries_as<Key, Value>(...) (Value std::string: a verdict map's verdicts as text). The
// error names the set when an element is not of that type. read_table already compared
// the JSON with the text listing, so nothing is listed again.
template <class Key>
[[nodiscard]] set_readback<Key> elements_as(const listed_set& s) {
    set_readback<Key> out;
    if (s.kind != set_kind::set) {
        out.error = "elements_as: " + s.name + " is a " + std::string(detail::kind_words(s.kind)) + ", not a set (use entries_as)";
        return out;
    }
    const nlohmann::json listed{{"flags", s.flags}};
    if (!detail::read_set_elements<Key>(nlohmann::json(s.json_elements), listed, s.name, out))
        out.error = "set " + s.name + ": " + out.error;
    return out;
}
template <class Key, class Value>
[[nodiscard]] map_readback<Key, Value> entries_as(const listed_set& m) {
    map_readback<Key, Value> out;
    if (m.kind == set_kind::set || (m.kind == set_kind::verdict_map) != std::is_same_v<Value, std::string>) {
        out.error = "entries_as: " + m.name + " is a " + std::string(detail::kind_words(m.kind)) +
                    (m.kind == set_kind::set ? " (use elements_as)"
                                             : m.kind == set_kind::verdict_map ? ": read its verdicts as std::string"
                                                                        : ": its values are " + m.value_type + ", not verdicts");
        return out;
    }
    const nlohmann::json listed{{"flags", m.flags}};
    if (!detail::read_map_entries<Key, Value>(nlohmann::json(m.json_elements), listed, m.name, out))
        out.error = "map " + m.name + ": " + out.error;
    return out;
}

}  // namespace nftpp
