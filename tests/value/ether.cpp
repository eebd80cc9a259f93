// SPDX-License-Identifier: Apache-2.0
// ether_addr: six hex pairs, either case parsed, lower case rendered.
#include <type_traits>

#include <nftpp/value/ether.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

static_assert(std::is_trivially_copyable_v<ether_addr> && !std::is_default_constructible_v<ether_addr>);
static_assert(std::is_convertible_v<const char (&)[18], ether_addr>);
static_assert(ether_addr::nft_type == "ether_addr");

TEST_CASE("ether_addr literals, parsing and rendering", "[value][ether]") {
    constexpr ether_addr e = "00:11:22:33:44:55";
    STATIC_REQUIRE(e.bytes[0] == 0 && e.bytes[5] == 0x55);
    STATIC_REQUIRE(ether_addr("AA:bb:CC:dd:EE:ff") == ether_addr("aa:bb:cc:dd:ee:ff"));
    STATIC_REQUIRE(ether_addr("00:00:00:00:00:01") < ether_addr("00:00:00:00:01:00"));
    STATIC_REQUIRE(value_test::ctext(ether_addr("0A:BC:DE:F0:12:34")).view() == "0a:bc:de:f0:12:34");
    VALUE_GOLDEN(ether_addr("ff:ff:ff:ff:ff:ff"), "ff:ff:ff:ff:ff:ff");
    value_test::check_parses<ether_addr>("De:Ad:Be:Ef:00:01", "de:ad:be:ef:00:01");

    const auto& r = rules::an_ethernet_address_is_six_hex_pairs_separated_by_colons;
    const refusal cases[] = {
        {"", &r, 0},
        {"00:11:22:33:44", &r, 14},
        {"00:11:22:33:44:55:66", &r, 17},
        {"00-11-22-33-44-55", &r, 2},
        {"0:11:22:33:44:55", &r, 1},
        {"00:11:22:33:44:5g", &r, 16},
        {"g0:11:22:33:44:55", &r, 0},
        {"001122334455", &r, 2},
        {"00:11:22:33:44:55 ", &r, 17},
    };
    for (const auto& c : cases) value_test::check_refused<ether_addr>(c);
}

TEST_CASE("a rendered ether_addr is what nft lists back", "[value][ether][oracle]") {
    std::vector<value_test::rule_case> rules;
    std::vector<value_test::element_case> elements;
    for (const ether_addr e : {ether_addr("00:11:22:33:44:55"), ether_addr("0A:BC:DE:F0:12:34"),
                               ether_addr("ff:ff:ff:ff:ff:ff"), ether_addr("00:00:00:00:00:00")}) {
        const auto t = value_test::text(e);
        rules.push_back({"ether saddr " + t + " accept", "ether saddr " + t + " accept"});
        elements.push_back({std::string(ether_addr::nft_type), t, t});
    }
    value_test::check_rules_list_back("inet", rules);
    value_test::check_elements_list_back(elements);
}
