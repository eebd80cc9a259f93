// SPDX-License-Identifier: Apache-2.0
#pragma once
// tproxy: hand the packet to a local socket without changing its destination (transparent
// proxying). Valid where the kernel allows it, which this header declares as the node's
// own facts and rules (nothing central knows tproxy):
//   tproxy(8080)                           tproxy to :8080
//   tproxy(ip, "127.0.0.1", 8080)          tproxy ip to 127.0.0.1:8080
//   tproxy(ip6, "::1", 8080)               tproxy ip6 to [::1]:8080
//   tproxy(ip, "127.0.0.1")                tproxy ip to 127.0.0.1
// Only on the prerouting hook (any chain type), only in ip, ip6 and inet tables, after a
// tcp or udp match (`th dport` is not enough), and with an address the family is written,
// which inet tables require. It is not a verdict: `... >> tproxy(8080) >> accept`.
// The kernel may lack it (nft_tproxy): feature::tproxy, probed like the others.
#include <concepts>
#include <cstdint>
#include <optional>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/ip.hpp>
#include <nftpp/expr/ip6.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/value/values.hpp>

namespace nftpp {

NFTPP_FEATURE(tproxy, "table ip nftpp_probe {\n\tchain c {\n\t\ttype filter hook prerouting priority -150; policy accept;\n\t\tmeta l4proto tcp tproxy to :1\n\t}\n}\n")

NFTPP_CHECK(tproxy_only_in_ip_ip6_inet,
    "tproxy exists only in ip, ip6 and inet tables: move the rule to one of those")
NFTPP_CHECK(tproxy_only_on_prerouting,
    "tproxy is only valid on the prerouting hook (the kernel refuses it elsewhere at commit), also when reached through a jump: move it to a base chain on hook::prerouting")
NFTPP_CHECK(tproxy_needs_tcp_or_udp_match,
    "tproxy needs a tcp or udp match earlier in the rule (th.dport is not enough): add tcp.dport == ..., udp.dport == ... or meta.l4proto == tcp before it")
NFTPP_CHECK(tproxy_family_matches_rule_family,
    "tproxy(ip, ...) cannot follow an ip6 match, nor tproxy(ip6, ...) an ip match: use the family the rule matches")

template <layer3 L3, bool HasAddress, bool HasPort>
struct tproxy_t {
    using statement_tag = void;
    using address = std::conditional_t<L3 == layer3::ip6, ipv6_addr, ipv4_addr>;
    static constexpr part_facts facts{
        .l3 = L3,
        .l3_rule = &rules::tproxy_family_matches_rule_family,
        .needs_transport = &rules::tproxy_needs_tcp_or_udp_match,
        .where = {.families = ip_families,
                  .family_rule = &rules::tproxy_only_in_ip_ip6_inet,
                  .hooks = bit(hook::prerouting),
                  .hook_rule = &rules::tproxy_only_on_prerouting},
        .feature = &feature::tproxy};

    std::optional<address> to{};
    std::optional<port> to_port{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const tproxy_t& t) {
        out.put("tproxy ");
        if constexpr (HasAddress) {
            out.put(L3 == layer3::ip ? "ip to " : "ip6 to ");
            if (L3 == layer3::ip6 && HasPort) out.put('[');
            write_nft(out, *t.to);
            if (L3 == layer3::ip6 && HasPort) out.put(']');
        } else {
            out.put("to ");
        }
        if constexpr (HasPort) {
            out.put(':');
            write_nft(out, *t.to_port);
        }
    }
};

struct tproxy_fn {
    // tproxy(8080): to the local port, in the packet's own family.
    [[nodiscard]] constexpr tproxy_t<layer3::any, false, true> operator()(port p) const noexcept { return {{}, p}; }
    // tproxy(ip, address[, port]) and tproxy(ip6, address[, port]).
    [[nodiscard]] constexpr tproxy_t<layer3::ip, true, false> operator()(const ip_t&, ipv4_addr a) const noexcept {
        return {a, {}};
    }
    [[nodiscard]] constexpr tproxy_t<layer3::ip, true, true> operator()(const ip_t&, ipv4_addr a, port p) const noexcept {
        return {a, p};
    }
    [[nodiscard]] constexpr tproxy_t<layer3::ip6, true, false> operator()(const ip6_t&, ipv6_addr a) const noexcept {
        return {a, {}};
    }
    [[nodiscard]] constexpr tproxy_t<layer3::ip6, true, true> operator()(const ip6_t&, ipv6_addr a, port p) const noexcept {
        return {a, p};
    }
};
inline constexpr tproxy_fn tproxy{};

}  // namespace nftpp
