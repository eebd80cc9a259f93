// SPDX-License-Identifier: Apache-2.0
#pragma once
// nft_import: the JSON that `nft -j list ruleset` prints, turned into a C++20 program that
// builds the same ruleset with nftpp (one replace() per table, static names, typed
// expressions) and prints the rendered script.
//
// How the JSON is mapped: every expression and statement of a rule is looked up in the
// tables below — selectors (the left of a match: payload, meta, ct, fib, numgen, and the
// bitwise and concatenation expressions over them) give the nftpp spelling and the kind of
// value they compare with; each value kind knows how to write its JSON values as typed C++
// (an address as a checked literal, a ct state as `established | related`, a port range as
// `range<port>(a, b)`); each statement kind has one entry. A construct with no entry is not
// guessed at: it is a finding (table, chain, rule handle, the construct). In strict mode any
// finding refuses the import; otherwise a rule with one is written whole as
// unchecked("<its nft text>"), the text rebuilt from the JSON by the generic renderer
// below (text_rule), and declarations nftpp cannot write (comments on sets and maps, for
// instance) are left out; both are listed. Adding a construct to nftpp is one entry here:
// a selector in selector_table() (with a value kind in write_value() if it compares with
// a new datatype), a statement in statement_table(), a declaration attribute in
// check_set_attributes() or the chain's list of known keys.
//
// Every name and string from the JSON reaches the program through cpp_string(), which
// escapes it for a C++ string literal: a hostile table, chain or set name, comment or
// interface name is data in the program, never code.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace nft_import {

using json = nlohmann::json;

// A construct nftpp cannot express, where it stands. handle is the rule's, or -1 for a
// declaration (a table, chain, set or map attribute).
struct finding {
    std::string family;
    std::string table;
    std::string chain;  // or the set/map name for a set attribute, empty for a table's
    std::int64_t handle = -1;
    std::string construct;
    // A whole declaration nftpp cannot write (a set of a datatype it lacks, a chain of a
    // type it lacks): the rules that use it could not load either, so not even a non-strict
    // import prints a program. An attribute (a set's comment) is only left out.
    bool fatal = false;
};

struct result {
    std::string program;                 // empty when strict and there are findings, or on error
    std::vector<finding> findings;       // everything nftpp could not express
    std::string error;                   // the input could not be read at all
    std::size_t rules = 0;               // rules in the listing
    std::size_t unchecked_rules = 0;     // of them, written through unchecked()
    [[nodiscard]] bool ok() const { return error.empty() && !program.empty(); }
};

// A C++ string literal holding exactly s: quotes, backslashes, control and non-ASCII bytes
// escaped (octal, three digits, so no following character is ever taken into an escape).
inline std::string cpp_string(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c >= 0x7f || c == '?') {  // '?': no trigraph-like sequences either
            const char oct[] = {'\\', static_cast<char>('0' + ((c >> 6) & 7)), static_cast<char>('0' + ((c >> 3) & 7)),
                                static_cast<char>('0' + (c & 7)), '\0'};
            out += oct;
        } else {
            out += ch;
        }
    }
    out += '"';
    return out;
}

struct unsupported : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct unrenderable : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Every construct of one rule that nftpp cannot express.
struct rule_unsupported : std::runtime_error {
    explicit rule_unsupported(std::vector<std::string> w) : std::runtime_error(w.front()), what_all(std::move(w)) {}
    std::vector<std::string> what_all;
};

namespace detail {

inline std::string dump(const json& j) { return j.dump(); }

// ---------------------------------------------------------------------------------------
// The generic renderer: JSON expression or statement -> nft text, for unchecked().
// ---------------------------------------------------------------------------------------

// nft 1.0.6 lists `socket cgroupv2 level N "path"` in JSON as {"socket": {"key": "cgroupv2"}}
// and the cgroup's id: the level and the path are gone, so the rule cannot be rebuilt.
inline constexpr const char* cgroupv2_without_level = "socket cgroupv2 (nft 1.0.6's JSON listing drops its level and path)";

inline bool needs_quotes(const json& left) {
    if (!left.is_object()) return false;
    if (left.contains("meta")) {
        const std::string k = left["meta"].value("key", "");
        return k == "iifname" || k == "oifname" || k == "iif" || k == "oif" || k == "iifgroup" || k == "oifgroup";
    }
    if (left.contains("ct")) return left["ct"].value("key", "") == "helper";
    return false;
}

inline std::string text_expr(const json& e, bool quote = false);
inline std::string text_verdict_or_value(const json& v);

inline std::string text_value(const json& v, bool quote) {
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        if (quote) return "\"" + s + "\"";
        return s;
    }
    if (v.is_boolean()) return v.get<bool>() ? "exists" : "missing";
    if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_array()) {  // a list of flags: established,related
        std::string out;
        for (const auto& x : v) out += (out.empty() ? "" : ",") + text_value(x, quote);
        return out;
    }
    return text_expr(v, quote);
}

inline std::string text_verdict(const json& v) {
    if (!v.is_object() || v.size() != 1) throw unrenderable("verdict " + dump(v));
    const auto it = v.begin();
    const std::string k = it.key();
    if (k == "accept" || k == "drop" || k == "return" || k == "continue") return k;
    if (k == "jump" || k == "goto") return k + " " + it.value().at("target").get<std::string>();
    throw unrenderable("verdict " + dump(v));
}

inline std::string text_expr(const json& e, bool quote) {
    if (!e.is_object()) return text_value(e, quote);
    if (e.size() != 1) throw unrenderable("expression " + dump(e));
    const auto it = e.begin();
    const std::string k = it.key();
    const json& a = it.value();
    if (k == "payload") {
        if (a.contains("protocol")) return a["protocol"].get<std::string>() + " " + a["field"].get<std::string>();
        return "@" + a["base"].get<std::string>() + "," + std::to_string(a["offset"].get<int>()) + "," +
               std::to_string(a["len"].get<int>());
    }
    if (k == "meta") return "meta " + a["key"].get<std::string>();
    if (k == "rt") return "rt " + a["key"].get<std::string>();
    if (k == "socket") {
        if (a.value("key", "") == "cgroupv2") throw unrenderable(cgroupv2_without_level);
        return "socket " + a["key"].get<std::string>();
    }
    if (k == "ct") {
        std::string out = "ct ";
        if (a.contains("dir")) out += a["dir"].get<std::string>() + " ";
        if (a.contains("family")) out += a["family"].get<std::string>() + " ";
        return out + a["key"].get<std::string>();
    }
    if (k == "fib") {
        std::string out = "fib ";
        bool first = true;
        for (const auto& f : a["flags"]) {
            out += (first ? "" : " . ") + f.get<std::string>();
            first = false;
        }
        return out + " " + a["result"].get<std::string>();
    }
    if (k == "numgen") {
        std::string out = "numgen " + a["mode"].get<std::string>() + " mod " + std::to_string(a["mod"].get<std::uint64_t>());
        if (a.value("offset", 0) != 0) out += " offset " + std::to_string(a["offset"].get<std::uint64_t>());
        return out;
    }
    if (k == "exthdr") {  // `exthdr frag` (presence), `frag frag-off` (a field)
        if (a.contains("field")) return a["name"].get<std::string>() + " " + a["field"].get<std::string>();
        return "exthdr " + a["name"].get<std::string>();
    }
    if (k == "tcp option") return "tcp option " + a["name"].get<std::string>() + " " + a.value("field", std::string{});
    if (k == "concat") {
        std::string out;
        for (const auto& p : a) out += (out.empty() ? "" : " . ") + text_expr(p, quote);
        return out;
    }
    if (k == "set") {
        std::string out = "{ ";
        bool first = true;
        if (!a.is_array()) return "{ " + text_expr(a, quote) + " }";
        for (const auto& x : a) {
            if (!first) out += ", ";
            first = false;
            if (x.is_array() && x.size() == 2) out += text_expr(x[0], quote) + " : " + text_verdict_or_value(x[1]);
            else out += text_expr(x, quote);
        }
        return out + " }";
    }
    if (k == "prefix") return text_value(a["addr"], false) + "/" + std::to_string(a["len"].get<int>());
    if (k == "range") return text_value(a[0], quote) + "-" + text_value(a[1], quote);
    if (k == "&" || k == "|" || k == "^" || k == "<<" || k == ">>") {
        if (!a.is_array() || a.size() != 2) throw unrenderable("expression " + dump(e));
        auto side = [&](const json& x) {
            const std::string t = text_expr(x, quote);
            const bool compound = x.is_object() && x.size() == 1 &&
                                  (x.contains("|") || x.contains("&") || x.contains("^"));
            return compound ? "(" + t + ")" : t;
        };
        return side(a[0]) + " " + k + " " + side(a[1]);
    }
    if (k == "elem") return text_expr(a["val"], quote);
    throw unrenderable("expression " + dump(e));
}

}  // namespace detail
}  // namespace nft_import

