// SPDX-License-Identifier: Apache-2.0
#pragma once
// Typed listing: the tables of a namespace or the host, and one whole table read back into
// values, through any executor. Part of <nftpp/readback.hpp> (nlohmann::json, Debian's
// nlohmann-json3-dev).
//   auto all = nftpp::list_tables(executor);          // `nft -j list tables`
//   for (const auto& t : all.tables) ... t.family, t.name
//   auto t = nftpp::read_table(executor, family::inet, "fence");
//   if (t.ok()) for (const auto& c : t.chains) ... c.base->hook, c.rules[i].handle, .text
//
// read_table reads the table twice, one listing after the other: as text (`list table F N`
// through executor::probe, which runs `nft -c`: nothing is committed), for the rules as nft
// writes them, the base chains' devices and the elements as text; and as JSON
// (`nft -j list table F N`, executor::list_table_json), for the handles, the priorities as
// numbers, the key and value types and the flags. The two are matched chain by chain and
// set by set. A listing that is not faithful is an error, never ok():
//   - text that is not UTF-8 anywhere in the table (a comment, an interface name, a set
//     element someone else loaded): nft's JSON drops it or aborts on it;
//   - a chain, set or map in one listing and not the other, a chain with a different
//     number of rules, a set with a different number of elements, or a rule whose comment
//     differs: the table changed between the two listings, or the JSON lost something.
// The error is a sentence naming the table and the chain or set; read again after a change.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <nftpp/core/family.hpp>
#include <nftpp/core/hook.hpp>
#include <nftpp/exec/executor.hpp>
#include <nftpp/exec/table_name.hpp>
#include <nftpp/ruleset/elements.hpp>
#include <nftpp/ruleset/hook.hpp>
#include <nftpp/ruleset/rule_commands.hpp>
#include <nftpp/value/utf8.hpp>

