// SPDX-License-Identifier: Apache-2.0
// ipv6_addr and ipv6_prefix: literals, parsing, rendering (checked against inet_ntop,
// which nft uses to list addresses) and nft's own listing.
#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <random>
#include <type_traits>

#include <nftpp/value/ipv6.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

static_assert(std::is_trivially_copyable_v<ipv6_addr> && std::is_trivially_destructible_v<ipv6_addr>);
static_assert(std::is_trivially_copyable_v<ipv6_prefix> && std::is_trivially_destructible_v<ipv6_prefix>);
static_assert(!std::is_default_constructible_v<ipv6_addr>);
static_assert(!std::is_default_constructible_v<ipv6_prefix>);
static_assert(std::is_convertible_v<const char (&)[4], ipv6_addr>);
static_assert(ipv6_addr::nft_type == "ipv6_addr");

namespace {
constexpr std::array<std::uint8_t, 16> bytes(std::initializer_list<int> b) {
    std::array<std::uint8_t, 16> a{};
    std::size_t i = 0;
    for (int v : b) a[i++] = static_cast<std::uint8_t>(v);
    return a;
}
}  // namespace

TEST_CASE("ipv6_addr literals: full, compressed, embedded IPv4, either case", "[value][ipv6]") {
    STATIC_REQUIRE(ipv6_addr("::1").bytes == bytes({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
    STATIC_REQUIRE(ipv6_addr("::").bytes == bytes({}));
    STATIC_REQUIRE(ipv6_addr("2001:db8::1") == ipv6_addr("2001:0db8:0000:0000:0000:0000:0000:0001"));
    STATIC_REQUIRE(ipv6_addr("2001:DB8::1") == ipv6_addr("2001:db8::1"));
    STATIC_REQUIRE(ipv6_addr("::ffff:1.2.3.4").bytes == bytes({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4}));
    STATIC_REQUIRE(ipv6_addr("1:2:3:4:5:6:1.2.3.4") == ipv6_addr("1:2:3:4:5:6:102:304"));
    STATIC_REQUIRE(ipv6_addr("fe80::") == ipv6_addr("fe80:0:0:0:0:0:0:0"));
    STATIC_REQUIRE(ipv6_addr("1:2:3:4:5:6:7::") == ipv6_addr("1:2:3:4:5:6:7:0"));
    STATIC_REQUIRE(ipv6_addr("::2:3:4:5:6:7:8") == ipv6_addr("0:2:3:4:5:6:7:8"));
    STATIC_REQUIRE(ipv6_addr("::1") < ipv6_addr("::2"));
    STATIC_REQUIRE(value_test::ctext(ipv6_addr("2001:DB8:0:0:1::1")).view() == "2001:db8::1:0:0:1");
}

TEST_CASE("ipv6_addr::parse refuses zones, brackets, ':::' and malformed groups", "[value][ipv6]") {
    STATIC_REQUIRE(ipv6_addr::parse("fd00::1").ok());
    STATIC_REQUIRE(!ipv6_addr::parse("fe80::1%lo").ok());
    STATIC_REQUIRE(!ipv6_addr::parse("[::1]").ok());
    STATIC_REQUIRE(!ipv6_addr::parse("2001:db8:::1").ok());

    const auto& bad = rules::an_ipv6_address_is_eight_hex_groups_with_at_most_one_double_colon;
    const refusal cases[] = {
        {"", &bad, 0},
        {":", &bad, 0},
        {":::", &bad, 2},
        {"2001:db8:::1", &bad, 10},
        {"1::2::3", &bad, 4},
        {"fe80::1%lo", &bad, 6},
        {"[::1]", &bad, 0},
        {"::1]", &bad, 2},
        {"1:2:3:4:5:6:7", &bad, 13},
        {"1:2:3:4:5:6:7:8:9", &bad, 16},
        {"1:2:3:4:5:6:7:8::", &bad, 17},
        {"::1:2:3:4:5:6:7:8", &bad, 17},
        {"12345::", &bad, 0},
        {"g::1", &bad, 0},
        {":1::", &bad, 0},
        {"1:", &bad, 1},
        {"1:2:3:4:5:6:7:", &bad, 13},
        {"::1.2.3", &bad, 2},
        {"::01.2.3.4", &bad, 2},
        {"::1.2.3.4:1", &bad, 2},
        {"1.2.3.4", &bad, 7},
        {"1:2:3:4:5:6:7:1.2.3.4", &bad, 14},
        {"localhost", &bad, 0},
        {"10.0.0.1", &bad, 8},
        {" ::1", &bad, 0},
    };
    for (const auto& c : cases) value_test::check_refused<ipv6_addr>(c);
}

TEST_CASE("ipv6_addr renders as nft lists it (RFC 5952 via inet_ntop)", "[value][ipv6]") {
    VALUE_GOLDEN(ipv6_addr("::1"), "::1");
    VALUE_GOLDEN(ipv6_addr("::"), "::");
    VALUE_GOLDEN(ipv6_addr("2001:DB8::1"), "2001:db8::1");
    VALUE_GOLDEN(ipv6_addr("2001:0db8:0000:0000:0001:0000:0000:0001"), "2001:db8::1:0:0:1");  // first longest run
    VALUE_GOLDEN(ipv6_addr("1:0:0:1:0:0:0:1"), "1:0:0:1::1");                                // longest run
    VALUE_GOLDEN(ipv6_addr("1:2:3:4:5:6:7:0"), "1:2:3:4:5:6:7:0");                           // no '::' for one group
    VALUE_GOLDEN(ipv6_addr("1:0:2:3:4:5:6:7"), "1:0:2:3:4:5:6:7");
    VALUE_GOLDEN(ipv6_addr("fe80::"), "fe80::");
    VALUE_GOLDEN(ipv6_addr("::ffff:1.2.3.4"), "::ffff:1.2.3.4");
    VALUE_GOLDEN(ipv6_addr("::ffff:0:1"), "::ffff:0.0.0.1");
    VALUE_GOLDEN(ipv6_addr("::1.2.3.4"), "::1.2.3.4");
    VALUE_GOLDEN(ipv6_addr("::2"), "::2");
    VALUE_GOLDEN(ipv6_addr("0:0:0:0:0:ffff:0:0"), "::ffff:0.0.0.0");
    VALUE_GOLDEN(ipv6_addr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

    // Against the C library's inet_ntop on addresses rich in zero groups and IPv4 tails.
    std::mt19937 rng(20240611);
    for (int n = 0; n < 20000; ++n) {
        std::array<std::uint8_t, 16> b{};
        for (int g = 0; g < 8; ++g) {
            const unsigned pick = rng() % 6;
            const std::uint16_t w = pick < 3 ? 0 : pick == 3 ? 0xffff : static_cast<std::uint16_t>(rng());
            b[2 * g] = static_cast<std::uint8_t>(w >> 8);
            b[2 * g + 1] = static_cast<std::uint8_t>(w & 0xff);
        }
        char buf[INET6_ADDRSTRLEN];
        if (::inet_ntop(AF_INET6, b.data(), buf, sizeof buf) == nullptr) FAIL("inet_ntop failed");
        const std::string ours = value_test::text(ipv6_addr::from_bytes(b));
        const auto back = ipv6_addr::parse(ours);  // what we render parses back to the same address
        if (ours != buf || !back.ok() || back->bytes != b) {
            INFO(value_test::show(buf, ours) << "\nparses back: " << back.ok());
            FAIL("rendering differs from inet_ntop, or does not parse back");
        }
    }
}

TEST_CASE("ipv6_prefix: network address and length, host bits refused", "[value][ipv6]") {
    constexpr ipv6_prefix p = "fd00::/8";
    STATIC_REQUIRE(p.len == 8);
    STATIC_REQUIRE(p.contains("fdff::1"));
    STATIC_REQUIRE(!p.contains("fe00::1"));
    STATIC_REQUIRE(ipv6_prefix("::/0").contains("ffff::"));
    STATIC_REQUIRE(ipv6_prefix("2001:db8::/32").contains("2001:db8:ffff::1"));
    STATIC_REQUIRE(!ipv6_prefix("2001:db8::/33").contains("2001:db8:8000::"));
    STATIC_REQUIRE(ipv6_prefix("::1") == ipv6_prefix("::1/128"));
    STATIC_REQUIRE(!ipv6_prefix::parse("fd00::1/64").ok());
    STATIC_REQUIRE(ipv6_prefix::make("fe80::", 10).ok());
    STATIC_REQUIRE(ipv6_prefix::make("fe80::1", 10).err().broken == &rules::an_ipv6_prefix_must_not_have_host_bits_set);

    const auto& bits = rules::an_ipv6_prefix_must_not_have_host_bits_set;
    const auto& len = rules::an_ipv6_prefix_is_an_address_a_slash_and_a_length_from_0_to_128;
    const refusal cases[] = {
        {"fd00::1/64", &bits, 7},
        {"fe80::/8", &bits, 6},
        {"::1/127", &bits, 3},
        {"::/129", &len, 3},
        {"::/", &len, 3},
        {"::/064", &len, 3},
        {"fd00:::/8", &rules::an_ipv6_address_is_eight_hex_groups_with_at_most_one_double_colon, 6},
    };
    for (const auto& c : cases) value_test::check_refused<ipv6_prefix>(c);

    VALUE_GOLDEN(ipv6_prefix("fe80::/10"), "fe80::/10");
    VALUE_GOLDEN(ipv6_prefix("::/0"), "::/0");
    VALUE_GOLDEN(ipv6_prefix("2001:DB8:0:0:8000::/65"), "2001:db8:0:0:8000::/65");
    VALUE_GOLDEN(ipv6_prefix("::1/128"), "::1");  // nft lists a /128 as the address
    STATIC_REQUIRE(value_test::ctext(ipv6_prefix("2001:db8::/32")).view() == "2001:db8::/32");
}

TEST_CASE("a rendered ipv6_addr or ipv6_prefix is what nft lists back", "[value][ipv6][oracle]") {
    const ipv6_addr addrs[] = {"::1",
                               "::",
                               "2001:DB8::1",
                               "2001:db8:0:0:1:0:0:1",
                               "1:0:0:1:0:0:0:1",
                               "1:2:3:4:5:6:7:0",
                               "fe80::",
                               "::ffff:1.2.3.4",
                               "::ffff:0:1",
                               "::1.2.3.4",
                               "::2",
                               "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                               "fd00:abcd:ef01:2345:6789:abcd:ef01:2345"};
    const ipv6_prefix prefixes[] = {"fe80::/10", "::/0", "2001:db8::/32", "2001:db8:0:0:8000::/65", "::1/128",
                                    "fd00::/8"};
    std::vector<value_test::rule_case> rules;
    std::vector<value_test::element_case> elements;
    for (const auto& a : addrs) {
        const auto t = value_test::text(a);
        rules.push_back({"ip6 saddr " + t + " accept", "ip6 saddr " + t + " accept"});
        elements.push_back({std::string(ipv6_addr::nft_type), t, t});
    }
    for (const auto& p : prefixes) {
        const auto t = value_test::text(p);
        rules.push_back({"ip6 daddr " + t + " accept", "ip6 daddr " + t + " accept"});
        elements.push_back({std::string(ipv6_prefix::nft_type), t, t, true});
    }
    value_test::check_rules_list_back("inet", rules);
    value_test::check_rules_list_back("ip6", rules);
    value_test::check_elements_list_back(elements);
}
