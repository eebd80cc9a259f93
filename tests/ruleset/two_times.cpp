// SPDX-License-Identifier: Apache-2.0
// One checker, two times: every structural rule of a table, checked once by the compiler
// over a static table's types and once at run time over descriptors built from data (names
// that are std::strings, rules appended in loops), must give the same rule, the same
// sentence and the same names. Each case below is one ruleset written both ways.
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/hana/tuple.hpp>

#include <catch2/catch.hpp>

#include <nftpp/nftpp.hpp>

using namespace nftpp;
namespace hana = boost::hana;

namespace {

template <class T>
struct rule_type { using type = rule_t<T>; };
template <class... P>
struct rule_type<rule_t<P...>> { using type = rule_t<P...>; };
template <fixed_string Name, base_spec Spec, class... R>
using chain_of = chain_t<Name, Spec, hana::tuple<typename rule_type<R>::type...>>;
#define RULE(...) decltype(as_rule(__VA_ARGS__))

// A table described at run time: every name is a std::string made from data.
class desc_table {
public:
    std::string_view text(std::string s) { return strings_.emplace_back(std::move(s)); }

    // Rule R at position i of its chain, jumping to the run-time names `jumps`, using the
    // run-time sets `sets` (name, kind) with R's selector key.
    template <class R>
    rule_desc rule(long i, std::vector<std::string> jumps = {}, std::vector<set_ref_info> refs = {}) {
        auto& t = targets_.emplace_back();
        for (auto& j : jumps) t.push_back(text(j));
        if constexpr (detail::rule_refs<R>::n_targets > 0)
            for (auto n : detail::rule_refs<R>::targets) t.push_back(text(std::string(n)));
        auto& r = refs_.emplace_back();
        for (auto& x : refs) r.push_back({text(std::string(x.set)), x.key_type, x.kind, x.value_type});
        return rule_desc{&rule_summary_v<R>, i, 1, t, r};
    }
    desc_table& chain(const std::string& name, base_spec spec, std::vector<rule_desc> rules = {}) {
        auto& rs = rules_.emplace_back(std::move(rules));
        chains.push_back({text(name), spec, rs});
        return *this;
    }
    desc_table& set(const std::string& name, std::string_view kind, std::string_view key, std::string_view value = {},
                       std::vector<std::string> jumps = {}) {
        auto& t = targets_.emplace_back();
        for (auto& j : jumps) t.push_back(text(j));
        sets.push_back({text(name), kind, key, value, t});
        return *this;
    }
    check_error check(family f) const { return check_table_at_run_time(f, chains, sets); }

    std::vector<chain_desc> chains;
    std::vector<set_desc> sets;

private:
    std::deque<std::string> strings_;
    std::deque<std::vector<std::string_view>> targets_;
    std::deque<std::vector<set_ref_info>> refs_;
    std::deque<std::vector<rule_desc>> rules_;
};

// The static verdict and the run-time one agree, and are `expected`.
void same_both_ways(const check_error& at_compile_time, const check_error& at_run_time, const rule* expected) {
    INFO("compile time: " << at_compile_time.id() << " / run time: " << at_run_time.id());
    CHECK(at_compile_time.broken == expected);
    CHECK(at_run_time.broken == expected);
    CHECK(at_run_time.sentence() == at_compile_time.sentence());
    CHECK(at_run_time.first == at_compile_time.first);
    CHECK(at_run_time.second == at_compile_time.second);
    if (expected) CHECK(!at_run_time.sentence().empty());
}

// A run-time verdict with the table it points into (its names are views of the table's).
struct checked {
    std::shared_ptr<desc_table> table;
    check_error error;
};
void same_both_ways(const check_error& at_compile_time, const checked& at_run_time, const rule* expected) {
    same_both_ways(at_compile_time, at_run_time.error, expected);
}

constexpr auto input = filter_chain(hook::input);
constexpr auto post = nat_chain(hook::postrouting, prio::srcnat);
constexpr auto pre = nat_chain(hook::prerouting, prio::dstnat);
using accept_rule = rule_t<accept_t>;
using masq = rule_t<masquerade_t<false>>;
using to_a = rule_t<jump_t<"a">>;

template <family F, class... C>
constexpr check_error static_check = table_verdict_v<F, hana::tuple<C...>, hana::tuple<>>;

}  // namespace

