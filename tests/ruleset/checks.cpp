// SPDX-License-Identifier: Apache-2.0
// Structural rules observed without a compile failure: rule summaries, chain checks and
// table verdicts are constexpr values, and a bind check that fails makes its constant
// expression non-constant (BINDS below); tested here positive beside negative. The
// compile-fail suite checks that the same cases fire their named assertion with the right
// message.
#include <chrono>
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include <catch2/catch.hpp>

#include <nftpp/nftpp.hpp>

using namespace nftpp;
namespace hana = boost::hana;

namespace {
template <class R>
constexpr const rule* shape = rule_summary_v<R>.broken;

#define RULE(...) decltype(as_rule(__VA_ARGS__))

template <class T>
struct rule_type { using type = rule_t<T>; };
template <class... P>
struct rule_type<rule_t<P...>> { using type = rule_t<P...>; };

// A chain type without building it (building fires the assertion).
template <fixed_string Name, base_spec Spec, class... R>
using chain_of = chain_t<Name, Spec, hana::tuple<typename rule_type<R>::type...>>;

template <family F, class... C>
constexpr const rule* verdict = table_verdict_of<F, C...>().broken;

constexpr auto input = filter_chain(hook::input);
constexpr auto post = nat_chain(hook::postrouting, prio::srcnat);

// What a chain's arguments would fire, without building it.
template <base_spec Spec, class... Args>
constexpr const rule* chain_check = detail::chain_error_of<Spec, Args...>();

// True when calling F{}() is a constant expression. A check that fails in constant
// evaluation calls a non-constexpr reporter (the compile error of a literal), so here it
// makes the expression non-constant, which the requires-expression observes as false.
template <class F>
concept constant_evaluates = requires { typename std::bool_constant<(F{}(), true)>; };
#define BINDS(...) constant_evaluates<decltype([] { return __VA_ARGS__; })>

template <class... S>
constexpr const rule* set_verdict = table_verdict_v<family::inet, hana::tuple<>, hana::tuple<S...>>.broken;
}  // namespace

TEST_CASE("terminal statement last, one verdict, comment last", "[checks][rule]") {
    STATIC_REQUIRE(shape<decltype(counter >> accept)> == nullptr);
    STATIC_REQUIRE(shape<decltype(accept >> counter)> == &rules::terminal_statement_last);
    STATIC_REQUIRE(shape<decltype(continue_ >> accept)> == nullptr);
    STATIC_REQUIRE(shape<decltype(accept >> drop)> == &rules::one_verdict_per_rule);
    STATIC_REQUIRE(shape<decltype(jump<"x"> >> jump<"x">)> == &rules::one_verdict_per_rule);
    STATIC_REQUIRE(shape<decltype(drop && tcp.dport == 22)> == &rules::terminal_statement_last);
    STATIC_REQUIRE(shape<decltype(masquerade >> counter)> == &rules::terminal_statement_last);
    STATIC_REQUIRE(shape<decltype(counter >> masquerade)> == nullptr);
    STATIC_REQUIRE(shape<decltype(accept >> comment("x"))> == nullptr);
    STATIC_REQUIRE(shape<decltype(comment("x") >> accept)> == &rules::comment_last);
    STATIC_REQUIRE(shape<decltype(accept >> comment("x") >> comment("y"))> == &rules::comment_last);
}

TEST_CASE("one network family and one transport protocol per rule", "[checks][rule]") {
    STATIC_REQUIRE(shape<decltype(ip.saddr == "10.0.0.1" && ip.daddr == "10.0.0.2")> == nullptr);
    STATIC_REQUIRE(shape<decltype(ip.saddr == "10.0.0.1" && ip6.daddr == "::1")> == &rules::one_network_family_per_rule);
    STATIC_REQUIRE(shape<decltype(meta.nfproto == ip6 && ip.daddr == "10.0.0.1")> == &rules::one_network_family_per_rule);
    STATIC_REQUIRE(shape<decltype(meta.nfproto != ip6 && ip.daddr == "10.0.0.1")> == nullptr);
    STATIC_REQUIRE(shape<decltype(tcp.dport == 22 && tcp.sport == 1024)> == nullptr);
    STATIC_REQUIRE(shape<decltype(tcp.dport == 22 && udp.dport == 53)> == &rules::one_transport_protocol_per_rule);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == udp && tcp.dport == 22)> == &rules::one_transport_protocol_per_rule);
    STATIC_REQUIRE(shape<decltype(meta.l4proto != udp && tcp.dport == 22)> == nullptr);
    STATIC_REQUIRE(shape<decltype(th.dport == 53 && udp.dport == 53)> == nullptr);
}

