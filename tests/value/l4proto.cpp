// SPDX-License-Identifier: Apache-2.0
// l4proto and nfproto: numbers and names, rendering as nft lists them.
#include <netdb.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

#include <nftpp/value/l4proto.hpp>

#include "netns_oracle.hpp"
#include "value_test.hpp"

using namespace nftpp;
using value_test::refusal;

namespace {
template <class P>
constexpr bool names_layer4 = requires { P::protocol_layer4; };
}  // namespace

static_assert(std::is_trivially_copyable_v<l4proto> && !std::is_default_constructible_v<l4proto>);
static_assert(std::is_convertible_v<int, l4proto> && !std::is_convertible_v<bool, l4proto>);
static_assert(l4proto::nft_type == "inet_proto");

TEST_CASE("l4proto: constants, numbers and names", "[value][l4proto]") {
    STATIC_REQUIRE(l4proto::tcp.number == 6 && l4proto::udp.number == 17 && l4proto::icmp.number == 1 &&
                   l4proto::icmpv6.number == 58 && l4proto::sctp.number == 132 && l4proto::udplite.number == 136 &&
                   l4proto::esp.number == 50 && l4proto::ah.number == 51 && l4proto::gre.number == 47 &&
                   l4proto::igmp.number == 2);
    STATIC_REQUIRE(l4proto(6) == l4proto::tcp);
    // the constants are l4protos whose type says the protocol, where the checker knows it
    STATIC_REQUIRE(std::is_base_of_v<l4proto, std::remove_cvref_t<decltype(l4proto::gre)>>);
    STATIC_REQUIRE(decltype(l4proto::tcp)::protocol_layer4 == layer4::tcp);
    STATIC_REQUIRE(decltype(l4proto::sctp)::protocol_layer4 == layer4::sctp);
    STATIC_REQUIRE(decltype(l4proto::icmpv6)::protocol_layer4 == layer4::icmpv6);
    STATIC_REQUIRE_FALSE(names_layer4<std::remove_cvref_t<decltype(l4proto::gre)>>);
    STATIC_REQUIRE(names_layer4<std::remove_cvref_t<decltype(l4proto::udp)>>);
    STATIC_REQUIRE(l4proto::of(layer4::udp) == l4proto::udp && l4proto::of(layer4::icmpv6) == l4proto::icmpv6);
    STATIC_REQUIRE(l4proto(255).number == 255);
    STATIC_REQUIRE(!l4proto::from(256).ok());
    STATIC_REQUIRE(!l4proto::from(-1).ok());
    STATIC_REQUIRE(*l4proto::parse("icmpv6") == l4proto::icmpv6);
    STATIC_REQUIRE(*l4proto::parse("ipv6-icmp") == l4proto::icmpv6);
    STATIC_REQUIRE(*l4proto::parse("6") == l4proto::tcp);
    STATIC_REQUIRE(value_test::ctext(l4proto::icmpv6).view() == "ipv6-icmp");

    VALUE_GOLDEN(l4proto::tcp, "tcp");
    VALUE_GOLDEN(l4proto::icmpv6, "ipv6-icmp");
    VALUE_GOLDEN(l4proto(200), "200");
    VALUE_GOLDEN(l4proto(0), "0");
    value_test::check_parses<l4proto>("udplite", "udplite");
    value_test::check_parses<l4proto>("47", "gre");

    const auto& r = rules::an_ip_protocol_is_a_number_from_0_to_255_or_a_known_name;
    const refusal cases[] = {{"", &r, 0}, {"foo", &r, 0}, {"TCP", &r, 0}, {"256", &r, 0}, {"0x6", &r, 1}, {"-1", &r, 0}};
    for (const auto& c : cases) value_test::check_refused<l4proto>(c);
}

TEST_CASE("nfproto renders ipv4 and ipv6", "[value][l4proto]") {
    VALUE_GOLDEN(nfproto::ipv4, "ipv4");
    VALUE_GOLDEN(nfproto::ipv6, "ipv6");
    STATIC_REQUIRE(nfproto::ipv4.number == 2 && nfproto::ipv6.number == 10);
    STATIC_REQUIRE(nfproto::ipv4 == nfproto::ipv4 && !(nfproto::ipv4 == nfproto::ipv6));
    // each constant's type says its network layer (what pins a rule: tests/expr/protocol_constants.cpp)
    STATIC_REQUIRE(decltype(nfproto::ipv4)::protocol_layer3 == layer3::ip);
    STATIC_REQUIRE(decltype(nfproto::ipv6)::protocol_layer3 == layer3::ip6);
}

// nft lists a protocol number by the name the loading host's protocol database gives it
// (getprotobynumber); we render a name only for the ten protocols nftpp knows, and the
// number otherwise, which nft always accepts.
TEST_CASE("rendered protocols are what nft lists back", "[value][l4proto][oracle]") {
    auto listed_as = [](const l4proto& p) -> std::string {
        if (const protoent* e = ::getprotobynumber(p.number); e && std::string_view(e->p_name) != value_test::text(p))
            return e->p_name;  // a name from the host's database that nftpp does not render
        return value_test::text(p);
    };
    std::vector<value_test::rule_case> rules;
    std::vector<value_test::element_case> elements;
    auto same = [&](const std::string& r) { rules.push_back({r, r}); };
    for (const l4proto p : std::initializer_list<l4proto>{l4proto::icmp, l4proto::igmp, l4proto::tcp, l4proto::udp, l4proto::gre, l4proto::esp,
                            l4proto::ah, l4proto::icmpv6, l4proto::sctp, l4proto::udplite, l4proto(0), l4proto(200),
                            l4proto(255)}) {
        const std::string t = value_test::text(p);
        rules.push_back({"meta l4proto " + t + " accept", "meta l4proto " + listed_as(p) + " accept"});
        elements.push_back({std::string(l4proto::nft_type), t, listed_as(p)});
    }
    same("ip protocol " + value_test::text(l4proto::icmp) + " accept");
    same("ip6 nexthdr " + value_test::text(l4proto::icmpv6) + " accept");
    // nft resolves the number to the same name we render
    rules.push_back({"meta l4proto 58 accept", "meta l4proto " + value_test::text(l4proto(58)) + " accept"});
    for (const nfproto p : std::initializer_list<nfproto>{nfproto::ipv4, nfproto::ipv6}) same("meta nfproto " + value_test::text(p) + " accept");
    value_test::check_rules_list_back("inet", rules);
    value_test::check_elements_list_back(elements);
}
