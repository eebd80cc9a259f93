// SPDX-License-Identifier: Apache-2.0
#pragma once
// ct: connection tracking. `ct.state == (established | related)`,
// `ct.status == ct_status::dnat`, `ct.mark == 0x1`, `ct.mark.set(0x1)`,
// `ct.direction == ct_direction::original`, `ct.helper == ct_helper_type::ftp` (the kernel
// helper assigned to the connection), and the addresses of either direction of the
// connection as conntrack keeps them: `ct.original.ip.daddr == "10.0.0.1"` (the address the
// first packet was sent to, before any DNAT), `ct.reply.ip6.saddr`. Every ct match needs
// conntrack, which only the ip, ip6 and inet families have; an address of one IP family
// pins the rule to it, as `ip.daddr` does.
#include <cstdint>
#include <string_view>

#include <nftpp/expr/selector.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/expr/mark_setter.hpp>

namespace nftpp {

NFTPP_FEATURE(conntrack, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tct state established,related accept\n\t}\n}\n")
NFTPP_CHECK(conntrack_in_ip_ip6_inet,
    "ct matches and ct.mark.set(...) need connection tracking, which only ip, ip6 and inet tables have")

// Every ct match (and ct mark set) needs conntrack: the ip families, and the kernel feature.
inline constexpr part_facts ct_facts{
    .where = {.families = ip_families, .family_rule = &rules::conntrack_in_ip_ip6_inet}, .feature = &feature::conntrack};

struct ct_state_t : selector_t<ct_state_t, ct_state> {
    static constexpr std::string_view keyword = "ct state";
    static constexpr part_facts facts = ct_facts;
};
struct ct_status_t : selector_t<ct_status_t, ct_status> {
    static constexpr std::string_view keyword = "ct status";
    static constexpr part_facts facts = ct_facts;
};
struct ct_mark_t : selector_t<ct_mark_t, mark>, mark_setter<true> {
    static constexpr std::string_view keyword = "ct mark";
    static constexpr part_facts facts = ct_facts;
};
struct ct_direction_t : selector_t<ct_direction_t, ct_direction> {
    static constexpr std::string_view keyword = "ct direction";
    static constexpr part_facts facts = ct_facts;
};
// The kernel helper assigned to the connection: `ct.helper == ct_helper_type::tftp`.
struct ct_helper_match_t : selector_t<ct_helper_match_t, ct_helper_name> {
    static constexpr std::string_view keyword = "ct helper";
    static constexpr part_facts facts = ct_facts;
};

// ct original|reply ip|ip6 saddr|daddr
enum class ct_side : std::uint8_t { original, reply };

namespace detail {
template <ct_side D, class Addr, bool Source>
consteval std::string_view ct_addr_keyword() {
    constexpr bool v4 = std::is_same_v<Addr, ipv4_addr>;
    if constexpr (D == ct_side::original) {
        if constexpr (v4) return Source ? "ct original ip saddr" : "ct original ip daddr";
        else return Source ? "ct original ip6 saddr" : "ct original ip6 daddr";
    } else {
        if constexpr (v4) return Source ? "ct reply ip saddr" : "ct reply ip daddr";
        else return Source ? "ct reply ip6 saddr" : "ct reply ip6 daddr";
    }
}
}  // namespace detail

template <ct_side D, class Addr, bool Source>
struct ct_addr_t : selector_t<ct_addr_t<D, Addr, Source>, Addr> {
    static constexpr std::string_view keyword = detail::ct_addr_keyword<D, Addr, Source>();
    static constexpr part_facts facts{.l3 = std::is_same_v<Addr, ipv4_addr> ? layer3::ip : layer3::ip6,
                                      .where = ct_facts.where,
                                      .feature = ct_facts.feature};
};
template <ct_side D, class Addr>
struct ct_addrs_t {
    ct_addr_t<D, Addr, true> saddr;
    ct_addr_t<D, Addr, false> daddr;
};
template <ct_side D>
struct ct_side_t {
    ct_addrs_t<D, ipv4_addr> ip;
    ct_addrs_t<D, ipv6_addr> ip6;
};

struct ct_t {
    ct_state_t state;
    ct_status_t status;
    ct_mark_t mark;
    ct_direction_t direction;
    ct_helper_match_t helper;
    ct_side_t<ct_side::original> original;
    ct_side_t<ct_side::reply> reply;
};
inline constexpr ct_t ct{};

}  // namespace nftpp