namespace nft_import::detail {

inline std::string text_verdict_or_value(const json& v) {
    if (v.is_object() && v.size() == 1) {
        const std::string k = v.begin().key();
        if (k == "accept" || k == "drop" || k == "return" || k == "continue" || k == "jump" || k == "goto")
            return text_verdict(v);
    }
    return text_expr(v);
}

inline std::string text_nat_target(const json& a) {
    std::string out;
    if (a.contains("family")) out += " " + a["family"].get<std::string>();
    if (a.contains("addr") || a.contains("port")) out += " to ";
    if (a.contains("addr")) {
        const std::string addr = text_expr(a["addr"]);
        const bool v6 = addr.find(':') != std::string::npos;
        out += (v6 && a.contains("port")) ? "[" + addr + "]" : addr;
    }
    if (a.contains("port")) out += ":" + text_expr(a["port"]);
    if (a.contains("flags")) {
        if (a["flags"].is_array())
            for (const auto& f : a["flags"]) out += " " + f.get<std::string>();
        else out += " " + a["flags"].get<std::string>();
    }
    return out;
}

inline std::string text_statement(const json& s) {
    if (!s.is_object() || s.size() != 1) throw unrenderable("statement " + dump(s));
    const auto it = s.begin();
    const std::string k = it.key();
    const json& a = it.value();
    if (k == "match") {
        const std::string op = a["op"].get<std::string>();
        const bool q = needs_quotes(a["left"]);
        const std::string left = text_expr(a["left"], q);
        const std::string right = text_expr(a["right"], q);
        if (op == "in" || op == "==") return left + (a["right"].is_boolean() ? " " : (op == "in" ? " " : " == ")) + right;
        return left + " " + op + " " + right;
    }
    if (k == "accept" || k == "drop" || k == "return" || k == "continue" || k == "jump" || k == "goto")
        return text_verdict(s);
    if (k == "counter") {
        if (a.is_string()) return "counter name " + a.get<std::string>();
        return "counter";
    }
    if (k == "notrack") return "notrack";
    if (k == "reject") {
        if (a.is_null()) return "reject";
        const std::string type = a.value("type", "");
        if (type == "tcp reset") return "reject with tcp reset";
        if (a.contains("expr")) return "reject with " + type + " type " + a["expr"].get<std::string>();
        return "reject";
    }
    if (k == "masquerade" || k == "redirect") {
        if (a.is_null()) return k;
        std::string out = k;
        if (a.contains("port")) out += " to :" + text_expr(a["port"]);
        if (a.contains("flags")) {
            if (a["flags"].is_array())
                for (const auto& f : a["flags"]) out += " " + f.get<std::string>();
            else out += " " + a["flags"].get<std::string>();
        }
        return out;
    }
    if (k == "snat" || k == "dnat") return k + text_nat_target(a);
    if (k == "mangle") return text_expr(a["key"]) + " set " + text_expr(a["value"], needs_quotes(a["key"]));
    if (k == "vmap") return text_expr(a["key"]) + " vmap " + text_expr(a["data"]);
    if (k == "limit") {
        std::string out = "limit rate ";
        if (a.value("inv", false)) out += "over ";
        out += std::to_string(a["rate"].get<std::uint64_t>());
        if (a.contains("rate_unit") && a["rate_unit"] != "packets") out += " " + a["rate_unit"].get<std::string>();
        out += "/" + a.value("per", std::string("second"));
        if (a.contains("burst") && a["burst"].get<std::uint64_t>() != 0) {
            out += " burst " + std::to_string(a["burst"].get<std::uint64_t>());
            out += " " + a.value("burst_unit", std::string("packets"));
        }
        return out;
    }
    if (k == "ct helper") return "ct helper set \"" + a.get<std::string>() + "\"";
    if (k == "flow") return "flow " + a.value("op", std::string("add")) + " " + a.at("flowtable").get<std::string>();
    if (k == "log") {
        std::string out = "log";
        if (a.is_object()) {
            if (a.contains("prefix")) out += " prefix \"" + a["prefix"].get<std::string>() + "\"";
            if (a.contains("group")) out += " group " + std::to_string(a["group"].get<int>());
            if (a.contains("level")) out += " level " + a["level"].get<std::string>();
            if (a.contains("flags"))
                for (const auto& f : a["flags"]) out += " flags " + f.get<std::string>();
        }
        return out;
    }
    throw unrenderable("statement " + dump(s));
}

// The whole rule as nft text, its comment last.
inline std::string text_rule(const json& rule) {
    std::string out;
    if (!rule.at("expr").is_array()) throw unrenderable("rule " + dump(rule));
    for (const auto& s : rule.at("expr")) out += (out.empty() ? "" : " ") + text_statement(s);
    if (rule.contains("comment")) out += " comment \"" + rule["comment"].get<std::string>() + "\"";
    return out;
}

// ---------------------------------------------------------------------------------------
// The typed mapping: JSON -> nftpp C++.
// ---------------------------------------------------------------------------------------

// The kernel's conntrack helpers by nft's name, as nftpp spells them (ct_helper_type::...).
inline const std::map<std::string, std::string>& ct_helper_types() {
    static const std::map<std::string, std::string> types{{"ftp", "ftp"}, {"irc", "irc"}, {"pptp", "pptp"},
        {"sane", "sane"}, {"Q.931", "q931"}, {"tftp", "tftp"}, {"amanda", "amanda"}, {"snmp", "snmp"},
        {"netbios-ns", "netbios_ns"}, {"RAS", "ras"}, {"sip", "sip"}};
    return types;
}

// The kinds of value a selector compares with, each with its C++ spelling of JSON values.
enum class kind {
    ipv4, ipv6, port, l4proto, nfproto, ifname, ifindex, ct_state, ct_status, ct_direction, mark, tcp_flags,
    icmp_type, icmpv6_type, icmp_code, icmpv6_code, fib_type, number, uid, gid, concat, ct_helper,
    ether_addr, ether_type, arp_op, dscp, pkt_type, raw, raw_wide, mh_type, next_header
};

struct selector {
    std::string cpp;           // nftpp spelling: "ip.saddr"
    kind k = kind::number;
    std::vector<kind> parts;   // for a concatenation
    bool stateful_key = false; // numgen: no ==/!= on sets of flags etc.
};

inline std::string hex(std::uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    do {
        s.insert(s.begin(), digits[v & 15]);
        v >>= 4;
    } while (v);
    return "0x" + s;
}

inline std::string enum_ident(std::string s) {
    std::replace(s.begin(), s.end(), '-', '_');
    return s;
}

inline const std::set<std::string>& icmp_type_names() {
    static const std::set<std::string> n{"echo-reply", "destination-unreachable", "source-quench", "redirect",
        "echo-request", "router-advertisement", "router-solicitation", "time-exceeded", "parameter-problem",
        "timestamp-request", "timestamp-reply", "info-request", "info-reply", "address-mask-request",
        "address-mask-reply"};
    return n;
}
inline const std::set<std::string>& icmpv6_type_names() {
    static const std::set<std::string> n{"destination-unreachable", "packet-too-big", "time-exceeded",
        "parameter-problem", "echo-request", "echo-reply", "mld-listener-query", "mld-listener-report",
        "mld-listener-done", "nd-router-solicit", "nd-router-advert", "nd-neighbor-solicit", "nd-neighbor-advert",
        "nd-redirect", "mld2-listener-report"};
    return n;
}

inline std::string flag_cpp(kind k, const std::string& name) {
    static const std::set<std::string> ct_states{"invalid", "established", "related", "new", "untracked"};
    static const std::set<std::string> ct_statuses{"expected", "seen-reply", "assured", "confirmed", "snat", "dnat", "dying"};
    static const std::set<std::string> tcpf{"fin", "syn", "rst", "psh", "ack", "urg", "ecn", "cwr"};
    if (k == kind::ct_state && ct_states.count(name)) return name == "new" ? "new_" : name;
    if (k == kind::ct_status && ct_statuses.count(name)) return "ct_status::" + enum_ident(name);
    if (k == kind::tcp_flags && tcpf.count(name)) return name;
    throw unsupported("the flag \"" + name + "\"");
}

inline std::string write_value(kind k, const json& v);

// A list of flags, or one: `established | related`.
inline std::string write_flags(kind k, const json& v) {
    if (v.is_string()) return flag_cpp(k, v.get<std::string>());
    if (v.is_array()) {
        std::string out;
        for (const auto& f : v) out += (out.empty() ? "" : " | ") + flag_cpp(k, f.get<std::string>());
        return "(" + out + ")";
    }
    if (v.is_object() && v.contains("|")) {
        return "(" + write_flags(k, v["|"][0]) + " | " + write_flags(k, v["|"][1]) + ")";
    }
    if (v.is_number_integer() && v.get<std::int64_t>() == 0) return "0";
    throw unsupported("the flag value " + dump(v));
}

inline std::string write_address(const json& v) {
    if (v.is_string()) return cpp_string(v.get<std::string>());
    if (v.is_object() && v.contains("prefix"))
        return cpp_string(v["prefix"]["addr"].get<std::string>() + "/" + std::to_string(v["prefix"]["len"].get<int>()));
    if (v.is_object() && v.contains("range"))
        return cpp_string(v["range"][0].get<std::string>() + "-" + v["range"][1].get<std::string>());
    throw unsupported("the address " + dump(v));
}

inline std::string write_number_or_range(const std::string& type, const json& v) {
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_object() && v.contains("range"))
        return "range<" + type + ">(" + write_number_or_range(type, v["range"][0]) + ", " +
               write_number_or_range(type, v["range"][1]) + ")";
    throw unsupported("the " + type + " value " + dump(v));
}

