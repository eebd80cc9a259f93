// Structural rules observed without a compile failure: rule summaries and table
// verdicts are constexpr values, tested here positive beside negative. The compile-fail
// suite checks that the same cases fire their named assertion with the right message.
#include <boost/hana/tuple.hpp>

#include <catch2/catch.hpp>

#include <nftpp/nftpp.hpp>

using namespace nftpp;
namespace hana = boost::hana;

namespace {
template <class R>
constexpr rule_error shape = rule_summary_v<R>.error;

#define RULE(...) decltype(as_rule(__VA_ARGS__))

template <class T>
struct rule_type { using type = rule_t<T>; };
template <class... P>
struct rule_type<rule_t<P...>> { using type = rule_t<P...>; };

// A chain type without building it (building fires the assertion).
template <fixed_string Name, base_spec Spec, class... R>
using chain_of = chain_t<Name, Spec, hana::tuple<typename rule_type<R>::type...>>;

template <family F, class... C>
constexpr detail::table_error verdict = table_verdict_of<F, C...>().error;

using E = detail::table_error;
constexpr auto input = filter_chain(hook::input);
constexpr auto post = nat_chain(hook::postrouting, prio::srcnat);
}  // namespace

TEST_CASE("terminal statement last, one verdict, comment last", "[checks][rule]") {
    STATIC_REQUIRE(shape<decltype(counter >> accept)> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(accept >> counter)> == rule_error::statement_after_terminal);
    STATIC_REQUIRE(shape<decltype(continue_ >> accept)> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(accept >> drop)> == rule_error::two_verdicts);
    STATIC_REQUIRE(shape<decltype(jump<"x"> >> jump<"x">)> == rule_error::two_verdicts);
    STATIC_REQUIRE(shape<decltype(drop && tcp.dport == 22)> == rule_error::statement_after_terminal);
    STATIC_REQUIRE(shape<decltype(masquerade >> counter)> == rule_error::statement_after_terminal);
    STATIC_REQUIRE(shape<decltype(counter >> masquerade)> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(accept >> comment("x"))> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(comment("x") >> accept)> == rule_error::comment_not_last);
    STATIC_REQUIRE(shape<decltype(accept >> comment("x") >> comment("y"))> == rule_error::comment_not_last);
}

TEST_CASE("one network family and one transport protocol per rule", "[checks][rule]") {
    STATIC_REQUIRE(shape<decltype(ip.saddr == "10.0.0.1" && ip.daddr == "10.0.0.2")> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(ip.saddr == "10.0.0.1" && ip6.daddr == "::1")> == rule_error::ip_and_ip6);
    STATIC_REQUIRE(shape<decltype(meta.nfproto == ip6 && ip.daddr == "10.0.0.1")> == rule_error::ip_and_ip6);
    STATIC_REQUIRE(shape<decltype(meta.nfproto != ip6 && ip.daddr == "10.0.0.1")> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(tcp.dport == 22 && tcp.sport == 1024)> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(tcp.dport == 22 && udp.dport == 53)> == rule_error::two_transports);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == udp && tcp.dport == 22)> == rule_error::two_transports);
    STATIC_REQUIRE(shape<decltype(meta.l4proto != udp && tcp.dport == 22)> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(th.dport == 53 && udp.dport == 53)> == rule_error::none);
}

TEST_CASE("reject variants agree with the rule", "[checks][rule]") {
    STATIC_REQUIRE(shape<decltype(tcp.dport == 22 >> reject(tcp_reset))> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(udp.dport == 53 >> reject(tcp_reset))> == rule_error::tcp_reset_conflict);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == udp >> reject(tcp_reset))> == rule_error::tcp_reset_conflict);
    STATIC_REQUIRE(shape<decltype(ip.saddr == "10.0.0.1" >> reject(icmp_code::port_unreachable))> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(ip6.saddr == "::1" >> reject(icmp_code::port_unreachable))> == rule_error::reject_family_conflict);
    STATIC_REQUIRE(shape<decltype(meta.nfproto == ip6 >> reject(icmpv6_code::admin_prohibited))> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(meta.nfproto == ip >> reject(icmpv6_code::admin_prohibited))> == rule_error::reject_family_conflict);
}

