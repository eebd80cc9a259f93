// SPDX-License-Identifier: Apache-2.0
// typeof keys: key_typeof(selectors...) declares a set's or verdict map's key by the
// expressions that fill it. Golden renderings loaded for real (static and run-time sets,
// a verdict map, concatenations), the selectors' datatypes checked against the key beside
// a valid neighbour, and data maps refused.
#include <string>
#include <utility>
#include <vector>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;
using nftpp_test::refusal_of;

TEST_CASE("typeof keys render, and load", "[ruleset][set][typeof][golden]") {
    const auto t = table<family::inet>(
        "fw", set<"pairs", concat_key<ipv4_addr, port>>(key_typeof(ip.saddr, tcp.dport), {{"10.0.0.1", 22}}),
        set<"nets", ipv4_addr>(key_typeof(ip.saddr) | set_flag::interval, {"10.0.0.0/8"}),
        set<"users", uid>(key_typeof(meta.skuid)),
        verdict_map<"by_port", port>(key_typeof(tcp.dport), on(22, accept)),
        base_chain<"in", filter_chain(hook::input)>(concat(ip.saddr, tcp.dport) == at<"pairs"> >> accept,
                                                    ip.daddr == at<"nets"> >> accept,  // any ipv4_addr selector
                                                    tcp.dport >> vmap(at<"by_port">)),
        base_chain<"out", filter_chain(hook::output)>(meta.skuid == at<"users"> >> accept));
    golden(ruleset(replace(t)),
           "add table inet fw\n"
           "delete table inet fw\n"
           "table inet fw {\n"
           "\tset pairs {\n\t\ttypeof ip saddr . tcp dport\n\t\telements = {\n\t\t\t10.0.0.1 . 22\n\t\t}\n\t}\n"
           "\tset nets {\n\t\ttypeof ip saddr\n\t\tflags interval\n\t\telements = {\n\t\t\t10.0.0.0/8\n\t\t}\n\t}\n"
           "\tset users {\n\t\ttypeof meta skuid\n\t}\n"
           "\tmap by_port {\n\t\ttypeof tcp dport : verdict\n\t\telements = {\n\t\t\t22 : accept\n\t\t}\n\t}\n"
           "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\tip saddr . tcp dport @pairs accept\n\t\tip daddr @nets accept\n\t\ttcp dport vmap @by_port\n\t}\n"
           "\tchain out {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tmeta skuid @users accept\n\t}\n"
           "}\n");
    // built at run time
    const std::vector<std::pair<port, runtime_verdict>> open{{port(80), runtime_verdict(accept)}};
    auto rt = table(family::inet, std::string("dyn"), set<ipv4_addr>("clients", key_typeof(ip.saddr), std::vector<ipv4_addr>{"10.1.0.1"}),
                    verdict_map<port>("open", key_typeof(th.dport), open),
                    base_chain("in", filter_chain(hook::input), ip.saddr == at_named("clients") >> accept));
    INFO((rt.check() ? rt.check()->describe() : std::string("valid")));
    REQUIRE(!rt.check());
    golden(ruleset(replace(rt)),
           "add table inet dyn\n"
           "delete table inet dyn\n"
           "table inet dyn {\n"
           "\tset clients {\n\t\ttypeof ip saddr\n\t\telements = {\n\t\t\t10.1.0.1\n\t\t}\n\t}\n"
           "\tmap open {\n\t\ttypeof th dport : verdict\n\t\telements = {\n\t\t\t80 : accept\n\t\t}\n\t}\n"
           "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tip saddr @clients accept\n\t}\n"
           "}\n");
}

TEST_CASE("typeof key rules, each beside a valid neighbour", "[ruleset][set][typeof][checks]") {
    STATIC_REQUIRE(key_typeof(ip.saddr, tcp.dport).typeof_decl == "ip saddr . tcp dport");
    STATIC_REQUIRE(key_typeof(ip.saddr, tcp.dport).typeof_type == concat_key<ipv4_addr, port>::nft_type);
    STATIC_REQUIRE(detail::set_elements_error<ipv4_addr>(key_typeof(ip.daddr), static_cast<const operand<ipv4_addr>*>(nullptr), 0) ==
                   nullptr);
    STATIC_REQUIRE(detail::set_elements_error<ipv4_addr>(key_typeof(ip6.saddr), static_cast<const operand<ipv4_addr>*>(nullptr), 0) ==
                   &rules::key_typeof_names_selectors_of_the_set_key_datatype);
    STATIC_REQUIRE(detail::set_elements_error<port>(key_typeof(tcp.dport, tcp.sport), static_cast<const operand<port>*>(nullptr), 0) ==
                   &rules::key_typeof_names_selectors_of_the_set_key_datatype);
    CHECK(refusal_of([] { (void)set<"s", ipv4_addr>(key_typeof(tcp.dport)); }) ==
          rules::key_typeof_names_selectors_of_the_set_key_datatype.sentence);
    CHECK(refusal_of([] { (void)set<ipv6_addr>("s", key_typeof(ip.saddr)); }) ==
          rules::key_typeof_names_selectors_of_the_set_key_datatype.sentence);
    // data maps: refused; verdict maps: fine
    CHECK(refusal_of([] { (void)data_map<"m", port, mark>(key_typeof(tcp.dport)); }) ==
          rules::key_typeof_is_for_sets_and_verdict_maps.sentence);
    CHECK(refusal_of([] { (void)verdict_map<"m", port>(key_typeof(tcp.dport), on(22, accept)); }) == "(nothing refused)");
}

TEST_CASE("nft refuses a typeof key the elements do not fit", "[ruleset][set][typeof][netns]") {
    if (!nftpp_test::netns_usable()) return;
    nftpp::testing::scratch_netns ns("typeof");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto bad = ex.apply(nftpp::script("table inet t {\n\tset s {\n\t\ttypeof tcp dport\n\t\telements = { 10.0.0.1 }\n\t}\n}\n"));
    INFO("nft said: " << bad.err);
    CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
    CHECK(bad.err.find("Could not resolve service") != std::string::npos);
}
