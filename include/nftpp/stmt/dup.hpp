// SPDX-License-Identifier: Apache-2.0
#pragma once
// dup_to: send a copy of the packet elsewhere, and go on with the original (not a verdict):
//   dup_to("eth1")                         dup to "eth1"             netdev tables
//   dup_to(ip, "10.0.0.2")                 dup to 10.0.0.2           ip tables
//   dup_to(ip, "10.0.0.2", "eth1")         dup to 10.0.0.2 device "eth1"
//   dup_to(ip6, "fd00::2", "eth1")         dup to fd00::2 device "eth1"   ip6 tables
// nft has the copy to an interface only in netdev tables and the copy to an address only
// in ip and ip6 tables ("unsupported family" elsewhere, inet and bridge included; an
// address of the other family: "Could not resolve hostname"). The interface must exist
// where the rule loads ("Interface does not exist"). The kernel modules (nft_dup_netdev,
// nft_dup_ipv4, nft_dup_ipv6) may be missing: feature::dup_netdev and feature::dup_ip,
// probed like the others.
#include <optional>
#include <type_traits>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/ip.hpp>
#include <nftpp/expr/ip6.hpp>
#include <nftpp/stmt/fwd.hpp>
#include <nftpp/value/ifname.hpp>
#include <nftpp/value/ipv4.hpp>
#include <nftpp/value/ipv6.hpp>

namespace nftpp {

NFTPP_FEATURE(dup_netdev,
              "table netdev nftpp_probe {\n\tchain c {\n\t\ttype filter hook ingress device \"lo\" priority 0; policy accept;\n\t\tdup to \"lo\"\n\t}\n}\n")
NFTPP_FEATURE(dup_ip, "table ip nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tdup to 127.0.0.1\n\t}\n}\n")
NFTPP_FEATURE(dup_ip6, "table ip6 nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tdup to ::1\n\t}\n}\n")
NFTPP_CHECK(dup_to_an_interface_only_in_netdev,
    "dup_to(\"interface\") exists only in netdev tables (nft: unsupported family): in an ip or ip6 table copy to an address, dup_to(address) or dup_to(address, \"interface\")")
NFTPP_CHECK(dup_to_an_address_only_in_ip_ip6,
    "dup_to(address) exists only in ip and ip6 tables, an IPv4 address in ip, an IPv6 one in ip6 (nft: unsupported family in inet, bridge and netdev): move the rule, or in netdev copy to an interface with dup_to(\"interface\")")

struct dup_device_t {
    using statement_tag = void;
    static constexpr part_facts facts{
        .where = {.families = bit(family::netdev), .family_rule = &rules::dup_to_an_interface_only_in_netdev},
        .feature = &feature::dup_netdev};
    ifname to;

    template <Sink S>
    friend constexpr void write_nft(S& out, const dup_device_t& d) {
        out.put("dup to ");
        write_nft(out, d.to);
    }
};

template <class Address>
struct dup_address_t {
    using statement_tag = void;
    static constexpr bool v6 = std::is_same_v<Address, ipv6_addr>;
    static constexpr part_facts facts{
        .l3 = v6 ? layer3::ip6 : layer3::ip,
        .l3_rule = &rules::dup_to_an_address_only_in_ip_ip6,
        .where = {.families = v6 ? bit(family::ip6) : bit(family::ip), .family_rule = &rules::dup_to_an_address_only_in_ip_ip6},
        .feature = v6 ? &feature::dup_ip6 : &feature::dup_ip};
    Address to;
    std::optional<ifname> device{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const dup_address_t& d) {
        out.put("dup to ");
        write_nft(out, d.to);
        if (d.device) {
            out.put(" device ");
            write_nft(out, *d.device);
        }
    }
};

[[nodiscard]] constexpr dup_device_t dup_to(ifname to) { return {detail::one_interface(to)}; }
[[nodiscard]] constexpr dup_address_t<ipv4_addr> dup_to(const ip_t&, ipv4_addr to) noexcept { return {to, {}}; }
[[nodiscard]] constexpr dup_address_t<ipv4_addr> dup_to(const ip_t&, ipv4_addr to, ifname device) {
    return {to, detail::one_interface(device)};
}
[[nodiscard]] constexpr dup_address_t<ipv6_addr> dup_to(const ip6_t&, ipv6_addr to) noexcept { return {to, {}}; }
[[nodiscard]] constexpr dup_address_t<ipv6_addr> dup_to(const ip6_t&, ipv6_addr to, ifname device) {
    return {to, detail::one_interface(device)};
}

}  // namespace nftpp
