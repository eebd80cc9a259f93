// SPDX-License-Identifier: Apache-2.0
// ARP header fields (arp saddr|daddr ip|ether, arp operation) and the version field of the
// ip and ip6 headers. Golden renderings loaded for real in the families that have them,
// the families and network layer they pin beside valid neighbours, and the kernel
// refusing what nftpp refuses.
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto input = filter_chain(hook::input);
constexpr auto fwd = filter_chain(hook::forward);
constexpr auto ingress = filter_chain(hook::ingress);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", filter_chain(hook::input), hana::tuple<R...>>>().broken;
template <class Sel, class V>
concept matches_with = requires(Sel s, V v) { s == v; };
}  // namespace

TEST_CASE("arp matches render, and load in arp, bridge and netdev tables", "[expr][arp][golden]") {
    golden_rule<family::arp, input>(arp.saddr.ip == "10.0.0.5" >> accept, "arp saddr ip 10.0.0.5 accept");
    golden_rule<family::arp, input>(arp.daddr.ip == "10.0.0.0/8" >> drop, "arp daddr ip 10.0.0.0/8 drop");
    golden_rule<family::arp, filter_chain(hook::output)>(arp.operation == arp_ops::request >> accept,
                                                         "arp operation 1 accept");
    golden_rule<family::bridge, fwd>(iifname == "veth1" && ether.type == ether_types::arp &&
                                         arp.saddr.ether != "00:16:3e:00:00:01" >> drop,
                                     "iifname \"veth1\" ether type 0x0806 arp saddr ether != 00:16:3e:00:00:01 drop");
    golden_rule<family::bridge, fwd>(arp.saddr.ip.not_in({ipv4_addr("10.10.10.5")}) >> drop,
                                     "arp saddr ip != { 10.10.10.5 } drop");
    golden_rule<family::netdev, ingress>(arp.daddr.ether == "ff:ff:ff:ff:ff:ff" && arp.operation.in({arp_ops::request, arp_ops::reply}) >> accept,
                                         "arp daddr ether ff:ff:ff:ff:ff:ff arp operation { 1, 2 } accept");
    // a named set of the arp operations
    const auto t = table<family::arp>("a", set<"ops", arp_op>({arp_ops::reply}),
                                      base_chain<"in", input>(arp.operation == at<"ops"> >> drop));
    golden(ruleset(replace(t)),
           "add table arp a\n"
           "delete table arp a\n"
           "table arp a {\n"
           "\tset ops {\n\t\ttype arp_op\n\t\telements = {\n\t\t\t2\n\t\t}\n\t}\n"
           "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\tarp operation @ops drop\n\t}\n"
           "}\n");
}

TEST_CASE("ip version and ip6 version render, and load", "[expr][arp][golden]") {
    golden_rule<family::inet, input>(ip.version == 4 && iifname == "lo" >> accept, "ip version 4 iifname \"lo\" accept");
    golden_rule<family::ip6, input>(ip6.version != 6 >> drop, "ip6 version != 6 drop");
    golden_rule<family::bridge, fwd>(ip.version == 4 >> accept, "ip version 4 accept");
    golden_rule<family::inet, fwd>(ip6.version == 6 && ip6.saddr == "fe80::/10" >> accept,
                                   "ip6 version 6 ip6 saddr fe80::/10 accept");
}

