// SPDX-License-Identifier: Apache-2.0
// exthdr (IPv6 extension headers): golden renderings of every header and field loaded for
// real, in sets by typeof, their value ranges and their families beside valid neighbours,
// the IPv6 pin, and the kernel (nft) refusing what nftpp refuses.
#include <string>
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto input = filter_chain(hook::input);
constexpr auto fwd = filter_chain(hook::forward);
constexpr auto output = filter_chain(hook::output);
constexpr auto ingress = filter_chain(hook::ingress);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", filter_chain(hook::input), hana::tuple<R...>>>().broken;
template <class Sel, class V>
concept matches_with = requires(Sel s, V v) { s == v; };
}  // namespace

TEST_CASE("exthdr presence and fields render as nft lists them, and load", "[expr][exthdr][golden]") {
    golden_rule<family::ip6, input>(exthdr.frag.exists() >> drop, "exthdr frag exists drop");
    golden_rule<family::inet, input>(exthdr.hbh.missing() >> accept, "exthdr hbh missing accept");
    golden_rule<family::inet, fwd>(exthdr.rt.exists() >> drop, "exthdr rt exists drop");
    golden_rule<family::bridge, fwd>(exthdr.dst.exists() >> accept, "exthdr dst exists accept");
    golden_rule<family::netdev, ingress>(exthdr.mh.exists() >> drop, "exthdr mh exists drop");
    // the fragment header
    golden_rule<family::ip6, input>(exthdr.frag.more_fragments == 1 >> drop, "frag more-fragments 1 drop");
    golden_rule<family::ip6, input>(exthdr.frag.frag_off != 0 >> drop, "frag frag-off != 0 drop");
    golden_rule<family::ip6, input>(exthdr.frag.frag_off == range<frag_offset>(1, 8191) >> drop, "frag frag-off 1-8191 drop");
    golden_rule<family::inet, input>(exthdr.frag.id == 4294967295 >> accept, "frag id 4294967295 accept");
    golden_rule<family::inet, input>(exthdr.frag.nexthdr == l4proto::udp >> accept, "frag nexthdr udp accept");
    golden_rule<family::inet, input>(exthdr.frag.nexthdr.in({l4proto::tcp, l4proto(58)}) >> accept,
                                     "frag nexthdr { tcp, ipv6-icmp } accept");
    // routing, hop-by-hop, destination options, mobility
    golden_rule<family::ip6, filter_chain(hook::prerouting)>(exthdr.rt.type == 0 >> drop, "rt type 0 drop");
    golden_rule<family::ip6, fwd>(exthdr.rt.seg_left > 0 >> drop, "rt seg-left > 0 drop");
    golden_rule<family::ip6, fwd>(exthdr.rt.type.in({0, 2}) && exthdr.rt.hdrlength < 255 >> drop,
                                  "rt type { 0, 2 } rt hdrlength < 255 drop");
    golden_rule<family::ip6, output>(exthdr.rt.nexthdr == l4proto::tcp >> accept, "rt nexthdr tcp accept");
    golden_rule<family::ip6, input>(exthdr.hbh.nexthdr == l4proto(59) && exthdr.hbh.hdrlength == 0 >> accept,
                                    "hbh nexthdr 59 hbh hdrlength 0 accept");
    golden_rule<family::ip6, input>(exthdr.dst.nexthdr == l4proto::tcp && exthdr.dst.hdrlength == 1 >> accept,
                                    "dst nexthdr tcp dst hdrlength 1 accept");
    golden_rule<family::ip6, input>(exthdr.mh.type == mh_types::binding_update >> accept, "mh type 5 accept");
    golden_rule<family::ip6, input>(exthdr.mh.type.in({mh_types::home_test_init, mh_types::home_agent_switch_message}) >> drop,
                                    "mh type { 1, 12 } drop");
    golden_rule<family::ip6, input>(exthdr.mh.checksum == 0xffff && exthdr.mh.hdrlength == 2 && exthdr.mh.nexthdr == l4proto(59) >> drop,
                                    "mh checksum 65535 mh hdrlength 2 mh nexthdr 59 drop");
    // beside ip6 matches, on every hook, in a nat chain
    golden_rule<family::inet, input>(exthdr.frag.exists() && ip6.saddr == "fd00::/8" >> drop,
                                     "exthdr frag exists ip6 saddr fd00::/8 drop");
    golden_rule<family::inet, filter_chain(hook::postrouting)>(exthdr.frag.missing() >> accept, "exthdr frag missing accept");
    golden_rule<family::netdev, filter_chain(hook::egress)>(exthdr.frag.id == 7 >> drop, "frag id 7 drop");
    golden_rule<family::inet, nat_chain(hook::prerouting, -100)>(exthdr.frag.exists() >> accept, "exthdr frag exists accept");
    // a set of fragment ids and one of mobility header types (nft has mh_type, not a frag id type)
    const auto t = table<family::ip6>("x", set<"ids", frag_id>(key_typeof(exthdr.frag.id), {frag_id(1), frag_id(2)}),
                                      set<"kinds", mh_type>({mh_types::binding_error}),
                                      base_chain<"in", input>(exthdr.frag.id == at<"ids"> >> drop,
                                                              exthdr.mh.type == at<"kinds"> >> drop));
    golden(ruleset(replace(t)),
           "add table ip6 x\n"
           "delete table ip6 x\n"
           "table ip6 x {\n"
           "\tset ids {\n\t\ttypeof frag id\n\t\telements = {\n\t\t\t1,\n\t\t\t2\n\t\t}\n\t}\n"
           "\tset kinds {\n\t\ttype mh_type\n\t\telements = {\n\t\t\t7\n\t\t}\n\t}\n"
           "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\tfrag id @ids drop\n\t\tmh type @kinds drop\n\t}\n"
           "}\n");
}

