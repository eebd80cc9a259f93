// SPDX-License-Identifier: Apache-2.0
#pragma once
// reject: refuse a packet with an error the sender sees at once (ECONNREFUSED), unlike
// drop. `reject` (nft picks icmp/icmpv6/icmpx port-unreachable by family),
// `reject(tcp_reset)`, `reject(icmp_code::admin_prohibited)`,
// `reject(icmpv6_code::port_unreachable)`, `reject(icmpx_code::port_unreachable)`.
// The variant decides where it is valid: icmp pins the rule to IPv4, icmpv6 to IPv6,
// icmpx needs an inet, netdev or bridge table; tcp reset conflicts with a non-tcp match.
#include <cstdint>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/icmp.hpp>

namespace nftpp {

// g++ 12's -Wshadow takes these scoped enumerators for declarations shadowing the
// namespace's statements of the same name; they shadow nothing.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
enum class reject_kind : std::uint8_t { plain, tcp_reset, icmp, icmpv6, icmpx };
#pragma GCC diagnostic pop

inline constexpr struct tcp_reset_t {
} tcp_reset{};

NFTPP_FEATURE(reject, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\treject\n\t}\n}\n")

// reject's own rules: the variant against the rule's matches, the table family and the hook.
NFTPP_CHECK(tcp_reset_only_with_tcp,
    "reject(tcp_reset) only applies to tcp, but this rule matches another protocol: use reject or reject(icmpx_code::port_unreachable)")
NFTPP_CHECK(reject_type_matches_rule_family,
    "reject(icmp_code::...) is IPv4 only and reject(icmpv6_code::...) IPv6 only, but this rule matches the other family: use the matching code or icmpx_code")
NFTPP_CHECK(no_reject_in_arp,
    "reject is not available in arp tables: use drop")
NFTPP_CHECK(icmpx_reject_in_inet_netdev_bridge,
    "reject(icmpx_code::...) is only valid in inet, netdev and bridge tables: use icmp_code in ip tables and icmpv6_code in ip6 tables")
NFTPP_CHECK(reject_not_in_postrouting_or_egress,
    "reject is not valid on the postrouting hook nor on netdev egress (the kernel refuses it at commit): drop there, or reject on input, forward or output")

namespace detail {
constexpr placement reject_placement(reject_kind k) {
    placement p{};
    if (k == reject_kind::icmpx) {
        p.families = bit(family::inet) | bit(family::netdev) | bit(family::bridge);
        p.family_rule = &rules::icmpx_reject_in_inet_netdev_bridge;
    } else {
        p.families = all_families & ~bit(family::arp);
        p.family_rule = &rules::no_reject_in_arp;
    }
    p.hooks = all_hooks & ~bit(hook::postrouting) & ~bit(hook::egress);
    p.hook_rule = &rules::reject_not_in_postrouting_or_egress;
    return p;
}
}  // namespace detail

template <reject_kind K>
struct reject_t {
    using statement_tag = void;
    static constexpr reject_kind variant = K;
    static constexpr part_facts facts{
        .l3 = K == reject_kind::icmp ? layer3::ip : K == reject_kind::icmpv6 ? layer3::ip6 : layer3::any,
        .terminal = true,
        .verdict = true,
        .l3_rule = &rules::reject_type_matches_rule_family,
        .only_l4 = K == reject_kind::tcp_reset ? layer4::tcp : layer4::any,
        .l4_rule = &rules::tcp_reset_only_with_tcp,
        .where = detail::reject_placement(K),
        .feature = &feature::reject};

    std::uint8_t code = 0;

    template <Sink S>
    friend constexpr void write_nft(S& out, const reject_t& r) {
        out.put("reject");
        switch (K) {
            case reject_kind::plain: break;
            case reject_kind::tcp_reset: out.put(" with tcp reset"); break;
            case reject_kind::icmp:
                out.put(" with icmp type ");
                write_nft(out, static_cast<icmp_code>(r.code));
                break;
            case reject_kind::icmpv6:
                out.put(" with icmpv6 type ");
                write_nft(out, static_cast<icmpv6_code>(r.code));
                break;
            case reject_kind::icmpx:
                out.put(" with icmpx type ");
                write_nft(out, static_cast<icmpx_code>(r.code));
                break;
        }
    }
};

struct reject_fn : reject_t<reject_kind::plain> {
    using node_type = reject_t<reject_kind::plain>;
    [[nodiscard]] constexpr reject_t<reject_kind::tcp_reset> operator()(tcp_reset_t) const noexcept { return {}; }
    [[nodiscard]] constexpr reject_t<reject_kind::icmp> operator()(icmp_code c) const noexcept {
        return {static_cast<std::uint8_t>(c)};
    }
    [[nodiscard]] constexpr reject_t<reject_kind::icmpv6> operator()(icmpv6_code c) const noexcept {
        return {static_cast<std::uint8_t>(c)};
    }
    [[nodiscard]] constexpr reject_t<reject_kind::icmpx> operator()(icmpx_code c) const noexcept {
        return {static_cast<std::uint8_t>(c)};
    }
};
inline constexpr reject_fn reject{};

}  // namespace nftpp