TEST_CASE("the same structure checked at compile time and at run time gives the same rule", "[checks][two_times]") {
    std::string from_data = "c";  // every run-time name goes through a std::string

    SECTION("valid") {
        desc_table t;
        t.chain(from_data, input, {t.rule<accept_rule>(0)});
        same_both_ways(static_check<family::inet, chain_of<"c", input, accept_rule>>, t.check(family::inet), nullptr);
    }
    SECTION("unique chain names") {
        desc_table t;
        t.chain(from_data, input).chain(from_data, regular_spec);
        same_both_ways(static_check<family::inet, chain_of<"c", input>, chain_of<"c", regular_spec>>, t.check(family::inet),
                       &rules::unique_chain_names);
    }
    SECTION("family has hook") {
        desc_table t;
        t.chain(from_data, input);
        same_both_ways(static_check<family::netdev, chain_of<"c", input>>, t.check(family::netdev), &rules::family_has_hook);
    }
    SECTION("family has chain type") {
        desc_table t;
        t.chain(from_data, post);
        same_both_ways(static_check<family::bridge, chain_of<"c", post>>, t.check(family::bridge), &rules::family_has_chain_type);
    }
    SECTION("nat chain hook, route chain hook, nat priority") {
        desc_table a, b, c;
        a.chain(from_data, nat_chain(hook::forward, 0));
        b.chain(from_data, route_chain(hook::input));
        c.chain(from_data, nat_chain(hook::output, -200));
        same_both_ways(static_check<family::ip, chain_of<"c", nat_chain(hook::forward, 0)>>, a.check(family::ip), &rules::nat_chain_hook);
        same_both_ways(static_check<family::ip, chain_of<"c", route_chain(hook::input)>>, b.check(family::ip), &rules::route_chain_hook);
        same_both_ways(static_check<family::ip, chain_of<"c", nat_chain(hook::output, -200)>>, c.check(family::ip),
                       &rules::nat_priority_above_conntrack);
    }
    SECTION("matches the family lacks: generic and nodes' own rules") {
        using ip6_match = RULE(ip6.saddr == "::1" >> accept);
        using ip_match = RULE(ip.saddr == "10.0.0.1" >> accept);
        using ct_rule = RULE(ct.state == established >> accept);
        using nfproto_rule = RULE(meta.nfproto == ip >> accept);
        using icmpx = rule_t<reject_t<reject_kind::icmpx>>;
        using plain_reject = rule_t<reject_t<reject_kind::plain>>;
        auto one = [&](auto rule_tag, family f) {
            using R = typename decltype(rule_tag)::type;
            auto t = std::make_shared<desc_table>();
            t->chain(from_data, f == family::netdev ? filter_chain(hook::ingress) : input, {t->rule<R>(0)});
            return checked{t, t->check(f)};
        };
        using hana::type_c;
        same_both_ways(static_check<family::ip, chain_of<"c", input, ip6_match>>, one(type_c<ip6_match>, family::ip), &rules::no_ip6_in_ip_table);
        same_both_ways(static_check<family::ip6, chain_of<"c", input, ip_match>>, one(type_c<ip_match>, family::ip6), &rules::no_ip_in_ip6_table);
        same_both_ways(static_check<family::arp, chain_of<"c", input, ip_match>>, one(type_c<ip_match>, family::arp),
                       &rules::no_ip_or_transport_in_arp_table);
        same_both_ways(static_check<family::netdev, chain_of<"c", filter_chain(hook::ingress), ct_rule>>, one(type_c<ct_rule>, family::netdev),
                       &rules::conntrack_in_ip_ip6_inet);
        same_both_ways(static_check<family::ip, chain_of<"c", input, nfproto_rule>>, one(type_c<nfproto_rule>, family::ip),
                       &rules::meta_nfproto_only_in_inet);
        same_both_ways(static_check<family::ip, chain_of<"c", input, icmpx>>, one(type_c<icmpx>, family::ip),
                       &rules::icmpx_reject_in_inet_netdev_bridge);
        same_both_ways(static_check<family::arp, chain_of<"c", input, plain_reject>>, one(type_c<plain_reject>, family::arp), &rules::no_reject_in_arp);
        same_both_ways(static_check<family::bridge, chain_of<"c", input, masq>>, one(type_c<masq>, family::bridge), &rules::nat_only_in_ip_ip6_inet);
    }
    SECTION("jump targets: missing, base chain") {
        desc_table missing, base;
        missing.chain("base", input, {missing.rule<accept_rule>(0, {"a"})});
        base.chain("base", input, {base.rule<accept_rule>(0, {"a"})}).chain("a", input);
        same_both_ways(static_check<family::inet, chain_of<"base", input, to_a>>, missing.check(family::inet), &rules::jump_target_exists);
        same_both_ways(static_check<family::inet, chain_of<"base", input, to_a>, chain_of<"a", input>>, base.check(family::inet),
                       &rules::no_jump_to_base_chain);
    }
    SECTION("a cycle reachable from a base chain") {
        using to_b = rule_t<goto_t<"b">>;
        desc_table t;
        t.chain("base", input, {t.rule<accept_rule>(0, {"a"})})
            .chain("a", regular_spec, {t.rule<accept_rule>(0, {"b"})})
            .chain("b", regular_spec, {t.rule<accept_rule>(0, {"a"})});
        same_both_ways(static_check<family::inet, chain_of<"base", input, to_a>, chain_of<"a", regular_spec, to_b>, chain_of<"b", regular_spec, to_a>>,
                       t.check(family::inet), &rules::no_jump_cycle);
    }
    SECTION("jump depth, 16 chains from data") {
        desc_table t;
        t.chain("base", input, {t.rule<accept_rule>(0, {"c1"})});
        for (int i = 1; i <= 16; ++i)
            t.chain("c" + std::to_string(i), regular_spec,
                    i < 16 ? std::vector<rule_desc>{t.rule<accept_rule>(0, {"c" + std::to_string(i + 1)})} : std::vector<rule_desc>{});
        const check_error e = t.check(family::inet);
        CHECK(e.broken == &rules::jump_depth_at_most_15);
        CHECK(e.sentence() == rules::jump_depth_at_most_15.sentence);
        // and 15 is fine
        desc_table ok;
        ok.chain("base", input, {ok.rule<accept_rule>(0, {"c1"})});
        for (int i = 1; i <= 15; ++i)
            ok.chain("c" + std::to_string(i), regular_spec,
                     i < 15 ? std::vector<rule_desc>{ok.rule<accept_rule>(0, {"c" + std::to_string(i + 1)})} : std::vector<rule_desc>{});
        CHECK_FALSE(ok.check(family::inet));
    }
    SECTION("hook restrictions through a jump, with the rule's index") {
        using jump_n = rule_t<jump_t<"n">>;
        desc_table t;
        t.chain("post", post, {t.rule<accept_rule>(0, {"n"})})
            .chain("in", input, {t.rule<accept_rule>(0, {"n"})})
            .chain("n", regular_spec, {t.rule<accept_rule>(0), t.rule<masq>(1)});
        constexpr check_error s = static_check<family::ip, chain_of<"post", post, jump_n>, chain_of<"in", input, jump_n>,
                                               chain_of<"n", regular_spec, accept_rule, masq>>;
        same_both_ways(s, t.check(family::ip), &rules::masquerade_in_nat_postrouting);
        CHECK(t.check(family::ip).rule_index == 1);
        STATIC_REQUIRE(s.rule_index == 1);
        CHECK(t.check(family::ip).second == "n");
    }
    SECTION("snat, dnat, redirect, reject hooks") {
        using snat4 = rule_t<snat_t<layer3::ip, false>>;
        using dnat4 = rule_t<dnat_t<layer3::ip, false>>;
        using rej = rule_t<reject_t<reject_kind::plain>>;
        auto one = [&](auto rule_tag, base_spec spec) {
            using R = typename decltype(rule_tag)::type;
            auto t = std::make_shared<desc_table>();
            t->chain(from_data, spec, {t->rule<R>(0)});
            return checked{t, t->check(family::ip)};
        };
        using hana::type_c;
        same_both_ways(static_check<family::ip, chain_of<"c", nat_chain(hook::output, 0), snat4>>, one(type_c<snat4>, nat_chain(hook::output, 0)),
                       &rules::snat_in_nat_postrouting_or_input);
        same_both_ways(static_check<family::ip, chain_of<"c", post, dnat4>>, one(type_c<dnat4>, post), &rules::dnat_in_nat_prerouting_or_output);
        same_both_ways(static_check<family::ip, chain_of<"c", input, rule_t<redirect_t<false>>>>, one(type_c<rule_t<redirect_t<false>>>, input),
                       &rules::redirect_in_nat_prerouting_or_output);
        same_both_ways(static_check<family::ip, chain_of<"c", filter_chain(hook::postrouting), rej>>,
                       one(type_c<rej>, filter_chain(hook::postrouting)), &rules::reject_not_in_postrouting_or_egress);
        same_both_ways(static_check<family::ip, chain_of<"c", pre, dnat4>>, one(type_c<dnat4>, pre), nullptr);
    }
    SECTION("set references: missing, key, kind, duplicate") {
        using uses = RULE(ip.saddr == at<"allowed"> >> accept);
        const set_ref_info ref{"allowed", "ipv4_addr", "set"};
        desc_table missing, key, kind, dup;
        missing.chain(from_data, input, {missing.rule<accept_rule>(0, {}, {ref})});
        key.chain(from_data, input, {key.rule<accept_rule>(0, {}, {ref})}).set("allowed", "set", "ipv6_addr");
        kind.chain(from_data, input, {kind.rule<accept_rule>(0, {}, {ref})}).set("allowed", "vmap", "ipv4_addr");
        dup.set("allowed", "set", "ipv4_addr").set("allowed", "set", "ipv4_addr");
        using S4 = decltype(set<"allowed", ipv4_addr>());
        using S6 = decltype(set<"allowed", ipv6_addr>());
        using V4 = decltype(verdict_map<"allowed", ipv4_addr>(on("10.0.0.1", accept)));
        same_both_ways(static_check<family::inet, chain_of<"c", input, uses>>, missing.check(family::inet), &rules::set_exists);
        same_both_ways(table_verdict_v<family::inet, hana::tuple<chain_of<"c", input, uses>>, hana::tuple<S6>>, key.check(family::inet),
                       &rules::set_key_matches_selector);
        same_both_ways(table_verdict_v<family::inet, hana::tuple<chain_of<"c", input, uses>>, hana::tuple<V4>>, kind.check(family::inet),
                       &rules::map_kind_matches_use);
        same_both_ways(table_verdict_v<family::inet, hana::tuple<>, hana::tuple<S4, S4>>, dup.check(family::inet), &rules::unique_set_names);
    }
    SECTION("a verdict map's targets, used or not") {
        desc_table t;
        t.chain(from_data, input).set("routes", "vmap", "inet_service", {}, {"ssh"});
        using M = decltype(verdict_map<"routes", port>(on(22, jump<"ssh">)));
        same_both_ways(table_verdict_v<family::inet, hana::tuple<chain_of<"c", input>>, hana::tuple<M>>, t.check(family::inet),
                       &rules::jump_target_exists);
    }
}

