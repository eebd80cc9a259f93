// SPDX-License-Identifier: Apache-2.0
// ct_state, ct_status, ct_direction: constants, |, parse, rendering in nft's order.
#include <type_traits>

#include <nftpp/value/ct.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

using value_test::element_text;

static_assert(std::is_trivially_copyable_v<ct_state> && !std::is_default_constructible_v<ct_state>);
static_assert(std::is_trivially_copyable_v<ct_status> && !std::is_default_constructible_v<ct_status>);
static_assert(!std::is_constructible_v<ct_state, int>, "states come from the named constants");
static_assert(ct_state::nft_type == "ct_state" && ct_status::nft_type == "ct_status");

TEST_CASE("ct_state constants combine with | and render in bit order", "[value][ct]") {
    STATIC_REQUIRE(invalid.bits == 1 && established.bits == 2 && related.bits == 4 && new_.bits == 8 &&
                   untracked.bits == 64);
    STATIC_REQUIRE((established | related).bits == 6);
    STATIC_REQUIRE((related | established) == (established | related));
    STATIC_REQUIRE((established | related).has(related));
    STATIC_REQUIRE(!established.has(related));
    STATIC_REQUIRE(value_test::ctext(related | established).view() == "established,related");
    VALUE_GOLDEN(new_, "new");
    VALUE_GOLDEN(untracked | new_, "new,untracked");
    VALUE_GOLDEN(invalid | established | related | new_ | untracked, "invalid,established,related,new,untracked");
    CHECK(element_text(established | related) == "established | related");

    STATIC_REQUIRE(*ct_state::parse("established,related") == (established | related));
    STATIC_REQUIRE(*ct_state::from_bits(8) == new_);
    STATIC_REQUIRE(!ct_state::from_bits(0).ok());
    STATIC_REQUIRE(!ct_state::from_bits(16).ok());
    value_test::check_parses<ct_state>("new,new", "new");
    value_test::check_parses<ct_state>("untracked,invalid", "invalid,untracked");
    const auto& r = rules::a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked;
    const refusal cases[] = {{"", &r, 0},    {"NEW", &r, 0},      {"foo", &r, 0}, {"new,", &r, 4},
                             {",new", &r, 0}, {"new, related", &r, 4}, {"new|related", &r, 0}};
    for (const auto& c : cases) value_test::check_refused<ct_state>(c);
}

TEST_CASE("ct_status constants combine with | and render in bit order", "[value][ct]") {
    STATIC_REQUIRE(ct_status::dnat.bits == 32 && ct_status::dying.bits == 512 && ct_status::seen_reply.bits == 2);
    STATIC_REQUIRE(value_test::ctext(ct_status::dnat | ct_status::snat).view() == "snat,dnat");
    VALUE_GOLDEN(ct_status::dnat, "dnat");
    VALUE_GOLDEN(ct_status::expected | ct_status::seen_reply | ct_status::assured | ct_status::confirmed |
                     ct_status::snat | ct_status::dnat | ct_status::dying,
                 "expected,seen-reply,assured,confirmed,snat,dnat,dying");
    CHECK(element_text(ct_status::snat | ct_status::dnat) == "snat | dnat");
    value_test::check_parses<ct_status>("dnat,seen-reply", "seen-reply,dnat");
    STATIC_REQUIRE(!ct_status::from_bits(64).ok());
    const auto& r = rules::a_ct_status_is_one_or_more_of_expected_seen_reply_assured_confirmed_snat_dnat_dying;
    value_test::check_refused<ct_status>({"seen_reply", &r, 0});
    value_test::check_refused<ct_status>({"snat,DNAT", &r, 5});
}

TEST_CASE("ct_direction renders its nft name", "[value][ct]") {
    VALUE_GOLDEN(ct_direction::original, "original");
    VALUE_GOLDEN(ct_direction::reply, "reply");
}

TEST_CASE("rendered ct values are what nft lists back", "[value][ct][oracle]") {
    std::vector<value_test::rule_case> rules;
    auto same = [&](const std::string& r) { rules.push_back({r, r}); };
    for (const ct_state s : {invalid, established, related, new_, untracked, established | related, untracked | new_,
                             invalid | established | related | new_ | untracked})
        same("ct state " + value_test::text(s) + " accept");
    // an exact comparison of a combination is written and listed with " | "
    same("ct state != " + element_text(established | related) + " accept");
    same("ct status != " + element_text(ct_status::snat | ct_status::dnat) + " accept");
    // a bare list means "any of these"; == of a list is listed without "==", as the exact value
    rules.push_back({"ct state == " + value_test::text(established | related) + " accept",
                     "ct state " + element_text(established | related) + " accept"});
    for (const ct_status s : {ct_status::expected, ct_status::seen_reply, ct_status::assured, ct_status::confirmed,
                              ct_status::snat, ct_status::dnat, ct_status::dying, ct_status::dnat | ct_status::snat,
                              ct_status::expected | ct_status::seen_reply | ct_status::assured | ct_status::confirmed |
                                  ct_status::snat | ct_status::dnat | ct_status::dying})
        same("ct status " + value_test::text(s) + " accept");
    for (const ct_direction d : {ct_direction::original, ct_direction::reply})
        same("ct direction " + value_test::text(d) + " accept");
    // in an anonymous set a combination is one element, joined by " | "
    // (nft lists set elements sorted by value)
    same("ct state { " + element_text(established | related) + ", " + value_test::text(new_) + " } accept");
    value_test::check_rules_list_back("inet", rules);

    value_test::check_elements_list_back({
        {"ct_state", element_text(established | related), "established | related"},
        {"ct_state", element_text(untracked), "untracked"},
        {"ct_status", element_text(ct_status::snat | ct_status::dnat), "snat | dnat"},
    });
}
