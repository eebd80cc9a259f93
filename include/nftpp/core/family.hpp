#pragma once
// The six nftables address families. A table's family is a template argument, so every
// family rule (no ip6 match in an ip table, NAT only in ip/ip6/inet, ...) is static.
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

}  // namespace nftpp
