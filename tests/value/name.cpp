// SPDX-License-Identifier: Apache-2.0
// name: table, chain and set names — identifier syntax, 1 to 255 bytes, not one of the
// 153 words nft 1.0.6 refuses as names (checked against nft itself).
#include <algorithm>
#include <string>
#include <type_traits>

#include <nftpp/value/name.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

static_assert(std::is_trivially_copyable_v<name> && std::is_trivially_destructible_v<name>);
static_assert(!std::is_default_constructible_v<name>);
static_assert(std::is_convertible_v<const char (&)[7], name>);

TEST_CASE("the keyword list is sorted, unique and complete", "[value][name]") {
    STATIC_REQUIRE(detail::nft_keywords.size() == 153);
    STATIC_REQUIRE(std::is_sorted(detail::nft_keywords.begin(), detail::nft_keywords.end()));
    STATIC_REQUIRE(std::adjacent_find(detail::nft_keywords.begin(), detail::nft_keywords.end()) ==
                   detail::nft_keywords.end());
    for (std::string_view kw : detail::nft_keywords) {
        INFO(kw);
        CHECK(check_name(kw).broken == &rules::a_name_may_not_be_an_nft_keyword);
    }
}

TEST_CASE("names: identifier syntax, 1 to 255 bytes, not a keyword", "[value][name]") {
    constexpr name n = "filter";
    STATIC_REQUIRE(n.view() == "filter");
    STATIC_REQUIRE(value_test::ctext(n).view() == "filter");
    STATIC_REQUIRE(check_name("to_proxy").broken == nullptr);
    STATIC_REQUIRE(check_name("input").broken == nullptr);  // hook and type words are plain names
    STATIC_REQUIRE(check_name("dport").broken == nullptr);  // scoped keywords too
    STATIC_REQUIRE(check_name("jump").broken == &rules::a_name_may_not_be_an_nft_keyword);
    STATIC_REQUIRE(check_name("Jump").broken == nullptr);  // keywords are lower case
    STATIC_REQUIRE(!name::parse("1st").ok());
    STATIC_REQUIRE(name("_t") == name("_t"));

    value_test::check_parses<name>("T", "T");
    value_test::check_parses<name>("t-1_x", "t-1_x");
    // what nft's scanner reads as one identifier: '.' and '/' after the first character,
    // '.' also first (kube-proxy's chain names; tested against nft below)
    value_test::check_parses<name>("vm.1", "vm.1");
    value_test::check_parses<name>("t/1", "t/1");
    value_test::check_parses<name>("ns1/svc1/tcp/p80__10.180.0.1/80", "ns1/svc1/tcp/p80__10.180.0.1/80");
    value_test::check_parses<name>(".a", ".a");
    value_test::check_parses<name>("..", "..");
    STATIC_REQUIRE(check_name("t.1").broken == nullptr);
    STATIC_REQUIRE(check_name("svc_s0-web").broken == nullptr);
    value_test::check_parses<name>(std::string(255, 'n'), std::string(255, 'n'));

    const auto& len = rules::a_name_is_1_to_255_bytes;
    const auto& syntax = rules::a_name_starts_with_a_letter_or_underscore_then_letters_digits_underscore_or_dash;
    const auto& kw = rules::a_name_may_not_be_an_nft_keyword;
    const std::string n256(256, 'n');
    const refusal cases[] = {
        {"", &len, 0},           {n256, &len, 256},     {"1t", &syntax, 0},  {"123", &syntax, 0},
        {"-t", &syntax, 0},      {"t$", &syntax, 1},    {"a b", &syntax, 1}, {".", &syntax, 0},
        {"/t", &syntax, 0},      {"\"t\"", &syntax, 0}, {"t:x", &syntax, 1}, {"accept", &kw, 0},
        {"t,1", &syntax, 1},     {"t@1", &syntax, 1},   {"t*", &syntax, 1},  {"t+1", &syntax, 1},
        {"ip", &kw, 0},          {"set", &kw, 0},       {"auto-merge", &kw, 0}, {"xt", &kw, 0},
    };
    for (const auto& c : cases) value_test::check_refused<name>(c);
}

// nft itself: every refused keyword is a syntax error as a table name; accepted names load.
TEST_CASE("nft refuses exactly the keywords we refuse, and lists accepted names back", "[value][name][oracle]") {
    auto ns = value_test::open_scratch_ns();
    if (!ns) return;
    for (std::string_view kw : detail::nft_keywords) {
        const std::string script = "table inet " + std::string(kw) + " {\n\tchain c {\n\t}\n}\n";
        const auto r = ns->load(script);
        INFO("table name " << kw << ": nft said " << r.output);
        CHECK_FALSE(r.ok);
        CHECK(r.output.find("syntax error") != std::string::npos);
    }
    ns->flush();
    // names nftpp refuses for their characters are syntax errors to nft too (`t:x` is not
    // among them: nft reads it as an address in some places and refuses it in others)
    for (std::string_view bad : {".", "/t", "1t", "-t", "t,1", "t@1", "t+1", "t$", "t*"}) {
        CHECK(check_name(bad).broken == &rules::a_name_starts_with_a_letter_or_underscore_then_letters_digits_underscore_or_dash);
        const auto r = ns->load("table inet " + std::string(bad) + " {\n\tchain c {\n\t}\n}\n");
        INFO("table name " << bad << ": nft said " << r.output);
        CHECK_FALSE(r.ok);
        CHECK(r.output.find("syntax error") != std::string::npos);
    }
    ns->flush();
    const std::string accepted[] = {"filter", "nat", "input", "dport", "state", "saddr", "protocol", "name",
                                    "level", "value", "T", "_t", "t-1", "t_1", "Jump", std::string(255, 'n'),
                                    "vm.1", "t/1", "ns1/svc1/tcp/p80__10.180.0.1/80", ".a", "..", "x/", "a.-"};
    for (const auto& a : accepted) {
        const name n = *name::parse(a);
        const std::string t = value_test::text(n);
        const std::string script = "table inet " + t + " {\n\tset " + t + " {\n\t\ttype ipv4_addr\n\t}\n\tchain " + t +
                                   " {\n\t}\n}\n";
        const auto r = ns->load(script);
        INFO("name " << t << ": nft said " << r.output);
        REQUIRE(r.ok);
        const auto listed = ns->nft({"list", "table", "inet", t});
        REQUIRE(listed.ok);
        const auto lines = value_test::lines_of(listed.output);
        CHECK(std::find(lines.begin(), lines.end(), "table inet " + t + " {") != lines.end());
        CHECK(std::find(lines.begin(), lines.end(), "\tset " + t + " {") != lines.end());
        CHECK(std::find(lines.begin(), lines.end(), "\tchain " + t + " {") != lines.end());
        ns->flush();
    }
}