TEST_CASE("NAT family and NAT ports", "[checks][rule]") {
    STATIC_REQUIRE(shape<decltype(ip.daddr == "1.2.3.4" >> dnat(ip, "10.0.0.1"))> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(ip6.daddr == "::2" >> dnat(ip, "10.0.0.1"))> == rule_error::nat_family_conflict);
    STATIC_REQUIRE(shape<decltype(tcp.dport == 80 >> dnat(ip, "10.0.0.1", 8080))> == rule_error::none);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == tcp >> dnat(ip, "10.0.0.1", 8080))> == rule_error::none);
    STATIC_REQUIRE(shape<RULE(dnat(ip, "10.0.0.1", 8080))> == rule_error::nat_port_without_transport);
    STATIC_REQUIRE(shape<RULE(redirect(8080))> == rule_error::nat_port_without_transport);
    STATIC_REQUIRE(shape<decltype(udp.dport == 53 >> redirect(5353))> == rule_error::none);
    STATIC_REQUIRE(shape<RULE(masquerade(ports(1024, 2048)))> == rule_error::nat_port_without_transport);
}

TEST_CASE("family x chain type x hook, priorities", "[checks][table]") {
    using filter_in = chain_of<"c", input, accept_t>;
    STATIC_REQUIRE(verdict<family::inet, filter_in> == E::none);
    STATIC_REQUIRE(verdict<family::netdev, filter_in> == E::family_hook);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", filter_chain(hook::output), accept_t>> == E::none);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", filter_chain(hook::forward), accept_t>> == E::family_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", filter_chain(hook::ingress), accept_t>> == E::family_hook);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::ingress), accept_t>> == E::none);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::egress), accept_t>> == E::family_hook);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::egress), accept_t>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", post, accept_t>> == E::none);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", post, accept_t>> == E::family_type);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", nat_chain(hook::ingress, 0), accept_t>> == E::family_type);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::forward, 0), accept_t>> == E::nat_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", route_chain(hook::output), accept_t>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", route_chain(hook::input), accept_t>> == E::route_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::output, -199), accept_t>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::output, -200), accept_t>> == E::nat_priority);
    STATIC_REQUIRE(verdict<family::ip, filter_in, chain_of<"c", regular_spec>> == E::duplicate_chain);
}

TEST_CASE("matches and statements the family has", "[checks][table]") {
    using ip6_match = RULE(ip6.saddr == "::1" >> accept);
    using ip_match = RULE(ip.saddr == "10.0.0.1" >> accept);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, ip6_match, ip_match>> == E::none);
    STATIC_REQUIRE(verdict<family::ip6, chain_of<"c", input, ip6_match>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, ip6_match>> == E::ip6_in_ip);
    STATIC_REQUIRE(verdict<family::ip6, chain_of<"c", input, ip_match>> == E::ip_in_ip6);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", input, ip_match>> == E::none);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", input, ip_match>> == E::arp_ip_transport);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", input, RULE(th.dport == 22 >> accept)>> == E::none);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", input, RULE(tcp.dport == 22 >> accept)>> == E::arp_ip_transport);
    using ct_rule = RULE(ct.state == established >> accept);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, ct_rule>> == E::none);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::ingress), ct_rule>> == E::conntrack_family);
    using nfproto_rule = RULE(meta.nfproto == ip >> accept);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, nfproto_rule>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, nfproto_rule>> == E::nfproto_inet);
    using icmpx = reject_t<reject_kind::icmpx>;
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, rule_t<icmpx>>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, rule_t<icmpx>>> == E::icmpx_family);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, rule_t<reject_t<reject_kind::icmpv6>>>> == E::ip6_in_ip);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", input, rule_t<reject_t<reject_kind::plain>>>> == E::reject_arp);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", input, rule_t<masquerade_t<false>>>> == E::nat_family);
}