// Numbers nft lists by name (ether type ip, arp operation request, ip dscp ef, meta pkttype
// broadcast): the name as nftpp's constant, a number as a literal.
inline std::string write_named_number(kind k, const json& v) {
    static const std::map<kind, std::pair<std::string, std::set<std::string>>> names{
        {kind::ether_type, {"ether_types::", {"ip", "arp", "ip6", "vlan"}}},
        {kind::arp_op, {"arp_ops::", {"request", "reply", "rrequest", "rreply", "inrequest", "inreply", "nak"}}},
        {kind::dscp, {"dscp_class::", {"cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "af11", "af12", "af13",
                                       "af21", "af22", "af23", "af31", "af32", "af33", "af41", "af42", "af43", "ef",
                                       "df", "le"}}},
        {kind::pkt_type, {"pkt_types::", {"host", "broadcast", "multicast", "other"}}},
    };
    const auto& [prefix, known] = names.at(k);
    if (v.is_string() && known.count(v.get<std::string>())) return prefix + v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    throw unsupported("the value " + dump(v));
}

inline std::string write_value(kind k, const json& v) {
    if (v.is_object() && v.contains("elem")) {
        if (v["elem"].size() != 1) throw unsupported("set elements with attributes (" + dump(v) + ")");
        return write_value(k, v["elem"]["val"]);
    }
    switch (k) {
    case kind::ipv4:
    case kind::ipv6: return write_address(v);
    case kind::port: return write_number_or_range("port", v);
    case kind::number: return write_number_or_range("std::uint32_t", v);
    case kind::uid: return "uid(" + std::to_string(v.get<std::int64_t>()) + ")";
    case kind::gid: return "gid(" + std::to_string(v.get<std::int64_t>()) + ")";
    case kind::mark:
        if (v.is_number_integer()) return hex(v.get<std::uint64_t>());
        throw unsupported("the mark value " + dump(v));
    case kind::l4proto: {
        if (!v.is_string()) throw unsupported("the protocol value " + dump(v));
        const std::string p = v.get<std::string>();
        if (p == "tcp" || p == "udp" || p == "icmp") return p;
        if (p == "ipv6-icmp") return "icmpv6";
        static const std::set<std::string> others{"igmp", "gre", "esp", "ah", "sctp", "udplite"};
        if (others.count(p)) return "l4proto::" + p;
        throw unsupported("the protocol \"" + p + "\"");
    }
    case kind::nfproto: {
        const std::string p = v.get<std::string>();
        if (p == "ipv4") return "ip";
        if (p == "ipv6") return "ip6";
        throw unsupported("the nfproto \"" + p + "\"");
    }
    case kind::ifname:
        if (v.is_string()) return cpp_string(v.get<std::string>());
        throw unsupported("the interface name " + dump(v));
    case kind::ifindex:
        if (v.is_string()) return cpp_string(v.get<std::string>());
        if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
        throw unsupported("the interface " + dump(v));
    case kind::ct_state:
    case kind::ct_status:
    case kind::tcp_flags: return write_flags(k, v);
    case kind::ct_helper: {
        const auto it = v.is_string() ? ct_helper_types().find(v.get<std::string>()) : ct_helper_types().end();
        if (it == ct_helper_types().end()) throw unsupported("the ct helper " + dump(v));
        return "ct_helper_type::" + it->second;
    }
    case kind::ct_direction:
        if (v == "original" || v == "reply") return "ct_direction::" + v.get<std::string>();
        throw unsupported("the ct direction " + dump(v));
    case kind::icmp_type:
    case kind::icmpv6_type: {
        const char* type = k == kind::icmp_type ? "icmp_type" : "icmpv6_type";
        const auto& names = k == kind::icmp_type ? icmp_type_names() : icmpv6_type_names();
        if (v.is_string() && names.count(v.get<std::string>())) return std::string(type) + "::" + enum_ident(v.get<std::string>());
        if (v.is_number_integer()) return std::string(type) + "{" + std::to_string(v.get<int>()) + "}";
        throw unsupported(std::string("the ") + type + " value " + dump(v));
    }
    case kind::icmp_code:
    case kind::icmpv6_code: {
        const char* type = k == kind::icmp_code ? "icmp_code" : "icmpv6_code";
        if (v.is_number_integer()) return std::string(type) + "{" + std::to_string(v.get<int>()) + "}";
        if (v.is_string()) return std::string(type) + "::" + enum_ident(v.get<std::string>());
        throw unsupported(std::string("the ") + type + " value " + dump(v));
    }
    case kind::fib_type: {
        static const std::set<std::string> n{"unspec", "unicast", "local", "broadcast", "anycast", "multicast",
                                             "blackhole", "unreachable", "prohibit"};
        if (v.is_string() && n.count(v.get<std::string>())) return "fib_addrtype::" + v.get<std::string>();
        throw unsupported("the fib type " + dump(v));
    }
    case kind::ether_addr:
        if (v.is_string()) return cpp_string(v.get<std::string>());
        throw unsupported("the ether address " + dump(v));
    case kind::ether_type:
    case kind::arp_op:
    case kind::dscp:
    case kind::pkt_type: return write_named_number(k, v);
    case kind::mh_type: {  // nft lists names with '-': mh_types::binding_update
        static const std::set<std::string> known{"binding-refresh-request", "home-test-init", "careof-test-init",
            "home-test", "careof-test", "binding-update", "binding-acknowledgement", "binding-error",
            "fast-binding-update", "fast-binding-acknowledgement", "fast-binding-advertisement",
            "experimental-mobility-header", "home-agent-switch-message"};
        if (v.is_string() && known.count(v.get<std::string>())) return "mh_types::" + enum_ident(v.get<std::string>());
        if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
        throw unsupported("the mobility header type " + dump(v));
    }
    case kind::next_header: {  // an extension header's nexthdr: a typed l4proto, which pins nothing
        if (v.is_number_integer()) return "l4proto(" + std::to_string(v.get<std::int64_t>()) + ")";
        if (!v.is_string()) throw unsupported("the next header value " + dump(v));
        static const std::map<std::string, int> numbers{{"hopopt", 0}, {"ipv6", 41}, {"ipv6-route", 43},
            {"ipv6-frag", 44}, {"ipv6-nonxt", 59}, {"ipv6-opts", 60}};
        const std::string p = v.get<std::string>();
        static const std::set<std::string> named{"icmp", "igmp", "tcp", "udp", "gre", "esp", "ah", "sctp", "udplite"};
        if (named.count(p)) return "l4proto::" + p;
        if (p == "ipv6-icmp") return "l4proto::icmpv6";
        if (const auto it = numbers.find(p); it != numbers.end()) return "l4proto(" + std::to_string(it->second) + ")";
        throw unsupported("the next header \"" + p + "\"");
    }
    case kind::raw:
        if (v.is_number_integer()) return hex(v.get<std::uint64_t>());
        throw unsupported("the raw payload value " + dump(v));
    case kind::raw_wide:  // 64 to 128 bits: nft lists a number, -1 for 2^64 - 1, or hex text
        if (v.is_number_integer()) return cpp_string(hex(v.get<std::uint64_t>()));
        if (v.is_string() && v.get<std::string>().rfind("0x", 0) == 0) return cpp_string(v.get<std::string>());
        throw unsupported("the raw payload value " + dump(v));
    case kind::concat: break;
    }
    throw unsupported("a value of this kind (" + dump(v) + ")");
}

// The C++ type of a value kind, for set keys and ranges.
inline std::string kind_type(kind k) {
    switch (k) {
    case kind::ipv4: return "ipv4_addr";
    case kind::ipv6: return "ipv6_addr";
    case kind::port: return "port";
    case kind::l4proto: return "l4proto";
    case kind::ifname: return "ifname";
    case kind::mark: return "mark";
    case kind::icmp_type: return "icmp_type";
    case kind::icmpv6_type: return "icmpv6_type";
    case kind::icmp_code: return "icmp_code";
    case kind::icmpv6_code: return "icmpv6_code";
    case kind::ether_addr: return "ether_addr";
    case kind::ether_type: return "ether_type";
    case kind::arp_op: return "arp_op";
    case kind::dscp: return "dscp";
    case kind::pkt_type: return "pkt_type";
    case kind::mh_type: return "mh_type";
    case kind::next_header: return "l4proto";
    default: break;
    }
    throw unsupported("a set or map of this datatype");
}

// nft's datatype names (set and map declarations) -> value kinds.
inline kind kind_of_type(const std::string& t) {
    static const std::map<std::string, kind> m{{"ipv4_addr", kind::ipv4}, {"ipv6_addr", kind::ipv6},
        {"inet_service", kind::port}, {"inet_proto", kind::l4proto}, {"ifname", kind::ifname}, {"mark", kind::mark},
        {"ether_addr", kind::ether_addr}, {"ether_type", kind::ether_type}, {"arp_op", kind::arp_op},
        {"dscp", kind::dscp}, {"pkt_type", kind::pkt_type}, {"mh_type", kind::mh_type},
        {"icmp_type", kind::icmp_type}, {"icmpv6_type", kind::icmpv6_type}, {"icmp_code", kind::icmp_code},
        {"icmpv6_code", kind::icmpv6_code}};
    const auto it = m.find(t);
    if (it == m.end()) throw unsupported("sets of datatype " + t);
    return it->second;
}

