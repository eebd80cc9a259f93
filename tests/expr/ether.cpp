// SPDX-License-Identifier: Apache-2.0
// Link-layer and header-field selectors: ether saddr/daddr/type, vlan id/type, ip dscp,
// ip6 dscp/flowlabel, meta pkttype, meta cgroup. Golden renderings loaded for real in the
// families that use them, their value ranges beside valid neighbours, the ip/ip6 pinning
// of dscp and flowlabel, and the kernel refusing what nftpp refuses.
#include <array>
#include <string>
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto fwd = filter_chain(hook::forward);
constexpr auto input = filter_chain(hook::input);
constexpr auto ingress = filter_chain(hook::ingress);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", filter_chain(hook::input), hana::tuple<R...>>>().broken;
template <class Sel, class V>
concept matches_with = requires(Sel s, V v) { s == v; };
}  // namespace

TEST_CASE("ether and vlan matches render, and load", "[expr][ether][golden]") {
    golden_rule<family::bridge, fwd>(ether.saddr == "00:11:22:33:44:55" >> accept, "ether saddr 00:11:22:33:44:55 accept");
    golden_rule<family::bridge, fwd>(ether.daddr == "ff:ff:ff:ff:ff:ff" >> drop, "ether daddr ff:ff:ff:ff:ff:ff drop");
    golden_rule<family::netdev, ingress>(ether.type == ether_types::arp >> accept, "ether type 0x0806 accept");
    golden_rule<family::bridge, fwd>(ether.type.in({ether_types::ip, ether_types::ip6}) >> accept,
                                     "ether type { 0x0800, 0x86dd } accept");
    golden_rule<family::bridge, fwd>(vlan.id == 10 >> accept, "vlan id 10 accept");
    golden_rule<family::bridge, fwd>(vlan.id.in({vlan_id(1), vlan_id(4095)}) && vlan.type == ether_types::ip >> drop,
                                     "vlan id { 1, 4095 } vlan type 0x0800 drop");
    golden_rule<family::netdev, ingress>(vlan.id != 100 >> drop, "vlan id != 100 drop");
    // inet input: nft adds `meta iiftype ether`; loads
    golden_rule<family::inet, input>(ether.saddr != "02:00:00:00:00:01" >> drop, "ether saddr != 02:00:00:00:00:01 drop");
    // a set of ether addresses, a concatenation with vlan id
    const auto t = table<family::bridge>("br", set<"macs", ether_addr>({"00:11:22:33:44:55"}), set<"types", ether_type>(),
                                         base_chain<"forward", fwd>(ether.saddr == at<"macs"> >> accept,
                                                                ether.type == at<"types"> >> drop));
    golden(ruleset(replace(t)),
           "add table bridge br\n"
           "delete table bridge br\n"
           "table bridge br {\n"
           "\tset macs {\n\t\ttype ether_addr\n\t\telements = {\n\t\t\t00:11:22:33:44:55\n\t\t}\n\t}\n"
           "\tset types {\n\t\ttype ether_type\n\t}\n"
           "\tchain forward {\n\t\ttype filter hook forward priority 0; policy accept;\n"
           "\t\tether saddr @macs accept\n\t\tether type @types drop\n\t}\n"
           "}\n");
}

TEST_CASE("dscp, flow label, packet type and cgroup render, and load", "[expr][ether][golden]") {
    golden_rule<family::ip, fwd>(ip.dscp == dscp_class::ef >> accept, "ip dscp 46 accept");
    golden_rule<family::inet, fwd>(ip.dscp.in({dscp_class::cs1, dscp_class::af41}) >> drop, "ip dscp { 8, 34 } drop");
    golden_rule<family::ip6, fwd>(ip6.dscp != 0 >> accept, "ip6 dscp != 0 accept");
    golden_rule<family::inet, input>(ip6.flowlabel == 1048575 >> accept, "ip6 flowlabel 1048575 accept");
    golden_rule<family::bridge, fwd>(ip6.flowlabel == 1234 >> accept, "ip6 flowlabel 1234 accept");
    golden_rule<family::inet, input>(meta.pkttype == pkt_types::broadcast >> drop, "meta pkttype 1 drop");
    golden_rule<family::netdev, ingress>(meta.pkttype.in({pkt_types::broadcast, pkt_types::multicast}) >> drop,
                                         "meta pkttype { 1, 2 } drop");
    golden_rule<family::inet, filter_chain(hook::output)>(meta.cgroup == 0x100001 >> accept, "meta cgroup 1048577 accept");
    const auto t = table<family::inet>("q", set<"classes", dscp>({dscp_class::ef}), set<"kinds", pkt_type>({pkt_types::host}),
                                       base_chain<"in", input>(ip.dscp == at<"classes"> >> accept,
                                                               meta.pkttype == at<"kinds"> >> accept));
    nftpp_test::require_loads(render(ruleset(replace(t))));
}

