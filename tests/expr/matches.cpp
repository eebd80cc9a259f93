// SPDX-License-Identifier: Apache-2.0
// Golden rendering of every selector and relation, each loaded for real.
#include <vector>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;

TEST_CASE("ip matches", "[expr][golden]") {
    golden_rule<family::ip>(ip.saddr == "10.0.0.1" >> accept, "ip saddr 10.0.0.1 accept");
    golden_rule<family::ip>(ip.saddr == "10.0.0.0/8" >> accept, "ip saddr 10.0.0.0/8 accept");
    golden_rule<family::ip>(ip.daddr != "192.168.0.0/16" >> drop, "ip daddr != 192.168.0.0/16 drop");
    golden_rule<family::ip>(ip.daddr == "10.0.0.1-10.0.0.9" >> accept, "ip daddr 10.0.0.1-10.0.0.9 accept");
    golden_rule<family::ip>(ip.daddr.in({"10.0.0.1", "10.0.0.0/24"}) >> accept, "ip daddr { 10.0.0.1, 10.0.0.0/24 } accept");
    golden_rule<family::ip>(ip.saddr.not_in({"10.0.0.1", "10.0.0.2"}) >> drop, "ip saddr != { 10.0.0.1, 10.0.0.2 } drop");
    golden_rule<family::ip>(ip.protocol == tcp >> accept, "ip protocol tcp accept");
    golden_rule<family::ip>(ip.ttl < 2 >> drop, "ip ttl < 2 drop");
    golden_rule(ip.daddr > "10.0.0.1" >> accept, "ip daddr > 10.0.0.1 accept");
}

TEST_CASE("ip6 matches", "[expr][golden]") {
    golden_rule<family::ip6>(ip6.saddr == "fd00::1" >> accept, "ip6 saddr fd00::1 accept");
    golden_rule<family::ip6>(ip6.daddr == "fd00:200::/64" >> accept, "ip6 daddr fd00:200::/64 accept");
    golden_rule<family::ip6>(ip6.nexthdr == udp >> accept, "ip6 nexthdr udp accept");
    golden_rule<family::ip6>(ip6.hoplimit == 1 >> drop, "ip6 hoplimit 1 drop");
    golden_rule(ip6.saddr.in({"::1", "fe80::/10"}) >> accept, "ip6 saddr { ::1, fe80::/10 } accept");
}

TEST_CASE("transport matches", "[expr][golden]") {
    golden_rule(tcp.dport == 22 >> accept, "tcp dport 22 accept");
    golden_rule(tcp.dport == 0 >> accept, "tcp dport 0 accept");
    golden_rule(tcp.dport == 65535 >> accept, "tcp dport 65535 accept");
    golden_rule(tcp.dport.in({22, 80, 443}) >> accept, "tcp dport { 22, 80, 443 } accept");
    golden_rule(tcp.sport == range<port>(1024, 65535) >> accept, "tcp sport 1024-65535 accept");
    golden_rule(tcp.dport < 1024 >> drop, "tcp dport < 1024 drop");
    golden_rule(tcp.dport >= 1024 >> accept, "tcp dport >= 1024 accept");
    golden_rule(tcp.dport != 22 >> accept, "tcp dport != 22 accept");
    golden_rule(tcp.flags == syn >> accept, "tcp flags syn accept");
    golden_rule(udp.dport.in({53, 123}) >> accept, "udp dport { 53, 123 } accept");
    golden_rule(udp.sport == 53 >> accept, "udp sport 53 accept");
    golden_rule(th.dport == 53 >> accept, "th dport 53 accept");
    const std::vector<port> ports{port(8080), port(8443)};
    golden_rule(tcp.dport.in(ports) >> accept, "tcp dport { 8080, 8443 } accept");
}

TEST_CASE("meta and interface matches", "[expr][golden]") {
    golden_rule(meta.l4proto == udp >> accept, "meta l4proto udp accept");
    golden_rule(meta.l4proto == icmpv6 >> accept, "meta l4proto ipv6-icmp accept");
    golden_rule(meta.nfproto == ip6 >> accept, "meta nfproto ipv6 accept");
    golden_rule(meta.skuid == 1000 >> accept, "meta skuid 1000 accept");
    golden_rule(meta.skgid == range<gid>(100, 200) >> accept, "meta skgid 100-200 accept");
    golden_rule(meta.mark == 0x1 >> accept, "meta mark 0x00000001 accept");
    golden_rule(iifname == "lo" >> accept, "iifname \"lo\" accept");
    golden_rule(oifname == "veth*" >> accept, "oifname \"veth*\" accept");
    golden_rule(iifname.in({"lo", "eth0"}) >> accept, "iifname { \"lo\", \"eth0\" } accept");
    golden_rule(meta.oifname != "lo" >> drop, "oifname != \"lo\" drop");
}

TEST_CASE("conntrack and icmp matches", "[expr][golden]") {
    golden_rule(ct.state == (established | related) >> accept, "ct state established,related accept");
    golden_rule(ct.state.in({established, related}) >> accept, "ct state { established, related } accept");
    golden_rule(ct.state == invalid >> drop, "ct state invalid drop");
    golden_rule(ct.state == new_ >> accept, "ct state new accept");
    golden_rule(ct.status == ct_status::dnat >> accept, "ct status dnat accept");
    golden_rule(ct.mark == 1 >> accept, "ct mark 0x00000001 accept");
    golden_rule(ct.direction == ct_direction::original >> accept, "ct direction original accept");
    golden_rule(icmp.type == icmp_type::echo_request >> accept, "icmp type echo-request accept");
    golden_rule(icmpv6.type == icmpv6_type::nd_neighbor_solicit >> accept, "icmpv6 type nd-neighbor-solicit accept");
}

TEST_CASE("literals before >> are checked when the match is formed", "[expr]") {
    // Constant evaluated: compile-time (the compile-fail suite has the failing spelling).
    constexpr auto r = tcp.dport == 3128 >> accept;
    STATIC_REQUIRE(std::get<0>(r.parts).rhs == operand<port>(3128));
    // Before statements without values (accept, drop, jump, counter ...) `literal >> ...` is
    // a constant wherever it is written: checked in the compiler, so it cannot throw
    // (tests/compile_fail/cases/literal_*_before_shift_*.cpp have the failing spellings).
    STATIC_REQUIRE(noexcept(tcp.dport == 70 >> accept));
    STATIC_REQUIRE(noexcept(oifname == "veth0" >> counter >> drop));
    CHECK_NOTHROW(ip.daddr == "10.0.0.3" >> accept);
    // Before a statement with values (a log prefix given at run time) a bad literal throws
    // before anything is rendered.
    const auto logged = log(log_prefix("x: "));
    STATIC_REQUIRE(!noexcept(tcp.dport == 70 >> logged >> accept));
    CHECK_THROWS_AS(tcp.dport == 70000 >> logged >> accept, value_error);
    CHECK_THROWS_AS(oifname == "a-name-far-too-long" >> logged >> accept, value_error);
    CHECK_THROWS_AS(ip.daddr == "10.0.0.300" >> logged >> accept, value_error);
    CHECK_THROWS_AS(ip.daddr == 3 >> logged >> accept, value_error);
    CHECK_NOTHROW(ip.daddr == "10.0.0.3" >> logged >> accept);
}