TEST_CASE("reject variants agree with the rule", "[checks][rule]") {
    STATIC_REQUIRE(shape<decltype(tcp.dport == 22 >> reject(tcp_reset))> == nullptr);
    STATIC_REQUIRE(shape<decltype(udp.dport == 53 >> reject(tcp_reset))> == &rules::tcp_reset_only_with_tcp);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == udp >> reject(tcp_reset))> == &rules::tcp_reset_only_with_tcp);
    STATIC_REQUIRE(shape<decltype(ip.saddr == "10.0.0.1" >> reject(icmp_code::port_unreachable))> == nullptr);
    STATIC_REQUIRE(shape<decltype(ip6.saddr == "::1" >> reject(icmp_code::port_unreachable))> == &rules::reject_type_matches_rule_family);
    STATIC_REQUIRE(shape<decltype(meta.nfproto == ip6 >> reject(icmpv6_code::admin_prohibited))> == nullptr);
    STATIC_REQUIRE(shape<decltype(meta.nfproto == ip >> reject(icmpv6_code::admin_prohibited))> == &rules::reject_type_matches_rule_family);
}

TEST_CASE("NAT family and NAT ports", "[checks][rule]") {
    STATIC_REQUIRE(shape<decltype(ip.daddr == "1.2.3.4" >> dnat(ip, "10.0.0.1"))> == nullptr);
    STATIC_REQUIRE(shape<decltype(ip6.daddr == "::2" >> dnat(ip, "10.0.0.1"))> == &rules::nat_family_matches_rule_family);
    STATIC_REQUIRE(shape<decltype(tcp.dport == 80 >> dnat(ip, "10.0.0.1", 8080))> == nullptr);
    STATIC_REQUIRE(shape<decltype(meta.l4proto == tcp >> dnat(ip, "10.0.0.1", 8080))> == nullptr);
    STATIC_REQUIRE(shape<RULE(dnat(ip, "10.0.0.1", 8080))> == &rules::nat_port_needs_transport_match);
    STATIC_REQUIRE(shape<RULE(redirect(8080))> == &rules::nat_port_needs_transport_match);
    // th names no protocol: nft refuses `th dport 80 redirect to :8080`
    STATIC_REQUIRE(shape<decltype(th.dport == 80 >> redirect(8080))> == &rules::nat_port_needs_transport_match);
    STATIC_REQUIRE(shape<decltype(udp.dport == 80 >> redirect(8080))> == nullptr);
    STATIC_REQUIRE(shape<decltype(udp.dport == 53 >> redirect(5353))> == nullptr);
    STATIC_REQUIRE(shape<RULE(masquerade(ports(1024, 2048)))> == &rules::nat_port_needs_transport_match);
}

TEST_CASE("family x chain type x hook, priorities", "[checks][table]") {
    using filter_in = chain_of<"c", input, accept_t>;
    STATIC_REQUIRE(verdict<family::inet, filter_in> == nullptr);
    STATIC_REQUIRE(verdict<family::netdev, filter_in> == &rules::family_has_hook);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", filter_chain(hook::output), accept_t>> == nullptr);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", filter_chain(hook::forward), accept_t>> == &rules::family_has_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", filter_chain(hook::ingress), accept_t>> == &rules::family_has_hook);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::ingress), accept_t>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::egress), accept_t>> == &rules::family_has_hook);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::egress), accept_t>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", post, accept_t>> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", post, accept_t>> == &rules::family_has_chain_type);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", nat_chain(hook::ingress, 0), accept_t>> == &rules::family_has_chain_type);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::forward, 0), accept_t>> == &rules::nat_chain_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", route_chain(hook::output), accept_t>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", route_chain(hook::input), accept_t>> == &rules::route_chain_hook);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::output, -199), accept_t>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::output, -200), accept_t>> == &rules::nat_priority_above_conntrack);
    STATIC_REQUIRE(verdict<family::ip, filter_in, chain_of<"c", regular_spec>> == &rules::unique_chain_names);
}

