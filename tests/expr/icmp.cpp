// SPDX-License-Identifier: Apache-2.0
// icmp and icmpv6 codes beside their types: golden renderings loaded for real, and the
// protocol they pin beside a valid neighbour.
#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;

namespace {
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <class R>
constexpr const rule* shape = rule_summary_v<R>.broken;
}  // namespace

TEST_CASE("icmp and icmpv6 codes render with nft's names, and load", "[expr][icmp][golden]") {
    golden_rule(icmp.code == icmp_code::frag_needed >> accept, "icmp code frag-needed accept");
    golden_rule<family::ip>(icmp.type == icmp_type::destination_unreachable && icmp.code == icmp_code::frag_needed >> accept,
                            "icmp type destination-unreachable icmp code frag-needed accept");
    golden_rule(icmp.code != icmp_code::port_unreachable >> drop, "icmp code != port-unreachable drop");
    golden_rule(icmp.code.in({icmp_code::net_unreachable, icmp_code::host_unreachable}) >> accept,
                "icmp code { net-unreachable, host-unreachable } accept");
    golden_rule(icmp.code == icmp_code{5} >> accept, "icmp code 5 accept");  // a code nft has no name for
    golden_rule<family::ip6>(icmpv6.code == icmpv6_code::no_route >> accept, "icmpv6 code no-route accept");
    golden_rule<family::ip6>(icmpv6.type == icmpv6_type::destination_unreachable && icmpv6.code == icmpv6_code::addr_unreachable >> accept,
                             "icmpv6 type destination-unreachable icmpv6 code addr-unreachable accept");
    golden_rule(icmpv6.code.in({icmpv6_code::policy_fail, icmpv6_code::reject_route}) >> drop,
                "icmpv6 code { policy-fail, reject-route } drop");
}

TEST_CASE("icmp types and codes in concatenations and sets, with nft's datatypes", "[expr][icmp][golden]") {
    STATIC_REQUIRE(nft_type_of<icmp_type> == "icmp_type");
    STATIC_REQUIRE(nft_type_of<icmpv6_code> == "icmpv6_code");
    STATIC_REQUIRE(nft_type_of<concat_key<icmpv6_type, icmpv6_code>> == "icmpv6_type . icmpv6_code");
    STATIC_REQUIRE(nft_typed<icmpx_code> == false);  // a reject code only: nft has no set of them
    golden_rule<family::ip6>(concat(icmpv6.type, icmpv6.code).in({{icmpv6_type::destination_unreachable, icmpv6_code::no_route},
                                                                  {icmpv6_type::packet_too_big, icmpv6_code{0}}}) >> accept,
                             "icmpv6 type . icmpv6 code { destination-unreachable . no-route, packet-too-big . no-route } accept");
    golden_rule<family::ip>(concat(icmp.type, icmp.code).in({{icmp_type::destination_unreachable, icmp_code::frag_needed}}) >> accept,
                            "icmp type . icmp code { destination-unreachable . frag-needed } accept");
    const auto t = table<family::inet>(
        "t", set<"errs", concat_key<icmpv6_type, icmpv6_code>>({{icmpv6_type::destination_unreachable, icmpv6_code::addr_unreachable}}),
        set<"types", icmp_type>({icmp_type::echo_request, icmp_type::echo_reply}),
        base_chain<"in", filter_chain(hook::input)>(concat(icmpv6.type, icmpv6.code) == at<"errs"> >> accept,
                                                    icmp.type == at<"types"> >> accept));
    nftpp_test::golden(ruleset(replace(t)),
                       "add table inet t\n"
                       "delete table inet t\n"
                       "table inet t {\n"
                       "\tset errs {\n\t\ttype icmpv6_type . icmpv6_code\n\t\telements = {\n"
                       "\t\t\tdestination-unreachable . addr-unreachable\n\t\t}\n\t}\n"
                       "\tset types {\n\t\ttype icmp_type\n\t\telements = {\n\t\t\techo-request,\n\t\t\techo-reply\n\t\t}\n\t}\n"
                       "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n"
                       "\t\ticmpv6 type . icmpv6 code @errs accept\n\t\ticmp type @types accept\n\t}\n"
                       "}\n");
}

TEST_CASE("icmp codes pin their protocol, beside a valid neighbour", "[expr][icmp][checks]") {
    STATIC_REQUIRE(rule_summary_v<RULE(icmp.code == icmp_code::frag_needed)>.l4 == layer4::icmp);
    STATIC_REQUIRE(rule_summary_v<RULE(icmpv6.code == icmpv6_code::no_route)>.l4 == layer4::icmpv6);
    STATIC_REQUIRE(shape<RULE(icmp.type == icmp_type::time_exceeded && icmp.code == icmp_code{0})> == nullptr);
    STATIC_REQUIRE(shape<RULE(tcp.dport == 22 && icmp.code == icmp_code{0})> == &rules::one_transport_protocol_per_rule);
    STATIC_REQUIRE(shape<RULE(icmp.type == icmp_type::echo_request && icmpv6.code == icmpv6_code{0})> ==
                   &rules::one_transport_protocol_per_rule);
    // codes are typed: an icmpv6 code is no icmp code, a number no code
    STATIC_REQUIRE(!MatchableWith<icmp_code_t, icmpv6_code>);
    STATIC_REQUIRE(!MatchableWith<icmp_code_t, int>);
    STATIC_REQUIRE(MatchableWith<icmp_code_t, icmp_code>);
}
