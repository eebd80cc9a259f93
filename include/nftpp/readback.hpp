#pragma once
// Reading a set back as typed values: `nft -j list table ...` through an executor, the
// set's "elem" array parsed (nlohmann::json, Debian's nlohmann-json3-dev) into
// operand<Key>: plain values, prefixes {"prefix": {...}}, ranges {"range": [...]}, and
// concatenations {"concat": [...]}, and elements with attributes {"elem": {"val": ...}}
// (their timeouts, counters and comments are not read back).
//   auto r = nftpp::read_set<"allowed">(executor, table);   // key type from the table
//   if (r.ok()) for (const auto& e : r.elements) ...
// and finding rules by their comment: find_rule_handles(executor, table, "input", "ssh").
// This header joins the executors and the DSL's value types; include it explicitly.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <nftpp/exec/executor.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/ruleset/elements.hpp>
#include <nftpp/ruleset/rule_commands.hpp>

namespace nftpp {

template <class Key>
struct set_readback {
    exec::outcome outcome;              // of the listing
    std::vector<operand<Key>> elements;
    std::string error;                  // set when the listing could not be understood
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

// The elements of set `set` in table (f, table), as Key values.
template <class Key>
[[nodiscard]] set_readback<Key> read_set(exec::executor& ex, family f, std::string_view table, std::string_view set) {
    set_readback<Key> out;
    out.outcome = ex.list_table_json(f, table);
    if (!out.outcome.ok()) return out;
    const auto doc = nlohmann::json::parse(out.outcome.out, nullptr, false);
    if (doc.is_discarded() || !doc.contains("nftables")) {
        out.error = "nft printed JSON that could not be parsed";
        return out;
    }
    for (const auto& item : doc["nftables"]) {
        if (!item.contains("set") || item["set"].value("name", "") != set) continue;
        const auto& s = item["set"];
        if (!s.contains("elem")) return out;  // an empty set
        out.elements.reserve(s["elem"].size());
        for (const auto& e : s["elem"]) {
            auto v = detail::element_from_json<Key>(e);
            if (!v) {
                out.error = "unexpected element " + e.dump();
                out.elements.clear();
                return out;
            }
            out.elements.push_back(*v);
        }
        return out;
    }
    out.error = "no set " + std::string(set) + " in table " + std::string(table);
    return out;
}

// The same, with the key type taken from the table's declaration of the set.
template <fixed_string Set, class T>
    requires is_table_v<T>
[[nodiscard]] auto read_set(exec::executor& ex, const T& t) {
    return read_set<detail::key_of_t<T, Set>>(ex, T::table_family, t.table_name.view(), Set.view());
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

}  // namespace nftpp
