// SPDX-License-Identifier: Apache-2.0
// Payload statements: `ip.ttl.set(64)`, `udp.checksum.set(0)`, `tcp.dport.set(8080)`,
// `ip.daddr.set(ip.saddr)`, `raw_nh<16, 16>.set(...)`. Golden renderings loaded for real
// (in every family the field's header has), the field's facts beside valid neighbours,
// values checked where written, and the kernel refusing what nftpp refuses.
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto pre = filter_chain(hook::prerouting, prio::mangle);
constexpr auto out = filter_chain(hook::output);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <class R>
constexpr const rule* shape = rule_summary_v<R>.broken;
template <fixed_string Name, base_spec Spec, class... R>
using chain_of = chain_t<Name, Spec, hana::tuple<R...>>;
template <family F, class... C>
constexpr const rule* verdict = table_verdict_of<F, C...>().broken;
template <family F, class R>
constexpr const rule* in_family = verdict<F, chain_of<"c", filter_chain(hook::output), R>>;

// What .set takes: a value of the field's datatype, or a field of the same datatype and header.
template <class Field, class V>
concept settable = requires(const Field& f, const V& v) { f.set(v); };
}  // namespace

TEST_CASE("payload statements render, and load", "[stmt][payload_set][golden]") {
    golden_rule<family::inet, pre>(ip.ttl.set(64), "ip ttl set 64");
    golden_rule<family::inet, pre>(ip6.hoplimit.set(1), "ip6 hoplimit set 1");
    golden_rule<family::inet, pre>(udp.dport == 4789 >> udp.checksum.set(0) >> accept, "udp dport 4789 udp checksum set 0 accept");
    golden_rule<family::ip, out>(tcp.checksum.set(0xffff), "tcp checksum set 65535");
    golden_rule<family::ip, out>(ip.checksum.set(0), "ip checksum set 0");
    golden_rule<family::inet, pre>(ip.dscp.set(dscp_class::ef), "ip dscp set 46");
    golden_rule<family::ip6, out>(ip6.dscp.set(dscp_class::cs1), "ip6 dscp set 8");
    golden_rule<family::ip6, out>(ip6.flowlabel.set(0), "ip6 flowlabel set 0");
    golden_rule<family::inet, out>(tcp.dport == 80 >> tcp.dport.set(8080), "tcp dport 80 tcp dport set 8080");
    golden_rule<family::inet, out>(th.dport.set(53), "th dport set 53");
    golden_rule<family::inet, pre>(ip.daddr.set(ip.saddr), "ip daddr set ip saddr");
    golden_rule<family::ip6, pre>(ip6.saddr.set(ip6.daddr), "ip6 saddr set ip6 daddr");
    golden_rule<family::inet, pre>(tcp.sport.set(tcp.dport), "tcp sport set tcp dport");
    golden_rule<family::inet, pre>(ip.saddr.set(ipv4_addr("192.0.2.1")), "ip saddr set 192.0.2.1");
    golden_rule<family::inet, pre>(ip.protocol.set(l4proto::udp), "ip protocol set 17");
    golden_rule<family::inet, pre>(icmp.type == icmp_type::echo_request >> icmp.type.set(icmp_type::echo_reply),
                                   "icmp type echo-request icmp type set echo-reply");
    golden_rule<family::inet, pre>(raw_nh<16, 16>.set(raw_bits<16>(0x10)), "@nh,16,16 set 0x0010");
    // link layer: bridge, netdev and the ip families
    golden_rule<family::bridge, filter_chain(hook::forward)>(ether.saddr.set(ether_addr("02:00:00:00:00:01")),
                                                             "ether saddr set 02:00:00:00:00:01");
    golden_rule<family::netdev, filter_chain(hook::ingress)>(ether.daddr.set(ether.saddr), "ether daddr set ether saddr");
    golden_rule<family::bridge, filter_chain(hook::forward)>(vlan.id.set(5), "vlan id set 5");
    golden_rule<family::arp, filter_chain(hook::input)>(arp.saddr.ip.set(ipv4_addr("192.0.2.7")), "arp saddr ip set 192.0.2.7");
    // any chain type and hook: a port rewritten before a redirect counts as its transport match
    golden_rule<family::ip, nat_chain(hook::prerouting, prio::dstnat)>(tcp.dport.set(80) >> redirect(8080),
                                                                      "tcp dport set 80 redirect to :8080");
    golden_rule<family::inet, route_chain(hook::output)>(ip.ttl.set(2), "ip ttl set 2");
    golden_rule<family::netdev, filter_chain(hook::ingress)>(ip.ttl.set(2), "ip ttl set 2");
    // a run-time value
    const port p = port::from(5353).value();
    golden_rule<family::inet, out>(udp.dport.set(p), "udp dport set 5353");
}