namespace nftpp {

// One table, as `nft list tables` names it.
struct listed_table {
    nftpp::family family = nftpp::family::ip;
    std::string name;
    friend bool operator==(const listed_table&, const listed_table&) = default;
};

// The tables of the executor's namespace (or the host), in nft's order.
struct table_list {
    exec::outcome outcome;  // of the listing
    std::vector<listed_table> tables;
    std::string error;      // set when the listing could not be understood
    [[nodiscard]] bool ok() const noexcept { return outcome.ok() && error.empty(); }
};

// One rule of a chain: its handle, its text as `nft list` writes it (with its comment, if
// any, at the end) and the comment alone.
struct listed_rule {
    rule_handle handle{1};
    std::string text;
    std::optional<std::string> comment;
};

// Where a base chain is attached. The priority is a number (`priority filter` is 0,
// `mangle + 1` is -149); devices holds a netdev chain's device(s), empty for the others.
struct listed_hook {
    chain_type type = chain_type::filter;
    nftpp::hook hook = nftpp::hook::input;
    int priority = 0;
    chain_policy policy = chain_policy::accept;
    std::vector<std::string> devices;
};

struct listed_chain {
    std::string name;
    std::optional<listed_hook> base;     // set for a base chain
    std::optional<std::string> comment;  // the chain's own comment
    std::vector<listed_rule> rules;      // in chain order
    [[nodiscard]] bool is_base() const noexcept { return base.has_value(); }
};

// A named set or map. Types as nft writes them ("ipv4_addr . inet_service"; a verdict
// map's value type is "verdict", a set has none). elements[i] is the i-th element as the
// text listing writes it ("10.0.0.0/8", "22 : jump ssh", with its attributes such as
// "counter packets 0 bytes 0"); json_elements[i] is the same element in nft's JSON, which
// elements_as<Key>() and entries_as<Key, Value>() (<nftpp/readback.hpp>) read as typed values.
struct listed_set {
    std::string name;
    set_kind kind = set_kind::set;  // set, data_map or verdict_map
    std::string key_type;
    std::string value_type;
    std::vector<std::string> flags;  // "interval", "timeout", "constant", "dynamic"
    std::vector<std::string> elements;
    std::vector<nlohmann::json> json_elements;
    [[nodiscard]] bool has_flag(std::string_view f) const noexcept {
        for (const auto& x : flags)
            if (x == f) return true;
        return false;
    }
};

// One whole table read back (read_table).
struct table_listing {
    exec::outcome outcome;  // of the listings; table_absent when there is no such table
    nftpp::family family = nftpp::family::ip;
    std::string name;
    std::vector<listed_chain> chains;  // in nft's order
    std::vector<listed_set> sets;      // the sets and maps, in nft's order
    std::string error;                 // set when the table could not be read faithfully
    [[nodiscard]] bool ok() const noexcept { return outcome.ok() && error.empty(); }
    [[nodiscard]] const listed_chain* chain(std::string_view n) const noexcept {
        for (const auto& c : chains)
            if (c.name == n) return &c;
        return nullptr;
    }
    [[nodiscard]] const listed_set* set(std::string_view n) const noexcept {
        for (const auto& s : sets)
            if (s.name == n) return &s;
        return nullptr;
    }
};

namespace detail {

inline std::optional<nftpp::family> family_from_keyword(std::string_view k) noexcept {
    for (auto f : {family::ip, family::ip6, family::inet, family::arp, family::bridge, family::netdev})
        if (keyword(f) == k) return f;
    return std::nullopt;
}
inline std::optional<chain_type> chain_type_from_keyword(std::string_view k) noexcept {
    for (auto t : {chain_type::filter, chain_type::nat, chain_type::route})
        if (keyword(t) == k) return t;
    return std::nullopt;
}
inline std::optional<nftpp::hook> hook_from_keyword(std::string_view k) noexcept {
    for (auto h : {hook::prerouting, hook::input, hook::forward, hook::output, hook::postrouting, hook::ingress, hook::egress})
        if (keyword(h) == k) return h;
    return std::nullopt;
}

inline bool starts_with(std::string_view s, std::string_view p) noexcept { return s.substr(0, p.size()) == p; }

inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

inline std::string unquote(std::string_view s) {
    s = trim(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return std::string(s);
}

// One block of nft's text listing at depth one ("\tchain input {" ... "\t}"): its kind
// ("chain", "set", "map", "flowtable", "ct helper" ...), its name, and its lines without
// their two leading tabs.
struct text_block {
    std::string kind;
    std::string name;
    std::vector<std::string> lines;
};

// The blocks of `list table F N`'s text; nullopt when it is not such a listing.
inline std::optional<std::vector<text_block>> text_blocks(std::string_view text) {
    std::vector<text_block> out;
    bool in_table = false, in_block = false, closed = false;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(at, end - at);
        at = end + 1;
        if (!in_table) {
            if (starts_with(line, "table ") && line.size() >= 2 && line.substr(line.size() - 2) == " {") in_table = true;
            continue;
        }
        if (in_block) {
            if (line == "\t}") in_block = false;
            else if (starts_with(line, "\t\t")) out.back().lines.emplace_back(line.substr(2));
            else return std::nullopt;
            continue;
        }
        if (line == "}") {
            closed = true;
            break;
        }
        if (line.empty()) continue;
        if (starts_with(line, "\t") && !starts_with(line, "\t\t") && line.size() > 3 && line.substr(line.size() - 2) == " {") {
            const std::string_view head = line.substr(1, line.size() - 3);
            const auto sp = head.rfind(' ');
            if (sp == std::string_view::npos) return std::nullopt;
            out.push_back(text_block{std::string(head.substr(0, sp)), std::string(head.substr(sp + 1)), {}});
            in_block = true;
            continue;
        }
        if (starts_with(line, "\t") && !starts_with(line, "\t\t")) continue;  // the table's own comment or flags
        return std::nullopt;
    }
    if (!closed) return std::nullopt;
    return out;
}

// The elements of a set block's "elements = { a, b }" (which may span lines), split at
// the commas outside quotes; empty without an elements line; nullopt when it does not close.
inline std::optional<std::vector<std::string>> text_elements(const std::vector<std::string>& lines) {
    std::size_t first = 0;
    while (first < lines.size() && !starts_with(lines[first], "elements = {")) ++first;
    if (first == lines.size()) return std::vector<std::string>{};
    std::string all;
    for (std::size_t i = first; i < lines.size(); ++i) all += lines[i] + "\n";
    const std::size_t at = 0;
    std::vector<std::string> out;
    bool quoted = false;
    std::size_t from = at + 12;
    for (std::size_t i = from; i < all.size(); ++i) {
        const char c = all[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == ',' || c == '}')) {
            const auto e = trim(std::string_view(all).substr(from, i - from));
            if (!e.empty()) out.emplace_back(e);
            if (c == '}') return out;
            from = i + 1;
        }
    }
    return std::nullopt;
}

// The comment at the end of a rule's text (`... accept comment "ssh"`): nft's quoted
// strings hold no '"', so it is the last quoted string when ` comment ` precedes it.
inline std::optional<std::string> trailing_comment(std::string_view rule) {
    if (rule.size() < 2 || rule.back() != '"') return std::nullopt;
    const auto open = rule.rfind('"', rule.size() - 2);
    if (open == std::string_view::npos) return std::nullopt;
    constexpr std::string_view key = "comment ";
    if (open < key.size() || rule.substr(open - key.size(), key.size()) != key) return std::nullopt;
    if (open > key.size() && rule[open - key.size() - 1] != ' ') return std::nullopt;
    return std::string(rule.substr(open + 1, rule.size() - open - 2));
}

// A base chain's devices from its "type ... hook ingress device "d0" priority ..." line
// (or "devices = { "d0", "d1" }").
inline std::vector<std::string> hook_devices(std::string_view type_line) {
    std::vector<std::string> out;
    if (const auto m = type_line.find(" devices = { "); m != std::string_view::npos) {
        const auto close = type_line.find(" }", m);
        std::string_view list = type_line.substr(m + 13, close == std::string_view::npos ? std::string_view::npos : close - m - 13);
        while (!list.empty()) {
            const auto comma = list.find(',');
            out.push_back(unquote(list.substr(0, comma)));
            if (comma == std::string_view::npos) break;
            list.remove_prefix(comma + 1);
        }
    } else if (const auto d = type_line.find(" device "); d != std::string_view::npos) {
        std::string_view rest = type_line.substr(d + 8);
        std::size_t end;
        if (!rest.empty() && rest.front() == '"') end = rest.find('"', 1) + 1;
        else end = rest.find_first_of(" ;");
        out.push_back(unquote(rest.substr(0, end)));
    }
    return out;
}

// nft's JSON type: "ipv4_addr", or ["ipv4_addr", "inet_service"] for a concatenation.
inline std::string json_type(const nlohmann::json& j) {
    if (j.is_string()) return j.get<std::string>();
    std::string out;
    if (j.is_array())
        for (const auto& p : j) {
            if (!out.empty()) out += " . ";
            out += p.is_string() ? p.get<std::string>() : p.dump();
        }
    return out;
}

inline std::string_view kind_words(set_kind k) noexcept {
    switch (k) {
        case set_kind::set: return "set";
        case set_kind::data_map: return "map";
        case set_kind::verdict_map: return "verdict map";
        case set_kind::none: break;
    }
    return "name";
}

inline std::string table_words(family f, std::string_view table) {
    return "table " + std::string(keyword(f)) + " " + std::string(table);
}

}  // namespace detail