TEST_CASE("header field rules, each beside a valid neighbour", "[expr][ether][checks]") {
    // value ranges, as nft's ("Value 64 exceeds valid range 0-63")
    STATIC_REQUIRE(dscp::from(63).ok());
    STATIC_REQUIRE(dscp::from(64).err().broken == &rules::a_dscp_is_a_number_from_0_to_63);
    STATIC_REQUIRE(flowlabel::from(1048575).ok());
    STATIC_REQUIRE(flowlabel::from(1048576).err().broken == &rules::a_flow_label_is_a_number_from_0_to_1048575);
    STATIC_REQUIRE(vlan_id::from(4095).ok());
    STATIC_REQUIRE(vlan_id::from(4096).err().broken == &rules::a_vlan_id_is_a_number_from_0_to_4095);
    STATIC_REQUIRE(ether_type::parse("0x86dd").value() == ether_types::ip6);
    STATIC_REQUIRE(ether_type::from(0x10000).err().broken == &rules::an_ether_type_is_a_number_from_0_to_0xffff);
    STATIC_REQUIRE(pkt_type::from(256).err().broken == &rules::a_packet_type_is_a_number_from_0_to_255);
    STATIC_REQUIRE(cgroup_id::from(4294967296).err().broken == &rules::a_cgroup_class_id_is_a_number_from_0_to_4294967295);
    STATIC_REQUIRE(cgroup_id::from(4294967295).ok());
    // typed: a vlan id is not an ether type, nor a string an ether address
    STATIC_REQUIRE(matches_with<vlan_id_t, vlan_id>);
    STATIC_REQUIRE(std::is_convertible_v<vlan_id, operand<vlan_id>>);
    STATIC_REQUIRE(!std::is_convertible_v<ether_type, operand<vlan_id>>);
    STATIC_REQUIRE(!std::is_convertible_v<dscp, operand<ether_type>>);
    // dscp and flowlabel pin the rule's network layer; ether and vlan pin nothing
    STATIC_REQUIRE(verdict<family::ip, RULE(ip.dscp == 46 >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(ip.dscp == 46 >> accept)> != nullptr);
    STATIC_REQUIRE(verdict<family::ip, RULE(ip6.flowlabel == 1 >> accept)> != nullptr);
    STATIC_REQUIRE(verdict<family::arp, RULE(ip6.dscp == 1 >> accept)> != nullptr);
    STATIC_REQUIRE(rule_summary_v<RULE(ip.dscp == 46 && ip6.flowlabel == 1 >> accept)>.broken == &rules::one_network_family_per_rule);
    STATIC_REQUIRE(verdict<family::arp, RULE(ether.saddr == "00:11:22:33:44:55" && vlan.id == 1 >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, RULE(meta.pkttype == 0 && meta.cgroup == 1 >> accept)> == nullptr);
}

TEST_CASE("the kernel refuses what the header field rules refuse", "[expr][ether][netns]") {
    if (!nftpp_test::netns_usable()) return;
    struct refusal {
        std::string family, match, error;
    };
    const refusal refused[] = {
        {"bridge", "ip dscp 64", "exceeds valid range 0-63"},
        {"bridge", "ip6 flowlabel 1048576", "exceeds valid range 0-1048575"},
        {"bridge", "vlan id 4096", "exceeds valid range 0-4095"},
        {"ip6", "ip dscp 46", "conflicting protocols specified: ip6 vs. ip"},
        {"ip", "ip6 flowlabel 1", "conflicting protocols specified: ip vs. ip6"},
        {"arp", "ip6 dscp 1", "conflicting protocols specified: arp vs. ip6"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("ether");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const std::string hook = r.family == "arp" ? "input" : r.family == "bridge" ? "forward" : "input";
        const std::string script = "table " + r.family + " t {\n\tchain c {\n\t\ttype filter hook " + hook +
                                   " priority 0; policy accept;\n\t\t" + r.match + "\n\t}\n}\n";
        const auto bad = ex.apply(nftpp::script(script));
        INFO("script:\n" << script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
}
