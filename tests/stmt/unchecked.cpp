// SPDX-License-Identifier: Apache-2.0
// unchecked("..."): nft text nftpp does not model, placed and reported like any other part;
// text that would leave its rule is refused.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <nftpp/nftpp.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;
using nftpp_test::refusal_of;

TEST_CASE("unchecked text stands where it is written, and loads", "[stmt][unchecked][golden]") {
    const auto t = table<family::inet>(
        "t", base_chain<"fwd_mss", filter_chain(hook::forward, prio::mangle)>(
                 tcp.flags == syn >> unchecked("tcp option maxseg size set rt mtu"),
                 unchecked("meter flood size 1024 { ip saddr limit rate over 10/second } counter") >> drop,
                 ip.saddr == "10.0.0.1" >> unchecked("log prefix \"a;b # {\"") >> accept));
    golden(ruleset(replace(t)),
           "add table inet t\ndelete table inet t\ntable inet t {\n\tchain fwd_mss {\n"
           "\t\ttype filter hook forward priority -150; policy accept;\n"
           "\t\ttcp flags syn tcp option maxseg size set rt mtu\n"
           "\t\tmeter flood size 1024 { ip saddr limit rate over 10/second } counter drop\n"
           "\t\tip saddr 10.0.0.1 log prefix \"a;b # {\" accept\n"
           "\t}\n}\n");
    // the rule's other parts are still checked: it is a statement, not a verdict
    STATIC_REQUIRE(rule_summary_v<decltype(as_rule(unchecked("x") >> accept))>.broken == nullptr);
    STATIC_REQUIRE(rule_summary_v<decltype(as_rule(accept >> unchecked("x")))>.broken == &rules::terminal_statement_last);
}

TEST_CASE("unchecked text that would leave its rule is refused", "[stmt][unchecked]") {
    const std::string sentence(rules::unchecked_text_stays_inside_its_rule.sentence);
    for (const std::string& bad : std::vector<std::string>{"accept\nflush ruleset", "accept; flush ruleset", "accept }\n}\nflush ruleset", "counter # drop",
                                  "ip saddr { 10.0.0.1", "ip saddr 10.0.0.1 }", "log prefix \"open", "a\tb", std::string("a\0b", 3),
                                  std::string(), std::string(4097, 'a')}) {
        INFO(bad);
        CHECK(refusal_of([&] { (void)unchecked(bad); }) == sentence);
    }
    try {
        (void)unchecked("counter; drop");
    } catch (const value_error& e) {
        CHECK(e.info().offset == 7);
    }
    CHECK(refusal_of([] { (void)unchecked(std::string(4096, 'a')); }) == "(nothing refused)");
    CHECK(refusal_of([] { (void)unchecked("ip saddr { 10.0.0.1, 10.0.0.2 } log prefix \"};#\""); }) == "(nothing refused)");
}

TEST_CASE("nft's error in unchecked text points at its rule", "[stmt][unchecked][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = table<family::inet>("t", base_chain<"input", filter_chain(hook::input)>(
                                                 tcp.dport == 22 >> accept, unchecked("tcp option bogus size set 1")));
    testing::scratch_netns ns("unchecked");
    REQUIRE(ns.ok());
    const exec::outcome r = ns.executor().apply(render(ruleset(replace(t))));
    REQUIRE(r.kind == exec::outcome_kind::rejected);
    REQUIRE_FALSE(r.messages.empty());
    const auto& m = r.messages.front();
    REQUIRE(m.origin);
    CHECK(m.origin->chain == "input");
    CHECK(m.origin->rule == 1);
    CHECK(r.describe().find("table inet t, chain input, rule #1: \t\ttcp option bogus size set 1") != std::string::npos);
}
