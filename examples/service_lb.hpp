// SPDX-License-Identifier: Apache-2.0
#pragma once
// The logic of examples/service_lb.cpp, a Kubernetes-style service proxy, in functions the
// tests call directly: the services file parsed and checked, and the table built from it.
//
// The ruleset, one `nat` table of family inet:
//   map services_v4 { type ipv4_addr . inet_proto . inet_service : verdict }   VIP . protocol . port
//   map services_v6 { type ipv6_addr . inet_proto . inet_service : verdict }   -> goto svc_<name>
//   chain prerouting (nat, dstnat)   ip daddr . meta l4proto . th dport vmap @services_v4 (and v6)
//   chain output     (nat, dstnat)   the same, for connections made on the host itself
//   chain svc_<name>                 meta l4proto tcp dnat ip to numgen random mod N map
//                                        { 0 : ADDR . PORT, 1 : ADDR . PORT, ... }
//                                    or, with no endpoints, reject
// One chain per service, named from data, so the table is built at run time and checked
// before anything is rendered. (A chain per endpoint, jumped to from a numgen vmap, works
// too, but the kernel's cost grows with the square of the chains: 40 000 chains take
// 80 s to load where 10 000 take a few.) An update between two files changes only what
// differs (nftpp::update): an endpoint change refills its service's chain.
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <nftpp/nftpp.hpp>

namespace service_lb {

using namespace nftpp;

// Bad input: one sentence naming the service and the field.
class input_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct endpoint {
    bool v6 = false;
    ipv4_addr addr4 = "0.0.0.0";
    ipv6_addr addr6 = "::";
    port dport = 0;
};

struct service {
    std::string name;
    bool v6 = false;
    ipv4_addr vip4 = "0.0.0.0";
    ipv6_addr vip6 = "::";
    l4proto protocol = l4proto::tcp;
    port dport = 0;
    std::vector<endpoint> endpoints;
};

struct config {
    std::string table;
    std::vector<service> services;
};

namespace detail {

[[noreturn]] inline void fail(const std::string& where, std::string_view field, const std::string& why) {
    throw input_error(where + ", field \"" + std::string(field) + "\": " + why);
}

inline std::string service_label(std::size_t i, const std::string& name) {
    return name.empty() ? "service #" + std::to_string(i) : "service \"" + name + "\"";
}

inline const nlohmann::json& field(const nlohmann::json& obj, std::string_view key, const std::string& where,
                                   nlohmann::json::value_t type) {
    auto it = obj.find(std::string(key));
    if (it == obj.end()) fail(where, key, "missing");
    const bool ok = type == nlohmann::json::value_t::number_unsigned ? it->is_number_integer() : it->type() == type;
    if (!ok) fail(where, key, std::string("must be ") + (type == nlohmann::json::value_t::string ? "a string"
                                                          : type == nlohmann::json::value_t::array ? "an array"
                                                                                                    : "a whole number"));
    return *it;
}

inline void only_fields(const nlohmann::json& obj, std::initializer_list<std::string_view> known, const std::string& where) {
    for (const auto& [k, v] : obj.items()) {
        bool found = false;
        for (auto n : known) found = found || k == n;
        if (!found) fail(where, k, "unknown field (known: " + [&] {
            std::string s;
            for (auto n : known) (s += s.empty() ? "" : ", ") += n;
            return s;
        }() + ")");
    }
}

inline port service_port(const nlohmann::json& v, const std::string& where, std::string_view key) {
    if (!v.is_number_integer()) fail(where, key, "must be a whole number");
    const auto n = v.get<std::int64_t>();
    if (n < 1 || n > 65535) fail(where, key, std::to_string(n) + " is not a port: a port is a number from 1 to 65535");
    return *port::from(n);
}

// An address of either family; v6 tells which.
inline void parse_address(const std::string& text, const std::string& where, std::string_view key, bool& v6,
                          ipv4_addr& a4, ipv6_addr& a6) {
    if (auto a = ipv4_addr::parse(text)) {
        v6 = false;
        a4 = *a;
    } else if (auto b = ipv6_addr::parse(text)) {
        v6 = true;
        a6 = *b;
    } else {
        fail(where, key, "\"" + text + "\" is neither an IPv4 nor an IPv6 address (" + std::string(a.sentence()) + ")");
    }
}

}  // namespace detail

// The services file, checked: every error names the service and the field.
inline config parse_config(std::string_view text) {
    using detail::fail;
    using vt = nlohmann::json::value_t;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw input_error(std::string("the file is not JSON: ") + e.what());
    }
    if (!j.is_object()) throw input_error("the file must hold one JSON object with \"table\" and \"services\"");
    detail::only_fields(j, {"table", "services"}, "the file");
    config c;
    c.table = detail::field(j, "table", "the file", vt::string).get<std::string>();
    if (error e = check_name(c.table); e.broken) fail("the file", "table", "\"" + c.table + "\": " + std::string(e.sentence()));
    const auto& services = detail::field(j, "services", "the file", vt::array);
    std::set<std::string> names;
    std::set<std::string> frontends;  // "vip/protocol/port"
    for (std::size_t i = 0; i < services.size(); ++i) {
        const auto& s = services[i];
        std::string where = detail::service_label(i, s.is_object() && s.contains("name") && s["name"].is_string() ? s["name"].get<std::string>() : "");
        if (!s.is_object()) throw input_error(where + ": must be an object");
        detail::only_fields(s, {"name", "vip", "port", "protocol", "endpoints"}, where);
        service out;
        out.name = detail::field(s, "name", where, vt::string).get<std::string>();
        if (error e = check_name(out.name); e.broken) fail(where, "name", std::string(e.sentence()));
        if (out.name.size() > 240) fail(where, "name", "a service name is at most 240 bytes (its chains are named after it)");
        if (!names.insert(out.name).second) fail(where, "name", "two services have this name: rename one");
        const std::string vip = detail::field(s, "vip", where, vt::string).get<std::string>();
        detail::parse_address(vip, where, "vip", out.v6, out.vip4, out.vip6);
        out.dport = detail::service_port(detail::field(s, "port", where, vt::number_unsigned), where, "port");
        const std::string proto = detail::field(s, "protocol", where, vt::string).get<std::string>();
        if (proto == "tcp") out.protocol = l4proto::tcp;
        else if (proto == "udp") out.protocol = l4proto::udp;
        else fail(where, "protocol", "\"" + proto + "\" is not tcp or udp");
        // The same address, protocol and port twice would be one key with two verdicts. (tcp
        // and udp on one port, as DNS has, are two services.)
        const std::string frontend = (out.v6 ? to_nft_text(out.vip6) : to_nft_text(out.vip4)) + "/" + proto + "/" + std::to_string(out.dport.number);
        if (!frontends.insert(frontend).second)
            fail(where, "vip", "another service has the address " + vip + " with " + proto + " port " + std::to_string(out.dport.number) + ": give each its own");
        if (s.contains("endpoints")) {
            const auto& eps = detail::field(s, "endpoints", where, vt::array);
            for (std::size_t k = 0; k < eps.size(); ++k) {
                const std::string ew = where + ", endpoint #" + std::to_string(k);
                if (!eps[k].is_object()) throw input_error(ew + ": must be an object");
                detail::only_fields(eps[k], {"addr", "port"}, ew);
                endpoint ep;
                detail::parse_address(detail::field(eps[k], "addr", ew, vt::string).get<std::string>(), ew, "addr", ep.v6, ep.addr4, ep.addr6);
                if (ep.v6 != out.v6) fail(ew, "addr", std::string("the endpoint is ") + (ep.v6 ? "IPv6" : "IPv4") + " and the service's vip is not: give both one family");
                ep.dport = detail::service_port(detail::field(eps[k], "port", ew, vt::number_unsigned), ew, "port");
                out.endpoints.push_back(ep);
            }
        }
        c.services.push_back(std::move(out));
    }
    return c;
}

