#pragma once
// facts: what a rule part tells the validator, as plain constexpr data.
//
// Every match and statement type carries `static constexpr part_facts facts`. A rule's
// facts are the fold of its parts'; chain and table checks are constexpr functions over
// those facts. Because the facts are static members of types, every structural rule is
// decided by the compiler; nothing about structure is left for run time.
#include <cstdint>

namespace nftpp {

// Network layer a part pins the rule to (ip, ip6, arp) or `any`.
enum class layer3 : std::uint8_t { any, ip, ip6, arp };
// Transport protocol a part pins the rule to, or `any`.
enum class layer4 : std::uint8_t { any, tcp, udp, sctp, icmp, icmpv6 };

// Statement kinds, one bit each, so a rule's kinds are one mask.
enum class stmt_kind : std::uint32_t {
    none = 0,
    accept = 1u << 0,
    drop = 1u << 1,
    reject = 1u << 2,
    jump = 1u << 3,
    goto_ = 1u << 4,
    return_ = 1u << 5,
    continue_ = 1u << 6,
    counter = 1u << 7,
    log = 1u << 8,
    limit = 1u << 9,
    masquerade = 1u << 10,
    snat = 1u << 11,
    dnat = 1u << 12,
    redirect = 1u << 13,
    notrack = 1u << 14,
    mark_set = 1u << 15,
    ct_mark_set = 1u << 16,
    comment = 1u << 17,
    vmap = 1u << 18,
};

[[nodiscard]] constexpr std::uint32_t bits(stmt_kind k) noexcept { return static_cast<std::uint32_t>(k); }

struct part_facts {
    bool is_match = false;        // a match (relation) rather than a statement
    stmt_kind kind = stmt_kind::none;
    layer3 l3 = layer3::any;      // network layer this part requires
    layer4 l4 = layer4::any;      // transport protocol this part requires
    bool transport_match = false; // matches a transport protocol (tcp/udp/th/meta l4proto ...)
    bool conntrack = false;       // needs conntrack (ct ...)
    bool inet_only = false;       // meta nfproto
    bool terminal = false;        // nothing may follow it
    bool verdict = false;         // accept drop reject jump goto return continue
    bool nat = false;             // masquerade snat dnat redirect
    bool nat_port = false;        // NAT statement that maps a port
    bool tcp_reset = false;       // reject with tcp reset
    bool needs_nat_family = false;// snat/dnat: needs ip or ip6
};

}  // namespace nftpp