TEST_CASE("rule shape and chain declarations: the same functions over run-time data", "[checks][two_times]") {
    // A rule's parts as data: the facts of each part, folded by the same summarize().
    auto shape_at_run_time = [](std::vector<part_facts> parts) { return detail::summarize(parts.data(), parts.size()).broken; };
    CHECK(shape_at_run_time({accept_t::facts, counter_t::facts}) == rule_summary_v<RULE(accept >> counter)>.broken);
    CHECK(shape_at_run_time({accept_t::facts, drop_t::facts}) == &rules::one_verdict_per_rule);
    CHECK(shape_at_run_time({rel_t<udp_dport_t, op::eq, operand<port>>::facts, reject_t<reject_kind::tcp_reset>::facts}) == &rules::tcp_reset_only_with_tcp);
    CHECK(shape_at_run_time({redirect_t<true>::facts}) == &rules::nat_port_needs_transport_match);
    CHECK(shape_at_run_time({rel_t<tcp_dport_t, op::eq, operand<port>>::facts, redirect_t<true>::facts}) == nullptr);
    // chain declarations
    CHECK(detail::check_chain_args({regular_spec, 1, 0, true}) == &rules::policy_only_on_base_chain);
    CHECK(detail::check_chain_args({filter_chain(hook::ingress), 0, 0, true}) == &rules::device_required_on_ingress_egress);
    CHECK(detail::check_chain_args({input, 0, 1, true}) == &rules::device_only_on_ingress_egress);
    CHECK(detail::check_chain_args({input, 2, 0, true}) == &rules::one_policy_and_one_device);
    CHECK(detail::check_chain_args({input, 1, 0, true}) == nullptr);
    STATIC_REQUIRE(detail::chain_error_of<regular_spec, chain_policy, accept_rule>() == &rules::policy_only_on_base_chain);
}
