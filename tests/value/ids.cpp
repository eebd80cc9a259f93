// SPDX-License-Identifier: Apache-2.0
// uid, gid, mark, ttl, log_group: literals, from(), parse(), rendering, nft's listing.
#include <cstdint>
#include <limits>
#include <type_traits>

#include <nftpp/value/ids.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

template <class T>
constexpr bool literal_value_type = std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T> &&
                                    !std::is_default_constructible_v<T> && std::is_convertible_v<int, T> &&
                                    !std::is_convertible_v<bool, T> && !std::is_convertible_v<char, T> &&
                                    !std::is_convertible_v<const char (&)[2], T>;
static_assert(literal_value_type<uid> && literal_value_type<gid> && literal_value_type<mark> &&
              literal_value_type<ttl> && literal_value_type<log_group>);
static_assert(!std::is_convertible_v<uid, gid> && !std::is_convertible_v<mark, uid>, "each id is its own type");
static_assert(uid::nft_type == "uid" && gid::nft_type == "gid" && mark::nft_type == "mark");
template <class T>
concept has_nft_type = requires { T::nft_type; };
static_assert(!has_nft_type<ttl> && !has_nft_type<log_group>, "nft has no set datatype for ttl or log group");

TEST_CASE("uid and gid take 0 to 4294967295 and render decimal", "[value][ids]") {
    STATIC_REQUIRE(uid(0).number == 0);
    STATIC_REQUIRE(uid(4294967295u).number == 4294967295u);
    STATIC_REQUIRE(gid(65534).number == 65534);
    STATIC_REQUIRE(!uid::from(4294967296).ok());
    STATIC_REQUIRE(!uid::from(-1).ok());
    STATIC_REQUIRE(!gid::from(std::numeric_limits<std::int64_t>::max()).ok());
    STATIC_REQUIRE(uid::from(-1).err().broken == &rules::a_uid_is_a_number_from_0_to_4294967295);
    STATIC_REQUIRE(gid::from(-1).err().broken == &rules::a_gid_is_a_number_from_0_to_4294967295);
    STATIC_REQUIRE(uid(1000) < uid(1001));
    STATIC_REQUIRE(value_test::ctext(uid(4294967295u)).view() == "4294967295");
    VALUE_GOLDEN(uid(0), "0");
    VALUE_GOLDEN(gid(100), "100");
    value_test::check_parses<uid>("4294967295", "4294967295");
    value_test::check_parses<gid>("0", "0");

    const refusal uids[] = {
        {"", &rules::a_uid_is_a_number_from_0_to_4294967295, 0},
        {"4294967296", &rules::a_uid_is_a_number_from_0_to_4294967295, 0},
        {"root", &rules::a_uid_is_a_number_from_0_to_4294967295, 0},
        {"-1", &rules::a_uid_is_a_number_from_0_to_4294967295, 0},
        {"0x10", &rules::a_uid_is_a_number_from_0_to_4294967295, 1},
        {"01000", &rules::a_uid_is_a_number_from_0_to_4294967295, 0},
    };
    for (const auto& c : uids) value_test::check_refused<uid>(c);
    const refusal gids[] = {
        {"nogroup", &rules::a_gid_is_a_number_from_0_to_4294967295, 0},
        {"4294967296", &rules::a_gid_is_a_number_from_0_to_4294967295, 0},
        {"12a", &rules::a_gid_is_a_number_from_0_to_4294967295, 2},
    };
    for (const auto& c : gids) value_test::check_refused<gid>(c);
}

