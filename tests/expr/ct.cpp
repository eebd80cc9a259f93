// SPDX-License-Identifier: Apache-2.0
// The addresses of a connection's two directions as conntrack keeps them:
// ct original|reply ip|ip6 saddr|daddr, and the helper of a connection (ct helper "ftp"). Golden renderings loaded for real, the network
// family each pins (beside valid neighbours), and the kernel refusing what nftpp refuses.
#include <string>
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto input = filter_chain(hook::input);
constexpr auto prerouting = nat_chain(hook::prerouting, 0);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", filter_chain(hook::input), hana::tuple<R...>>>().broken;
}  // namespace

TEST_CASE("ct original and reply addresses render, and load", "[expr][ct][golden]") {
    golden_rule<family::inet, input>(ct.original.ip.daddr != "192.168.0.2" >> accept,
                                     "ct original ip daddr != 192.168.0.2 accept");
    golden_rule<family::ip, input>(ct.original.ip.saddr == "10.0.0.0/8" >> drop, "ct original ip saddr 10.0.0.0/8 drop");
    golden_rule<family::ip, input>(ct.reply.ip.saddr.in({"10.0.0.1", "10.0.0.2"}) >> accept,
                                   "ct reply ip saddr { 10.0.0.1, 10.0.0.2 } accept");
    golden_rule<family::ip, input>(ct.reply.ip.daddr == "10.1.0.1" >> accept, "ct reply ip daddr 10.1.0.1 accept");
    golden_rule<family::ip6, input>(ct.original.ip6.daddr == "fd00::1" >> accept, "ct original ip6 daddr fd00::1 accept");
    golden_rule<family::inet, input>(ct.original.ip6.saddr == "fd00::/64" >> accept,
                                     "ct original ip6 saddr fd00::/64 accept");
    golden_rule<family::ip6, input>(ct.reply.ip6.saddr != "::1" >> drop, "ct reply ip6 saddr != ::1 drop");
    golden_rule<family::inet, input>(ct.reply.ip6.daddr == "fd00::2" >> accept, "ct reply ip6 daddr fd00::2 accept");
    // with what it is usually beside: the address before DNAT (Docker's bridge rules)
    golden_rule<family::ip, prerouting>(
        iifname == "br0" && ip.daddr == "192.168.0.2" && tcp.dport == 80 && ct.original.ip.daddr != "192.168.0.2" >> accept,
        "iifname \"br0\" ip daddr 192.168.0.2 tcp dport 80 ct original ip daddr != 192.168.0.2 accept");
}

TEST_CASE("ct helper matches render, and load", "[expr][ct][golden]") {
    golden_rule<family::inet, input>(udp.dport == 69 && ct.helper == ct_helper_type::tftp >> accept,
                                     "udp dport 69 ct helper \"tftp\" accept");
    golden_rule<family::ip, input>(ct.helper != ct_helper_type::ftp >> drop, "ct helper != \"ftp\" drop");
    golden_rule<family::ip6, input>(ct.helper.in({ct_helper_type::ftp, ct_helper_type::sip}) >> accept,
                                    "ct helper { \"ftp\", \"sip\" } accept");
    golden_rule<family::inet, input>(ct.helper == ct_helper_type::q931 >> accept, "ct helper \"Q.931\" accept");
    golden_rule<family::inet, input>(ct.helper == ct_helper_type::netbios_ns >> accept, "ct helper \"netbios-ns\" accept");
    STATIC_REQUIRE(ct_helper_name::of(ct_helper_type::ras).view() == "RAS");
}

TEST_CASE("ct addresses pin the rule's network family, each beside a valid neighbour", "[expr][ct][checks]") {
    // typed: an IPv6 literal is not an original IPv4 address
    STATIC_REQUIRE(std::is_convertible_v<ipv4_addr, operand<decltype(ct.original.ip.daddr)::value_type>>);
    STATIC_REQUIRE(!std::is_convertible_v<ipv6_addr, operand<decltype(ct.original.ip.daddr)::value_type>>);
    STATIC_REQUIRE(std::is_convertible_v<ipv6_addr, operand<decltype(ct.reply.ip6.saddr)::value_type>>);
    // the family: ip in ip and inet, ip6 in ip6 and inet, neither where there is no conntrack
    STATIC_REQUIRE(verdict<family::ip, RULE(ct.original.ip.daddr == "10.0.0.1" >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, RULE(ct.original.ip.daddr == "10.0.0.1" >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(ct.original.ip.daddr == "10.0.0.1" >> accept)> != nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(ct.reply.ip6.daddr == "::1" >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, RULE(ct.reply.ip6.daddr == "::1" >> accept)> != nullptr);
    STATIC_REQUIRE(verdict<family::bridge, RULE(ct.original.ip.saddr == "10.0.0.1" >> accept)> ==
                   &rules::conntrack_in_ip_ip6_inet);
    STATIC_REQUIRE(verdict<family::bridge, RULE(ct.state == established >> accept)> == &rules::conntrack_in_ip_ip6_inet);
    // a helper is one of the kernel's, by type: no string, no other value
    STATIC_REQUIRE(std::is_convertible_v<decltype(ct_helper_type::ftp), operand<ct_helper_name>>);
    STATIC_REQUIRE(!std::is_convertible_v<const char (&)[4], operand<ct_helper_name>>);
    STATIC_REQUIRE(!std::is_convertible_v<int, operand<ct_helper_name>>);
    STATIC_REQUIRE(!std::is_convertible_v<decltype(ct_helper_type::ftp), operand<ipv4_addr>>);
    STATIC_REQUIRE(verdict<family::ip6, RULE(ct.helper == ct_helper_type::ftp >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, RULE(ct.helper == ct_helper_type::ftp >> accept)> ==
                   &rules::conntrack_in_ip_ip6_inet);
    // one network family per rule, as with ip.daddr
    STATIC_REQUIRE(rule_summary_v<RULE(ip.saddr == "10.0.0.1" && ct.original.ip.daddr == "10.0.0.2" >> accept)>.broken ==
                   nullptr);
    STATIC_REQUIRE(rule_summary_v<RULE(ip6.saddr == "::1" && ct.original.ip.daddr == "10.0.0.2" >> accept)>.broken ==
                   &rules::one_network_family_per_rule);
    STATIC_REQUIRE(rule_summary_v<RULE(ct.original.ip.daddr == "10.0.0.2" && ct.reply.ip6.saddr == "::1" >> accept)>.broken ==
                   &rules::one_network_family_per_rule);
}

TEST_CASE("the kernel refuses what the ct address rules refuse", "[expr][ct][netns]") {
    if (!nftpp_test::netns_usable()) return;
    struct refusal {
        std::string family, match, error;
    };
    const refusal refused[] = {
        {"ip6", "ct original ip daddr 10.0.0.1", "conflicting protocols specified: ip6 vs. ip"},
        {"ip", "ct reply ip6 saddr ::1", "conflicting protocols specified: ip vs. ip6"},
        {"inet", "ip6 saddr ::1 ct original ip daddr 10.0.0.1", "conflicting protocols specified: ip6 vs. ip"},
        {"bridge", "ct original ip daddr 10.0.0.1", "Protocol error"},
        {"netdev", "ct helper \"ftp\"", "Protocol error"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("ct");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const std::string hook = r.family == "netdev" ? "ingress device lo" : "input";
        const std::string script = "table " + r.family + " t {\n\tchain c {\n\t\ttype filter hook " + hook + " priority 0; policy accept;\n\t\t" +
                                   r.match + " accept\n\t}\n}\n";
        const auto bad = ex.apply(nftpp::script(script));
        INFO("script:\n" << script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
}
