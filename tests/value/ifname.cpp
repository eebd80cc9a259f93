// SPDX-License-Identifier: Apache-2.0
// ifname: 1 to 15 bytes of UTF-8, no quote/NUL/CR/newline, not "*" alone, no escaped trailing
// "\*", trailing '*' wildcard.
#include <string>
#include <type_traits>

#include <nftpp/value/ifname.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

static_assert(std::is_trivially_copyable_v<ifname> && std::is_trivially_destructible_v<ifname>);
static_assert(!std::is_default_constructible_v<ifname>);
static_assert(std::is_convertible_v<const char (&)[3], ifname>);
static_assert(!std::is_convertible_v<int, ifname>);
static_assert(ifname::nft_type == "ifname");

TEST_CASE("ifname literals, wildcards and the text", "[value][ifname]") {
    constexpr ifname lo = "lo";
    STATIC_REQUIRE(lo.view() == "lo");
    STATIC_REQUIRE(!lo.is_wildcard());
    STATIC_REQUIRE(ifname("veth*").is_wildcard());
    STATIC_REQUIRE(!ifname("v*th").is_wildcard());   // only a trailing '*' is a wildcard
    STATIC_REQUIRE(!ifname::parse("eth\\*").ok());  // nft would list it back as the wildcard "eth*"
    STATIC_REQUIRE(ifname("\xc3\xa4th0").view().size() == 5);  // UTF-8 is fine
    STATIC_REQUIRE(ifname("abcdefghijklmno").view().size() == 15);
    STATIC_REQUIRE(ifname("eth0") == ifname("eth0"));
    STATIC_REQUIRE(!(ifname("eth0") == ifname("eth1")));
    STATIC_REQUIRE(value_test::ctext(ifname("wg0")).view() == "\"wg0\"");
    STATIC_REQUIRE(!ifname::parse("*").ok());
    STATIC_REQUIRE(!ifname::parse("abcdefghijklmnop").ok());
}

TEST_CASE("ifname refusals", "[value][ifname]") {
    const auto& len = rules::an_interface_name_is_1_to_15_bytes;
    const auto& chars = rules::an_interface_name_may_not_contain_quote_nul_or_newline;
    const auto& star = rules::an_interface_name_may_not_be_a_lone_wildcard;
    const auto& utf8 = rules::an_interface_name_is_valid_utf_8;
    const auto& escaped = rules::an_interface_name_may_not_end_in_an_escaped_wildcard;
    const refusal cases[] = {
        {"", &len, 0},
        {"abcdefghijklmnop", &len, 16},
        {"abcdefghijklmno*", &len, 16},
        {"a\"b", &chars, 1},
        {std::string_view("a\0b", 3), &chars, 1},
        {"eth0\n", &chars, 4},
        {"\reth0", &chars, 0},
        {"*", &star, 0},
        // not UTF-8: Linux allows it, but nft's JSON drops such a set element and aborts
        // on such a rule, so the ruleset could not be listed back
        {"\xff\xfe", &utf8, 0},
        {"eth\xc3", &utf8, 3},              // truncated
        {"a\xc0\xaf", &utf8, 1},            // overlong '/'
        {"\xed\xa0\x80x", &utf8, 0},        // a surrogate
        {"v\xf4\x90\x80\x80", &utf8, 1},    // above U+10FFFF
        {"a\x80", &utf8, 1},                // a lone continuation byte
        // nft stores "\*" as a plain '*' but lists it as "eth*": read back, a wildcard
        {"eth\\*", &escaped, 3},
        {"\\*", &escaped, 0},
    };
    for (const auto& c : cases) value_test::check_refused<ifname>(c);
}

TEST_CASE("ifname renders quoted", "[value][ifname]") {
    VALUE_GOLDEN(ifname("lo"), "\"lo\"");
    VALUE_GOLDEN(ifname("veth*"), "\"veth*\"");
    VALUE_GOLDEN(ifname("a b"), "\"a b\"");
    value_test::check_parses<ifname>("br-1a2b3c4d5e6f", "\"br-1a2b3c4d5e6f\"");
    value_test::check_parses<ifname>("e\\th", "\"e\\th\"");  // a backslash elsewhere is a plain character
    value_test::check_parses<ifname>("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");
    value_test::check_parses<ifname>("$x", "\"$x\"");  // '$' is literal in an interface name
}

TEST_CASE("a rendered ifname is what nft lists back", "[value][ifname][oracle]") {
    const ifname names[] = {"lo", "eth0", "veth*", "v*th", "abcdefghijklmno", "a b", "br-1a2b3c4d5e6f", "$x", "e\\th",
                            "\xc3\xa4"};
    std::vector<value_test::rule_case> rules;
    std::vector<value_test::element_case> elements;
    for (const auto& n : names) {
        const auto t = value_test::text(n);
        rules.push_back({"iifname " + t + " accept", "iifname " + t + " accept"});
        rules.push_back({"oifname != " + t + " accept", "oifname != " + t + " accept"});
        elements.push_back({std::string(ifname::nft_type), t, t, n.is_wildcard()});
    }
    value_test::check_rules_list_back("inet", rules);
    value_test::check_elements_list_back(elements);
}
