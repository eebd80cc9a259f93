// SPDX-License-Identifier: Apache-2.0
// log_prefix and comment_text: byte limits, refused characters, quoted rendering.
#include <string>
#include <type_traits>

#include <nftpp/value/text.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

static_assert(std::is_trivially_copyable_v<log_prefix> && std::is_trivially_destructible_v<log_prefix>);
static_assert(std::is_trivially_copyable_v<comment_text> && std::is_trivially_destructible_v<comment_text>);
static_assert(!std::is_default_constructible_v<log_prefix> && !std::is_default_constructible_v<comment_text>);
static_assert(std::is_convertible_v<const char (&)[3], log_prefix> && std::is_convertible_v<const char (&)[3], comment_text>);

TEST_CASE("log_prefix: 1 to 127 bytes, no quote, dollar, NUL, CR or newline", "[value][text]") {
    constexpr log_prefix p = "sandbox: ";
    STATIC_REQUIRE(p.view() == "sandbox: ");
    STATIC_REQUIRE(value_test::ctext(p).view() == "\"sandbox: \"");
    STATIC_REQUIRE(log_prefix::parse(std::string_view(
                                         "0123456789012345678901234567890123456789012345678901234567890123456789"
                                         "012345678901234567890123456789012345678901234567890123456"))
                       .ok());  // 127 bytes
    STATIC_REQUIRE(!log_prefix::parse("cost $5").ok());

    const std::string b127(127, 'x'), b128(128, 'x'), b137(137, 'x');
    value_test::check_parses<log_prefix>(b127, "\"" + b127 + "\"");
    // 63 two-byte characters are 126 bytes; the limit counts bytes, not characters
    std::string u126;
    for (int i = 0; i < 63; ++i) u126 += "\xc3\xbc";
    value_test::check_parses<log_prefix>(u126, "\"" + u126 + "\"");

    const auto& len = rules::a_log_prefix_is_1_to_127_bytes;
    const auto& chars = rules::a_log_prefix_may_not_contain_quote_dollar_nul_or_newline;
    const auto& utf8 = rules::a_log_prefix_is_valid_utf_8;
    const std::string u128 = u126 + "\xc3\xbc";
    const refusal cases[] = {
        {"", &len, 0},
        {b128, &len, 128},
        {b137, &len, 137},
        {u128, &len, 128},
        {"a\"b", &chars, 1},
        {"cost $5", &chars, 5},
        {"$", &chars, 0},
        {"line\n", &chars, 4},
        {"cr\r", &chars, 2},
        {std::string_view("nul\0", 4), &chars, 3},
        // not UTF-8: nft's JSON listing would drop the prefix
        {"fw\xff: ", &utf8, 2},
        {"\xc3(", &utf8, 0},
        {"ok \xe2\x82", &utf8, 3},
    };
    for (const auto& c : cases) value_test::check_refused<log_prefix>(c);
}

TEST_CASE("comment_text: 1 to 128 bytes, no quote, NUL, CR or newline", "[value][text]") {
    constexpr comment_text c = "why this rule exists";
    STATIC_REQUIRE(c.view() == "why this rule exists");
    STATIC_REQUIRE(value_test::ctext(c).view() == "\"why this rule exists\"");
    const std::string b128(128, 'c'), b129(129, 'c');
    value_test::check_parses<comment_text>(b128, "\"" + b128 + "\"");
    value_test::check_parses<comment_text>("costs $5; #1 {x}", "\"costs $5; #1 {x}\"");  // '$' is literal here

    const auto& len = rules::a_comment_is_1_to_128_bytes;
    const auto& chars = rules::a_comment_may_not_contain_quote_nul_or_newline;
    const auto& utf8 = rules::a_comment_is_valid_utf_8;
    const refusal cases[] = {
        {"", &len, 0},
        {b129, &len, 129},
        {"the \"proxy\" port", &chars, 4},
        {"two\nlines", &chars, 3},
        {"\r", &chars, 0},
        {std::string_view("a\0", 2), &chars, 1},
        {"c\xff" "d", &utf8, 1},  // nft's JSON listing would drop the comment
        {"\xf8\x88\x80\x80\x80", &utf8, 0},
    };
    for (const auto& c2 : cases) value_test::check_refused<comment_text>(c2);
}

TEST_CASE("rendered log prefixes and comments are what nft lists back", "[value][text][oracle]") {
    std::string u126;
    for (int i = 0; i < 63; ++i) u126 += "\xc3\xbc";
    const std::string prefixes[] = {"sandbox: ", "x", std::string(127, 'p'), u126, "a\\b 'q' #h; {}", "\t tab"};
    const std::string comments[] = {"why this rule exists", std::string(128, 'c'), "costs $5; #1 {x}", "a\\b 'q'"};
    std::vector<value_test::rule_case> rules;
    for (const auto& p : prefixes) {
        const std::string t = value_test::text(*log_prefix::parse(p));
        rules.push_back({"log prefix " + t + " accept", "log prefix " + t + " accept"});
    }
    for (const auto& c : comments) {
        const std::string t = value_test::text(*comment_text::parse(c));
        rules.push_back({"accept comment " + t, "accept comment " + t});
    }
    value_test::check_rules_list_back("inet", rules);
}