// ---- The selector table: the left of a match -> nftpp spelling and value kind. ----
inline const std::map<std::string, selector>& selector_table() {
    static const std::map<std::string, selector> t{
        {"payload ip saddr", {"ip.saddr", kind::ipv4, {}}},
        {"payload ip daddr", {"ip.daddr", kind::ipv4, {}}},
        {"payload ip protocol", {"ip.protocol", kind::l4proto, {}}},
        {"payload ip ttl", {"ip.ttl", kind::number, {}}},
        {"payload ip6 saddr", {"ip6.saddr", kind::ipv6, {}}},
        {"payload ip6 daddr", {"ip6.daddr", kind::ipv6, {}}},
        {"payload ip6 nexthdr", {"ip6.nexthdr", kind::l4proto, {}}},
        {"payload ip6 hoplimit", {"ip6.hoplimit", kind::number, {}}},
        {"payload ip version", {"ip.version", kind::number, {}}},
        {"payload ip6 version", {"ip6.version", kind::number, {}}},
        {"payload ip dscp", {"ip.dscp", kind::dscp, {}}},
        {"payload ip checksum", {"ip.checksum", kind::number, {}}},
        {"payload tcp checksum", {"tcp.checksum", kind::number, {}}},
        {"payload udp checksum", {"udp.checksum", kind::number, {}}},
        {"payload ip6 dscp", {"ip6.dscp", kind::dscp, {}}},
        {"payload ip6 flowlabel", {"ip6.flowlabel", kind::number, {}}},
        {"payload ether saddr", {"ether.saddr", kind::ether_addr, {}}},
        {"payload ether daddr", {"ether.daddr", kind::ether_addr, {}}},
        {"payload ether type", {"ether.type", kind::ether_type, {}}},
        {"payload vlan id", {"vlan.id", kind::number, {}}},
        {"payload vlan type", {"vlan.type", kind::ether_type, {}}},
        {"payload arp saddr ip", {"arp.saddr.ip", kind::ipv4, {}}},
        {"payload arp daddr ip", {"arp.daddr.ip", kind::ipv4, {}}},
        {"payload arp saddr ether", {"arp.saddr.ether", kind::ether_addr, {}}},
        {"payload arp daddr ether", {"arp.daddr.ether", kind::ether_addr, {}}},
        {"payload arp operation", {"arp.operation", kind::arp_op, {}}},
        {"meta pkttype", {"meta.pkttype", kind::pkt_type, {}}},
        {"exthdr hbh nexthdr", {"exthdr.hbh.nexthdr", kind::next_header, {}}},
        {"exthdr hbh hdrlength", {"exthdr.hbh.hdrlength", kind::number, {}}},
        {"exthdr rt nexthdr", {"exthdr.rt.nexthdr", kind::next_header, {}}},
        {"exthdr rt hdrlength", {"exthdr.rt.hdrlength", kind::number, {}}},
        {"exthdr rt type", {"exthdr.rt.type", kind::number, {}}},
        {"exthdr rt seg-left", {"exthdr.rt.seg_left", kind::number, {}}},
        {"exthdr frag nexthdr", {"exthdr.frag.nexthdr", kind::next_header, {}}},
        {"exthdr frag frag-off", {"exthdr.frag.frag_off", kind::number, {}}},
        {"exthdr frag more-fragments", {"exthdr.frag.more_fragments", kind::number, {}}},
        {"exthdr frag id", {"exthdr.frag.id", kind::number, {}}},
        {"exthdr dst nexthdr", {"exthdr.dst.nexthdr", kind::next_header, {}}},
        {"exthdr dst hdrlength", {"exthdr.dst.hdrlength", kind::number, {}}},
        {"exthdr mh nexthdr", {"exthdr.mh.nexthdr", kind::next_header, {}}},
        {"exthdr mh hdrlength", {"exthdr.mh.hdrlength", kind::number, {}}},
        {"exthdr mh type", {"exthdr.mh.type", kind::mh_type, {}}},
        {"exthdr mh checksum", {"exthdr.mh.checksum", kind::number, {}}},
        {"meta cgroup", {"meta.cgroup", kind::number, {}}},
        {"socket transparent", {"sock.transparent", kind::number, {}}},
        {"socket wildcard", {"sock.wildcard", kind::number, {}}},
        {"socket mark", {"sock.mark", kind::mark, {}}},
        {"payload tcp sport", {"tcp.sport", kind::port, {}}},
        {"payload tcp dport", {"tcp.dport", kind::port, {}}},
        {"payload tcp flags", {"tcp.flags", kind::tcp_flags, {}}},
        {"payload udp sport", {"udp.sport", kind::port, {}}},
        {"payload udp dport", {"udp.dport", kind::port, {}}},
        {"payload th sport", {"th.sport", kind::port, {}}},
        {"payload th dport", {"th.dport", kind::port, {}}},
        {"payload icmp type", {"icmp.type", kind::icmp_type, {}}},
        {"payload icmp code", {"icmp.code", kind::icmp_code, {}}},
        {"payload icmpv6 type", {"icmpv6.type", kind::icmpv6_type, {}}},
        {"payload icmpv6 code", {"icmpv6.code", kind::icmpv6_code, {}}},
        {"meta l4proto", {"meta.l4proto", kind::l4proto, {}}},
        {"meta nfproto", {"meta.nfproto", kind::nfproto, {}}},
        {"meta skuid", {"meta.skuid", kind::uid, {}}},
        {"meta skgid", {"meta.skgid", kind::gid, {}}},
        {"meta mark", {"meta.mark", kind::mark, {}}},
        {"meta iifname", {"iifname", kind::ifname, {}}},
        {"meta oifname", {"oifname", kind::ifname, {}}},
        {"meta iif", {"iif", kind::ifindex, {}}},
        {"meta oif", {"oif", kind::ifindex, {}}},
        {"ct state", {"ct.state", kind::ct_state, {}}},
        {"ct status", {"ct.status", kind::ct_status, {}}},
        {"ct mark", {"ct.mark", kind::mark, {}}},
        {"ct direction", {"ct.direction", kind::ct_direction, {}}},
        {"ct helper", {"ct.helper", kind::ct_helper, {}}},
        {"ct original ip saddr", {"ct.original.ip.saddr", kind::ipv4, {}}},
        {"ct original ip daddr", {"ct.original.ip.daddr", kind::ipv4, {}}},
        {"ct original ip6 saddr", {"ct.original.ip6.saddr", kind::ipv6, {}}},
        {"ct original ip6 daddr", {"ct.original.ip6.daddr", kind::ipv6, {}}},
        {"ct reply ip saddr", {"ct.reply.ip.saddr", kind::ipv4, {}}},
        {"ct reply ip daddr", {"ct.reply.ip.daddr", kind::ipv4, {}}},
        {"ct reply ip6 saddr", {"ct.reply.ip6.saddr", kind::ipv6, {}}},
        {"ct reply ip6 daddr", {"ct.reply.ip6.daddr", kind::ipv6, {}}},
    };
    return t;
}

// The table's key for an expression: "payload ip saddr", "meta mark", "ct state".
inline std::string selector_key(const json& e) {
    if (!e.is_object() || e.size() != 1) return "";
    const auto it = e.begin();
    const json& a = it.value();
    if (it.key() == "payload" && a.contains("protocol")) return "payload " + a["protocol"].get<std::string>() + " " + a["field"].get<std::string>();
    if (it.key() == "meta") return "meta " + a["key"].get<std::string>();
    if (it.key() == "socket") return "socket " + a["key"].get<std::string>();
    if (it.key() == "exthdr" && a.contains("name"))  // exthdr frag frag-off; exthdr frag (presence)
        return "exthdr " + a["name"].get<std::string>() + (a.contains("field") ? " " + a["field"].get<std::string>() : std::string());
    if (it.key() == "ct" && !a.contains("family"))  // ct state; ct original ip daddr (the direction beside the key)
        return "ct " + (a.contains("dir") ? a["dir"].get<std::string>() + " " : std::string()) + a["key"].get<std::string>();
    return "";
}

// What nftpp lacks, named the way nft writes it: "ether saddr", "ct original ip daddr".
inline std::string construct_name(const json& e) {
    try {
        return text_expr(e);
    } catch (const std::exception&) {
        return dump(e);
    }
}

inline std::string fib_flag(const std::string& f) {
    if (f == "saddr" || f == "daddr" || f == "mark" || f == "iif" || f == "oif") return "fib_" + f;
    throw unsupported("fib keyed by " + f);
}