TEST_CASE("the chain graph", "[checks][table]") {
    using to_a = rule_t<jump_t<"a">>;
    using to_b = rule_t<goto_t<"b">>;
    STATIC_REQUIRE(verdict<family::inet, chain_of<"base", input, to_a>, chain_of<"a", regular_spec, to_b>, chain_of<"b", regular_spec>> == E::none);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"base", input, to_a>> == E::jump_missing);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"base", input, to_a>, chain_of<"a", input>> == E::jump_base);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"base", input, to_a>, chain_of<"a", regular_spec, to_b>, chain_of<"b", regular_spec, to_a>> == E::cycle);
    // a cycle that no base chain reaches is accepted by the kernel, and by nftpp
    STATIC_REQUIRE(verdict<family::inet, chain_of<"a", regular_spec, to_b>, chain_of<"b", regular_spec, to_a>> == E::none);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"a", regular_spec, to_a>> == E::none);
}

namespace {
// base -> c1 -> ... -> cN
template <std::size_t N>
constexpr fixed_string<2> digit_name() {
    return fixed_string<2>(std::string_view("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfcg").substr(2 * N, 2));
}
template <std::size_t... I>
constexpr auto depth_verdict(std::index_sequence<I...>) {
    constexpr std::size_t last = sizeof...(I);
    return verdict<family::inet, chain_of<"base", input, rule_t<jump_t<digit_name<1>()>>>,
                   chain_of<digit_name<I + 1>(), regular_spec,
                            std::conditional_t<(I + 1 < last), rule_t<jump_t<digit_name<I + 2>()>>, rule_t<accept_t>>>...>;
}
}  // namespace

TEST_CASE("jump depth is at most 15 below a base chain", "[checks][table]") {
    STATIC_REQUIRE(depth_verdict(std::make_index_sequence<15>{}) == E::none);
    STATIC_REQUIRE(depth_verdict(std::make_index_sequence<16>{}) == E::depth);
}

TEST_CASE("hook-sensitive statements, also through jumps", "[checks][table]") {
    using masq = rule_t<masquerade_t<false>>;
    STATIC_REQUIRE(verdict<family::ip, chain_of<"post", post, masq>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"in", input, masq>> == E::masquerade_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"pre", nat_chain(hook::prerouting, prio::dstnat), masq>> == E::masquerade_hook);
    // the regular chain is fine when only the nat postrouting chain reaches it ...
    using jump_n = rule_t<jump_t<"n">>;
    STATIC_REQUIRE(verdict<family::ip, chain_of<"post", post, jump_n>, chain_of<"n", regular_spec, masq>> == E::none);
    // ... and refused as soon as a filter chain jumps there too (nft -c misses this)
    STATIC_REQUIRE(verdict<family::ip, chain_of<"post", post, jump_n>, chain_of<"in", input, jump_n>,
                           chain_of<"n", regular_spec, masq>> == E::masquerade_hook);
    using snat4 = rule_t<snat_t<layer3::ip, false>>;
    using dnat4 = rule_t<dnat_t<layer3::ip, false>>;
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::input, 0), snat4>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::output, 0), snat4>> == E::snat_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::output, 0), dnat4>> == E::none);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", post, dnat4>> == E::dnat_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, rule_t<redirect_t<false>>>> == E::redirect_hook);
    using rej = rule_t<reject_t<reject_kind::plain>>;
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::forward), rej>> == E::none);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::postrouting), rej>> == E::reject_hook);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", nat_chain(hook::postrouting, 100), rej>> == E::reject_hook);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::egress), rej>> == E::reject_hook);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::ingress), rej>> == E::none);
}

TEST_CASE("set references", "[checks][table]") {
    using uses = RULE(ip.saddr == at<"allowed"> >> accept);
    constexpr auto ok = [] {
        constexpr std::array<chain_desc, 1> cs{detail::describe_chain<chain_of<"c", input, uses>>()};
        return detail::analyze<family::inet>(cs, std::array<set_desc, 1>{set_desc{"allowed", "ipv4_addr", "set", {}, nullptr, 0}}).error;
    }();
    constexpr auto wrong_key = [] {
        constexpr std::array<chain_desc, 1> cs{detail::describe_chain<chain_of<"c", input, uses>>()};
        return detail::analyze<family::inet>(cs, std::array<set_desc, 1>{set_desc{"allowed", "ipv6_addr", "set", {}, nullptr, 0}}).error;
    }();
    STATIC_REQUIRE(ok == E::none);
    STATIC_REQUIRE(wrong_key == E::set_key);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, uses>> == E::set_missing);
}
