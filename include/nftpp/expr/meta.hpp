// SPDX-License-Identifier: Apache-2.0
#pragma once
// meta: packet metadata. `meta.l4proto == tcp`, `meta.nfproto == ip6` (inet only),
// `meta.skuid == uid(1000)`, `meta.mark == 0x1`, `meta.mark.set(0x2)`.
// `meta.pkttype == pkt_types::broadcast`, `meta.cgroup == 0x100001` (a net_cls class id).
// iifname/oifname live in interface.hpp. These load in every family and hook.
// `meta.secpath.exists()` / `.missing()`: whether IPsec decrypted the packet (meta secpath
// exists). The kernel has it in ip, ip6 and inet tables on prerouting, input and forward,
// and in netdev tables on ingress ("Operation not supported" elsewhere: inet's ingress,
// netdev's egress, bridge and arp tables).
#include <string_view>

#include <nftpp/expr/selector.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/expr/mark_setter.hpp>

namespace nftpp {

NFTPP_CHECK(meta_nfproto_only_in_inet,
    "meta.nfproto is only valid in an inet table: an ip or ip6 table sees one family only")

struct meta_l4proto_t : selector_t<meta_l4proto_t, l4proto>, accepts_l4_objects<meta_l4proto_t> {
    static constexpr std::string_view keyword = "meta l4proto";
    static constexpr part_facts facts{};
};
template <class X>
inline constexpr bool extra_operand_v<meta_l4proto_t, X> = L4ProtocolObject<X>;

struct meta_nfproto_t : selector_t<meta_nfproto_t, nfproto> {
    static constexpr std::string_view keyword = "meta nfproto";
    static constexpr part_facts facts{
        .where = {.families = bit(family::inet), .family_rule = &rules::meta_nfproto_only_in_inet}};

    // `meta.nfproto == ip6` pins the rule to IPv6 for the validator.
    template <L3ProtocolObject P>
    friend constexpr rel_t<meta_nfproto_t, op::eq, l3_const_t<P::protocol_layer3>> operator==(const meta_nfproto_t&, const P&) noexcept {
        return {};
    }
    template <L3ProtocolObject P>
    friend constexpr rel_t<meta_nfproto_t, op::ne, l3_const_t<P::protocol_layer3>> operator!=(const meta_nfproto_t&, const P&) noexcept {
        return {};
    }
};
template <class X>
inline constexpr bool extra_operand_v<meta_nfproto_t, X> = L3ProtocolObject<X>;

struct meta_skuid_t : selector_t<meta_skuid_t, uid> {
    static constexpr std::string_view keyword = "meta skuid";
    static constexpr part_facts facts{};
};
struct meta_skgid_t : selector_t<meta_skgid_t, gid> {
    static constexpr std::string_view keyword = "meta skgid";
    static constexpr part_facts facts{};
};
struct meta_mark_t : selector_t<meta_mark_t, mark>, mark_setter<false> {
    static constexpr std::string_view keyword = "meta mark";
    static constexpr part_facts facts{};
};
struct meta_iifname_t : selector_t<meta_iifname_t, ifname> {
    static constexpr std::string_view keyword = "iifname";
    static constexpr part_facts facts{};
};
struct meta_oifname_t : selector_t<meta_oifname_t, ifname> {
    static constexpr std::string_view keyword = "oifname";
    static constexpr part_facts facts{};
};

struct meta_pkttype_t : selector_t<meta_pkttype_t, pkt_type> {
    static constexpr std::string_view keyword = "meta pkttype";
    static constexpr part_facts facts{};
};
struct meta_cgroup_t : selector_t<meta_cgroup_t, cgroup_id> {
    static constexpr std::string_view keyword = "meta cgroup";
    static constexpr part_facts facts{};
};

NFTPP_CHECK(meta_secpath_only_before_routing_or_on_netdev_ingress,
    "meta.secpath (whether IPsec decrypted the packet) is known in ip, ip6 and inet tables on prerouting, input and forward, "
    "and in netdev tables on ingress (the kernel: Operation not supported): match it in such a chain")

// The kernel's hooks for it: these three in ip, ip6 and inet tables (not inet's ingress),
// ingress in netdev tables.
inline constexpr std::uint8_t secpath_hooks =
    bit(hook::prerouting) | bit(hook::input) | bit(hook::forward) | bit(hook::ingress);

struct meta_secpath_t : selector_t<meta_secpath_t, fib_presence> {
    static constexpr std::string_view keyword = "meta secpath";
    static constexpr part_facts facts{.where = {.families = ip_families | bit(family::netdev),
                                                .family_rule = &rules::meta_secpath_only_before_routing_or_on_netdev_ingress,
                                                .hooks = secpath_hooks,
                                                .hook_rule = &rules::meta_secpath_only_before_routing_or_on_netdev_ingress}};
    [[nodiscard]] constexpr rel_t<meta_secpath_t, op::eq, operand<fib_presence>> exists() const noexcept {
        return {fib_presence::exists};
    }
    [[nodiscard]] constexpr rel_t<meta_secpath_t, op::eq, operand<fib_presence>> missing() const noexcept {
        return {fib_presence::missing};
    }
};

struct meta_t {
    meta_l4proto_t l4proto;
    meta_nfproto_t nfproto;
    meta_skuid_t skuid;
    meta_skgid_t skgid;
    meta_mark_t mark;
    meta_iifname_t iifname;
    meta_oifname_t oifname;
    meta_pkttype_t pkttype;
    meta_cgroup_t cgroup;
    meta_secpath_t secpath;
};
inline constexpr meta_t meta{};

}  // namespace nftpp
