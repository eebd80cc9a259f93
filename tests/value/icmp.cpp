// SPDX-License-Identifier: Apache-2.0
// ICMP and ICMPv6 types, and the reject codes: nft's names, checked against nft.
#include <nftpp/value/icmp.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;

TEST_CASE("ICMP types and codes render nft's names", "[value][icmp]") {
    STATIC_REQUIRE(value_test::ctext(icmp_type::echo_request).view() == "echo-request");
    VALUE_GOLDEN(icmp_type::destination_unreachable, "destination-unreachable");
    VALUE_GOLDEN(icmp_type::address_mask_reply, "address-mask-reply");
    VALUE_GOLDEN(icmpv6_type::nd_neighbor_solicit, "nd-neighbor-solicit");
    VALUE_GOLDEN(icmpv6_type::mld2_listener_report, "mld2-listener-report");
    VALUE_GOLDEN(icmp_code::admin_prohibited, "admin-prohibited");
    VALUE_GOLDEN(icmp_code::frag_needed, "frag-needed");
    VALUE_GOLDEN(icmpv6_code::policy_fail, "policy-fail");
    VALUE_GOLDEN(icmpx_code::no_route, "no-route");
    STATIC_REQUIRE(static_cast<int>(icmp_type::echo_request) == 8 && static_cast<int>(icmpv6_type::echo_request) == 128);
    STATIC_REQUIRE(static_cast<int>(icmp_code::admin_prohibited) == 13 && static_cast<int>(icmpv6_code::reject_route) == 6);
}

namespace {
constexpr icmp_type icmp_types[] = {
    icmp_type::echo_reply, icmp_type::destination_unreachable, icmp_type::source_quench, icmp_type::redirect,
    icmp_type::echo_request, icmp_type::router_advertisement, icmp_type::router_solicitation,
    icmp_type::time_exceeded, icmp_type::parameter_problem, icmp_type::timestamp_request,
    icmp_type::timestamp_reply, icmp_type::info_request, icmp_type::info_reply, icmp_type::address_mask_request,
    icmp_type::address_mask_reply};
constexpr icmpv6_type icmpv6_types[] = {
    icmpv6_type::destination_unreachable, icmpv6_type::packet_too_big, icmpv6_type::time_exceeded,
    icmpv6_type::parameter_problem, icmpv6_type::echo_request, icmpv6_type::echo_reply,
    icmpv6_type::mld_listener_query, icmpv6_type::mld_listener_report, icmpv6_type::mld_listener_done,
    icmpv6_type::nd_router_solicit, icmpv6_type::nd_router_advert, icmpv6_type::nd_neighbor_solicit,
    icmpv6_type::nd_neighbor_advert, icmpv6_type::nd_redirect, icmpv6_type::mld2_listener_report};
constexpr icmp_code icmp_codes[] = {icmp_code::net_unreachable, icmp_code::host_unreachable,
                                    icmp_code::prot_unreachable, icmp_code::port_unreachable, icmp_code::frag_needed,
                                    icmp_code::net_prohibited, icmp_code::host_prohibited, icmp_code::admin_prohibited};
constexpr icmpv6_code icmpv6_codes[] = {icmpv6_code::no_route, icmpv6_code::admin_prohibited,
                                        icmpv6_code::addr_unreachable, icmpv6_code::port_unreachable,
                                        icmpv6_code::policy_fail, icmpv6_code::reject_route};
constexpr icmpx_code icmpx_codes[] = {icmpx_code::no_route, icmpx_code::port_unreachable, icmpx_code::host_unreachable,
                                      icmpx_code::admin_prohibited};
}  // namespace

// Each name, written by number, is listed by nft with the name we render; written by
// name it is listed unchanged.
TEST_CASE("rendered ICMP types and reject codes are what nft lists back", "[value][icmp][oracle]") {
    std::vector<value_test::rule_case> rules;
    for (const auto t : icmp_types) {
        const std::string n = value_test::text(t);
        rules.push_back({"icmp type " + n + " accept", "icmp type " + n + " accept"});
        rules.push_back({"icmp type " + std::to_string(static_cast<int>(t)) + " accept", "icmp type " + n + " accept"});
    }
    for (const auto t : icmpv6_types) {
        const std::string n = value_test::text(t);
        rules.push_back({"icmpv6 type " + n + " accept", "icmpv6 type " + n + " accept"});
        rules.push_back(
            {"icmpv6 type " + std::to_string(static_cast<int>(t)) + " accept", "icmpv6 type " + n + " accept"});
    }
    for (const auto c : icmp_codes) {
        const std::string n = value_test::text(c);
        rules.push_back({"reject with icmp " + n, "reject with icmp " + n});
        rules.push_back({"reject with icmp " + std::to_string(static_cast<int>(c)), "reject with icmp " + n});
    }
    for (const auto c : icmpv6_codes) {
        const std::string n = value_test::text(c);
        rules.push_back({"reject with icmpv6 " + n, "reject with icmpv6 " + n});
        rules.push_back({"reject with icmpv6 " + std::to_string(static_cast<int>(c)), "reject with icmpv6 " + n});
    }
    for (const auto c : icmpx_codes) {
        const std::string n = value_test::text(c);
        // icmpx port-unreachable is what a plain `reject` means in inet: nft lists it so
        const std::string listed = c == icmpx_code::port_unreachable ? "reject" : "reject with icmpx " + n;
        rules.push_back({"reject with icmpx " + n, listed});
        rules.push_back({"reject with icmpx " + std::to_string(static_cast<int>(c)), listed});
    }
    value_test::check_rules_list_back("inet", rules);

    std::vector<value_test::element_case> elements;
    for (const auto t : icmp_types) elements.push_back({"icmp_type", value_test::text(t), value_test::text(t)});
    for (const auto t : icmpv6_types) elements.push_back({"icmpv6_type", value_test::text(t), value_test::text(t)});
    value_test::check_elements_list_back(elements);
}