TEST_CASE("matches and statements the family has", "[checks][table]") {
    using ip6_match = RULE(ip6.saddr == "::1" >> accept);
    using ip_match = RULE(ip.saddr == "10.0.0.1" >> accept);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, ip6_match, ip_match>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip6, chain_of<"c", input, ip6_match>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, ip6_match>> == &rules::no_ip6_in_ip_table);
    STATIC_REQUIRE(verdict<family::ip6, chain_of<"c", input, ip_match>> == &rules::no_ip_in_ip6_table);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", input, ip_match>> == nullptr);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", input, ip_match>> == &rules::no_ip_or_transport_in_arp_table);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", input, RULE(th.dport == 22 >> accept)>> == nullptr);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", input, RULE(tcp.dport == 22 >> accept)>> == &rules::no_ip_or_transport_in_arp_table);
    using ct_rule = RULE(ct.state == established >> accept);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, ct_rule>> == nullptr);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::ingress), ct_rule>> == &rules::conntrack_in_ip_ip6_inet);
    using nfproto_rule = RULE(meta.nfproto == ip >> accept);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, nfproto_rule>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, nfproto_rule>> == &rules::meta_nfproto_only_in_inet);
    using icmpx = reject_t<reject_kind::icmpx>;
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, rule_t<icmpx>>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, rule_t<icmpx>>> == &rules::icmpx_reject_in_inet_netdev_bridge);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, rule_t<reject_t<reject_kind::icmpv6>>>> == &rules::no_ip6_in_ip_table);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", input, rule_t<reject_t<reject_kind::plain>>>> == &rules::no_reject_in_arp);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", input, rule_t<masquerade_t<false>>>> == &rules::nat_only_in_ip_ip6_inet);
}

TEST_CASE("the chain graph", "[checks][table]") {
    using to_a = rule_t<jump_t<"a">>;
    using to_b = rule_t<goto_t<"b">>;
    STATIC_REQUIRE(verdict<family::inet, chain_of<"base", input, to_a>, chain_of<"a", regular_spec, to_b>, chain_of<"b", regular_spec>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"base", input, to_a>> == &rules::jump_target_exists);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"base", input, to_a>, chain_of<"a", input>> == &rules::no_jump_to_base_chain);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"base", input, to_a>, chain_of<"a", regular_spec, to_b>, chain_of<"b", regular_spec, to_a>> == &rules::no_jump_cycle);
    // a cycle that no base chain reaches is accepted by the kernel, and by nftpp
    STATIC_REQUIRE(verdict<family::inet, chain_of<"a", regular_spec, to_b>, chain_of<"b", regular_spec, to_a>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"a", regular_spec, to_a>> == nullptr);
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
    STATIC_REQUIRE(depth_verdict(std::make_index_sequence<15>{}) == nullptr);
    STATIC_REQUIRE(depth_verdict(std::make_index_sequence<16>{}) == &rules::jump_depth_at_most_15);
}

TEST_CASE("hook-sensitive statements, also through jumps", "[checks][table]") {
    using masq = rule_t<masquerade_t<false>>;
    STATIC_REQUIRE(verdict<family::ip, chain_of<"post", post, masq>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"in", input, masq>> == &rules::masquerade_in_nat_postrouting);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"pre", nat_chain(hook::prerouting, prio::dstnat), masq>> == &rules::masquerade_in_nat_postrouting);
    // the regular chain is fine when only the nat postrouting chain reaches it ...
    using jump_n = rule_t<jump_t<"n">>;
    STATIC_REQUIRE(verdict<family::ip, chain_of<"post", post, jump_n>, chain_of<"n", regular_spec, masq>> == nullptr);
    // ... and refused as soon as a filter chain jumps there too (nft -c misses this)
    STATIC_REQUIRE(verdict<family::ip, chain_of<"post", post, jump_n>, chain_of<"in", input, jump_n>,
                           chain_of<"n", regular_spec, masq>> == &rules::masquerade_in_nat_postrouting);
    using snat4 = rule_t<snat_t<layer3::ip, false>>;
    using dnat4 = rule_t<dnat_t<layer3::ip, false>>;
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::input, 0), snat4>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::output, 0), snat4>> == &rules::snat_in_nat_postrouting_or_input);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", nat_chain(hook::output, 0), dnat4>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", post, dnat4>> == &rules::dnat_in_nat_prerouting_or_output);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, rule_t<redirect_t<false>>>> == &rules::redirect_in_nat_prerouting_or_output);
    using rej = rule_t<reject_t<reject_kind::plain>>;
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::forward), rej>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::postrouting), rej>> == &rules::reject_not_in_postrouting_or_egress);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", nat_chain(hook::postrouting, 100), rej>> == &rules::reject_not_in_postrouting_or_egress);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::egress), rej>> == &rules::reject_not_in_postrouting_or_egress);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::ingress), rej>> == nullptr);
}

