// SPDX-License-Identifier: Apache-2.0
#pragma once
// rt: what the routing decision gave the packet. `rt.mtu`, the path MTU less the network
// and tcp headers (nft's `rt mtu`), as the size `tcp.maxseg.set(rt.mtu)` clamps to. It is
// known only once the packet is routed: the forward, output and postrouting hooks, in ip,
// ip6 and inet tables (the kernel refuses it elsewhere at commit).
#include <cstdint>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

NFTPP_CHECK(rt_mtu_only_after_routing,
    "rt.mtu is known only after routing: use it on the forward, output or postrouting hook (the kernel refuses it elsewhere at commit), also when reached through a jump, or set a fixed size such as tcp.maxseg.set(1400)")
NFTPP_CHECK(rt_mtu_only_in_ip_ip6_inet,
    "rt.mtu exists only in ip, ip6 and inet tables: move the rule to one of those, or set a fixed size such as tcp.maxseg.set(1400)")

struct rt_mtu_t {
    static constexpr std::string_view keyword = "rt mtu";
    static constexpr part_facts facts{
        .where = {.families = ip_families,
                  .family_rule = &rules::rt_mtu_only_in_ip_ip6_inet,
                  .hooks = static_cast<std::uint8_t>(bit(hook::forward) | bit(hook::output) | bit(hook::postrouting)),
                  .hook_rule = &rules::rt_mtu_only_after_routing}};

    template <Sink S>
    friend constexpr void write_nft(S& out, const rt_mtu_t&) {
        out.put(keyword);
    }
};

struct rt_t {
    rt_mtu_t mtu;
};
inline constexpr rt_t rt{};

}  // namespace nftpp
