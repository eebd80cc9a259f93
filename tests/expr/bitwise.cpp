// SPDX-License-Identifier: Apache-2.0
// Masked matches (`meta mark & 0xff == 1`, `tcp flags & (syn | ack) == syn`) and marks set
// from an expression of a mark (`meta mark set meta mark | 0x4000`): golden renderings
// loaded for real, their facts beside a valid neighbour, and the values refused.
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
using nftpp_test::refusal_of;
namespace hana = boost::hana;

namespace {
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <class R>
constexpr const rule* shape = rule_summary_v<R>.broken;
template <fixed_string Name, base_spec Spec, class... R>
using chain_of = chain_t<Name, Spec, hana::tuple<R...>>;
template <family F, class... C>
constexpr const rule* verdict = table_verdict_of<F, C...>().broken;
constexpr auto input = filter_chain(hook::input);
template <class A, class B>
concept can_and = requires(A a, B b) { a & b; };
template <class A, class B>
concept can_or = requires(A a, B b) { a | b; };
template <class A, class B>
concept can_eq = requires(A a, B b) { a == b; };
}  // namespace

TEST_CASE("masked matches render as nft lists them, and load", "[expr][bitwise][golden]") {
    golden_rule((meta.mark & 0xff) == 1 >> accept, "meta mark & 0x000000ff == 0x00000001 accept");
    golden_rule((meta.mark & 0x4000) == 0 >> return_, "meta mark & 0x00004000 == 0x00000000 return");
    golden_rule((ct.mark & 0xff00) != 0x100 >> accept, "ct mark & 0x0000ff00 != 0x00000100 accept");
    golden_rule((meta.mark & 0xff).in({1, 2}) >> accept, "meta mark & 0x000000ff == { 0x00000001, 0x00000002 } accept");
    golden_rule((meta.mark & 0xff).not_in({1, 2}) >> drop, "meta mark & 0x000000ff != { 0x00000001, 0x00000002 } drop");
    golden_rule((tcp.flags & (fin | syn | rst | ack)) == syn >> accept, "tcp flags & (fin | syn | rst | ack) == syn accept");
    golden_rule((tcp.flags & (syn | ack)) == (syn | ack) >> accept, "tcp flags & (syn | ack) == (syn | ack) accept");
    golden_rule((tcp.flags & (syn | ack)) == 0 >> drop, "tcp flags & (syn | ack) == 0 drop");
    golden_rule((ct.state & (established | related)) != 0 >> accept, "ct state & (established | related) != 0 accept");
    golden_rule((ct.status & ct_status::dnat) == ct_status::dnat >> accept, "ct status & dnat == dnat accept");
    // without trailing statements, and from run-time values
    const mark m = mark::from(0xff00).value();
    NFTPP_CHECK_TEXT(to_nft_text(as_rule((meta.mark & m) == mark::from(0x100).value())),
                     "meta mark & 0x0000ff00 == 0x00000100");
    NFTPP_CHECK_TEXT(to_nft_text(as_rule((ct.state & invalid) != 0)), "ct state & invalid != 0");
}

TEST_CASE("marks set from an expression of a mark render, and load", "[expr][bitwise][golden]") {
    golden_rule(meta.mark.set(meta.mark | 0x4000), "meta mark set meta mark | 0x00004000");
    golden_rule(meta.mark.set(meta.mark ^ 0x4000), "meta mark set meta mark ^ 0x00004000");
    golden_rule(ct.mark.set(meta.mark & 0xffff), "ct mark set meta mark & 0x0000ffff");
    golden_rule(meta.mark.set(ct.mark), "meta mark set ct mark");
    golden_rule(ct.mark.set(meta.mark), "ct mark set meta mark");
    golden_rule(meta.mark.set((meta.mark & 0xffff0000) | 1), "meta mark set meta mark & 0xffff0000 | 0x00000001");
    golden_rule(meta.mark.set((ct.mark & 0xff) ^ 0x100), "meta mark set ct mark & 0x000000ff ^ 0x00000100");
    golden_rule<family::ip, filter_chain(hook::prerouting, prio::mangle)>(
        (meta.mark & 0x4000) == 0 && tcp.dport == 22 >> meta.mark.set(meta.mark | 0x4000) >> accept,
        "meta mark & 0x00004000 == 0x00000000 tcp dport 22 meta mark set meta mark | 0x00004000 accept");
}

TEST_CASE("masked matches keep their field's facts, each beside a valid neighbour", "[expr][bitwise][checks]") {
    // tcp flags pin tcp
    STATIC_REQUIRE(rule_summary_v<RULE((tcp.flags & syn) == syn)>.l4 == layer4::tcp);
    STATIC_REQUIRE(shape<RULE(tcp.dport == 22 && (tcp.flags & syn) == syn)> == nullptr);
    STATIC_REQUIRE(shape<RULE(udp.dport == 53 && (tcp.flags & syn) == syn)> == &rules::one_transport_protocol_per_rule);
    // ct needs conntrack, in an expression too
    using ct_masked = RULE((ct.state & (established | related)) != 0 >> accept);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, ct_masked>> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", input, ct_masked>> == &rules::conntrack_in_ip_ip6_inet);
    using from_ct = RULE(meta.mark.set(ct.mark));
    using from_meta = RULE(meta.mark.set(meta.mark | 1));
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", input, from_meta>> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", input, from_ct>> == &rules::conntrack_in_ip_ip6_inet);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::ingress), RULE(ct.mark.set(meta.mark))>> ==
                   &rules::conntrack_in_ip_ip6_inet);
    STATIC_REQUIRE(rule_summary_v<from_ct>.features.contains(feature::conntrack));
    STATIC_REQUIRE(!rule_summary_v<from_meta>.features.contains(feature::conntrack));
    // a masked field is no selector: a verdict map or a concatenation would drop the mask
    STATIC_REQUIRE(Selector<meta_mark_t>);
    STATIC_REQUIRE(!Selector<masked_t<meta_mark_t>>);
    // `meta.mark & 0xff == 1` (== binds first) does not compile; masks have the datatype
    STATIC_REQUIRE(can_and<meta_mark_t, mark>);
    STATIC_REQUIRE(!can_and<meta_mark_t, bool>);
    STATIC_REQUIRE(can_and<tcp_flags_t, tcp_flags>);
    STATIC_REQUIRE(!can_and<tcp_flags_t, mark>);
    STATIC_REQUIRE(!can_and<tcp_dport_t, port>);
    STATIC_REQUIRE(can_or<meta_mark_t, mark>);
    STATIC_REQUIRE(!can_or<tcp_flags_t, tcp_flags>);
    STATIC_REQUIRE(can_eq<masked_t<tcp_flags_t>, zero_literal>);
    STATIC_REQUIRE(!can_eq<masked_t<meta_mark_t>, zero_literal>);  // there 0 is a mark
    // flags compare with flags or 0: a literal other than 0 is refused
    CHECK(refusal_of([] {
              const auto one = literal_t(1);
              (void)((tcp.flags & syn) == (one >> accept));
          }) == "a masked flags match compares with flags or with 0: write (tcp.flags & (syn | ack)) == syn, or != 0 for any of the mask's bits");
    CHECK(refusal_of([] { (void)((tcp.flags & syn) == (literal_t(0) >> accept)); }) == "(nothing refused)");
}
