// SPDX-License-Identifier: Apache-2.0
#pragma once
// Chain types and hooks: where in the kernel's packet path a base chain runs. They are
// core vocabulary because nodes declare where they may stand (a NAT statement names its
// chain type and hooks) and the checker compares that with the base chains reaching them.
#include <cstdint>
#include <string_view>

namespace nftpp {

enum class chain_type : std::uint8_t { filter, nat, route };
enum class hook : std::uint8_t { prerouting, input, forward, output, postrouting, ingress, egress };

[[nodiscard]] constexpr std::string_view keyword(chain_type t) noexcept {
    switch (t) {
        case chain_type::filter: return "filter";
        case chain_type::nat: return "nat";
        case chain_type::route: return "route";
    }
    return "?";
}
[[nodiscard]] constexpr std::string_view keyword(hook h) noexcept {
    switch (h) {
        case hook::prerouting: return "prerouting";
        case hook::input: return "input";
        case hook::forward: return "forward";
        case hook::output: return "output";
        case hook::postrouting: return "postrouting";
        case hook::ingress: return "ingress";
        case hook::egress: return "egress";
    }
    return "?";
}

// Sets of chain types and of hooks, one bit each, as nodes declare them. The kernel numbers
// hooks per family and checks some expressions against one family's ingress but not
// another's (meta secpath: netdev ingress yes, inet ingress no), so the ingress hook of an
// inet table has a bit of its own, `inet_ingress_bit`; `bit(hook::ingress)` is a netdev
// table's.
[[nodiscard]] constexpr std::uint8_t bit(chain_type t) noexcept { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(t)); }
[[nodiscard]] constexpr std::uint8_t bit(hook h) noexcept { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(h)); }
inline constexpr std::uint8_t inet_ingress_bit = 0x80;
inline constexpr std::uint8_t all_chain_types = 0x07;
inline constexpr std::uint8_t all_hooks = 0xff;

}  // namespace nftpp
