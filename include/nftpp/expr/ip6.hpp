// SPDX-License-Identifier: Apache-2.0
#pragma once
// ip6: IPv6 header fields. `ip6.daddr == "fd00::/64"`, `ip6.nexthdr == tcp`,
// `ip6.dscp == dscp_class::ef`, `ip6.flowlabel == 1234`, `ip6.version == 6`.
// Any ip6 match pins the rule to IPv6.
#include <string_view>

#include <nftpp/expr/payload.hpp>

namespace nftpp {

inline constexpr part_facts ip6_facts{.l3 = layer3::ip6};

struct ip6_saddr_t : payload_t<ip6_saddr_t, ipv6_addr> {
    static constexpr std::string_view keyword = "ip6 saddr";
    static constexpr part_facts facts = ip6_facts;
};
struct ip6_daddr_t : payload_t<ip6_daddr_t, ipv6_addr> {
    static constexpr std::string_view keyword = "ip6 daddr";
    static constexpr part_facts facts = ip6_facts;
};
struct ip6_nexthdr_t : payload_t<ip6_nexthdr_t, l4proto>, accepts_l4_objects<ip6_nexthdr_t> {
    static constexpr std::string_view keyword = "ip6 nexthdr";
    static constexpr part_facts facts = ip6_facts;
};
template <class X>
inline constexpr bool extra_operand_v<ip6_nexthdr_t, X> = L4ProtocolObject<X>;

struct ip6_hoplimit_t : payload_t<ip6_hoplimit_t, ttl> {
    static constexpr std::string_view keyword = "ip6 hoplimit";
    static constexpr part_facts facts = ip6_facts;
};

struct ip6_version_t : payload_t<ip6_version_t, ip_version> {
    static constexpr std::string_view keyword = "ip6 version";
    static constexpr part_facts facts = ip6_facts;
};

struct ip6_dscp_t : payload_t<ip6_dscp_t, dscp> {
    static constexpr std::string_view keyword = "ip6 dscp";
    static constexpr part_facts facts = ip6_facts;
};
struct ip6_flowlabel_t : payload_t<ip6_flowlabel_t, flowlabel> {
    static constexpr std::string_view keyword = "ip6 flowlabel";
    static constexpr part_facts facts = ip6_facts;
};

struct ip6_t {
    static constexpr layer3 protocol_layer3 = layer3::ip6;
    ip6_saddr_t saddr;
    ip6_daddr_t daddr;
    ip6_nexthdr_t nexthdr;
    ip6_hoplimit_t hoplimit;
    ip6_dscp_t dscp;
    ip6_version_t version;
    ip6_flowlabel_t flowlabel;
};
inline constexpr ip6_t ip6{};

}  // namespace nftpp
