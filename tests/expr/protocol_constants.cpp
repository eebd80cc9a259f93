// SPDX-License-Identifier: Apache-2.0
// Typed protocol constants pin the rule as the protocol objects do: `meta.l4proto ==
// l4proto::udp` is a udp match, `meta.nfproto == nfproto::ipv6` an IPv6 one; a set of IP
// protocols is the transport match a port NAT needs. Both ways, against nft: what nftpp
// accepts loads for real; what it refuses, nft refuses too (its text loaded by hand).
#include <string>
#include <string_view>
#include <utility>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;

namespace {
constexpr auto nat_pre = nat_chain(hook::prerouting, prio::dstnat);
constexpr auto nat_out = nat_chain(hook::output, prio::dstnat);
constexpr auto nat_post = nat_chain(hook::postrouting, prio::srcnat);

template <class R>
constexpr const rule* shape = rule_summary_v<decltype(as_rule(std::declval<const R&>()))>.broken;

// The rule's text in a base chain of an inet table, loaded by nft, must be refused with
// nft's own message: what nftpp refuses, nft refuses.
void nft_refuses(std::string_view chain_head, std::string_view rule_text, std::string_view nft_error,
                 std::string_view sets = {}) {
    if (!nftpp_test::netns_usable()) return;
    const std::string text = "table inet t {\n" + std::string(sets) + "\tchain c {\n\t\t" + std::string(chain_head) + "\n\t\t" +
                             std::string(rule_text) + "\n\t}\n}\n";
    nftpp::testing::scratch_netns ns("proto");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto out = ex.apply(nftpp::script(text));
    INFO("script:\n" << text << "nft said: " << out.err);
    CHECK(out.kind == nftpp::exec::outcome_kind::rejected);
    CHECK(out.err.find(nft_error) != std::string::npos);
}
constexpr std::string_view filter_input = "type filter hook input priority 0; policy accept;";
constexpr std::string_view nat_prerouting = "type nat hook prerouting priority -100; policy accept;";
}  // namespace

TEST_CASE("l4proto constants are a transport match for port NAT", "[expr][protocol][nat][golden]") {
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::tcp >> dnat(ip, "10.0.1.2", 8080))> == nullptr);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::udp >> redirect(8080))> == nullptr);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::sctp >> masquerade(ports(1024, 2048)))> == nullptr);
    STATIC_REQUIRE(shape<decltype(ip.protocol == l4proto::tcp >> dnat(ip, "10.0.1.2", 8080))> == nullptr);
    STATIC_REQUIRE(shape<decltype(ip6.nexthdr == l4proto::udp >> dnat(ip6, "fd00::1", 53))> == nullptr);
    golden_rule<family::inet, nat_pre>(meta.l4proto == l4proto::tcp >> dnat(ip, "10.0.1.2", 8080),
                                       "meta l4proto tcp dnat ip to 10.0.1.2:8080");
    golden_rule<family::ip, nat_out>(meta.l4proto == l4proto::udp >> redirect(8080), "meta l4proto udp redirect to :8080");
    golden_rule<family::inet, nat_post>(meta.l4proto == l4proto::sctp >> masquerade(ports(1024, 2048)),
                                        "meta l4proto sctp masquerade to :1024-2048");
    golden_rule<family::ip, nat_pre>(ip.protocol == l4proto::tcp >> dnat(ip, "10.0.1.2", 8080),
                                     "ip protocol tcp dnat ip to 10.0.1.2:8080");
    golden_rule<family::ip6, nat_pre>(ip6.nexthdr == l4proto::udp >> dnat(ip6, "fd00::1", 53),
                                      "ip6 nexthdr udp dnat ip6 to [fd00::1]:53");
}

TEST_CASE("a set of IP protocols is a transport match for port NAT, as nft takes it", "[expr][protocol][nat][golden]") {
    STATIC_REQUIRE(shape<decltype(meta.l4proto.in({tcp, udp}) >> redirect(8080))> == nullptr);
    STATIC_REQUIRE(shape<decltype(meta.l4proto.in({l4proto::tcp, l4proto::udp}) >> dnat(ip, "10.0.1.2", 8080))> == nullptr);
    STATIC_REQUIRE(shape<decltype(ip.protocol.in({tcp, udp}) >> dnat(ip, "10.0.1.2", 8080))> == nullptr);
    golden_rule<family::inet, nat_pre>(meta.l4proto.in({tcp, udp}) >> dnat(ip, "10.0.1.2", 8080),
                                       "meta l4proto { tcp, udp } dnat ip to 10.0.1.2:8080");
    golden_rule<family::inet, nat_out>(meta.l4proto.in({l4proto::tcp, l4proto::udp}) >> redirect(8080),
                                       "meta l4proto { tcp, udp } redirect to :8080");
    golden_rule<family::ip, nat_post>(ip.protocol.in({tcp, udp}) >> masquerade(ports(1024)),
                                      "ip protocol { tcp, udp } masquerade to :1024");
    // a set adds no one protocol: nothing is pinned
    STATIC_REQUIRE(rule_summary_v<decltype(as_rule(meta.l4proto.in({tcp, udp}) && th.dport == 53 >> accept))>.broken == nullptr);
}

