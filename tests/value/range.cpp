// SPDX-License-Identifier: Apache-2.0
// range<T>: low <= high checked when made, parse("lo-hi"), rendering, nft's listing.
#include <type_traits>

#include <nftpp/value/ids.hpp>
#include <nftpp/value/ipv4.hpp>
#include <nftpp/value/ipv6.hpp>
#include <nftpp/value/port.hpp>
#include <nftpp/value/range.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

static_assert(std::is_trivially_copyable_v<range<port>> && std::is_trivially_destructible_v<range<port>>);
static_assert(std::is_trivially_copyable_v<range<ipv6_addr>>);
static_assert(!std::is_default_constructible_v<range<port>>);

TEST_CASE("range<T>(lo, hi) converts literals through T and checks low <= high", "[value][range]") {
    constexpr range<port> r(1024, 65535);
    STATIC_REQUIRE(r.lo == port(1024));
    STATIC_REQUIRE(r.hi == port(65535));
    constexpr range<ipv4_addr> a("10.0.0.1", "10.0.0.9");
    STATIC_REQUIRE(a.hi.bits - a.lo.bits == 8);
    STATIC_REQUIRE(range<port>(22, 22).lo == range<port>(22, 22).hi);  // one value is a range too
    STATIC_REQUIRE(range<port>::make(1, 2).ok());
    STATIC_REQUIRE(!range<port>::make(2, 1).ok());
    STATIC_REQUIRE(range<port>::make(2, 1).err().broken == &rules::a_range_needs_low_less_than_or_equal_to_high);
    STATIC_REQUIRE(!range<ipv6_addr>::make("::2", "::1").ok());
    STATIC_REQUIRE(value_test::ctext(range<port>(1024, 65535)).view() == "1024-65535");

    // At run time, a reversed range made by the constructor is a value_error.
    const port lo = *port::from(2000), hi = *port::from(1000);
    CHECK_THROWS_AS(range<port>(lo, hi), value_error);
    CHECK_THROWS_WITH(range<port>(lo, hi), Catch::StartsWith("a range needs low <= high"));
    CHECK_NOTHROW(range<port>(hi, lo));
}

TEST_CASE("range<T>::parse reads lo-hi for addresses, ports and ids", "[value][range]") {
    STATIC_REQUIRE(range<port>::parse("1024-65535").ok());
    STATIC_REQUIRE(range<ipv6_addr>::parse("2001:db8::1-2001:db8::ff").ok());
    STATIC_REQUIRE(!range<port>::parse("2000-1000").ok());
    value_test::check_parses<range<ipv4_addr>>("10.0.0.1-10.0.0.9", "10.0.0.1-10.0.0.9");
    value_test::check_parses<range<ipv6_addr>>("2001:DB8::1-2001:db8::FF", "2001:db8::1-2001:db8::ff");
    value_test::check_parses<range<port>>("22-22", "22-22");
    value_test::check_parses<range<uid>>("1000-2000", "1000-2000");
    value_test::check_parses<range<gid>>("0-100", "0-100");
    value_test::check_parses<range<mark>>("0x1-16", "0x00000001-0x00000010");

    const auto& order = rules::a_range_needs_low_less_than_or_equal_to_high;
    const auto& dash = rules::a_range_is_two_values_joined_by_a_dash;
    value_test::check_refused<range<port>>({"2000-1000", &order, 4});
    value_test::check_refused<range<port>>({"1024", &dash, 4});
    value_test::check_refused<range<port>>({"", &dash, 0});
    value_test::check_refused<range<port>>({"1-2-3", &rules::a_port_is_a_number_from_0_to_65535, 3});
    value_test::check_refused<range<port>>({"-5", &rules::a_port_is_a_number_from_0_to_65535, 0});
    value_test::check_refused<range<port>>({"1-70000", &rules::a_port_is_a_number_from_0_to_65535, 2});
    value_test::check_refused<range<ipv4_addr>>({"10.0.0.9-10.0.0.1", &order, 8});
    value_test::check_refused<range<ipv4_addr>>(
        {"10.0.0.1-10.0.0", &rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots, 15});
    value_test::check_refused<range<ipv6_addr>>({"::2-::1", &order, 3});
    value_test::check_refused<range<mark>>({"0x10-0x1", &order, 4});
}

TEST_CASE("a rendered range is what nft lists back", "[value][range][oracle]") {
    std::vector<value_test::rule_case> rules;
    auto same = [&](const std::string& r) { rules.push_back({r, r}); };
    same("tcp dport " + value_test::text(range<port>(1024, 65535)) + " accept");
    same("tcp dport " + value_test::text(range<port>(0, 1)) + " accept");
    same("udp sport " + value_test::text(range<port>(53, 53)) + " accept");
    same("ip saddr " + value_test::text(range<ipv4_addr>("10.0.0.1", "10.0.0.9")) + " accept");
    same("ip daddr " + value_test::text(range<ipv4_addr>("0.0.0.0", "255.255.255.255")) + " accept");
    same("ip6 saddr " + value_test::text(range<ipv6_addr>("2001:db8::1", "2001:db8::ff")) + " accept");
    same("ip6 saddr " + value_test::text(range<ipv6_addr>("::ffff:1.2.3.4", "::ffff:1.2.3.5")) + " accept");
    same("meta skuid " + value_test::text(range<uid>(1000, 2000)) + " accept");
    same("meta skgid " + value_test::text(range<gid>(0, 4294967295u)) + " accept");
    same("meta mark " + value_test::text(range<mark>(1, 0x10)) + " accept");
    value_test::check_rules_list_back("inet", rules);

    value_test::check_elements_list_back({
        {"inet_service", value_test::text(range<port>(1024, 65535)), "1024-65535", true},
        {"ipv4_addr", value_test::text(range<ipv4_addr>("10.0.0.1", "10.0.0.9")), "10.0.0.1-10.0.0.9", true},
        {"uid", value_test::text(range<uid>(1000, 2000)), "1000-2000", true},
        // inside a set, nft lists a one-value range as the value
        {"inet_service", value_test::text(range<port>(22, 22)), "22", true},
    });
}
