// SPDX-License-Identifier: Apache-2.0
// port: integer literals, from(), decimal-only parse(), rendering, nft's listing.
#include <cstdint>
#include <limits>
#include <type_traits>

#include <nftpp/value/port.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

static_assert(std::is_trivially_copyable_v<port> && std::is_trivially_destructible_v<port>);
static_assert(!std::is_default_constructible_v<port>, "an unset port must be impossible");
static_assert(std::is_convertible_v<int, port>, "an integer literal converts implicitly");
static_assert(!std::is_convertible_v<bool, port>);
static_assert(!std::is_convertible_v<char, port>);
static_assert(!std::is_convertible_v<const char (&)[3], port>, "no service names");
static_assert(port::nft_type == "inet_service");
static_assert(sizeof(port) == 2);

TEST_CASE("port literals and from() take 0 to 65535", "[value][port]") {
    constexpr port p = 22;
    STATIC_REQUIRE(p.number == 22);
    STATIC_REQUIRE(port(0).number == 0);
    STATIC_REQUIRE(port(65535u).number == 65535);
    STATIC_REQUIRE(port(std::uint64_t{443}).number == 443);
    STATIC_REQUIRE(port(22) < port(80));
    STATIC_REQUIRE(port(80) == port(80));
    STATIC_REQUIRE(port::from(65535).ok());
    STATIC_REQUIRE(!port::from(65536).ok());
    STATIC_REQUIRE(!port::from(-1).ok());
    STATIC_REQUIRE(!port::from(std::numeric_limits<std::int64_t>::min()).ok());
    STATIC_REQUIRE(port::from(70000).err().broken == &rules::a_port_is_a_number_from_0_to_65535);
    STATIC_REQUIRE(value_test::ctext(port(8080)).view() == "8080");
}

TEST_CASE("port::parse takes decimal digits only", "[value][port]") {
    STATIC_REQUIRE(port::parse("65535")->number == 65535);
    STATIC_REQUIRE(!port::parse("0x50").ok());
    STATIC_REQUIRE(!port::parse("http").ok());
    value_test::check_parses<port>("0", "0");
    value_test::check_parses<port>("22", "22");
    value_test::check_parses<port>("65535", "65535");

    const auto& r = rules::a_port_is_a_number_from_0_to_65535;
    const refusal cases[] = {
        {"", &r, 0},        {"65536", &r, 0}, {"99999999999999999999999", &r, 0}, {"-1", &r, 0}, {"+22", &r, 0},
        {"0x50", &r, 1},    {"http", &r, 0},  {"22 ", &r, 2},   {" 22", &r, 0},  {"022", &r, 0},
        {"1024-2048", &r, 4}, {"2.5", &r, 1},
    };
    for (const auto& c : cases) value_test::check_refused<port>(c);
}

TEST_CASE("a rendered port is what nft lists back", "[value][port][oracle]") {
    const port ports[] = {0, 1, 22, 80, 443, 1023, 1024, 8080, 65535};
    std::vector<value_test::rule_case> rules;
    std::vector<value_test::element_case> elements;
    for (const auto& p : ports) {
        const auto t = value_test::text(p);
        rules.push_back({"tcp dport " + t + " accept", "tcp dport " + t + " accept"});
        rules.push_back({"udp sport " + t + " accept", "udp sport " + t + " accept"});
        rules.push_back({"th dport != " + t + " accept", "th dport != " + t + " accept"});
        elements.push_back({std::string(port::nft_type), t, t});
    }
    value_test::check_rules_list_back("inet", rules);
    value_test::check_elements_list_back(elements);
}