TEST_CASE("what is not a transport match before a port NAT is refused, by nft too", "[expr][protocol][nat][checks]") {
    // a negative match says nothing about the protocol
    STATIC_REQUIRE(shape<decltype(meta.l4proto != l4proto::tcp >> redirect(8080))> == &rules::nat_port_needs_transport_match);
    nft_refuses(nat_prerouting, "meta l4proto != tcp redirect to :8080",
                "transport protocol mapping is only valid after transport protocol match");
    STATIC_REQUIRE(shape<decltype(meta.l4proto.not_in({tcp, udp}) >> redirect(8080))> ==
                   &rules::nat_port_needs_transport_match);
    nft_refuses(nat_prerouting, "meta l4proto != { tcp, udp } redirect to :8080",
                "transport protocol mapping is only valid after transport protocol match");
    // a named set of protocols does not count for nft
    STATIC_REQUIRE(shape<decltype(meta.l4proto == at<"protos"> >> redirect(8080))> == &rules::nat_port_needs_transport_match);
    nft_refuses(nat_prerouting, "meta l4proto @protos redirect to :8080",
                "transport protocol mapping is only valid after transport protocol match",
                "\tset protos {\n\t\ttype inet_proto\n\t\telements = { tcp, udp }\n\t}\n");
    // th names no protocol
    STATIC_REQUIRE(shape<decltype(th.dport == 80 >> redirect(8080))> == &rules::nat_port_needs_transport_match);
    nft_refuses(nat_prerouting, "th dport 80 redirect to :8080", "transport protocol mapping is only valid after transport protocol match");
    // a protocol without ports: nftpp counts tcp, udp and sctp only (see docs/diagnostics.md)
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::gre >> redirect(8080))> == &rules::nat_port_needs_transport_match);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::icmp >> redirect(8080))> == &rules::nat_port_needs_transport_match);
}

TEST_CASE("l4proto constants pin the rule's transport protocol", "[expr][protocol][checks]") {
    // reject with tcp reset after a udp match
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::udp >> reject(tcp_reset))> == &rules::tcp_reset_only_with_tcp);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::tcp >> reject(tcp_reset))> == nullptr);
    STATIC_REQUIRE(shape<decltype(meta.l4proto != l4proto::udp >> reject(tcp_reset))> == nullptr);
    nft_refuses(filter_input, "meta l4proto udp reject with tcp reset", "you cannot use tcp reset with this protocol");
    golden_rule(meta.l4proto == l4proto::tcp >> reject(tcp_reset), "meta l4proto tcp reject with tcp reset");
    // a tcp field after a udp match
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::udp && tcp.dport == 80 >> accept)> ==
                   &rules::one_transport_protocol_per_rule);
    STATIC_REQUIRE(shape<decltype(ip.protocol == l4proto::udp && tcp.dport == 80 >> accept)> ==
                   &rules::one_transport_protocol_per_rule);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == l4proto::tcp && tcp.dport == 80 >> accept)> == nullptr);
    nft_refuses(filter_input, "meta l4proto udp tcp dport 80 accept", "conflicting protocols specified: udp vs. tcp");
    golden_rule(meta.l4proto == l4proto::tcp && tcp.dport == 80 >> accept, "meta l4proto tcp tcp dport 80 accept");
    // a protocol without a layer of the checker's still renders as before
    golden_rule(meta.l4proto == l4proto::gre >> accept, "meta l4proto gre accept");
}

TEST_CASE("nfproto constants pin the rule's network layer", "[expr][protocol][checks]") {
    STATIC_REQUIRE(shape<decltype(meta.nfproto == nfproto::ipv6 >> reject(icmp_code::host_unreachable))> ==
                   &rules::reject_type_matches_rule_family);
    STATIC_REQUIRE(shape<decltype(meta.nfproto == nfproto::ipv4 >> reject(icmp_code::host_unreachable))> == nullptr);
    nft_refuses(filter_input, "meta nfproto ipv6 reject with icmp type host-unreachable",
                "conflicting protocols specified: ip vs ip6");
    golden_rule(meta.nfproto == nfproto::ipv4 >> reject(icmp_code::host_unreachable),
                "meta nfproto ipv4 reject with icmp type host-unreachable");
    STATIC_REQUIRE(shape<decltype(meta.nfproto == nfproto::ipv4 && ip6.saddr == "::1" >> accept)> ==
                   &rules::one_network_family_per_rule);
    STATIC_REQUIRE(shape<decltype(meta.nfproto != nfproto::ipv4 && ip6.saddr == "::1" >> accept)> == nullptr);
    nft_refuses(filter_input, "meta nfproto ipv4 ip6 saddr ::1 accept", "conflicting protocols specified: ip vs. ip6");
    golden_rule(meta.nfproto == nfproto::ipv6 && ip6.saddr == "::1" >> accept, "meta nfproto ipv6 ip6 saddr ::1 accept");
    // dnat ip6 after an IPv4 match
    STATIC_REQUIRE(shape<decltype(meta.nfproto == nfproto::ipv4 >> dnat(ip6, "fd00::1"))> ==
                   &rules::nat_family_matches_rule_family);
    nft_refuses(nat_prerouting, "meta nfproto ipv4 dnat ip6 to fd00::1", "conflicting protocols specified: ip vs. ip6");
    golden_rule<family::inet, nat_pre>(meta.nfproto == nfproto::ipv4 >> dnat(ip, "10.0.0.1"), "meta nfproto ipv4 dnat ip to 10.0.0.1");
    // and only in inet tables, as `meta.nfproto == ip`
    using in_ip = chain_t<"c", filter_chain(hook::input), boost::hana::tuple<decltype(as_rule(meta.nfproto == nfproto::ipv4 >> accept))>>;
    STATIC_REQUIRE(table_verdict_of<family::ip, in_ip>().broken == &rules::meta_nfproto_only_in_inet);
    STATIC_REQUIRE(table_verdict_of<family::inet, in_ip>().broken == nullptr);
}
