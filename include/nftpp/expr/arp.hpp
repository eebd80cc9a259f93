// SPDX-License-Identifier: Apache-2.0
#pragma once
// arp: ARP header fields.
//   arp.saddr.ip == "10.0.0.5"            arp saddr ip 10.0.0.5
//   arp.daddr.ether == "00:16:3e:00:00:01" arp daddr ether 00:16:3e:00:00:01
//   arp.operation == arp_ops::request     arp operation request
// nft knows them in arp, bridge and netdev tables, and refuses them in ip, ip6 and inet
// ("conflicting protocols specified: inet vs. arp"); in bridge and netdev it adds the
// dependency `ether type arp` itself. They pin the rule to ARP: no ip or ip6 match beside
// them.
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/expr/payload.hpp>

namespace nftpp {

NFTPP_CHECK(arp_fields_only_in_arp_bridge_netdev,
    "arp header fields (arp.saddr.ip ...) exist in arp, bridge and netdev tables (nft: conflicting protocols specified: inet vs. arp): "
    "match them there, or use the table's own family")

inline constexpr part_facts arp_facts{
    .l3 = layer3::arp,
    .where = {.families = bit(family::arp) | bit(family::bridge) | bit(family::netdev),
              .family_rule = &rules::arp_fields_only_in_arp_bridge_netdev}};

struct arp_saddr_ip_t : payload_t<arp_saddr_ip_t, ipv4_addr> {
    static constexpr std::string_view keyword = "arp saddr ip";
    static constexpr part_facts facts = arp_facts;
};
struct arp_daddr_ip_t : payload_t<arp_daddr_ip_t, ipv4_addr> {
    static constexpr std::string_view keyword = "arp daddr ip";
    static constexpr part_facts facts = arp_facts;
};
struct arp_saddr_ether_t : payload_t<arp_saddr_ether_t, ether_addr> {
    static constexpr std::string_view keyword = "arp saddr ether";
    static constexpr part_facts facts = arp_facts;
};
struct arp_daddr_ether_t : payload_t<arp_daddr_ether_t, ether_addr> {
    static constexpr std::string_view keyword = "arp daddr ether";
    static constexpr part_facts facts = arp_facts;
};
struct arp_operation_t : payload_t<arp_operation_t, arp_op> {
    static constexpr std::string_view keyword = "arp operation";
    static constexpr part_facts facts = arp_facts;
};

struct arp_saddr_t {
    arp_saddr_ip_t ip;
    arp_saddr_ether_t ether;
};
struct arp_daddr_t {
    arp_daddr_ip_t ip;
    arp_daddr_ether_t ether;
};
struct arp_t {
    arp_saddr_t saddr;
    arp_daddr_t daddr;
    arp_operation_t operation;
};
inline constexpr arp_t arp{};

}  // namespace nftpp