TEST_CASE("arp and version rules, each beside a valid neighbour", "[expr][arp][checks]") {
    // value ranges, as nft's ("Value 16 exceeds valid range 0-15")
    STATIC_REQUIRE(ip_version::from(15).ok());
    STATIC_REQUIRE(ip_version::from(16).err().broken == &rules::an_ip_version_is_a_number_from_0_to_15);
    STATIC_REQUIRE(arp_op::from(0xffff).ok());
    STATIC_REQUIRE(arp_op::from(0x10000).err().broken == &rules::an_arp_operation_is_a_number_from_0_to_0xffff);
    // typed: the ip fields take IPv4 addresses, the ether fields MAC addresses, the
    // operation an arp_op (a value of another type is not an operand of theirs)
    STATIC_REQUIRE(matches_with<arp_saddr_ip_t, ipv4_addr>);
    STATIC_REQUIRE(matches_with<arp_daddr_ether_t, ether_addr>);
    STATIC_REQUIRE(matches_with<arp_operation_t, arp_op>);
    STATIC_REQUIRE(matches_with<ip_version_t, ip_version>);
    STATIC_REQUIRE(std::is_same_v<arp_saddr_ip_t::value_type, ipv4_addr>);
    STATIC_REQUIRE(std::is_same_v<arp_saddr_ether_t::value_type, ether_addr>);
    STATIC_REQUIRE(!std::is_convertible_v<ether_addr, operand<ipv4_addr>>);
    STATIC_REQUIRE(!std::is_convertible_v<ether_type, operand<arp_op>>);
    STATIC_REQUIRE(!std::is_convertible_v<dscp, operand<ip_version>>);
    // families: arp, bridge and netdev have the arp fields; ip, ip6 and inet do not
    STATIC_REQUIRE(verdict<family::arp, RULE(arp.saddr.ip == "10.0.0.1" >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, RULE(arp.saddr.ip == "10.0.0.1" >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, RULE(arp.saddr.ip == "10.0.0.1" >> accept)> ==
                   &rules::arp_fields_only_in_arp_bridge_netdev);
    STATIC_REQUIRE(verdict<family::ip, RULE(arp.operation == arp_ops::reply >> accept)> ==
                   &rules::arp_fields_only_in_arp_bridge_netdev);
    STATIC_REQUIRE(verdict<family::ip6, RULE(arp.daddr.ether == "00:11:22:33:44:55" >> accept)> ==
                   &rules::arp_fields_only_in_arp_bridge_netdev);
    // they pin the rule to ARP: no ip or ip6 match beside them
    STATIC_REQUIRE(rule_summary_v<RULE(arp.saddr.ip == "10.0.0.1" && ether.type == ether_types::arp >> accept)>.broken == nullptr);
    STATIC_REQUIRE(rule_summary_v<RULE(arp.saddr.ip == "10.0.0.1" && ip.saddr == "10.0.0.1" >> accept)>.broken ==
                   &rules::one_network_family_per_rule);
    STATIC_REQUIRE(rule_summary_v<RULE(ip6.version == 6 && arp.operation == 1 >> accept)>.broken ==
                   &rules::one_network_family_per_rule);
    // the version fields pin their own layer
    STATIC_REQUIRE(verdict<family::ip, RULE(ip.version == 4 >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(ip.version == 4 >> accept)> == &rules::no_ip_in_ip6_table);
    STATIC_REQUIRE(verdict<family::ip, RULE(ip6.version == 6 >> accept)> == &rules::no_ip6_in_ip_table);
    STATIC_REQUIRE(verdict<family::arp, RULE(ip.version == 4 >> accept)> == &rules::no_ip_or_transport_in_arp_table);
}

TEST_CASE("the kernel refuses what the arp and version rules refuse", "[expr][arp][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const nftpp_test::refusal refused[] = {
        {"inet", "arp saddr ip 10.0.0.1", "conflicting protocols specified: inet vs. arp"},
        {"ip", "arp operation 1", "conflicting protocols specified: ip vs. arp"},
        {"ip6", "arp daddr ether 00:11:22:33:44:55", "conflicting protocols specified: ip6 vs. arp"},
        {"bridge", "arp saddr ip 10.0.0.1 ip saddr 10.0.0.1", "conflicting protocols specified: arp vs. ip", "forward"},
        {"bridge", "ip version 16", "exceeds valid range 0-15", "forward"},
        {"arp", "arp operation 65536", "exceeds valid range 0-65535"},
        {"ip6", "ip version 4", "conflicting protocols specified: ip6 vs. ip"},
        {"arp", "ip6 version 6", "conflicting protocols specified: arp vs. ip6"},
    };
    for (const auto& r : refused) nftpp_test::require_refused(r);
}
