// SPDX-License-Identifier: Apache-2.0
#pragma once
// ether and vlan: link-layer header fields.
//   ether.saddr == "00:11:22:33:44:55"     ether saddr 00:11:22:33:44:55
//   ether.daddr, ether.type == ether_types::ip6
//   vlan.id == 10                          vlan id 10 (nft adds `ether type 8021q`)
//   vlan.type == ether_types::ip           the protocol inside the vlan tag
// nft 1.0.6 and the kernel load these matches in every family and hook (checked in each
// of ip, ip6, inet, arp, bridge and netdev, every hook): they pin nothing. Outside bridge
// and netdev, nft prefixes them with `meta iiftype ether`, so they hold only for packets
// that came in on an Ethernet interface: never for locally generated ones (output,
// postrouting) nor for those from loopback (measured: 0 of 3 such packets matched).
#include <string_view>

#include <nftpp/expr/payload.hpp>

namespace nftpp {

struct ether_saddr_t : payload_t<ether_saddr_t, ether_addr> {
    static constexpr std::string_view keyword = "ether saddr";
    static constexpr part_facts facts{};
};
struct ether_daddr_t : payload_t<ether_daddr_t, ether_addr> {
    static constexpr std::string_view keyword = "ether daddr";
    static constexpr part_facts facts{};
};
struct ether_type_t : payload_t<ether_type_t, ether_type> {
    static constexpr std::string_view keyword = "ether type";
    static constexpr part_facts facts{};
};
struct ether_t {
    ether_saddr_t saddr;
    ether_daddr_t daddr;
    ether_type_t type;
};
inline constexpr ether_t ether{};

struct vlan_id_t : payload_t<vlan_id_t, vlan_id> {
    static constexpr std::string_view keyword = "vlan id";
    static constexpr part_facts facts{};
};
struct vlan_type_t : payload_t<vlan_type_t, ether_type> {
    static constexpr std::string_view keyword = "vlan type";
    static constexpr part_facts facts{};
};
struct vlan_t {
    vlan_id_t id;
    vlan_type_t type;
};
inline constexpr vlan_t vlan{};

}  // namespace nftpp
