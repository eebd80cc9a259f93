// SPDX-License-Identifier: Apache-2.0
// ipv4_addr and ipv4_prefix: literals, parsing, rendering, and nft's own listing.
#include <type_traits>

#include <nftpp/value/ipv4.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

static_assert(std::is_trivially_copyable_v<ipv4_addr> && std::is_trivially_destructible_v<ipv4_addr>);
static_assert(std::is_trivially_copyable_v<ipv4_prefix> && std::is_trivially_destructible_v<ipv4_prefix>);
static_assert(!std::is_default_constructible_v<ipv4_addr>, "an unset address must be impossible");
static_assert(!std::is_default_constructible_v<ipv4_prefix>);
static_assert(std::is_convertible_v<const char (&)[9], ipv4_addr>, "a literal converts implicitly");
static_assert(!std::is_convertible_v<int, ipv4_addr>, "167772161 is not an address literal");
static_assert(ipv4_addr::nft_type == "ipv4_addr");

TEST_CASE("ipv4_addr literals are parsed by the compiler", "[value][ipv4]") {
    constexpr ipv4_addr a = "10.0.0.1";
    STATIC_REQUIRE(a.bits == 0x0a000001u);
    STATIC_REQUIRE(ipv4_addr("255.255.255.255").bits == 0xffffffffu);
    STATIC_REQUIRE(ipv4_addr("0.0.0.0").bits == 0u);
    STATIC_REQUIRE(ipv4_addr("192.168.1.20") == ipv4_addr::from_bits(0xc0a80114u));
    STATIC_REQUIRE(ipv4_addr("10.0.0.1") < ipv4_addr("10.0.0.2"));
    STATIC_REQUIRE(ipv4_addr("9.255.255.255") < ipv4_addr("10.0.0.0"));
    STATIC_REQUIRE(value_test::ctext(ipv4_addr("172.16.254.3")).view() == "172.16.254.3");
}

TEST_CASE("ipv4_addr::parse is constexpr and refuses what nft would resolve or misread", "[value][ipv4]") {
    STATIC_REQUIRE(ipv4_addr::parse("10.0.0.1").ok());
    STATIC_REQUIRE(!ipv4_addr::parse("10.1").ok());
    STATIC_REQUIRE(!ipv4_addr::parse("localhost").ok());
    STATIC_REQUIRE(!ipv4_addr::parse("010.0.0.1").ok());
    STATIC_REQUIRE(ipv4_addr::parse("256.0.0.1").err().broken ==
                   &rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots);
    STATIC_REQUIRE(ipv4_addr::parse("10.0.0.01").err().broken == &rules::an_ipv4_address_part_may_not_have_a_leading_zero);
}

TEST_CASE("ipv4_addr refusals name the rule and the offset", "[value][ipv4]") {
    const auto& four = rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots;
    const auto& zero = rules::an_ipv4_address_part_may_not_have_a_leading_zero;
    const refusal cases[] = {
        {"", &four, 0},
        {"10.1", &four, 4},
        {"10.0.0", &four, 6},
        {"10.0.0.1.", &four, 8},
        {"10.0.0.1.5", &four, 8},
        {"256.0.0.1", &four, 0},
        {"10.0.0.256", &four, 7},
        {"10.0.0.-1", &four, 7},
        {"+10.0.0.1", &four, 0},
        {"10..0.1", &four, 3},
        {".10.0.0", &four, 0},
        {"10.0.0.1 ", &four, 8},
        {" 10.0.0.1", &four, 0},
        {"localhost", &four, 0},
        {"167772161", &four, 0},
        {"0x0a000001", &four, 1},
        {"::1", &four, 0},
        {"10.0.0.1/8", &four, 8},
        {"99999999999999999999999.0.0.0", &four, 0},
        {"010.0.0.1", &zero, 0},
        {"10.00.0.1", &zero, 3},
        {"10.0.0.01", &zero, 7},
    };
    for (const auto& c : cases) value_test::check_refused<ipv4_addr>(c);
}

TEST_CASE("ipv4_addr renders dotted quads", "[value][ipv4]") {
    VALUE_GOLDEN(ipv4_addr("10.0.0.1"), "10.0.0.1");
    VALUE_GOLDEN(ipv4_addr("0.0.0.0"), "0.0.0.0");
    VALUE_GOLDEN(ipv4_addr("255.255.255.255"), "255.255.255.255");
    VALUE_GOLDEN(ipv4_addr::from_bits(0x7f000001u), "127.0.0.1");
    value_test::check_parses<ipv4_addr>("192.168.100.200", "192.168.100.200");
    value_test::check_parses<ipv4_addr>("1.2.3.4", "1.2.3.4");
}

