// SPDX-License-Identifier: Apache-2.0
#pragma once
// ip: IPv4 header fields. `ip.saddr == "10.0.0.0/8"`, `ip.protocol == tcp`,
// `ip.dscp == dscp_class::ef`, `ip.version == 4`, `ip.checksum == 0`. Each field can also
// be written: `ip.ttl.set(64)` (expr/payload.hpp).
// Any ip match pins the rule to IPv4: it cannot appear in an ip6 or arp table, nor
// beside an ip6 match in an inet rule.
#include <string_view>

#include <nftpp/expr/payload.hpp>

namespace nftpp {

inline constexpr part_facts ip_facts{.l3 = layer3::ip};

struct ip_saddr_t : payload_t<ip_saddr_t, ipv4_addr> {
    static constexpr std::string_view keyword = "ip saddr";
    static constexpr part_facts facts = ip_facts;
};
struct ip_daddr_t : payload_t<ip_daddr_t, ipv4_addr> {
    static constexpr std::string_view keyword = "ip daddr";
    static constexpr part_facts facts = ip_facts;
};
struct ip_protocol_t : payload_t<ip_protocol_t, l4proto>, accepts_l4_objects<ip_protocol_t> {
    static constexpr std::string_view keyword = "ip protocol";
    static constexpr part_facts facts = ip_facts;
};
template <class X>
inline constexpr bool extra_operand_v<ip_protocol_t, X> = L4ProtocolObject<X>;

struct ip_ttl_t : payload_t<ip_ttl_t, ttl> {
    static constexpr std::string_view keyword = "ip ttl";
    static constexpr part_facts facts = ip_facts;
};

struct ip_version_t : payload_t<ip_version_t, ip_version> {
    static constexpr std::string_view keyword = "ip version";
    static constexpr part_facts facts = ip_facts;
};

struct ip_dscp_t : payload_t<ip_dscp_t, dscp> {
    static constexpr std::string_view keyword = "ip dscp";
    static constexpr part_facts facts = ip_facts;
};

struct ip_checksum_t : payload_t<ip_checksum_t, checksum> {
    static constexpr std::string_view keyword = "ip checksum";
    static constexpr part_facts facts = ip_facts;
};

struct ip_t {
    static constexpr layer3 protocol_layer3 = layer3::ip;
    ip_saddr_t saddr;
    ip_daddr_t daddr;
    ip_protocol_t protocol;
    ip_ttl_t ttl;
    ip_dscp_t dscp;
    ip_version_t version;
    ip_checksum_t checksum;
};
inline constexpr ip_t ip{};

}  // namespace nftpp