TEST_CASE("payload statements have their field's facts, each beside a valid neighbour", "[stmt][payload_set][checks]") {
    // the network layer and the transport protocol, as a match on the field pins them
    STATIC_REQUIRE(rule_summary_v<RULE(ip.ttl.set(64))>.l3 == layer3::ip);
    STATIC_REQUIRE(rule_summary_v<RULE(tcp.dport.set(80))>.l4 == layer4::tcp);
    STATIC_REQUIRE(rule_summary_v<RULE(th.dport.set(80))>.l4 == layer4::any);
    STATIC_REQUIRE(shape<RULE(tcp.dport == 80 >> tcp.dport.set(8080))> == nullptr);
    STATIC_REQUIRE(shape<RULE(udp.dport == 53 >> tcp.dport.set(8080))> == &rules::one_transport_protocol_per_rule);
    STATIC_REQUIRE(shape<RULE(ip.ttl == 3 >> ip.ttl.set(64))> == nullptr);
    STATIC_REQUIRE(shape<RULE(ip6.hoplimit == 3 >> ip.ttl.set(64))> == &rules::one_network_family_per_rule);
    // a statement, not a verdict: anything may follow it
    STATIC_REQUIRE(shape<RULE(ip.ttl.set(64) >> accept)> == nullptr);
    STATIC_REQUIRE(shape<RULE(ip.ttl.set(64) >> counter >> drop)> == nullptr);
    STATIC_REQUIRE(shape<RULE(accept >> ip.ttl.set(64))> == &rules::terminal_statement_last);
    // families: the header's
    STATIC_REQUIRE(in_family<family::ip, RULE(ip.ttl.set(64))> == nullptr);
    STATIC_REQUIRE(in_family<family::ip6, RULE(ip.ttl.set(64))> == &rules::no_ip_in_ip6_table);
    STATIC_REQUIRE(in_family<family::ip6, RULE(ip6.hoplimit.set(64))> == nullptr);
    STATIC_REQUIRE(in_family<family::ip, RULE(ip6.hoplimit.set(64))> == &rules::no_ip6_in_ip_table);
    STATIC_REQUIRE(in_family<family::arp, RULE(arp.operation.set(arp_ops::reply))> == nullptr);
    STATIC_REQUIRE(in_family<family::arp, RULE(tcp.dport.set(80))> == &rules::no_ip_or_transport_in_arp_table);
    STATIC_REQUIRE(in_family<family::inet, RULE(arp.operation.set(arp_ops::reply))> == &rules::arp_fields_only_in_arp_bridge_netdev);
    // a port NAT needs a transport match: a tcp field set counts, a th one does not
    STATIC_REQUIRE(shape<RULE(tcp.dport.set(80) >> redirect(8080))> == nullptr);
    STATIC_REQUIRE(shape<RULE(th.dport.set(80) >> redirect(8080))> == &rules::nat_port_needs_transport_match);
    // the value: the field's datatype and range, checked where it is written
    STATIC_REQUIRE(settable<ip_ttl_t, ttl>);
    STATIC_REQUIRE(!settable<ip_ttl_t, port>);
    STATIC_REQUIRE(!settable<ip_ttl_t, ipv4_addr>);
    STATIC_REQUIRE(settable<tcp_dport_t, port>);
    STATIC_REQUIRE(!settable<tcp_dport_t, ttl>);
    STATIC_REQUIRE(ttl::from(255).ok());
    STATIC_REQUIRE(ttl::from(256).err().broken == &rules::a_ttl_or_hop_limit_is_a_number_from_0_to_255);
    STATIC_REQUIRE(checksum::from(65535).ok());
    STATIC_REQUIRE(checksum::from(65536).err().broken == &rules::a_checksum_is_a_number_from_0_to_65535);
    // copied from another field: same datatype and same header only
    STATIC_REQUIRE(settable<ip_daddr_t, ip_saddr_t>);
    STATIC_REQUIRE(!settable<ip_daddr_t, ip6_saddr_t>);    // another datatype
    STATIC_REQUIRE(!settable<ip_daddr_t, arp_saddr_ip_t>);  // same datatype, another header
    STATIC_REQUIRE(settable<tcp_sport_t, tcp_dport_t>);
    STATIC_REQUIRE(!settable<tcp_sport_t, udp_dport_t>);
    STATIC_REQUIRE(!settable<ip_ttl_t, ip6_hoplimit_t>);
    // fields that are not payload have no .set of this kind
    STATIC_REQUIRE(!settable<decltype(meta.l4proto), l4proto>);
    STATIC_REQUIRE(!settable<decltype(iifname), ifname>);
}