// The tables of the executor's namespace or host (`nft -j list tables`).
[[nodiscard]] inline table_list list_tables(exec::executor& ex) {
    table_list out;
    out.outcome = ex.list_tables_json();
    if (!out.outcome.ok()) {
        out.error = "listing the tables failed: " + out.outcome.describe();
        return out;
    }
    const auto doc = nlohmann::json::parse(out.outcome.out, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("nftables") || !doc["nftables"].is_array()) {
        out.error = "nft printed a table listing that is not the JSON it writes (\"nftables\": [...])";
        return out;
    }
    for (const auto& item : doc["nftables"]) {
        if (!item.is_object() || !item.contains("table")) continue;
        const auto& t = item["table"];
        const auto f = t.is_object() && t.contains("family") && t["family"].is_string()
                           ? detail::family_from_keyword(t["family"].get<std::string>())
                           : std::nullopt;
        if (!f || !t.contains("name") || !t["name"].is_string()) {
            out.error = "nft listed a table nftpp cannot read: " + t.dump();
            out.tables.clear();
            return out;
        }
        out.tables.push_back(listed_table{*f, t["name"].get<std::string>()});
    }
    return out;
}

// The whole table (f, name): chains with their hooks and rules, sets and maps with their
// elements. See the top of this header for how it is read and when it is an error.
[[nodiscard]] inline table_listing read_table(exec::executor& ex, family f, std::string_view name) {
    table_listing out;
    out.family = f;
    out.name = std::string(name);
    const std::string which = detail::table_words(f, name);
    auto fail = [&](std::string why) {
        out.error = std::move(why);
        out.chains.clear();
        out.sets.clear();
        return out;
    };
    if (exec::outcome bad = exec::check_table_name(name); !bad.ok()) {
        out.outcome = bad;
        return fail("cannot read table \"" + std::string(name) + "\": " + bad.detail);
    }
    // 1. the text
    const exec::outcome text = ex.probe("list table " + std::string(keyword(f)) + " " + std::string(name) + "\n");
    if (!text.ok()) {
        out.outcome = text;
        if (text.kind == exec::outcome_kind::rejected && text.err.find("No such file or directory") != std::string::npos) {
            out.outcome.kind = exec::outcome_kind::table_absent;
            return fail(which + " does not exist");
        }
        return fail("the text listing of " + which + " failed: " + text.describe());
    }
    const auto blocks = detail::text_blocks(text.out);
    if (detail::utf8_error(text.out) != std::string::npos) {
        std::string where;
        if (blocks)
            for (const auto& b : *blocks) {
                bool bad = detail::utf8_error(b.name) != std::string::npos;
                for (const auto& l : b.lines) bad = bad || detail::utf8_error(l) != std::string::npos;
                if (bad) {
                    where = " in " + b.kind + " " + b.name;
                    break;
                }
            }
        return fail(which + " holds text that is not UTF-8" + where +
                    " (an interface name, a comment or an element loaded by another program), which nft's JSON "
                    "listing drops or cannot print: it cannot be read back faithfully (rewrite that text as UTF-8 "
                    "and replace the table; nftpp itself refuses such text)");
    }
    if (!blocks) return fail("nft's text listing of " + which + " could not be read");
    // 2. the JSON
    out.outcome = ex.list_table_json(f, name);
    if (!out.outcome.ok()) {
        if (out.outcome.kind == exec::outcome_kind::rejected &&
            out.outcome.err.find("No such file or directory") != std::string::npos) {
            out.outcome.kind = exec::outcome_kind::table_absent;
            return fail(which + " does not exist (it was deleted while it was read)");
        }
        return fail("the JSON listing of " + which + " failed: " + out.outcome.describe());
    }
    const auto doc = nlohmann::json::parse(out.outcome.out, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("nftables") || !doc["nftables"].is_array())
        return fail("nft printed a listing of " + which + " that is not the JSON it writes (\"nftables\": [...])");

    // the text's blocks by kind and name, each matched at most once (maps: a table may hold
    // thousands of chains)
    std::unordered_map<std::string, std::size_t> block_at;
    for (std::size_t i = 0; i < blocks->size(); ++i) block_at.emplace((*blocks)[i].kind + '\n' + (*blocks)[i].name, i);
    std::vector<bool> matched(blocks->size(), false);
    auto find_block = [&](std::string_view kind, const std::string& n) -> const detail::text_block* {
        const auto it = block_at.find(std::string(kind) + '\n' + n);
        if (it == block_at.end()) return nullptr;
        matched[it->second] = true;
        return &(*blocks)[it->second];
    };
    std::vector<std::vector<const nlohmann::json*>> rules_of;  // per chain, in order
    std::unordered_map<std::string, std::size_t> chain_at;
    auto index_of_chain = [&](const std::string& n) -> std::optional<std::size_t> {
        const auto it = chain_at.find(n);
        if (it == chain_at.end()) return std::nullopt;
        return it->second;
    };
    for (const auto& item : doc["nftables"]) {
        if (!item.is_object()) continue;
        if (item.contains("chain")) {
            const auto& c = item["chain"];
            if (!c.is_object() || !c.contains("name") || !c["name"].is_string())
                return fail("nft listed a chain of " + which + " that nftpp cannot read: " + c.dump());
            listed_chain lc;
            lc.name = c["name"].get<std::string>();
            if (c.contains("hook")) {
                listed_hook h;
                const auto type = detail::chain_type_from_keyword(c.value("type", ""));
                const auto hk = detail::hook_from_keyword(c.value("hook", ""));
                if (!type || !hk || !c.contains("prio") || !c["prio"].is_number_integer())
                    return fail("base chain " + lc.name + " of " + which + " has a type, hook or priority nftpp cannot read: " +
                                c.dump());
                h.type = *type;
                h.hook = *hk;
                h.priority = c["prio"].get<int>();
                const std::string pol = c.value("policy", "accept");
                if (pol != "accept" && pol != "drop")
                    return fail("base chain " + lc.name + " of " + which + " has the policy \"" + pol +
                                "\", which nftpp cannot read");
                h.policy = pol == "drop" ? chain_policy::drop : chain_policy::accept;
                lc.base = h;
            }
            chain_at.emplace(lc.name, out.chains.size());
            out.chains.push_back(std::move(lc));
            rules_of.emplace_back();
        } else if (item.contains("rule")) {
            const auto& r = item["rule"];
            const auto i = r.is_object() ? index_of_chain(r.value("chain", "")) : std::nullopt;
            if (!i) return fail("nft listed a rule of " + which + " outside its chains: " + r.dump());
            rules_of[*i].push_back(&r);
        } else if (item.contains("set") || item.contains("map")) {
            const bool is_map = item.contains("map");
            const auto& s = item[is_map ? "map" : "set"];
            if (!s.is_object() || !s.contains("name") || !s["name"].is_string())
                return fail("nft listed a set of " + which + " that nftpp cannot read: " + s.dump());
            listed_set ls;
            ls.name = s["name"].get<std::string>();
            ls.key_type = s.contains("type") ? detail::json_type(s["type"]) : std::string{};
            if (is_map) {
                ls.value_type = s.contains("map") ? detail::json_type(s["map"]) : std::string{};
                ls.kind = ls.value_type == "verdict" ? set_kind::verdict_map : set_kind::data_map;
            }
            if (s.contains("flags")) {
                if (s["flags"].is_string()) ls.flags.push_back(s["flags"].get<std::string>());
                else if (s["flags"].is_array())
                    for (const auto& fl : s["flags"])
                        if (fl.is_string()) ls.flags.push_back(fl.get<std::string>());
            }
            if (s.contains("elem") && s["elem"].is_array())
                for (const auto& e : s["elem"]) ls.json_elements.push_back(e);
            const std::string what = std::string(is_map ? "map " : "set ") + ls.name + " of " + which;
            const auto* b = find_block(is_map ? "map" : "set", ls.name);
            if (!b) return fail(what + " is in the JSON listing but not in the text listing: the table changed while it was read; read it again");
            auto texts = detail::text_elements(b->lines);
            if (!texts) return fail("nft's text listing of " + what + " could not be read (its elements do not close)");
            if (texts->size() != ls.json_elements.size())
                return fail(what + " holds " + std::to_string(texts->size()) + " elements but nft's JSON listing shows " +
                            std::to_string(ls.json_elements.size()) +
                            ": the table changed while it was read, or the JSON lost elements; read it again");
            ls.elements = std::move(*texts);
            out.sets.push_back(std::move(ls));
        }
    }
    // 3. the chains' text: hooks' devices, comments, rules
    for (std::size_t ci = 0; ci < out.chains.size(); ++ci) {
        auto& c = out.chains[ci];
        const std::string what = "chain " + c.name + " of " + which;
        const auto* b = find_block("chain", c.name);
        if (!b) return fail(what + " is in the JSON listing but not in the text listing: the table changed while it was read; read it again");
        std::vector<std::string_view> rest;
        bool typed = false;
        for (const auto& l : b->lines) {
            if (c.base && !typed && detail::starts_with(l, "type ") && !l.empty() && l.back() == ';') {
                typed = true;
                c.base->devices = detail::hook_devices(l);
                continue;
            }
            rest.emplace_back(l);
        }
        if (c.base && !typed) return fail(what + " is a base chain in the JSON listing but not in the text listing: the table changed while it was read; read it again");
        const auto& json_rules = rules_of[ci];
        if (rest.size() == json_rules.size() + 1 && detail::starts_with(rest.front(), "comment \"")) {
            c.comment = detail::unquote(rest.front().substr(8));
            rest.erase(rest.begin());
        }
        if (rest.size() != json_rules.size())
            return fail(what + " holds " + std::to_string(rest.size()) + " rules in the text listing but " +
                        std::to_string(json_rules.size()) +
                        " in the JSON listing: the table changed while it was read; read it again");
        for (std::size_t ri = 0; ri < rest.size(); ++ri) {
            const auto& r = *json_rules[ri];
            const auto h = r.contains("handle") && r["handle"].is_number_unsigned()
                               ? rule_handle::from(r["handle"].get<std::uint64_t>())
                               : rule_handle::from(0);
            if (!h) return fail("nft listed rule " + std::to_string(ri + 1) + " of " + what + " without a valid handle");
            listed_rule lr{*h, std::string(rest[ri]), detail::trailing_comment(rest[ri])};
            const std::optional<std::string> json_comment =
                r.contains("comment") && r["comment"].is_string() ? std::optional<std::string>(r["comment"].get<std::string>())
                                                                  : std::nullopt;
            if (json_comment != lr.comment)
                return fail("rule " + std::to_string(ri + 1) + " (handle " + std::to_string(h->value) + ") of " + what +
                            " lists " + (lr.comment ? "the comment \"" + *lr.comment + "\"" : std::string("no comment")) +
                            " as text but " + (json_comment ? "\"" + *json_comment + "\"" : std::string("none")) +
                            " as JSON: the table changed while it was read, or the JSON lost it; read it again");
            c.rules.push_back(std::move(lr));
        }
    }
    for (std::size_t i = 0; i < blocks->size(); ++i) {
        const auto& b = (*blocks)[i];
        if ((b.kind == "chain" || b.kind == "set" || b.kind == "map") && !matched[i])
            return fail(b.kind + " " + b.name + " of " + which +
                        " is in the text listing but not in the JSON listing: the table changed while it was read, or "
                        "the JSON lost it; read it again");
    }
    return out;
}

}  // namespace nftpp