inline selector left_selector(const json& e) {
    const std::string key = selector_key(e);
    if (!key.empty()) {
        const auto& t = selector_table();
        const auto it = t.find(key);
        if (it != t.end()) return it->second;
        if (key == "socket cgroupv2") throw unsupported(cgroupv2_without_level);
        throw unsupported(construct_name(e));
    }
    if (e.is_object() && e.contains("concat")) {
        selector s{"concat(", kind::concat, {}};
        bool first = true;
        for (const auto& p : e["concat"]) {
            const selector part = left_selector(p);
            if (part.k == kind::concat) throw unsupported("nested concatenations");
            s.cpp += (first ? "" : ", ") + part.cpp;
            s.parts.push_back(part.k);
            first = false;
        }
        s.cpp += ")";
        return s;
    }
    if (e.is_object() && e.contains("payload") && e["payload"].contains("base")) {  // @nh,528,48
        const json& a = e["payload"];
        static const std::set<std::string> bases{"ll", "nh", "th", "ih"};
        const std::string base = a["base"].get<std::string>();
        const std::uint64_t offset = a["offset"].get<std::uint64_t>(), len = a["len"].get<std::uint64_t>();
        if (!bases.count(base) || len < 1 || len > 128 || offset / 8 > 65535)
            throw unsupported(construct_name(e) + " (nftpp: fields of 1 to 128 bits)");
        return {"raw_" + base + "<" + std::to_string(offset) + ", " + std::to_string(len) + ">", len > 63 ? kind::raw_wide : kind::raw, {}};
    }
    if (e.is_object() && e.contains("numgen")) {
        const json& a = e["numgen"];
        const std::string mode = a.value("mode", "");
        if (mode != "random" && mode != "inc") throw unsupported("numgen " + mode);
        std::string cpp = "numgen." + mode + ".mod(" + std::to_string(a["mod"].get<std::uint64_t>()) + ")";
        if (a.value("offset", 0) != 0) cpp += ".offset(" + std::to_string(a["offset"].get<std::uint64_t>()) + ")";
        return {cpp, kind::number, {}, true};
    }
    if (e.is_object() && e.contains("fib")) {
        const json& a = e["fib"];
        std::string cpp = "fib(";
        bool first = true;
        for (const auto& f : a["flags"]) {
            cpp += (first ? "" : ", ") + fib_flag(f.get<std::string>());
            first = false;
        }
        cpp += ")";
        const std::string r = a.value("result", "");
        if (r == "type") return {cpp + ".type", kind::fib_type, {}};
        if (r == "oif") return {cpp + ".oif", kind::ifindex, {}};
        if (r == "oifname") return {cpp + ".oifname", kind::ifname, {}};
        throw unsupported("fib " + r);
    }
    if (e.is_object() && e.contains("&") && e["&"].is_array() && e["&"].size() == 2) {
        const selector base = left_selector(e["&"][0]);
        if (base.k != kind::mark && base.k != kind::tcp_flags && base.k != kind::ct_state && base.k != kind::ct_status)
            throw unsupported("a bitwise and on " + construct_name(e["&"][0]));
        return {"(" + base.cpp + " & " + write_value(base.k, e["&"][1]) + ")", base.k, {}};
    }
    throw unsupported(construct_name(e));
}

// A set element of a concatenation: {a, b, c}.
inline std::string write_element(const selector& s, const json& v, bool typed = false) {
    if (v.is_object() && v.contains("elem")) {
        if (v["elem"].size() != 1) throw unsupported("set elements with attributes (" + dump(v) + ")");
        return write_element(s, v["elem"]["val"], typed);
    }
    if (s.k != kind::concat) return write_value(s.k, v);
    if (!v.is_object() || !v.contains("concat") || v["concat"].size() != s.parts.size())
        throw unsupported("the concatenated value " + dump(v));
    std::string type = "concat_key<", out = "{";
    for (std::size_t i = 0; i < s.parts.size(); ++i) {
        std::string part = write_value(s.parts[i], v["concat"][i]);
        // inside a concatenation a protocol is the typed constant (l4proto::tcp), not the tcp object
        if (s.parts[i] == kind::l4proto && part.rfind("l4proto::", 0) != 0) part = "l4proto::" + part;
        out += (i ? ", " : "") + part;
        if (typed) type += (i ? ", " : "") + kind_type(s.parts[i]);
    }
    // an entry of on() needs its key's type spelled: concat_key<ipv4_addr, port>{...}
    return (typed ? type + ">" : std::string()) + out + "}";
}

inline bool is_flag_kind(kind k) { return k == kind::ct_state || k == kind::ct_status || k == kind::tcp_flags; }

inline std::string named_ref(const json& right) {
    const std::string s = right.get<std::string>();
    return "at<" + cpp_string(s.substr(1)) + ">";
}

inline std::string match_cpp(const json& m) {
    const std::string op = m.at("op").get<std::string>();
    const json& left = m.at("left");
    const json& right = m.at("right");
    // fib ... oif missing / exists
    if (right.is_boolean()) {
        if (left.is_object() && left.contains("fib") && left["fib"].value("result", "") == "oif" && op == "==") {
            const selector s = left_selector(left);
            return s.cpp + (right.get<bool>() ? ".exists()" : ".missing()");
        }
        if (selector_key(left) == "meta ipsec" && op == "==")  // nft's JSON names meta secpath "ipsec"
            return std::string("meta.secpath") + (right.get<bool>() ? ".exists()" : ".missing()");
        static const std::set<std::string> headers{"exthdr hbh", "exthdr rt", "exthdr frag", "exthdr dst", "exthdr mh"};
        if (headers.count(selector_key(left)) && op == "==")  // exthdr frag exists
            return "exthdr." + selector_key(left).substr(7) + (right.get<bool>() ? ".exists()" : ".missing()");
        throw unsupported(construct_name(left) + " " + (right.get<bool>() ? "exists" : "missing"));
    }
    const selector s = left_selector(left);
    // named set: ip daddr @cluster-ips
    if (right.is_string() && right.get<std::string>().rfind('@', 0) == 0) {
        if (op == "==" || op == "in") return s.cpp + " == " + named_ref(right);
        if (op == "!=") return s.cpp + " != " + named_ref(right);
        throw unsupported("a set lookup with " + op);
    }
    // anonymous set
    if (right.is_object() && right.contains("set")) {
        std::string elems;
        const json& set = right["set"];
        if (set.is_array()) {
            for (const auto& e : set) elems += (elems.empty() ? "" : ", ") + write_element(s, e);
        } else {
            elems = write_element(s, set);
        }
        if (op == "==" || op == "in") return s.cpp + ".in({" + elems + "})";
        if (op == "!=") return s.cpp + ".not_in({" + elems + "})";
        throw unsupported("a set match with " + op);
    }
    if (s.k == kind::concat) throw unsupported("a concatenation compared with one value");
    std::string cop = op;
    if (op == "in") {
        if (!is_flag_kind(s.k)) throw unsupported("the implicit operator on " + construct_name(left));
        cop = "==";  // nftpp's == on flags is nft's implicit match (any of the flags)
    } else if (is_flag_kind(s.k) && op == "==" && !(left.is_object() && left.contains("&"))) {
        // an exact match on flags (nft's ==) is not the implicit one nftpp writes
        throw unsupported("an exact == on " + construct_name(left));
    }
    static const std::set<std::string> ops{"==", "!=", "<", ">", "<=", ">="};
    if (!ops.count(cop)) throw unsupported("the operator " + op);
    return s.cpp + " " + cop + " " + write_value(s.k, right);
}

inline std::string verdict_cpp(const json& v) {
    if (!v.is_object() || v.size() != 1) throw unsupported("the verdict " + dump(v));
    const auto it = v.begin();
    const std::string k = it.key();
    if (k == "accept" || k == "drop") return k;
    if (k == "return" || k == "continue") return k + "_";
    if (k == "jump") return "jump<" + cpp_string(it.value().at("target").get<std::string>()) + ">";
    if (k == "goto") return "goto_<" + cpp_string(it.value().at("target").get<std::string>()) + ">";
    throw unsupported("the verdict " + k);
}

inline std::string nat_family(const json& a, const std::string& table_family) {
    if (a.contains("family")) return a["family"].get<std::string>();
    if (table_family == "ip" || table_family == "ip6") return table_family;
    throw unsupported("NAT without an address family");
}

inline std::string nat_flags_cpp(const json& a) {
    if (!a.is_object() || !a.contains("flags")) return "";
    std::vector<std::string> fl;
    if (a["flags"].is_array())
        for (const auto& f : a["flags"]) fl.push_back(f.get<std::string>());
    else fl.push_back(a["flags"].get<std::string>());
    std::string out;
    for (const auto& f : fl) {
        std::string c;
        if (f == "random") c = "nat_random";
        else if (f == "fully-random") c = "nat_fully_random";
        else if (f == "persistent") c = "nat_persistent";
        else throw unsupported("the NAT flag " + f);
        out += (out.empty() ? "" : " | ") + c;
    }
    return out;
}

inline std::string ports_cpp(const json& p) {
    if (p.is_number_integer()) return "ports(" + std::to_string(p.get<int>()) + ")";
    if (p.is_object() && p.contains("range"))
        return "ports(" + std::to_string(p["range"][0].get<int>()) + ", " + std::to_string(p["range"][1].get<int>()) + ")";
    throw unsupported("the NAT port " + dump(p));
}

// The value a mark is set to: a number, another mark, or a bitwise expression of one.
inline std::string mark_value_cpp(const json& v) {
    if (v.is_number_integer()) return hex(v.get<std::uint64_t>());
    const std::string key = selector_key(v);
    if (key == "meta mark") return "meta.mark";
    if (key == "ct mark") return "ct.mark";
    if (v.is_object() && v.size() == 1) {
        const std::string op = v.begin().key();
        const json& a = v.begin().value();
        if ((op == "|" || op == "&" || op == "^") && a.is_array() && a.size() == 2 && a[1].is_number_integer())
            return mark_value_cpp(a[0]) + " " + op + " " + hex(a[1].get<std::uint64_t>());
    }
    throw unsupported("a mark set to " + construct_name(v));
}