TEST_CASE("what nft takes as the transport match a port NAT needs", "[stmt][payload_set][checks][golden]") {
    // a tcp or udp field read by any part: a match, a field written, a map lookup, a set update
    STATIC_REQUIRE(shape<RULE(tcp.dport == 80 >> redirect(8080))> == nullptr);
    STATIC_REQUIRE(shape<RULE(tcp.dport.set(80) >> redirect(8080))> == nullptr);
    STATIC_REQUIRE(shape<RULE(meta.mark.set(tcp.dport, at<"marks">) >> redirect(8080))> == nullptr);
    STATIC_REQUIRE(shape<RULE(set_add<"seen">(udp.dport) >> redirect(5353))> == nullptr);
    // no protocol read: refused, as nft refuses it
    STATIC_REQUIRE(shape<RULE(ip.ttl.set(3) >> redirect(8080))> == &rules::nat_port_needs_transport_match);
    STATIC_REQUIRE(shape<RULE(meta.mark.set(1) >> redirect(8080))> == &rules::nat_port_needs_transport_match);
    const auto t = table<family::ip>("t", data_map<"marks", port, mark>({{80, 1}}), set<"seen", port>(set_flag::dynamic),
                                     base_chain<"pre", nat_chain(hook::prerouting, prio::dstnat)>(
                                         meta.mark.set(tcp.dport, at<"marks">) >> redirect(8080),
                                         set_add<"seen">(udp.dport) >> redirect(5353)));
    nftpp_test::golden(t,
                       "table ip t {\n\tmap marks {\n\t\ttype inet_service : mark\n\t\telements = {\n\t\t\t80 : 0x00000001\n\t\t}\n\t}\n"
                       "\tset seen {\n\t\ttype inet_service\n\t\tflags dynamic\n\t}\n"
                       "\tchain pre {\n\t\ttype nat hook prerouting priority -100; policy accept;\n"
                       "\t\tmeta mark set tcp dport map @marks redirect to :8080\n\t\tadd @seen { udp dport } redirect to :5353\n\t}\n}\n");
}

TEST_CASE("the kernel refuses what nftpp refuses of payload statements", "[stmt][payload_set][netns]") {
    if (!nftpp_test::netns_usable()) return;
    using nftpp_test::refusal;
    nftpp_test::require_refused(refusal{"inet", "udp dport 53 tcp dport set 8080", "conflicting protocols"});
    nftpp_test::require_refused(refusal{"inet", "ip6 hoplimit 3 ip ttl set 64", "conflicting protocols"});
    nftpp_test::require_refused(refusal{"ip6", "ip ttl set 64", "conflicting protocols"});
    nftpp_test::require_refused(refusal{"ip", "ip ttl set 256", "exceeds valid range"});
    nftpp_test::require_refused(refusal{"ip", "th dport set 80 redirect to :8080", "transport protocol", "prerouting", "nat"});
    nftpp_test::require_refused(refusal{"ip", "ip ttl set 3 redirect to :8080", "transport protocol", "prerouting", "nat"});
}