TEST_CASE("ipv4_prefix: network address and length, host bits refused", "[value][ipv4]") {
    constexpr ipv4_prefix p = "10.0.0.0/8";
    STATIC_REQUIRE(p.addr == ipv4_addr("10.0.0.0"));
    STATIC_REQUIRE(p.len == 8);
    STATIC_REQUIRE(p.contains("10.255.1.2"));
    STATIC_REQUIRE(!p.contains("11.0.0.0"));
    STATIC_REQUIRE(ipv4_prefix("0.0.0.0/0").contains("255.255.255.255"));
    STATIC_REQUIRE(ipv4_prefix("192.168.1.7/32").contains("192.168.1.7"));
    STATIC_REQUIRE(!ipv4_prefix("192.168.1.7/32").contains("192.168.1.6"));
    STATIC_REQUIRE(ipv4_prefix("192.168.1.7") == ipv4_prefix("192.168.1.7/32"));
    STATIC_REQUIRE(ipv4_prefix::make("172.16.0.0", 12).ok());
    STATIC_REQUIRE(!ipv4_prefix::make("172.16.0.0", 33).ok());
    STATIC_REQUIRE(!ipv4_prefix::make("172.16.0.0", -1).ok());
    STATIC_REQUIRE(ipv4_prefix::make("172.16.0.1", 12).err().broken == &rules::an_ipv4_prefix_must_not_have_host_bits_set);
    STATIC_REQUIRE(!ipv4_prefix::parse("10.0.0.1/8").ok());
    STATIC_REQUIRE(value_test::ctext(ipv4_prefix("10.0.0.0/8")).view() == "10.0.0.0/8");

    const auto& bits = rules::an_ipv4_prefix_must_not_have_host_bits_set;
    const auto& len = rules::an_ipv4_prefix_is_an_address_a_slash_and_a_length_from_0_to_32;
    const refusal cases[] = {
        {"10.0.0.1/8", &bits, 8},
        {"192.168.1.1/24", &bits, 11},
        {"0.0.0.1/0", &bits, 7},
        {"10.0.0.0/33", &len, 9},
        {"10.0.0.0/", &len, 9},
        {"10.0.0.0/08", &len, 9},
        {"10.0.0.0/-1", &len, 9},
        {"10.0.0.0/8/8", &len, 9},
        {"10.0.0/8", &rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots, 6},
    };
    for (const auto& c : cases) value_test::check_refused<ipv4_prefix>(c);

    VALUE_GOLDEN(ipv4_prefix("10.0.0.0/8"), "10.0.0.0/8");
    VALUE_GOLDEN(ipv4_prefix("0.0.0.0/0"), "0.0.0.0/0");
    VALUE_GOLDEN(ipv4_prefix("192.168.1.128/25"), "192.168.1.128/25");
    VALUE_GOLDEN(ipv4_prefix("10.1.2.3/32"), "10.1.2.3");  // nft lists a /32 as the address
    value_test::check_parses<ipv4_prefix>("10.1.2.3", "10.1.2.3");
}

TEST_CASE("a rendered ipv4_addr or ipv4_prefix is what nft lists back", "[value][ipv4][oracle]") {
    const ipv4_addr addrs[] = {"10.0.0.1", "0.0.0.0", "255.255.255.255", "127.0.0.1", "192.168.100.200", "1.2.3.4"};
    const ipv4_prefix prefixes[] = {"10.0.0.0/8", "0.0.0.0/0", "192.168.1.128/25", "172.16.0.0/12", "10.1.2.3/32",
                                    "128.0.0.0/1", "255.255.255.254/31"};
    std::vector<value_test::rule_case> rules;
    std::vector<value_test::element_case> elements;
    for (const auto& a : addrs) {
        const auto t = value_test::text(a);
        rules.push_back({"ip saddr " + t + " accept", "ip saddr " + t + " accept"});
        rules.push_back({"ip daddr != " + t + " drop", "ip daddr != " + t + " drop"});
        elements.push_back({std::string(ipv4_addr::nft_type), t, t});
    }
    for (const auto& p : prefixes) {
        const auto t = value_test::text(p);
        rules.push_back({"ip saddr " + t + " accept", "ip saddr " + t + " accept"});
        elements.push_back({std::string(ipv4_prefix::nft_type), t, t, true});
    }
    value_test::check_rules_list_back("inet", rules);
    value_test::check_rules_list_back("ip", rules);
    value_test::check_elements_list_back(elements);
}