// ---- The statement table: a statement's JSON key -> its nftpp spelling. ----
// Each entry takes the statement's argument (the value under its key) and the table's
// family, and returns the C++ or throws unsupported for a variant it does not know.
using statement_writer = std::function<std::string(const json& arg, const std::string& table_family)>;

inline std::string nat_redirect_cpp(const std::string& k, const json& a) {
    if (a.is_null()) return k;
    std::string args;
    if (a.contains("port")) args = ports_cpp(a["port"]);
    const std::string fl = nat_flags_cpp(a);
    if (!fl.empty()) args += (args.empty() ? "" : ", ") + fl;
    for (const auto& [key, _] : a.items())
        if (key != "port" && key != "flags") throw unsupported(k + " with " + key);
    return args.empty() ? k : k + "(" + args + ")";
}

inline std::string snat_dnat_cpp(const std::string& k, const json& a, const std::string& table_family) {
    const std::string fam = nat_family(a, table_family);
    for (const auto& [key, _] : a.items())
        if (key != "addr" && key != "port" && key != "family") throw unsupported(k + " with " + key);
    if (!a.contains("addr") || !a["addr"].is_string()) throw unsupported(k + " to " + construct_name(a.value("addr", json())));
    std::string out = k + "(" + fam + ", " + cpp_string(a["addr"].get<std::string>());
    if (a.contains("port")) {
        if (!a["port"].is_number_integer()) throw unsupported(k + " to a port range");
        out += ", " + std::to_string(a["port"].get<int>());
    }
    return out + ")";
}

inline const std::map<std::string, statement_writer>& statement_table() {
    static const std::map<std::string, statement_writer> t{
        {"accept", [](const json&, const std::string&) { return std::string("accept"); }},
        {"drop", [](const json&, const std::string&) { return std::string("drop"); }},
        {"return", [](const json&, const std::string&) { return std::string("return_"); }},
        {"continue", [](const json&, const std::string&) { return std::string("continue_"); }},
        {"jump", [](const json& a, const std::string&) { return verdict_cpp(json{{"jump", a}}); }},
        {"goto", [](const json& a, const std::string&) { return verdict_cpp(json{{"goto", a}}); }},
        {"counter", [](const json& a, const std::string&) -> std::string {
             if (a.is_string()) return "counter_name<" + cpp_string(a.get<std::string>()) + ">";
             return "counter";
         }},
        {"quota", [](const json& a, const std::string&) -> std::string {
             if (a.is_string()) return "quota_name<" + cpp_string(a.get<std::string>()) + ">";
             for (const auto& [key, _] : a.items())
                 if (key != "val" && key != "val_unit" && key != "inv" && key != "used" && key != "used_unit")
                     throw unsupported("quota with " + key);
             const std::string unit = a.value("val_unit", std::string("bytes"));
             if (unit != "bytes" && unit != "kbytes" && unit != "mbytes") throw unsupported("quota in " + unit);
             return std::string("quota(") + (a.value("inv", false) ? "over, " : "") + unit + "(" +
                    std::to_string(a.at("val").get<std::uint64_t>()) + "))";
         }},
        {"ct timeout", [](const json& a, const std::string&) { return "ct_timeout_set<" + cpp_string(a.get<std::string>()) + ">"; }},
        {"ct expectation", [](const json& a, const std::string&) {
             return "ct_expectation_set<" + cpp_string(a.get<std::string>()) + ">";
         }},
        {"flow", [](const json& a, const std::string&) -> std::string {
             if (a.value("op", std::string("add")) != "add") throw unsupported("flow " + a["op"].get<std::string>());
             std::string ft = a.at("flowtable").get<std::string>();
             if (!ft.empty() && ft[0] == '@') ft.erase(0, 1);
             return "flow_add<" + cpp_string(ft) + ">";
         }},
        {"notrack", [](const json&, const std::string&) { return std::string("notrack"); }},
        {"reject", [](const json& a, const std::string&) -> std::string {
             if (a.is_null()) return "reject";
             const std::string type = a.value("type", "");
             if (type == "tcp reset") return "reject(tcp_reset)";
             if ((type == "icmp" || type == "icmpv6" || type == "icmpx") && a.contains("expr") && a["expr"].is_string())
                 return "reject(" + type + "_code::" + enum_ident(a["expr"].get<std::string>()) + ")";
             throw unsupported("reject " + dump(a));
         }},
        {"masquerade", [](const json& a, const std::string&) { return nat_redirect_cpp("masquerade", a); }},
        {"redirect", [](const json& a, const std::string&) { return nat_redirect_cpp("redirect", a); }},
        {"snat", [](const json& a, const std::string& f) { return snat_dnat_cpp("snat", a, f); }},
        {"dnat", [](const json& a, const std::string& f) { return snat_dnat_cpp("dnat", a, f); }},
        {"mangle", [](const json& a, const std::string&) -> std::string {
             const std::string key = selector_key(a["key"]);
             if (key == "meta mark") return "meta.mark.set(" + mark_value_cpp(a["value"]) + ")";
             if (key == "ct mark") return "ct.mark.set(" + mark_value_cpp(a["value"]) + ")";
             if (a["key"].is_object() && a["key"].contains("tcp option") &&
                 a["key"]["tcp option"].value("name", "") == "maxseg") {
                 const json& v = a["value"];
                 if (v.is_object() && v.contains("rt") && v["rt"].value("key", "") == "mtu") return "tcp.maxseg.set(rt.mtu)";
                 if (v.is_number_integer()) return "tcp.maxseg.set(" + std::to_string(v.get<int>()) + ")";
             }
             // a header field (a payload statement): from a value of its datatype, or from another field
             const json& k = a["key"];
             if (k.is_object() && k.contains("payload")) {
                 const selector sel = left_selector(k);
                 const json& v = a["value"];
                 if (v.is_object() && v.contains("payload")) return sel.cpp + ".set(" + left_selector(v).cpp + ")";
                 std::string value = write_value(sel.k, v);
                 // a protocol is the typed constant here (l4proto::udp), not the udp object
                 if (sel.k == kind::l4proto && value.rfind("l4proto::", 0) != 0) value = "l4proto::" + value;
                 return sel.cpp + ".set(" + value + ")";
             }
             throw unsupported(construct_name(a["key"]) + " set");
         }},
        {"vmap", [](const json& a, const std::string&) -> std::string {
             const selector sel = left_selector(a["key"]);
             const json& data = a["data"];
             if (data.is_string() && data.get<std::string>().rfind('@', 0) == 0)
                 return "(" + sel.cpp + " >> vmap(" + named_ref(data) + "))";
             if (data.is_object() && data.contains("set")) {
                 std::string entries;
                 for (const auto& e : data["set"]) {
                     if (!e.is_array() || e.size() != 2) throw unsupported("the vmap entry " + dump(e));
                     entries += (entries.empty() ? "" : ", ") + std::string("on(") + write_element(sel, e[0], true) +
                                ", " + verdict_cpp(e[1]) + ")";
                 }
                 return "(" + sel.cpp + " >> vmap(" + entries + "))";
             }
             throw unsupported("vmap " + dump(data));
         }},
        {"limit", [](const json& a, const std::string&) -> std::string {
             for (const auto& [key, _] : a.items())
                 if (key != "rate" && key != "per" && key != "burst" && key != "inv") throw unsupported("limit with " + key);
             std::string out = "limit(";
             if (a.value("inv", false)) out += "over, ";
             out += std::to_string(a["rate"].get<std::uint64_t>()) + " / " + a.value("per", std::string("second"));
             if (a.contains("burst") && a["burst"].get<std::uint64_t>() != 0)
                 out += ", burst(" + std::to_string(a["burst"].get<std::uint64_t>()) + ")";
             return out + ")";
         }},
        {"ct helper", [](const json& a, const std::string&) { return "ct_helper_set<" + cpp_string(a.get<std::string>()) + ">"; }},
        {"match", [](const json& a, const std::string&) { return match_cpp(a); }},
    };
    return t;
}

inline std::string statement_cpp(const json& s, const std::string& table_family) {
    if (!s.is_object() || s.size() != 1) throw unsupported("the statement " + dump(s));
    const auto& t = statement_table();
    const auto it = t.find(s.begin().key());
    if (it == t.end()) throw unsupported(s.begin().key() + " statements");
    return it->second(s.begin().value(), table_family);
}

// One rule as C++: (matches && ...) >> statements >> verdict >> comment("...").
inline std::string rule_cpp(const json& rule, const std::string& table_family) {
    std::vector<std::string> matches, stmts, lacking;
    bool seen_statement = false;
    if (!rule.at("expr").is_array()) throw unsupported("a rule whose expr is not a list");
    for (const auto& s : rule.at("expr")) {
        const bool is_match = s.is_object() && s.contains("match");
        std::string c;
        try {
            c = statement_cpp(s, table_family);
        } catch (const unsupported& u) {
            lacking.push_back(u.what());
            continue;
        }
        if (is_match && !seen_statement) matches.push_back(std::move(c));
        else {
            if (is_match) {
                lacking.push_back("a match after a statement");
                continue;
            }
            seen_statement = true;
            stmts.push_back(std::move(c));
        }
    }
    if (!lacking.empty()) throw rule_unsupported(std::move(lacking));
    if (rule.contains("comment")) stmts.push_back("comment(" + cpp_string(rule["comment"].get<std::string>()) + ")");
    std::string out;
    if (!matches.empty()) {
        for (const auto& m : matches) out += (out.empty() ? "" : " && ") + m;
        if (!stmts.empty()) out = "(" + out + ")";
    }
    for (const auto& st : stmts) out += (out.empty() ? "" : " >> ") + st;
    if (out.empty()) throw rule_unsupported({"an empty rule"});
    return out;
}