TEST_CASE("exthdr rules, each beside a valid neighbour", "[expr][exthdr][checks]") {
    // value ranges, as nft's ("Value 8192 exceeds valid range 0-8191")
    STATIC_REQUIRE(frag_offset::from(8191).ok());
    STATIC_REQUIRE(frag_offset::from(8192).err().broken == &rules::a_fragment_offset_is_a_number_from_0_to_8191);
    STATIC_REQUIRE(frag_flag::from(1).ok());
    STATIC_REQUIRE(frag_flag::from(2).err().broken == &rules::a_fragment_flag_is_0_or_1);
    STATIC_REQUIRE(frag_id::from(4294967295).ok());
    STATIC_REQUIRE(frag_id::from(4294967296).err().broken == &rules::a_fragment_id_is_a_number_from_0_to_4294967295);
    STATIC_REQUIRE(header_byte::from(255).ok());
    STATIC_REQUIRE(header_byte::from(256).err().broken == &rules::a_header_byte_is_a_number_from_0_to_255);
    STATIC_REQUIRE(header_byte::from(-1).err().broken == &rules::a_header_byte_is_a_number_from_0_to_255);
    STATIC_REQUIRE(mh_type::from(255).ok());
    STATIC_REQUIRE(mh_type::from(300).err().broken == &rules::a_mobility_header_type_is_a_number_from_0_to_255);
    STATIC_REQUIRE(mh_types::experimental_mobility_header == mh_type(11));
    // typed: a fragment offset is not a fragment id, a header byte not a mobility type
    using frag_off_sel = std::remove_cvref_t<decltype(exthdr.frag.frag_off)>;
    using mh_type_sel = std::remove_cvref_t<decltype(exthdr.mh.type)>;
    STATIC_REQUIRE(matches_with<frag_off_sel, frag_offset>);
    STATIC_REQUIRE(matches_with<mh_type_sel, mh_type>);
    STATIC_REQUIRE(std::is_same_v<frag_off_sel::value_type, frag_offset>);
    STATIC_REQUIRE(std::is_same_v<mh_type_sel::value_type, mh_type>);
    STATIC_REQUIRE(!std::is_convertible_v<frag_id, operand<frag_offset>>);
    STATIC_REQUIRE(!std::is_convertible_v<header_byte, operand<mh_type>>);
    STATIC_REQUIRE(!std::is_convertible_v<ipv6_addr, operand<mh_type>>);
    // a set of fragment ids has no nft datatype: it is declared with typeof; mh_type has one
    STATIC_REQUIRE(detail::set_elements_error<frag_id>(set_flags{}, static_cast<const operand<frag_id>*>(nullptr), 0) ==
                   &rules::a_set_of_values_without_an_nft_datatype_is_declared_with_key_typeof);
    STATIC_REQUIRE(detail::set_elements_error<frag_id>(key_typeof(exthdr.frag.id), static_cast<const operand<frag_id>*>(nullptr), 0) ==
                   nullptr);
    STATIC_REQUIRE(detail::set_elements_error<mh_type>(set_flags{}, static_cast<const operand<mh_type>*>(nullptr), 0) == nullptr);
    STATIC_REQUIRE(detail::set_elements_error<frag_offset>(key_typeof(exthdr.frag.id), static_cast<const operand<frag_offset>*>(nullptr), 0) ==
                   &rules::key_typeof_names_selectors_of_the_set_key_datatype);
    // families: ip6, inet, bridge and netdev; not ip or arp
    constexpr const rule* r = &rules::exthdr_only_for_ipv6_in_ip6_inet_bridge_netdev;
    STATIC_REQUIRE(verdict<family::ip6, RULE(exthdr.frag.exists() >> drop)> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, RULE(exthdr.frag.id == 1 >> drop)> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, RULE(exthdr.rt.type == 0 >> drop)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, RULE(exthdr.frag.exists() >> drop)> == r);
    STATIC_REQUIRE(verdict<family::ip, RULE(exthdr.frag.id == 1 >> drop)> == r);
    STATIC_REQUIRE(verdict<family::arp, RULE(exthdr.mh.exists() >> drop)> == r);
    STATIC_REQUIRE(verdict<family::ip, RULE(ip.saddr == "10.0.0.1" >> drop)> == nullptr);
    // it pins the rule to IPv6: after an IPv4 match its own sentence, before one the generic
    STATIC_REQUIRE(rule_summary_v<RULE(ip.saddr == "10.0.0.1" && exthdr.frag.exists() >> drop)>.broken == r);
    STATIC_REQUIRE(rule_summary_v<RULE(exthdr.frag.exists() && ip.saddr == "10.0.0.1" >> drop)>.broken ==
                   &rules::one_network_family_per_rule);
    STATIC_REQUIRE(rule_summary_v<RULE(ip6.saddr == "::1" && exthdr.frag.exists() >> drop)>.broken == nullptr);
    // nexthdr is the next header, not the transport: it pins no protocol, so a port NAT
    // still needs its tcp or udp match
    STATIC_REQUIRE(rule_summary_v<RULE(exthdr.frag.nexthdr == l4proto::udp && tcp.dport == 80 >> drop)>.broken == nullptr);
}

TEST_CASE("nft refuses what the exthdr rules refuse", "[expr][exthdr][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const nftpp_test::refusal refused[] = {
        {"ip", "exthdr frag exists drop", "cannot use exthdr with ip"},
        {"ip", "frag id 1 drop", "cannot use exthdr with ip"},
        {"arp", "exthdr mh exists drop", "cannot use exthdr with arp"},
        {"inet", "ip saddr 10.0.0.1 exthdr frag exists drop", "cannot use exthdr with ip"},
        {"ip6", "frag frag-off 8192", "exceeds valid range 0-8191"},
        {"ip6", "frag more-fragments 2", "exceeds valid range 0-1"},
        {"ip6", "frag id 4294967296", "exceeds valid range 0-4294967295"},
        {"ip6", "rt type 256", "exceeds valid range 0-255"},
        {"ip6", "mh type 300", "exceeds valid range 0-255"},
    };
    for (const auto& x : refused) nftpp_test::require_refused(x);
}