inline std::string service_chain(const service& s) { return "svc_" + s.name; }

using key4 = concat_key<ipv4_addr, l4proto, port>;
using key6 = concat_key<ipv6_addr, l4proto, port>;

// The table for these services.
inline runtime_table build_table(const config& c) {
    constexpr auto dstnat_pre = nat_chain(hook::prerouting, prio::dstnat);
    constexpr auto dstnat_out = nat_chain(hook::output, prio::dstnat);
    auto dispatch = [] {
        return std::pair(concat(ip.daddr, meta.l4proto, th.dport) >> vmap(at_named("services_v4")),
                         concat(ip6.daddr, meta.l4proto, th.dport) >> vmap(at_named("services_v6")));
    };
    auto t = table(family::inet, c.table);
    auto [pre4, pre6] = dispatch();
    auto [out4, out6] = dispatch();
    t.add(base_chain("prerouting", dstnat_pre, pre4, pre6));
    t.add(base_chain("output", dstnat_out, out4, out6));
    std::vector<std::pair<key4, runtime_verdict>> v4;
    std::vector<std::pair<key6, runtime_verdict>> v6;
    for (const auto& s : c.services) {
        if (s.v6) v6.emplace_back(key6{s.vip6, s.protocol, s.dport}, go_to(service_chain(s)));
        else v4.emplace_back(key4{s.vip4, s.protocol, s.dport}, go_to(service_chain(s)));
        if (s.endpoints.empty()) {
            t.add(chain(service_chain(s), reject));  // nothing serves it: refuse at once
            continue;
        }
        // numgen random mod N picks the endpoint from an anonymous NAT map; the protocol
        // stands before the port, as nft needs for a port in dnat
        const std::size_t n = s.endpoints.size();
        auto pick = [&](const auto& proto) {
            if (s.v6) {
                std::vector<std::pair<std::uint32_t, concat_key<ipv6_addr, port>>> to;
                for (std::uint32_t i = 0; i < n; ++i) to.emplace_back(i, concat_key<ipv6_addr, port>{s.endpoints[i].addr6, s.endpoints[i].dport});
                return chain(service_chain(s), meta.l4proto == proto >> dnat(ip6, numgen.random.mod(n), to));
            }
            std::vector<std::pair<std::uint32_t, concat_key<ipv4_addr, port>>> to;
            for (std::uint32_t i = 0; i < n; ++i) to.emplace_back(i, concat_key<ipv4_addr, port>{s.endpoints[i].addr4, s.endpoints[i].dport});
            return chain(service_chain(s), meta.l4proto == proto >> dnat(ip, numgen.random.mod(n), to));
        };
        t.add(s.protocol == l4proto::tcp ? pick(tcp) : pick(udp));
    }
    t.add(verdict_map<key4>("services_v4", set_flags{}, v4));
    t.add(verdict_map<key6>("services_v6", set_flags{}, v6));
    return t;
}

}  // namespace service_lb