// ---------------------------------------------------------------------------------------
// Declarations.
// ---------------------------------------------------------------------------------------

struct table_ctx {
    std::string family, name;
    std::vector<finding>* findings;
    void lacks(const std::string& chain, std::int64_t handle, const std::string& what, bool fatal = false) const {
        findings->push_back({family, name, chain, handle, what, fatal});
    }
};

inline std::string family_cpp(const std::string& f) {
    static const std::set<std::string> fams{"ip", "ip6", "inet", "arp", "bridge", "netdev"};
    if (!fams.count(f)) throw unsupported("the family " + f);
    return "family::" + f;
}

inline std::string key_type_cpp(const json& type, std::vector<kind>& kinds) {
    if (type.is_string()) {
        kinds.push_back(kind_of_type(type.get<std::string>()));
        return kind_type(kinds.back());
    }
    if (type.is_array()) {
        std::string out = "concat_key<";
        bool first = true;
        for (const auto& t : type) {
            kinds.push_back(kind_of_type(t.get<std::string>()));
            out += (first ? "" : ", ") + kind_type(kinds.back());
            first = false;
        }
        return out + ">";
    }
    throw unsupported("the key type " + dump(type));
}

inline std::string set_flags_cpp(const json& s, const table_ctx& t, const std::string& name) {
    std::string out;
    auto add = [&](const std::string& f) { out += (out.empty() ? "" : " | ") + f; };
    if (s.contains("flags")) {
        const json fl = s["flags"].is_array() ? s["flags"] : json::array({s["flags"]});
        for (const auto& f : fl) {
            const std::string x = f.get<std::string>();
            if (x == "interval" || x == "timeout" || x == "dynamic" || x == "constant") add("set_flag::" + x);
            else t.lacks(name, -1, "the set flag " + x);
        }
    }
    if (s.contains("timeout")) add("set_timeout(std::chrono::seconds(" + std::to_string(s["timeout"].get<std::int64_t>()) + "))");
    if (s.contains("size")) add("set_size(" + std::to_string(s["size"].get<std::int64_t>()) + ")");
    if (s.contains("auto-merge") && s["auto-merge"].get<bool>()) add("set_flag::auto_merge");
    if (s.contains("comment")) add("comment(" + cpp_string(s["comment"].get<std::string>()) + ")");
    return out;
}

inline void check_set_attributes(const json& s, const table_ctx& t, const std::string& name) {
    static const std::set<std::string> known{"family", "name", "table", "type", "handle", "flags", "elem",
                                             "timeout", "size", "map", "auto-merge", "comment"};
    for (const auto& [key, _] : s.items())
        if (!known.count(key)) t.lacks(name, -1, (key == "comment" ? "set and map comments" : "the set attribute " + key));
}

inline std::string set_cpp(const json& s, const table_ctx& t) {
    const std::string name = s.at("name").get<std::string>();
    check_set_attributes(s, t, name);
    std::vector<kind> kinds;
    const std::string key = key_type_cpp(s.at("type"), kinds);
    selector sel{"", kinds.size() > 1 ? kind::concat : kinds[0], kinds.size() > 1 ? kinds : std::vector<kind>{}};
    std::string elems;
    if (s.contains("elem"))
        for (const auto& e : s["elem"]) elems += (elems.empty() ? "" : ", ") + write_element(sel, e);
    std::string args = set_flags_cpp(s, t, name);
    if (!elems.empty()) args += (args.empty() ? "" : ", ") + std::string("{") + elems + "}";
    return "set<" + cpp_string(name) + ", " + key + ">(" + args + ")";
}

inline std::string map_cpp(const json& m, const table_ctx& t) {
    const std::string name = m.at("name").get<std::string>();
    check_set_attributes(m, t, name);
    std::vector<kind> kinds;
    const std::string key = key_type_cpp(m.at("type"), kinds);
    selector sel{"", kinds.size() > 1 ? kind::concat : kinds[0], kinds.size() > 1 ? kinds : std::vector<kind>{}};
    const std::string flags = set_flags_cpp(m, t, name);
    if (m.at("map") == "verdict") {
        std::string args = flags.empty() ? "" : flags;
        if (m.contains("elem")) {
            if (args.empty()) args = "set_flags{}";
            for (const auto& e : m["elem"]) {
                if (!e.is_array() || e.size() != 2) throw unsupported("the map entry " + dump(e));
                args += ", on(" + write_element(sel, e[0], true) + ", " + verdict_cpp(e[1]) + ")";
            }
        }
        return "verdict_map<" + cpp_string(name) + ", " + key + ">(" + args + ")";
    }
    std::vector<kind> vkinds;
    const std::string value = key_type_cpp(m["map"], vkinds);
    selector vsel{"", vkinds.size() > 1 ? kind::concat : vkinds[0], vkinds.size() > 1 ? vkinds : std::vector<kind>{}};
    std::string entries;
    if (m.contains("elem"))
        for (const auto& e : m["elem"])
            entries += (entries.empty() ? "" : ", ") + std::string("{") + write_element(sel, e[0]) + ", " +
                       write_element(vsel, e[1]) + "}";
    std::string args = flags;
    if (!entries.empty()) args += (args.empty() ? "" : ", ") + std::string("{") + entries + "}";
    return "data_map<" + cpp_string(name) + ", " + key + ", " + value + ">(" + args + ")";
}

inline std::string ct_helper_cpp(const json& h, const table_ctx& t) {
    const std::string name = h.at("name").get<std::string>();
    const auto& types = ct_helper_types();
    const auto it = types.find(h.at("type").get<std::string>());
    if (it == types.end()) throw unsupported("the ct helper type " + h.at("type").get<std::string>());
    const std::string proto = h.at("protocol").get<std::string>();
    if (proto != "tcp" && proto != "udp") throw unsupported("a ct helper for " + proto);
    if (h.contains("l3proto") && h["l3proto"] != t.family) t.lacks(name, -1, "a ct helper's l3proto");
    return "ct_helper<" + cpp_string(name) + ">(ct_helper_type::" + it->second + ", " + proto + ")";
}

// The amount of a named quota, in the largest unit that holds it exactly.
inline std::string byte_amount_cpp(std::uint64_t bytes) {
    if (bytes != 0 && bytes % (1u << 20) == 0) return "mbytes(" + std::to_string(bytes >> 20) + ")";
    if (bytes != 0 && bytes % (1u << 10) == 0) return "kbytes(" + std::to_string(bytes >> 10) + ")";
    return "bytes(" + std::to_string(bytes) + ")";
}

// Named counters and quotas (their counts are state, not declaration: left out).
inline std::string named_object_cpp(const std::string& what, const json& o, const table_ctx& t) {
    const std::string name = o.at("name").get<std::string>();
    static const std::set<std::string> common{"family", "table", "name", "handle", "comment"};
    for (const auto& [key, _] : o.items())
        if (!common.count(key) && !(what == "counter" && (key == "packets" || key == "bytes")) &&
            !(what == "quota" && (key == "bytes" || key == "used" || key == "inv")))
            t.lacks(name, -1, "the " + what + " attribute " + key);
    std::string args;
    if (what == "quota")
        args = std::string(o.value("inv", false) ? "over, " : "") + byte_amount_cpp(o.at("bytes").get<std::uint64_t>());
    if (o.contains("comment")) args += (args.empty() ? "" : ", ") + std::string("comment(") + cpp_string(o["comment"].get<std::string>()) + ")";
    return "named_" + what + "<" + cpp_string(name) + ">(" + args + ")";
}

// ct timeout and ct expectation objects; the layer-3 protocol must be the table's.
inline std::string ct_object_cpp(const std::string& what, const json& o, const table_ctx& t) {
    const std::string name = o.at("name").get<std::string>();
    if (o.contains("l3proto") && o["l3proto"] != t.family) t.lacks(name, -1, "a " + what + "'s l3proto");
    const std::string proto = o.at("protocol").get<std::string>();
    if (proto != "tcp" && proto != "udp") throw unsupported("a " + what + " for " + proto);
    if (what == "ct expectation")
        return "ct_expectation<" + cpp_string(name) + ">(" + proto + ", " + std::to_string(o.at("dport").get<int>()) +
               ", std::chrono::milliseconds(" + std::to_string(o.at("timeout").get<std::uint64_t>()) + "), " +
               std::to_string(o.at("size").get<int>()) + ")";
    // the states in nftpp's order (designated initializers follow the declaration), which is nft's
    const std::vector<std::string> order = proto == "tcp"
        ? std::vector<std::string>{"syn_sent", "syn_recv", "established", "fin_wait", "close_wait", "last_ack", "time_wait",
                                   "close", "syn_sent2", "retrans", "unack"}
        : std::vector<std::string>{"unreplied", "replied"};
    const json& policy = o.contains("policy") ? o["policy"] : json::object();
    for (const auto& [state, _] : policy.items())
        if (std::find(order.begin(), order.end(), state) == order.end()) throw unsupported("the " + proto + " timeout state " + state);
    std::string fields;
    for (const auto& state : order)
        if (policy.contains(state))
            fields += (fields.empty() ? "." : ", .") + state + " = std::chrono::seconds(" +
                      std::to_string(policy[state].get<std::uint64_t>()) + ")";
    return "ct_timeout<" + cpp_string(name) + ">(" + proto + "_timeouts{" + fields + "})";
}

