// SPDX-License-Identifier: Apache-2.0
#pragma once
// The six nftables address families. A table's family is a template argument, so every
// family rule (no ip6 match in an ip table, NAT only in ip/ip6/inet, ...) is static.
#include <cstdint>
#include <string_view>

namespace nftpp {

enum class family { ip, ip6, inet, arp, bridge, netdev };

[[nodiscard]] constexpr std::string_view keyword(family f) noexcept {
    switch (f) {
        case family::ip: return "ip";
        case family::ip6: return "ip6";
        case family::inet: return "inet";
        case family::arp: return "arp";
        case family::bridge: return "bridge";
        case family::netdev: return "netdev";
    }
    return "?";
}

// Sets of families, one bit each, as nodes declare where they may stand.
[[nodiscard]] constexpr std::uint8_t bit(family f) noexcept { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(f)); }
inline constexpr std::uint8_t all_families = 0x3f;
inline constexpr std::uint8_t ip_families = 0x07;  // ip, ip6, inet: the families with conntrack and NAT

}  // namespace nftpp
