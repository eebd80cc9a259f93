// SPDX-License-Identifier: Apache-2.0
// The parse tree of each spelling from the design document, pinned by static tests.
// C++ precedence decides the shape: >> binds tighter than ==, == tighter than &&.
#include <type_traits>

#include <catch2/catch.hpp>

#include <nftpp/nftpp.hpp>

using namespace nftpp;

namespace {
constexpr port proxy_port = 3128;
constexpr ipv4_addr proxy_ip = "10.200.0.1";
constexpr ipv4_prefix subnet = "10.0.128.0/30";
constexpr ifname tap = "vmtap-abcd1234";
constexpr log_prefix prefix = "openshell:bypass:sandbox-1a2b3c4d:";
}  // namespace

TEST_CASE("tcp.dport == proxy_port >> accept is tcp.dport == (proxy_port >> accept)", "[parse]") {
    using pending = decltype(proxy_port >> accept);
    STATIC_REQUIRE(std::is_same_v<pending, pending_t<port, accept_t>>);
    using R = decltype(tcp.dport == proxy_port >> accept);
    STATIC_REQUIRE(std::is_same_v<R, rule_t<rel_t<tcp_dport_t, op::eq, operand<port>>, accept_t>>);
}

TEST_CASE("ip.daddr == a && tcp.dport == p >> accept is (ip.daddr == a) && (tcp.dport == (p >> accept))", "[parse]") {
    using R = decltype(ip.daddr == proxy_ip && tcp.dport == proxy_port >> accept);
    STATIC_REQUIRE(std::is_same_v<R, rule_t<rel_t<ip_daddr_t, op::eq, operand<ipv4_addr>>,
                                            rel_t<tcp_dport_t, op::eq, operand<port>>, accept_t>>);
}

TEST_CASE("oifname == \"lo\" >> accept takes a literal through >>", "[parse]") {
    using pending = decltype("lo" >> accept);
    STATIC_REQUIRE(std::is_same_v<pending, pending_t<literal_t, accept_t>>);
    using R = decltype(oifname == "lo" >> accept);
    STATIC_REQUIRE(std::is_same_v<R, rule_t<rel_t<meta_oifname_t, op::eq, operand<ifname>>, accept_t>>);
}

TEST_CASE("ct.state == (established | related) >> accept", "[parse]") {
    using R = decltype(ct.state == (established | related) >> accept);
    STATIC_REQUIRE(std::is_same_v<R, rule_t<rel_t<ct_state_t, op::eq, operand<ct_state>>, accept_t>>);
    using S = decltype(ct.state.in({established, related}) >> accept);
    STATIC_REQUIRE(std::is_same_v<S, rule_t<rel_t<ct_state_t, op::eq, anon_set_t<ct_state, 2>>, accept_t>>);
}

TEST_CASE("log(prefix, skuid) >> reject is a statement-only rule", "[parse]") {
    using R = decltype(log(prefix, skuid) >> reject);
    STATIC_REQUIRE(std::is_same_v<R, rule_t<log_t, reject_t<reject_kind::plain>>>);
}

TEST_CASE("meta.l4proto == tcp >> limit >> log >> reject(tcp_reset) chains left to right", "[parse]") {
    using R = decltype(meta.l4proto == tcp >> limit(5 / second, burst(10)) >> log(prefix, skuid) >> reject(tcp_reset));
    STATIC_REQUIRE(std::is_same_v<R, rule_t<rel_t<meta_l4proto_t, op::eq, l4_const_t<layer4::tcp>>, limit_t, log_t,
                                            reject_t<reject_kind::tcp_reset>>>);
}

TEST_CASE("ip.saddr == subnet && oifname != tap >> masquerade", "[parse]") {
    using R = decltype(ip.saddr == subnet && oifname != tap >> masquerade);
    STATIC_REQUIRE(std::is_same_v<R, rule_t<rel_t<ip_saddr_t, op::eq, operand<ipv4_addr>>,
                                            rel_t<meta_oifname_t, op::ne, operand<ifname>>, masquerade_t<false>>>);
}

TEST_CASE("no node converts to bool, and operators need a DSL operand", "[parse]") {
    using R = decltype(tcp.dport == proxy_port >> accept);
    STATIC_REQUIRE(!std::is_convertible_v<R, bool>);
    STATIC_REQUIRE(!std::is_constructible_v<bool, R>);
    using M = decltype(tcp.dport == proxy_port);
    STATIC_REQUIRE(!std::is_convertible_v<M, bool>);
    STATIC_REQUIRE(!std::is_constructible_v<bool, M>);
    STATIC_REQUIRE(!std::is_convertible_v<accept_t, bool>);
}

TEST_CASE("operands are checked by datatype", "[parse]") {
    // positive beside negative
    STATIC_REQUIRE(MatchableWith<tcp_dport_t, port>);
    STATIC_REQUIRE(MatchableWith<tcp_dport_t, int>);
    STATIC_REQUIRE(!MatchableWith<tcp_dport_t, const char (&)[9]>);
    STATIC_REQUIRE(!MatchableWith<tcp_dport_t, ipv4_addr>);
    STATIC_REQUIRE(MatchableWith<ip_daddr_t, ipv4_addr>);
    STATIC_REQUIRE(MatchableWith<ip_daddr_t, ipv4_prefix>);
    STATIC_REQUIRE(MatchableWith<ip_daddr_t, const char (&)[9]>);
    STATIC_REQUIRE(!MatchableWith<ip_daddr_t, int>);
    STATIC_REQUIRE(!MatchableWith<ip_daddr_t, ipv6_addr>);
    STATIC_REQUIRE(MatchableWith<meta_l4proto_t, tcp_t>);
    STATIC_REQUIRE(!MatchableWith<meta_skuid_t, tcp_t>);
    STATIC_REQUIRE(MatchableWith<meta_oifname_t, ifname>);
    STATIC_REQUIRE(!MatchableWith<meta_oifname_t, port>);
}