TEST_CASE("set references", "[checks][table]") {
    using uses = RULE(ip.saddr == at<"allowed"> >> accept);
    // the checker over descriptors: the chain's from its type, the set's written out
    constexpr auto with_set = [](std::string_view key) {
        const std::array<chain_desc, 1> cs{detail::chain_static<chain_of<"c", input, uses>>::desc};
        const std::array<set_desc, 1> ss{set_desc{"allowed", "set", key}};
        std::array<std::size_t, 1> chain_order{}, set_order{};
        std::array<std::uint8_t, 1> state{}, below{};
        return check_table(family::inet, cs, ss, {chain_order, set_order, state, below}).broken;
    };
    constexpr const rule* ok = with_set("ipv4_addr");
    constexpr const rule* wrong_key = with_set("ipv6_addr");
    STATIC_REQUIRE(ok == nullptr);
    STATIC_REQUIRE(wrong_key == &rules::set_key_matches_selector);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, uses>> == &rules::set_exists);
}

TEST_CASE("chain declaration: policy, device, priority, arguments", "[checks][chain]") {
    constexpr auto ingress = filter_chain(hook::ingress);
    constexpr auto egress = filter_chain(hook::egress);
    using rule = rule_t<accept_t>;
    // a policy only on a base chain
    STATIC_REQUIRE(chain_check<input, chain_policy, rule> == nullptr);
    STATIC_REQUIRE(chain_check<regular_spec, rule> == nullptr);
    STATIC_REQUIRE(chain_check<regular_spec, chain_policy, rule> == &rules::policy_only_on_base_chain);
    // nft has no reject policy (policy::reject exists to say so)
    STATIC_REQUIRE(chain_check<input, policy::reject_t, rule> == &rules::chain_policy_is_accept_or_drop);
    STATIC_REQUIRE(chain_check<regular_spec, policy::reject_t> == &rules::chain_policy_is_accept_or_drop);
    STATIC_REQUIRE(detail::check_chain_args({input, 0, 0, true, 1}) == &rules::chain_policy_is_accept_or_drop);
    STATIC_REQUIRE(detail::check_chain_args({input, 1, 0, true, 0}) == nullptr);
    // a device always and only on ingress and egress
    STATIC_REQUIRE(chain_check<ingress, device_t, rule> == nullptr);
    STATIC_REQUIRE(chain_check<egress, device_t, chain_policy> == nullptr);
    STATIC_REQUIRE(chain_check<ingress, rule> == &rules::device_required_on_ingress_egress);
    STATIC_REQUIRE(chain_check<egress> == &rules::device_required_on_ingress_egress);
    STATIC_REQUIRE(chain_check<input, device_t, rule> == &rules::device_only_on_ingress_egress);
    STATIC_REQUIRE(chain_check<regular_spec, device_t> == &rules::device_only_on_ingress_egress);
    // the priority is an int32 (nft would wrap a larger one silently)
    STATIC_REQUIRE(chain_check<filter_chain(hook::input, 2147483647)> == nullptr);
    STATIC_REQUIRE(chain_check<filter_chain(hook::input, -2147483648LL)> == nullptr);
    STATIC_REQUIRE(chain_check<filter_chain(hook::input, 2147483648LL)> == &rules::chain_priority_is_int32);
    STATIC_REQUIRE(chain_check<nat_chain(hook::postrouting, -2147483649LL)> == &rules::chain_priority_is_int32);
    // at most one policy and one device
    STATIC_REQUIRE(chain_check<input, chain_policy, chain_policy> == &rules::one_policy_and_one_device);
    STATIC_REQUIRE(chain_check<ingress, device_t, device_t> == &rules::one_policy_and_one_device);
    STATIC_REQUIRE(chain_check<ingress, device_t, chain_policy, rule> == nullptr);
    // every argument is a rule, a policy or a device; the rules' own shape is checked too
    STATIC_REQUIRE(chain_check<input, int> == &rules::chain_argument_is_a_rule);
    STATIC_REQUIRE(chain_check<input, decltype(counter >> accept)> == nullptr);
    STATIC_REQUIRE(chain_check<input, decltype(accept >> counter)> == &rules::terminal_statement_last);
}

