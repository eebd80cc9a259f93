// SPDX-License-Identifier: Apache-2.0
// tcp_flags: constants, |, parse, rendering in nft's order.
#include <type_traits>

#include <nftpp/value/tcp_flags.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

using value_test::element_text;

static_assert(std::is_trivially_copyable_v<tcp_flags> && !std::is_default_constructible_v<tcp_flags>);
static_assert(!std::is_constructible_v<tcp_flags, int>);
static_assert(tcp_flags::nft_type == "tcp_flag");

TEST_CASE("tcp_flags constants combine with | and render in bit order", "[value][tcp_flags]") {
    STATIC_REQUIRE(fin.bits == 1 && syn.bits == 2 && rst.bits == 4 && psh.bits == 8 && ack.bits == 16 &&
                   urg.bits == 32 && ecn.bits == 64 && cwr.bits == 128);
    STATIC_REQUIRE((ack | syn) == (syn | ack));
    STATIC_REQUIRE((syn | ack).has(syn) && !(syn | ack).has(fin));
    STATIC_REQUIRE(value_test::ctext(ack | syn).view() == "syn,ack");
    VALUE_GOLDEN(syn, "syn");
    VALUE_GOLDEN(cwr | ecn | urg | ack | psh | rst | syn | fin, "fin,syn,rst,psh,ack,urg,ecn,cwr");
    CHECK(element_text(syn | ack) == "syn | ack");

    STATIC_REQUIRE(*tcp_flags::parse("ack,syn") == (syn | ack));
    STATIC_REQUIRE(!tcp_flags::from_bits(0).ok());
    STATIC_REQUIRE(!tcp_flags::from_bits(256).ok());
    STATIC_REQUIRE(*tcp_flags::from_bits(0x12) == (syn | ack));
    const auto& r = rules::tcp_flags_are_one_or_more_of_fin_syn_rst_psh_ack_urg_ecn_cwr;
    const refusal cases[] = {{"", &r, 0}, {"SYN", &r, 0}, {"syn,", &r, 4}, {"syn|ack", &r, 0}, {"0x12", &r, 0}};
    for (const auto& c : cases) value_test::check_refused<tcp_flags>(c);
}

TEST_CASE("rendered tcp flags are what nft lists back", "[value][tcp_flags][oracle]") {
    std::vector<value_test::rule_case> rules;
    auto same = [&](const std::string& r) { rules.push_back({r, r}); };
    for (const tcp_flags f : {fin, syn, rst, psh, ack, urg, ecn, cwr, syn | ack, fin | rst | cwr})
        same("tcp flags " + value_test::text(f) + " accept");
    same("tcp flags " + value_test::text(syn) + " / " + value_test::text(syn | ack | fin | rst) + " accept");
    // in an anonymous set a combination is one element, joined by " | " (nft sorts elements)
    same("tcp flags { " + element_text(fin) + ", " + element_text(syn | ack) + " } accept");
    same("tcp flags == " + value_test::text(syn) + " accept");
    // an exact comparison of a combination is listed in hex by nft
    rules.push_back({"tcp flags != " + value_test::text(syn | ack) + " accept", "tcp flags != 0x12 accept"});
    // All eight flags as a bare match mean "any flag set": nft lists that as a comparison.
    rules.push_back({"tcp flags " + value_test::text(fin | syn | rst | psh | ack | urg | ecn | cwr) + " accept",
                     "tcp flags != 0x0 accept"});
    value_test::check_rules_list_back("inet", rules);
    value_test::check_elements_list_back({
        {"tcp_flag", element_text(syn | ack), "syn | ack"},
        {"tcp_flag", element_text(rst), "rst"},
    });
}