TEST_CASE("mark takes 0 to 0xffffffff, parses decimal or hex, renders as nft lists it", "[value][ids]") {
    STATIC_REQUIRE(mark(0xffffffff).number == 0xffffffffu);
    STATIC_REQUIRE(!mark::from(0x100000000).ok());
    STATIC_REQUIRE(*mark::parse("0x2a") == *mark::parse("42"));
    STATIC_REQUIRE(mark::parse("0X2A")->number == 42);
    STATIC_REQUIRE(value_test::ctext(mark(1)).view() == "0x00000001");
    VALUE_GOLDEN(mark(0), "0x00000000");
    VALUE_GOLDEN(mark(42), "0x0000002a");
    VALUE_GOLDEN(mark(0xdeadbeef), "0xdeadbeef");
    value_test::check_parses<mark>("0x00000001", "0x00000001");
    value_test::check_parses<mark>("4294967295", "0xffffffff");
    value_test::check_parses<mark>("0xffffffff", "0xffffffff");

    const auto& r = rules::a_mark_is_a_number_from_0_to_0xffffffff;
    const refusal cases[] = {
        {"", &r, 0}, {"0x", &r, 2}, {"0x100000000", &r, 0}, {"4294967296", &r, 0},
        {"0xg", &r, 2}, {"-1", &r, 0}, {"mark1", &r, 0}, {"0x1 ", &r, 3},
    };
    for (const auto& c : cases) value_test::check_refused<mark>(c);
    // leading hex zeros do not make a number too large
    STATIC_REQUIRE(mark::parse("0x0000000000000000001")->number == 1);
}

TEST_CASE("ttl takes 0 to 255, log_group 0 to 65535", "[value][ids]") {
    STATIC_REQUIRE(ttl(255).number == 255);
    STATIC_REQUIRE(!ttl::from(256).ok());
    STATIC_REQUIRE(ttl::from(256).err().broken == &rules::a_ttl_or_hop_limit_is_a_number_from_0_to_255);
    STATIC_REQUIRE(log_group(65535).number == 65535);
    STATIC_REQUIRE(!log_group::from(65536).ok());
    STATIC_REQUIRE(log_group::from(65536).err().broken == &rules::a_log_group_is_a_number_from_0_to_65535);
    VALUE_GOLDEN(ttl(1), "1");
    VALUE_GOLDEN(log_group(2), "2");
    value_test::check_parses<ttl>("64", "64");
    value_test::check_parses<log_group>("65535", "65535");
    value_test::check_refused<ttl>({"256", &rules::a_ttl_or_hop_limit_is_a_number_from_0_to_255, 0});
    value_test::check_refused<ttl>({"0xff", &rules::a_ttl_or_hop_limit_is_a_number_from_0_to_255, 1});
    value_test::check_refused<log_group>({"65536", &rules::a_log_group_is_a_number_from_0_to_65535, 0});
    value_test::check_refused<log_group>({"", &rules::a_log_group_is_a_number_from_0_to_65535, 0});
}

TEST_CASE("rendered ids are what nft lists back", "[value][ids][oracle]") {
    std::vector<value_test::rule_case> rules;
    std::vector<value_test::element_case> elements;
    auto same = [&](const std::string& r) { rules.push_back({r, r}); };
    for (const uid u : {uid(0), uid(1000), uid(65534), uid(4294967295u)}) {
        same("meta skuid " + value_test::text(u) + " accept");
        elements.push_back({"uid", value_test::text(u), value_test::text(u)});
    }
    for (const gid g : {gid(0), gid(100), gid(4294967295u)}) {
        same("meta skgid " + value_test::text(g) + " accept");
        elements.push_back({"gid", value_test::text(g), value_test::text(g)});
    }
    for (const mark m : {mark(0), mark(1), mark(42), mark(0x10000), mark(0xffffffff)}) {
        same("meta mark " + value_test::text(m) + " accept");
        same("ct mark " + value_test::text(m) + " accept");
        elements.push_back({"mark", value_test::text(m), value_test::text(m)});
    }
    // nft takes decimal marks too, and lists them as 0x%08x: that is our rendering
    rules.push_back({"meta mark 42 accept", "meta mark " + value_test::text(mark(42)) + " accept"});
    for (const ttl t : {ttl(0), ttl(1), ttl(64), ttl(255)}) {
        same("ip ttl " + value_test::text(t) + " accept");
        same("ip6 hoplimit " + value_test::text(t) + " accept");
    }
    for (const log_group g : {log_group(0), log_group(2), log_group(65535)})
        same("log group " + value_test::text(g) + " accept");
    value_test::check_rules_list_back("inet", rules);
    value_test::check_elements_list_back(elements);
}