// Flowtables: hook, priority and devices (nft 1.0.6's JSON carries no counter or flags).
inline std::string flowtable_cpp(const json& o, const table_ctx& t) {
    const std::string name = o.at("name").get<std::string>();
    static const std::set<std::string> known{"family", "table", "name", "handle", "hook", "prio", "dev"};
    for (const auto& [key, _] : o.items())
        if (!known.count(key)) t.lacks(name, -1, "the flowtable attribute " + key);
    if (o.value("hook", std::string("ingress")) != "ingress") throw unsupported("a flowtable on hook " + o["hook"].get<std::string>());
    std::vector<std::string> devices;
    if (o.contains("dev")) {
        if (o["dev"].is_string()) devices.push_back(o["dev"].get<std::string>());
        else
            for (const auto& d : o["dev"]) devices.push_back(d.get<std::string>());
    }
    std::string list;
    for (const auto& d : devices) list += (list.empty() ? "" : ", ") + cpp_string(d);
    const int prio = o.value("prio", 0);
    return "flowtable<" + cpp_string(name) + ">(" + (devices.empty() ? std::string("std::vector<ifname>{}") : "{" + list + "}") +
           (prio != 0 ? ", {.priority = " + std::to_string(prio) + "}" : std::string()) + ")";
}

inline std::string chain_spec_cpp(const json& c) {
    const std::string type = c.at("type").get<std::string>();
    if (type != "filter" && type != "nat" && type != "route") throw unsupported("chains of type " + type);
    static const std::set<std::string> hooks{"prerouting", "input", "forward", "output", "postrouting", "ingress", "egress"};
    const std::string hook = c.at("hook").get<std::string>();
    if (!hooks.count(hook)) throw unsupported("the hook " + hook);
    return type + "_chain(hook::" + hook + ", " + std::to_string(c.at("prio").get<int>()) + ")";
}

}  // namespace nft_import::detail

namespace nft_import {

// The rules of one chain, and the chain's own object.
struct chain_entry {
    json chain;
    std::vector<json> rules;
};

inline result import_ruleset(const json& doc, bool strict) {
    using namespace detail;
    result r;
    if (!doc.is_object() || !doc.contains("nftables") || !doc["nftables"].is_array()) {
        r.error = "the input is not the JSON of `nft -j list ruleset` (no \"nftables\" array)";
        return r;
    }
    struct table_entry {
        json table;
        std::vector<std::pair<std::string, json>> decls;  // in listing order: ("set"|"map"|"ct helper"|"chain", obj)
        std::map<std::string, chain_entry> chains;
    };
    std::vector<table_entry> tables;
    auto find_table = [&](const std::string& fam, const std::string& name) -> table_entry* {
        for (auto& t : tables)
            if (t.table.value("family", "") == fam && t.table.value("name", "") == name) return &t;
        return nullptr;
    };
    for (const auto& item : doc["nftables"]) {
        if (!item.is_object() || item.size() != 1) continue;
        const std::string what = item.begin().key();
        const json& o = item.begin().value();
        if (what == "metainfo") continue;
        if (what == "table") {
            tables.push_back({o, {}, {}});
            continue;
        }
        table_entry* t = find_table(o.value("family", ""), o.value("table", ""));
        if (!t) {
            r.error = "the listing has a " + what + " before its table";
            return r;
        }
        if (what == "chain") {
            t->decls.emplace_back("chain", o);
            t->chains[o.value("name", "")].chain = o;
        } else if (what == "rule") {
            ++r.rules;
            t->chains[o.value("chain", "")].rules.push_back(o);
        } else {
            t->decls.emplace_back(what, o);
        }
    }

    for (const auto& t : tables)
        for (const auto& [cname, ce] : t.chains)
            if (ce.chain.is_null()) {
                r.error = "the listing has rules in chain " + cname + " of table " + t.table.value("family", "") + " " +
                          t.table.value("name", "") + " but not the chain";
                return r;
            }
    std::string body;
    std::vector<std::string> fns;
    std::size_t index = 0;
    for (const auto& t : tables) {
        table_ctx ctx{t.table.value("family", ""), t.table.value("name", ""), &r.findings};
        std::vector<std::string> parts;
        try {
            for (const auto& [key, _] : t.table.items())
                if (key != "family" && key != "name" && key != "handle")
                    ctx.lacks("", -1, key == "comment" ? "table comments" : "the table attribute " + key);
            for (const auto& [what, o] : t.decls) {
                const std::string oname = o.value("name", "");
                try {
                    if (what == "set") parts.push_back(set_cpp(o, ctx));
                    else if (what == "map") parts.push_back(map_cpp(o, ctx));
                    else if (what == "ct helper") parts.push_back(ct_helper_cpp(o, ctx));
                    else if (what == "counter" || what == "quota") parts.push_back(named_object_cpp(what, o, ctx));
                    else if (what == "ct timeout" || what == "ct expectation") parts.push_back(ct_object_cpp(what, o, ctx));
                    else if (what == "flowtable") parts.push_back(flowtable_cpp(o, ctx));
                    else if (what == "chain") {
                        const chain_entry& ce = t.chains.at(oname);
                        for (const auto& [key, _] : o.items()) {
                            static const std::set<std::string> known{"family", "table", "name", "handle", "type",
                                                                     "hook", "prio", "policy", "dev"};
                            if (!known.count(key)) ctx.lacks(oname, -1, key == "comment" ? "chain comments" : "the chain attribute " + key);
                        }
                        std::vector<std::string> rules;
                        const bool base = o.contains("hook");
                        if (base && o.value("policy", "accept") != "accept") rules.push_back("policy::" + o["policy"].get<std::string>());
                        else if (base) rules.push_back("policy::accept");
                        if (base && o.contains("dev")) {
                            if (!o["dev"].is_string()) throw unsupported("a base chain on several devices");
                            rules.push_back("device(" + cpp_string(o["dev"].get<std::string>()) + ")");
                        }
                        for (const auto& rule : ce.rules) {
                            try {
                                rules.push_back(rule_cpp(rule, ctx.family));
                            } catch (const rule_unsupported& u) {
                                for (const auto& w : u.what_all) ctx.lacks(oname, rule.value("handle", std::int64_t{-1}), w);
                                std::string text;
                                try {
                                    text = text_rule(rule);
                                } catch (const unrenderable& x) {
                                    throw unsupported(std::string("a rule whose ") + x.what() + " cannot even be written as text");
                                }
                                ++r.unchecked_rules;
                                rules.push_back("unchecked(" + cpp_string(text) + ")");
                            }
                        }
                        std::string c = base ? "base_chain<" + cpp_string(oname) + ", " + chain_spec_cpp(o) + ">("
                                             : "chain<" + cpp_string(oname) + ">(";
                        for (std::size_t i = 0; i < rules.size(); ++i) c += (i ? ",\n            " : "\n            ") + rules[i];
                        parts.push_back(c + ")");
                    } else {
                        ctx.lacks(oname, -1, what + " objects", true);
                    }
                } catch (const unsupported& u) {
                    ctx.lacks(oname, -1, u.what(), true);
                }
            }
            std::string fn = "auto table_" + std::to_string(index) + "() {\n    return table<" + family_cpp(ctx.family) +
                             ">(" + cpp_string(ctx.name);
            for (const auto& p : parts) fn += ",\n        " + p;
            fn += ");\n}\n";
            fns.push_back(std::move(fn));
        } catch (const unsupported& u) {
            ctx.lacks("", -1, u.what(), true);
        }
        ++index;
    }
    // A finding that could not be routed through unchecked (a declaration) leaves the table
    // incomplete: allowed only when not strict, and listed.
    if (strict && !r.findings.empty()) return r;
    for (const auto& f : r.findings)
        if (f.fatal) return r;  // no program: see finding::fatal
    std::string program =
        "// Generated by nft_import from `nft -j list ruleset`: the same ruleset, built with nftpp.\n"
        "// It prints the rendered script; load it with `nft -f`.\n"
        "#include <chrono>\n#include <cstdint>\n#include <cstdio>\n#include <string>\n#include <vector>\n\n#include <nftpp/nftpp.hpp>\n\n"
        "using namespace nftpp;\n\nnamespace {\n\n";
    for (const auto& f : fns) program += f + "\n";
    program += "}  // namespace\n\nint main() {\n    const std::string text = render_text(ruleset(";
    for (std::size_t i = 0; i < fns.size(); ++i) program += (i ? ", " : "") + std::string("replace(table_") + std::to_string(i) + "())";
    program += "));\n    std::fputs(text.c_str(), stdout);\n}\n";
    if (fns.empty()) program = "";
    r.program = std::move(program);
    return r;
}

// One line per finding, as nft_import prints them.
inline std::string describe(const finding& f) {
    std::string where = "table " + f.family + " " + f.table;
    if (!f.chain.empty()) where += (f.handle >= 0 ? ", chain " : ", ") + f.chain;
    if (f.handle >= 0) where += ", rule handle " + std::to_string(f.handle);
    return where + ": " + f.construct;
}

}  // namespace nft_import
