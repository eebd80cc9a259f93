// SPDX-License-Identifier: Apache-2.0
// iif / oif (the interface by index) beside iifname / oifname (by name): golden renderings
// loaded for real, the literals each refused value breaks, and what nft does with a name
// that does not exist where it loads (the reason iifname is the default).
#include <string>
#include <vector>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
using nftpp_test::refusal_of;

TEST_CASE("iif and oif render by name or index, and load", "[expr][interface][golden]") {
    golden_rule(iif == "lo" >> accept, "iif \"lo\" accept");
    golden_rule(iif == 1 >> accept, "iif 1 accept");
    golden_rule<family::inet, filter_chain(hook::output)>(oif != "lo" >> drop, "oif != \"lo\" drop");
    golden_rule(iif.in({"lo", 1}) >> accept, "iif { \"lo\", 1 } accept");
    golden_rule<family::ip, filter_chain(hook::forward)>(iif == "lo" && oif == "lo" >> accept, "iif \"lo\" oif \"lo\" accept");
    // a name made of digits is a name; every family has them, ingress too
    golden_rule<family::netdev, filter_chain(hook::ingress)>(iif == "lo" >> accept, "iif \"lo\" accept");
    golden_rule<family::bridge, filter_chain(hook::prerouting)>(iif == 1 >> accept, "iif 1 accept");
    golden_rule<family::arp, filter_chain(hook::input)>(iif == "lo" >> accept, "iif \"lo\" accept");
    // by name, unchanged
    golden_rule(iifname == "veth*" >> accept, "iifname \"veth*\" accept");
    CHECK(to_nft_text(ifindex::parse("123").value()) == "\"123\"");
    CHECK(ifindex::parse("br-lan").value().by_name());
    CHECK(ifindex::from(7).value().index() == 7);
    // from data
    const std::vector<ifindex> devs{ifindex::parse("lo").value(), ifindex::from(1).value()};
    golden_rule(oif.in(devs) >> accept, "oif { \"lo\", 1 } accept");
}

TEST_CASE("iif and oif refuse what nft cannot look up, each beside a valid neighbour", "[expr][interface][checks]") {
    STATIC_REQUIRE(ifindex::from(2147483647).ok());
    STATIC_REQUIRE(ifindex::from(2147483648).err().broken == &rules::an_interface_index_is_a_number_from_0_to_2147483647);
    STATIC_REQUIRE(ifindex::from(-1).err().broken == &rules::an_interface_index_is_a_number_from_0_to_2147483647);
    STATIC_REQUIRE(ifindex::parse("veth0").ok());
    STATIC_REQUIRE(ifindex::parse("veth*").err().broken == &rules::iif_and_oif_take_one_interface_not_a_wildcard);
    STATIC_REQUIRE(ifindex::parse("a\"b").err().broken == &rules::an_interface_name_may_not_contain_quote_nul_or_newline);
    STATIC_REQUIRE(ifindex::parse("0123456789abcdef").err().broken == &rules::an_interface_name_is_1_to_15_bytes);
    CHECK(refusal_of([] { (void)ifindex::parse("eth*").value(); }) ==
          "iif and oif take one existing interface, not a wildcard: match \"veth*\" with iifname or oifname");
    // iif compares with interfaces only
    STATIC_REQUIRE(MatchableWith<meta_iif_t, operand<ifindex>>);
    STATIC_REQUIRE(!MatchableWith<meta_iif_t, ipv4_addr>);
    STATIC_REQUIRE(!MatchableWith<meta_iif_t, port>);
}

TEST_CASE("nft refuses an iif name that does not exist where it loads, and a wildcard", "[expr][interface][netns]") {
    if (!nftpp_test::netns_usable()) return;
    nftpp::testing::scratch_netns ns("iif");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto t = table<family::inet>("t", base_chain<"in", filter_chain(hook::input)>(iif == "nftpp-none0" >> accept));
    const auto missing = ex.apply(render(ruleset(replace(t))));
    INFO(missing.describe());
    CHECK(missing.kind == nftpp::exec::outcome_kind::rejected);
    CHECK(missing.err.find("Interface does not exist") != std::string::npos);
    const auto wildcard = ex.apply(nftpp::script(
        "table inet t {\n\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tiif \"lo*\" accept\n\t}\n}\n"));
    CHECK(wildcard.kind == nftpp::exec::outcome_kind::rejected);
    CHECK(wildcard.err.find("Interface does not exist") != std::string::npos);
    const auto index = ex.apply(nftpp::script(
        "table inet t {\n\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tiif 2147483648 accept\n\t}\n}\n"));
    CHECK(index.kind == nftpp::exec::outcome_kind::rejected);
    // nothing was half-applied
    const auto good = ex.apply(render(ruleset(replace(table<family::inet>("t", base_chain<"in", filter_chain(hook::input)>(iif == "lo" >> accept))))));
    INFO(good.describe());
    CHECK(good.ok());
}
