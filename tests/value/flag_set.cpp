// SPDX-License-Identifier: Apache-2.0
// flag_set: a flag type made up here in one declaration gets everything the library's own
// flag types have (literal, parse, from_bits, |, has, ==, both renderings); and the
// library's four flag types (ct_state, ct_status, tcp_flags, log_flags) are that template.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <nftpp/value/ct.hpp>
#include <nftpp/value/flag_set.hpp>
#include <nftpp/value/log_flags.hpp>
#include <nftpp/value/tcp_flags.hpp>

#include "value_test.hpp"

// A new flag type is one header: its names, its rule, a few lines.
namespace myfw {
inline constexpr nftpp::flag_name lamp_names[] = {{1, "red"}, {2, "amber"}, {4, "green"}, {32, "blink-fast"}};
NFTPP_RULE(a_lamp_is_one_or_more_of_red_amber_green_blink_fast,
           "a lamp is one or more of red, amber, green, blink-fast, lower case and comma separated, e.g. red,amber")

struct lamp : nftpp::flag_set<lamp, std::uint8_t, lamp_names, rules::a_lamp_is_one_or_more_of_red_amber_green_blink_fast> {
    using flag_set::flag_set;
    template <std::size_t N>
    consteval lamp(const char (&names)[N]) : flag_set(literal{}, names) {}
};

inline constexpr lamp red = "red";
inline constexpr lamp amber = "amber";
inline constexpr lamp green = "green";
inline constexpr lamp blink_fast = "blink-fast";
}  // namespace myfw

using namespace nftpp;
using myfw::lamp, myfw::red, myfw::amber, myfw::green, myfw::blink_fast;
using value_test::element_text;
using value_test::refusal;

// Only its bits, no default (an unset flag set cannot be rendered), no integers.
static_assert(std::is_trivially_copyable_v<lamp> && sizeof(lamp) == 1);
static_assert(!std::is_default_constructible_v<lamp>);
static_assert(!std::is_constructible_v<lamp, int> && !std::is_constructible_v<lamp, std::uint8_t>);
static_assert(std::is_constructible_v<lamp, const char (&)[4]>);
// A different flag type with the same bits is a different type.
static_assert(!std::is_convertible_v<ct_state, ct_status> && !std::is_convertible_v<tcp_flags, log_flags>);

// Positive beside negative, at compile time.
TEST_CASE("a made-up flag type: literal, bits, |, has, ==", "[value][flag_set]") {
    STATIC_REQUIRE(red.bits == 1 && amber.bits == 2 && green.bits == 4 && blink_fast.bits == 32);
    STATIC_REQUIRE(lamp::known_bits == 39);
    STATIC_REQUIRE(lamp("green,red") == (red | green));
    STATIC_REQUIRE(lamp("red,red") == red);
    STATIC_REQUIRE((red | amber) != (red | green));
    STATIC_REQUIRE((red | amber).has(amber) && (red | amber).has(red | amber));
    STATIC_REQUIRE_FALSE((red | amber).has(green));
    STATIC_REQUIRE_FALSE(red.has(red | amber));

    STATIC_REQUIRE(*lamp::from_bits(33) == (red | blink_fast));
    STATIC_REQUIRE_FALSE(lamp::from_bits(0).ok());   // no empty flag set
    STATIC_REQUIRE_FALSE(lamp::from_bits(8).ok());   // a bit without a name
    STATIC_REQUIRE_FALSE(lamp::from_bits(256).ok());
    STATIC_REQUIRE(lamp::from_bits(8).err().broken == &myfw::rules::a_lamp_is_one_or_more_of_red_amber_green_blink_fast);

    STATIC_REQUIRE(*lamp::parse("blink-fast,amber") == (amber | blink_fast));
    STATIC_REQUIRE_FALSE(lamp::parse("blink_fast").ok());
}

TEST_CASE("a made-up flag type renders as nft lists flags", "[value][flag_set]") {
    STATIC_REQUIRE(value_test::ctext(blink_fast | red).view() == "red,blink-fast");
    VALUE_GOLDEN(green, "green");
    VALUE_GOLDEN(blink_fast | green | amber | red, "red,amber,green,blink-fast");
    CHECK(element_text(green | red) == "red | green");
    CHECK(element_text(amber) == "amber");
}

TEST_CASE("a made-up flag type parses what it renders, and refuses the rest", "[value][flag_set]") {
    for (const lamp l : {red, amber, green, blink_fast, red | amber, red | amber | green | blink_fast}) {
        const std::string t = value_test::text(l);
        INFO(t);
        REQUIRE(lamp::parse(t).ok());
        CHECK(*lamp::parse(t) == l);
        CHECK(*lamp::from_bits(l.bits) == l);
    }
    value_test::check_parses<lamp>("green,amber,green", "amber,green");
    const auto& r = myfw::rules::a_lamp_is_one_or_more_of_red_amber_green_blink_fast;
    const refusal cases[] = {{"", &r, 0},       {"RED", &r, 0},        {"red,", &r, 4},    {",red", &r, 0},
                             {"red, amber", &r, 4}, {"red|amber", &r, 0}, {"red,blue", &r, 4}, {"1", &r, 0}};
    for (const auto& c : cases) value_test::check_refused<lamp>(c);
}

TEST_CASE("the library's flag types are flag sets", "[value][flag_set]") {
    STATIC_REQUIRE(std::is_base_of_v<flag_set<ct_state, std::uint32_t, detail::ct_state_names,
                                              rules::a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked>,
                                     ct_state>);
    STATIC_REQUIRE(ct_state("established,related") == (established | related));
    STATIC_REQUIRE(ct_status("snat,dnat") == (ct_status::snat | ct_status::dnat));
    STATIC_REQUIRE(tcp_flags("syn,ack") == (syn | ack));
    STATIC_REQUIRE(ct_state::known_bits == 79 && ct_status::known_bits == 575 && tcp_flags::known_bits == 255);

    // log flags: the same template; the log statement writes them in nft's form (stmt/log.hpp)
    STATIC_REQUIRE(log_flags("skuid,ether") == (skuid | log_flag::ether));
    STATIC_REQUIRE(log_flag::all == (log_flag::tcp_sequence | log_flag::tcp_options | log_flag::ip_options |
                                     log_flag::skuid | log_flag::ether));
    STATIC_REQUIRE(log_flag::all.bits == 31 && skuid == log_flag::skuid);
    STATIC_REQUIRE((skuid | log_flag::ether).has(skuid) && !skuid.has(log_flag::ether));
    STATIC_REQUIRE_FALSE(log_flags::from_bits(32).ok());
    VALUE_GOLDEN(log_flag::ip_options | skuid, "ip options,skuid");
    VALUE_GOLDEN(log_flag::all, "tcp sequence,tcp options,ip options,skuid,ether");
    value_test::check_parses<log_flags>("ether,tcp sequence", "tcp sequence,ether");
    const auto& r = rules::log_flags_are_one_or_more_of_tcp_sequence_tcp_options_ip_options_skuid_ether;
    const refusal cases[] = {{"all", &r, 0}, {"skuid,tcp", &r, 6}, {"skuid|ether", &r, 0}, {"tcp_sequence", &r, 0}};
    for (const auto& c : cases) value_test::check_refused<log_flags>(c);
}