TEST_CASE("log options: each once", "[checks][log]") {
    // Only the each-once rule is a value (detail::log_options_valid). level::audit with
    // another option, and group(n) with a level or flags, fire their assertion inside
    // log(...) with no value to observe: the compile-fail snippets of docs/diagnostics.md
    // cover them.
    STATIC_REQUIRE(detail::log_options_valid<level_t<log_level::info>, log_flags>());
    STATIC_REQUIRE(detail::log_options_valid<group_opt_t, snaplen_opt_t, queue_threshold_opt_t>());
    STATIC_REQUIRE(detail::log_options_valid<>());
    STATIC_REQUIRE_FALSE(detail::log_options_valid<log_flags, log_flags>());
    STATIC_REQUIRE_FALSE(detail::log_options_valid<level_t<log_level::info>, level_t<log_level::warn>>());
    STATIC_REQUIRE_FALSE(detail::log_options_valid<group_opt_t, group_opt_t>());
    STATIC_REQUIRE_FALSE(detail::log_options_valid<snaplen_opt_t, snaplen_opt_t>());
    STATIC_REQUIRE_FALSE(detail::log_options_valid<queue_threshold_opt_t, queue_threshold_opt_t>());
    // the options themselves build in constant evaluation
    STATIC_REQUIRE(BINDS(log("x: ", level::info, skuid | log_flag::ether)));
    STATIC_REQUIRE(BINDS(log(group(2), snaplen(64))));
    STATIC_REQUIRE(BINDS(log(level::audit)));
}

TEST_CASE("set and map names are unique in a table", "[checks][table]") {
    using ports = decltype(set<"ports", port>());
    using hosts = decltype(set<"hosts", ipv4_addr>());
    using ports_again = decltype(set<"ports", ipv4_addr>());
    using marks = decltype(data_map<"ports", port, mark>({{22, 1}}));
    STATIC_REQUIRE(set_verdict<ports, hosts> == nullptr);
    STATIC_REQUIRE(set_verdict<ports, hosts, ports_again> == &rules::unique_set_names);
    STATIC_REQUIRE(set_verdict<ports, marks> == &rules::unique_set_names);  // a map shares the sets' names
    STATIC_REQUIRE(set_verdict<hosts, marks> == nullptr);
}

TEST_CASE("set elements: what nft and the kernel refuse is refused when bound", "[checks][sets]") {
    // prefixes and ranges need set_flag::interval
    STATIC_REQUIRE(BINDS(set<"n", ipv4_addr>(set_flag::interval, {"10.0.0.0/8", "192.168.0.0/16"})));
    STATIC_REQUIRE_FALSE(BINDS(set<"n", ipv4_addr>({"10.0.0.0/8", "192.168.0.0/16"})));
    STATIC_REQUIRE_FALSE(BINDS(set<"n", port>({range<port>(20, 30)})));
    STATIC_REQUIRE(BINDS(set<"n", port>({20, 30})));
    // overlapping intervals, unless auto-merge; duplicates and adjacent intervals are fine
    STATIC_REQUIRE_FALSE(BINDS(set<"n", port>(set_flag::interval, {range<port>(20, 30), range<port>(25, 40)})));
    STATIC_REQUIRE_FALSE(BINDS(set<"n", ipv4_addr>(set_flag::interval, {"10.0.0.0/8", "10.1.0.0/16"})));
    STATIC_REQUIRE_FALSE(BINDS(set<"n", ipv4_addr>(set_flag::interval, {"10.0.0.0/8", "10.200.0.1"})));
    STATIC_REQUIRE(BINDS(set<"n", port>(set_flag::interval | set_flag::auto_merge, {range<port>(20, 30), range<port>(25, 40)})));
    STATIC_REQUIRE(BINDS(set<"n", port>(set_flag::interval, {range<port>(20, 30), range<port>(31, 40)})));
    STATIC_REQUIRE(BINDS(set<"n", port>(set_flag::interval, {range<port>(20, 30), range<port>(20, 30), 50, 50})));
    // auto-merge only with interval
    STATIC_REQUIRE_FALSE(BINDS(set<"n", ipv4_addr>(set_flag::auto_merge)));
    STATIC_REQUIRE(BINDS(set<"n", ipv4_addr>(set_flag::interval | set_flag::auto_merge)));
    // at most set_size(n) elements, and a size of at least 1
    STATIC_REQUIRE(BINDS(set<"n", port>(set_size(3), {22, 80, 443})));
    STATIC_REQUIRE_FALSE(BINDS(set<"n", port>(set_size(2), {22, 80, 443})));
    STATIC_REQUIRE(BINDS(set_size(1)));
    STATIC_REQUIRE_FALSE(BINDS(set_size(0)));
    // timeouts are at least 1 ms
    STATIC_REQUIRE(BINDS(set_timeout(std::chrono::milliseconds(1))));
    STATIC_REQUIRE_FALSE(BINDS(set_timeout(std::chrono::milliseconds(0))));
    STATIC_REQUIRE(BINDS(element_timeout(std::chrono::minutes(10))));
    STATIC_REQUIRE_FALSE(BINDS(element_timeout(std::chrono::seconds(0))));
}
