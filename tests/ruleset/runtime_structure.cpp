// SPDX-License-Identifier: Apache-2.0
// Tables, chains, sets and maps named from data (ruleset/runtime_*.hpp). Each structural
// case is written twice: as a static table the compiler checks, and with the run-time
// containers and every name a std::string; both must give the same rule, sentence and names.
// Valid run-time tables render exactly as their static twins, and load for real.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <nftpp/nftpp.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;

namespace {

constexpr auto input = filter_chain(hook::input);
constexpr auto post = nat_chain(hook::postrouting, prio::srcnat);

std::string data(std::string s) { return s; }  // a name that comes from data

// The static verdict of a table type and the run-time table's check agree.
template <class Static>
void same_both_ways(const Static&, const runtime_table& t, const rule* expected, std::string_view first = {},
                    std::string_view second = {}) {
    constexpr check_error s = table_verdict_v<Static::table_family, typename Static::chains_type, typename Static::sets_type>;
    const auto r = t.check();
    INFO("compile time: " << s.id() << " / run time: " << (r ? r->describe() : std::string("valid")));
    CHECK(s.broken == expected);
    REQUIRE(r.has_value() == (expected != nullptr));
    if (!r) return;
    CHECK(r->broken == expected);
    CHECK(r->sentence() == s.sentence());
    CHECK(r->table == std::string(keyword(t.table_family())) + " " + t.name());
    CHECK(r->first.find(std::string(s.first)) != std::string::npos);
    CHECK(r->second.find(std::string(s.second)) != std::string::npos);
    CHECK(r->rule_index == s.rule_index);
    if (!first.empty()) CHECK(r->first == first);
    if (!second.empty()) CHECK(r->second == second);
}

// A static table type whose check fails would not compile as a value: its type is enough.
template <family F, class... C>
struct static_table {
    static constexpr family table_family = F;
    using chains_type = boost::hana::tuple<C...>;
    using sets_type = boost::hana::tuple<>;
};
template <family F, class Chains, class Sets>
struct static_table_with_sets {
    static constexpr family table_family = F;
    using chains_type = Chains;
    using sets_type = Sets;
};

template <fixed_string N, base_spec S, class... R>
using chain_of = decltype(detail::build_chain<N, S>(chain_policy::accept, std::optional<ifname>{}, std::optional<comment_text>{},
                                                         std::declval<R>()...));

}  // namespace

TEST_CASE("a run-time table renders as its static twin and loads", "[runtime][golden]") {
    const auto st = table<family::inet>(
        "svc", set<"allowed", ipv4_addr>(set_flag::interval, {"10.0.0.0/8"}),
        verdict_map<"by_port", port>(on(22, jump<"ssh">), on(80, accept)),
        base_chain<"input", input>(policy::drop, ip.saddr == at<"allowed"> >> accept, tcp.dport >> vmap(at<"by_port">)),
        chain<"ssh">(ct.state == established >> accept, log("ssh ") >> accept));

    std::vector<std::pair<port, runtime_verdict>> routes{{port(22), go_to(data("ssh"))}, {port(80), runtime_verdict(accept)}};
    routes[0].second = jump_to(data("ssh"));
    auto rt = table(family::inet, data("svc"), set<ipv4_addr>(data("allowed"), set_flag::interval, std::vector<ipv4_prefix>{*ipv4_prefix::parse("10.0.0.0/8")}),
                    verdict_map<port>(data("by_port"), set_flags{}, routes));
    auto in = base_chain(data("input"), input, policy::drop);
    in.add(ip.saddr == at_named(data("allowed")) >> accept);
    in.add(tcp.dport >> vmap(at_named(data("by_port"))));
    rt.add(std::move(in));
    rt.add(chain(data("ssh"), ct.state == established >> accept, log("ssh ") >> accept));
    REQUIRE_FALSE(rt.check());
    CHECK(render_text(ruleset(replace(rt))) == render_text(ruleset(replace(st))));
    golden(ruleset(replace(rt)), render_text(ruleset(replace(st))));

    // a static chain stands in a run-time table as it is
    auto mixed = table(family::inet, data("svc"), base_chain<"input", input>(policy::drop, tcp.dport == 22 >> jump_to(data("ssh"))),
                       chain(data("ssh"), accept));
    REQUIRE_FALSE(mixed.check());
    CHECK(to_nft_text(mixed.chains()[0]) == "\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t\ttcp dport 22 jump ssh\n\t}\n");
}

TEST_CASE("origins of a run-time table name its table, chain and rule", "[runtime]") {
    auto t = table(family::ip, data("vm_1"));
    auto c = chain(data("fwd_tap0"));
    for (int i = 0; i < 3; ++i) c.add(tcp.dport == *port::from(8000 + i) >> accept);
    t.add(std::move(c));
    const script s = render(ruleset(replace(t)));
    const script_origin* o = s.origin_of_line(7);  // add, delete, table, chain, rules from line 5
    REQUIRE(o != nullptr);
    CHECK(o->table == "ip vm_1");
    CHECK(o->chain == "fwd_tap0");
    CHECK(o->rule == 2);
    CHECK(o->text == "\t\ttcp dport 8002 accept");
}

TEST_CASE("structure from data: the same rule, sentence and names as at compile time", "[runtime][two_times]") {
    using accept_rule = decltype(as_rule(accept));
    using jump_a = decltype(as_rule(jump<"a">));

    SECTION("valid") {
        same_both_ways(static_table<family::inet, chain_of<"c", input, accept_rule>>{},
                       table(family::inet, data("t"), base_chain(data("c"), input, accept)), nullptr);
    }
    SECTION("unique chain names") {
        same_both_ways(static_table<family::inet, chain_of<"c", input>, chain_of<"c", regular_spec>>{},
                       table(family::inet, data("t"), base_chain(data("c"), input), chain(data("c"))), &rules::unique_chain_names,
                       "chain c");
    }
    SECTION("family x type x hook") {
        same_both_ways(static_table<family::netdev, chain_of<"c", input>>{}, table(family::netdev, data("t"), base_chain(data("c"), input)),
                       &rules::family_has_hook);
        same_both_ways(static_table<family::bridge, chain_of<"c", post>>{}, table(family::bridge, data("t"), base_chain(data("c"), post)),
                       &rules::family_has_chain_type);
        same_both_ways(static_table<family::ip, chain_of<"c", nat_chain(hook::forward, 0)>>{},
                       table(family::ip, data("t"), base_chain(data("c"), make_base_spec(chain_type::nat, hook::forward, 0))),
                       &rules::nat_chain_hook);
    }
    SECTION("a rule the family lacks") {
        using ip6_rule = decltype(as_rule(ip6.saddr == "::1" >> accept));
        same_both_ways(static_table<family::ip, chain_of<"c", input, ip6_rule>>{},
                       table(family::ip, data("t"), base_chain(data("c"), input, ip6.saddr == "::1" >> accept)), &rules::no_ip6_in_ip_table,
                       "chain c");
    }
    SECTION("jump targets from data: missing, a base chain") {
        same_both_ways(static_table<family::inet, chain_of<"b", input, jump_a>>{},
                       table(family::inet, data("t"), base_chain(data("b"), input, jump_to(data("a")))), &rules::jump_target_exists, "chain b",
                       "chain a");
        same_both_ways(static_table<family::inet, chain_of<"b", input, jump_a>, chain_of<"a", input>>{},
                       table(family::inet, data("t"), base_chain(data("b"), input, jump_to(data("a"))), base_chain(data("a"), input)),
                       &rules::no_jump_to_base_chain);
    }
    SECTION("a cycle and the depth, chains counted from data") {
        using goto_b = decltype(as_rule(goto_<"b">));
        same_both_ways(static_table<family::inet, chain_of<"base", input, jump_a>, chain_of<"a", regular_spec, goto_b>,
                                    chain_of<"b", regular_spec, jump_a>>{},
                       table(family::inet, data("t"), base_chain(data("base"), input, jump_to(data("a"))), chain(data("a"), go_to(data("b"))),
                             chain(data("b"), jump_to(data("a")))),
                       &rules::no_jump_cycle);
        for (int depth : {15, 16}) {
            auto t = table(family::inet, data("t"), base_chain(data("base"), input, jump_to("c1")));
            for (int i = 1; i <= depth; ++i) {
                auto c = chain("c" + std::to_string(i));
                if (i < depth) c.add(jump_to("c" + std::to_string(i + 1)));
                t.add(std::move(c));
            }
            const auto e = t.check();
            if (depth == 15) CHECK_FALSE(e);
            else REQUIRE((e && e->broken == &rules::jump_depth_at_most_15));
        }
    }
    SECTION("statements on hooks, through a run-time jump, with the rule index") {
        using jump_n = decltype(as_rule(jump<"n">));
        using masq = decltype(as_rule(masquerade));
        same_both_ways(static_table<family::ip, chain_of<"in", input, jump_n>, chain_of<"n", regular_spec, accept_rule, masq>>{},
                       table(family::ip, data("t"), base_chain(data("in"), input, jump_to(data("n"))), chain(data("n"), accept, masquerade)),
                       &rules::masquerade_in_nat_postrouting, "chain in", "chain n");
    }
    SECTION("sets by run-time name: missing, key, kind, duplicate") {
        using uses = decltype(as_rule(ip.saddr == at<"allowed"> >> accept));
        using S6 = decltype(set<"allowed", ipv6_addr>());
        using S4 = decltype(set<"allowed", ipv4_addr>());
        using V4 = decltype(verdict_map<"allowed", ipv4_addr>(on("10.0.0.1", accept)));
        auto user = [] { return base_chain(data("c"), input, ip.saddr == at_named(data("allowed")) >> accept); };
        same_both_ways(static_table<family::inet, chain_of<"c", input, uses>>{}, table(family::inet, data("t"), user()), &rules::set_exists,
                       "chain c", "set allowed");
        same_both_ways(static_table_with_sets<family::inet, boost::hana::tuple<chain_of<"c", input, uses>>, boost::hana::tuple<S6>>{},
                       table(family::inet, data("t"), user(), set<ipv6_addr>(data("allowed"))), &rules::set_key_matches_selector);
        same_both_ways(static_table_with_sets<family::inet, boost::hana::tuple<chain_of<"c", input, uses>>, boost::hana::tuple<V4>>{},
                       table(family::inet, data("t"), user(), verdict_map<ipv4_addr>(data("allowed"))), &rules::map_kind_matches_use);
        same_both_ways(static_table_with_sets<family::inet, boost::hana::tuple<>, boost::hana::tuple<S4, S4>>{},
                       table(family::inet, data("t"), set<ipv4_addr>(data("allowed")), set<ipv4_addr>(data("allowed"))),
                       &rules::unique_set_names);
    }
    SECTION("a verdict map's run-time targets, used or not") {
        using M = decltype(verdict_map<"routes", port>(on(22, jump<"ssh">)));
        std::vector<std::pair<port, runtime_verdict>> routes{{port(22), runtime_verdict(jump_to(data("ssh")))}};
        same_both_ways(static_table_with_sets<family::inet, boost::hana::tuple<chain_of<"c", input>>, boost::hana::tuple<M>>{},
                       table(family::inet, data("t"), base_chain(data("c"), input), verdict_map<port>(data("routes"), set_flags{}, routes)),
                       &rules::jump_target_exists, "map routes", "chain ssh");
    }
    SECTION("an anonymous vmap with run-time targets") {
        std::vector<std::string> backends{"b0", "b1"};
        auto pick = tcp.dport >> vmap_from(backends, [i = 0](const std::string& b) mutable {
                        return std::pair{*port::from(8000 + i++), go_to(b)};
                    });
        auto t = table(family::inet, data("t"), base_chain(data("c"), input, pick), chain("b0", accept));
        const auto e = t.check();
        REQUIRE(e);
        CHECK(e->broken == &rules::jump_target_exists);
        CHECK(e->second == "chain b1");
        CHECK(e->rule_text == "tcp dport vmap { 8000 : goto b0, 8001 : goto b1 }");
        t.add(chain("b1", drop));
        CHECK_FALSE(t.check());
        golden(ruleset(replace(t)), "add table inet t\ndelete table inet t\ntable inet t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\ttcp dport vmap { 8000 : goto b0, 8001 : goto b1 }\n\t}\n\tchain b0 {\n\t\taccept\n\t}\n\tchain b1 {\n\t\tdrop\n\t}\n}\n");
    }
}

TEST_CASE("what only data can get wrong: names, a chain's declaration", "[runtime]") {
    SECTION("names: not identifiers, keywords, too long") {
        const auto bad_chain = table(family::inet, data("t"), chain(data("svc web"))).check();
        REQUIRE(bad_chain);
        CHECK(bad_chain->broken == &rules::a_name_is_an_nft_identifier);
        CHECK(bad_chain->name == "svc web");
        CHECK(bad_chain->first == "chain svc web");
        const auto keyword_set = table(family::inet, data("t"), set<port>(data("counter"))).check();
        REQUIRE(keyword_set);
        CHECK(keyword_set->broken == &rules::a_name_may_not_be_an_nft_keyword);
        CHECK(keyword_set->describe() == "table inet t, set counter, name \"counter\": " + std::string(rules::a_name_may_not_be_an_nft_keyword.sentence));
        const auto long_table = table(family::inet, std::string(256, 'a')).check();
        REQUIRE(long_table);
        CHECK(long_table->broken == &rules::a_name_is_1_to_255_bytes);
        CHECK_FALSE(table(family::inet, std::string(255, 'a')).check());
    }
    SECTION("a chain's declaration: policy, device") {
        auto regular_with_policy = table(family::inet, data("t"), chain(data("c"), policy::drop)).check();
        REQUIRE(regular_with_policy);
        CHECK(regular_with_policy->broken == &rules::policy_only_on_base_chain);
        CHECK(regular_with_policy->first == "chain c");
        auto ingress = table(family::netdev, data("t"), base_chain(data("c"), filter_chain(hook::ingress))).check();
        REQUIRE(ingress);
        CHECK(ingress->broken == &rules::device_required_on_ingress_egress);
        CHECK_FALSE(table(family::netdev, data("t"), base_chain(data("c"), filter_chain(hook::ingress), device("lo"))).check());
        auto two = table(family::inet, data("t"), base_chain(data("c"), input, policy::drop, policy::accept)).check();
        REQUIRE(two);
        CHECK(two->broken == &rules::one_policy_and_one_device);
        auto prio = table(family::inet, data("t"), base_chain(data("c"), make_base_spec(chain_type::filter, hook::input, 1ll << 40))).check();
        REQUIRE(prio);
        CHECK(prio->broken == &rules::chain_priority_is_int32);
    }
    SECTION("a table that fails is never rendered: its commands throw the error") {
        auto t = table(family::inet, data("t"), base_chain(data("c"), input, jump_to(data("gone"))));
        try {
            (void)replace(t);
            FAIL("replace(t) accepted a table that fails its check");
        } catch (const invalid_structure& e) {
            CHECK(e.error().broken == &rules::jump_target_exists);
            CHECK(std::string(e.what()) == e.error().describe());
            CHECK(std::string(e.what()).find("chain c, rule #0 (jump gone), chain gone") != std::string::npos);
        }
        CHECK_THROWS_AS(add(t), invalid_structure);
        CHECK_THROWS_AS(create(t), invalid_structure);
    }
}

TEST_CASE("a rule naming chains or sets at run time needs a run-time table", "[runtime][two_times]") {
    using runtime_rule_t = decltype(as_rule(tcp.dport == 22 >> jump_to("x")));
    constexpr check_error e = table_verdict_v<family::inet, boost::hana::tuple<chain_of<"c", input, runtime_rule_t>>, boost::hana::tuple<>>;
    STATIC_REQUIRE(e.broken == &rules::runtime_names_need_a_runtime_table);
    STATIC_REQUIRE(e.rule_index == 0);
    using static_rule_t = decltype(as_rule(tcp.dport == 22 >> jump<"x">));
    STATIC_REQUIRE(table_verdict_v<family::inet, boost::hana::tuple<chain_of<"c", input, static_rule_t>, chain_of<"x", regular_spec>>,
                                   boost::hana::tuple<>>.broken == nullptr);
    STATIC_REQUIRE(rule_summary_v<runtime_rule_t>.runtime_refs);
    STATIC_REQUIRE_FALSE(rule_summary_v<static_rule_t>.runtime_refs);
}

TEST_CASE("update(old, new) renders only what changed, and loads", "[runtime][update]") {
    auto version = [](std::vector<std::string> services, std::string web_addr, bool strict) {
        auto t = table(family::inet, data("svc"));
        std::vector<std::pair<port, runtime_verdict>> by_port;
        int p = 80;
        for (const auto& s : services) by_port.emplace_back(*port::from(p++), go_to("svc_" + s));
        t.add(verdict_map<port>("dispatch", set_flags{}, by_port));
        t.add(base_chain("input", input, strict ? policy::drop : policy::accept, tcp.dport >> vmap(at_named("dispatch"))));
        for (const auto& s : services)
            t.add(chain("svc_" + s, ip.daddr == *ipv4_addr::parse(s == "web" ? web_addr : "10.0.0.9") >> accept));
        return t;
    };
    const auto v1 = version({"web", "db"}, "10.0.0.1", false);
    const auto v2 = version({"web", "cache"}, "10.0.0.2", true);

    const table_update u = update(v1, v2);
    CHECK(u.chains_added() == 1);
    CHECK(u.chains_changed() == 1);
    CHECK(u.chains_deleted() == 1);
    const std::string expected =
        "table inet svc {\n"
        "\tchain svc_cache {\n\t}\n"
        "\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t}\n"
        "}\n"
        "flush chain inet svc svc_web\n"
        "flush chain inet svc svc_db\n"
        "delete element inet svc dispatch {\n\t81\n}\n"
        "add rule inet svc svc_cache ip daddr 10.0.0.9 accept\n"
        "add rule inet svc svc_web ip daddr 10.0.0.2 accept\n"
        "add element inet svc dispatch {\n\t81 : goto svc_cache\n}\n"
        "delete chain inet svc svc_db\n";
    NFTPP_CHECK_TEXT(render_text(ruleset(u)), expected);
    CHECK(update(v2, v2).empty());
    CHECK(render_text(ruleset(update(v2, v2))).empty());

    const script s = render(ruleset(u));
    const script_origin* o = s.origin_of_line(13);
    REQUIRE(o);
    CHECK(o->command == "add rule");
    CHECK(o->chain == "svc_cache");
    CHECK(o->rule == 0);

    // loaded for real: v1, then the update; the result lists as v2 does
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("update");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    REQUIRE(ex.apply(render(ruleset(replace(v1)))).ok());
    const auto applied = ex.apply(render(ruleset(u)));
    INFO(applied.describe());
    REQUIRE(applied.ok());
    const std::string after_update = ex.list_ruleset_json().out;
    REQUIRE(ex.apply(render(ruleset(replace(v2)))).ok());
    const std::string fresh = ex.list_ruleset_json().out;
    // The same objects either way: every listed object without its handle (and the
    // listing's metainfo), sorted (an update lists new chains after the old ones).
    auto objects = [](const std::string& listing) {
        std::vector<std::string> out;
        const nlohmann::json all = nlohmann::json::parse(listing);
        for (auto item : all.at("nftables")) {
            if (item.contains("metainfo")) continue;
            for (auto& [kind, body] : item.items()) body.erase("handle");
            out.push_back(item.dump());
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(objects(after_update) == objects(fresh));
    CHECK(objects(after_update).size() > 5);

    // what update cannot do in place
    auto other_hook = version({"web"}, "10.0.0.1", false);
    other_hook.chains()[0] = base_chain("input", filter_chain(hook::output));
    try {
        (void)update(v1, other_hook);
        FAIL("a base chain's hook changed in place");
    } catch (const invalid_structure& e) {
        CHECK(e.error().broken == &rules::an_update_keeps_each_base_chain_spec);
        CHECK(e.error().first == "chain input");
    }
    CHECK_THROWS_AS(update(v1, table(family::ip, data("svc"))), invalid_structure);
    auto other_set = version({"web"}, "10.0.0.1", false);
    other_set.sets()[0] = verdict_map<port>("dispatch", set_flag::interval);
    try {
        (void)update(v1, other_set);
        FAIL("a map's key type changed in place");
    } catch (const invalid_structure& e) {
        CHECK(e.error().broken == &rules::an_update_keeps_each_set_declaration);
    }
}

TEST_CASE("a ruleset over ranges of commands: one script, every table's origins", "[runtime]") {
    std::vector<runtime_command> commands;
    for (int i = 0; i < 3; ++i) {
        auto t = table(family::ip, "vm_" + std::to_string(i));
        t.add(base_chain("fwd_in", filter_chain(hook::forward), meta.iifname == *ifname::parse("tap" + std::to_string(i)) >> accept));
        commands.push_back(replace(std::move(t)));
    }
    commands.push_back(delete_table(family::ip, name("stale")));
    const auto fixed = table<family::inet>("base", base_chain<"input", input>(accept));
    const script s = render(ruleset(replace(fixed), commands));
    CHECK(s.text().find("table ip vm_2 {") != std::string::npos);
    CHECK(s.text().substr(s.text().size() - 22) == "delete table ip stale\n");
    bool vm1_rule = false;
    for (const auto& o : s.origins())
        if (o.table == "ip vm_1" && o.chain == "fwd_in" && o.rule == 0) vm1_rule = true;
    CHECK(vm1_rule);
    // loaded for real, without the delete of a table that does not exist
    commands.pop_back();
    nftpp_test::require_loads(render(ruleset(replace(fixed), commands)));
}

TEST_CASE("element commands on a run-time table: checked against its declaration", "[runtime][elements]") {
    auto t = table(family::inet, data("guard"), set<ipv4_addr>(data("banned"), set_flag::interval),
                   data_map<port, mark>(data("marks")), verdict_map<port>(data("routes")),
                   base_chain(data("in"), input, ip.saddr == at_named("banned") >> drop, tcp.dport >> vmap(at_named("routes"))),
                   chain(data("ssh"), accept));
    const std::vector<ipv4_prefix> nets{*ipv4_prefix::parse("192.0.2.0/24"), *ipv4_prefix::parse("198.51.100.7/32")};
    const std::vector<std::pair<port, mark>> marks{{port(22), mark(1)}};
    const std::vector<std::pair<port, runtime_verdict>> routes{{port(22), jump_to(data("ssh"))}};
    std::vector<runtime_command> cs;
    cs.push_back(add_elements<ipv4_addr>(t, "banned", nets));
    cs.push_back(delete_elements<ipv4_addr>(t, "banned", std::vector<ipv4_prefix>{nets[1]}));
    cs.push_back(add_map_elements<port, mark>(t, "marks", marks));
    cs.push_back(add_verdict_elements<port>(t, "routes", routes));
    cs.push_back(delete_map_elements<port>(t, "routes", std::vector<port>{port(23)}));
    const std::string expected =
        "add element inet guard banned {\n\t192.0.2.0/24,\n\t198.51.100.7/32\n}\n"
        "delete element inet guard banned {\n\t198.51.100.7/32\n}\n"
        "add element inet guard marks {\n\t22 : 0x00000001\n}\n"
        "add element inet guard routes {\n\t22 : jump ssh\n}\n"
        "delete element inet guard routes {\n\t23\n}\n";
    NFTPP_CHECK_TEXT(render_text(ruleset(cs)), expected);
    // loaded for real after the table (without the delete of an element that is not there)
    cs.pop_back();
    nftpp_test::require_loads(render(ruleset(replace(t), cs)));

    auto refused = [&](auto&& make) -> const rule* {
        try {
            (void)make();
        } catch (const invalid_structure& e) {
            return e.error().broken;
        }
        return nullptr;
    };
    CHECK(refused([&] { return add_elements<ipv4_addr>(t, "baned", std::vector<ipv4_addr>{}); }) == &rules::set_exists);
    CHECK(refused([&] { return add_elements<ipv6_addr>(t, "banned", std::vector<ipv6_addr>{}); }) == &rules::set_key_matches_selector);
    CHECK(refused([&] { return add_elements<port>(t, "marks", std::vector<port>{}); }) == &rules::map_kind_matches_use);
    CHECK(refused([&] {
              return add_verdict_elements<port>(t, "routes", std::vector<std::pair<port, runtime_verdict>>{{port(80), go_to("sshd")}});
          }) == &rules::jump_target_exists);
    CHECK(refused([&] {
              return add_verdict_elements<port>(t, "routes", std::vector<std::pair<port, runtime_verdict>>{{port(80), go_to("in")}});
          }) == &rules::no_jump_to_base_chain);
    // elements against the set's flags, as in a declaration
    auto plain = table(family::inet, data("t2"), set<ipv4_addr>(data("hosts")));
    CHECK(nftpp_test::refusal_of([&] { (void)add_elements<ipv4_addr>(plain, "hosts", nets); }) ==
          rules::a_set_with_prefix_or_range_elements_needs_set_flag_interval.sentence);
}

TEST_CASE("rule commands on a run-time table: the rule checked in its chain", "[runtime][rule_commands]") {
    const auto t = table(family::inet, data("fw"), base_chain(data("input"), input, ct.state == established >> accept),
                         chain(data("ssh"), accept), base_chain(data("post"), post));
    std::vector<runtime_command> cs;
    cs.push_back(add_rule(t, "input", tcp.dport == 22 >> jump_to(data("ssh")) >> comment("ssh")));
    cs.push_back(insert_rule(t, "input", iifname == "lo" >> accept));
    cs.push_back(replace_rule(t, "input", rule_handle::from(7).value(), tcp.dport == 2222 >> jump_to("ssh")));
    cs.push_back(delete_rule(t, "ssh", rule_handle::from(9).value()));
    NFTPP_CHECK_TEXT(render_text(ruleset(cs)),
                     "add rule inet fw input tcp dport 22 jump ssh comment \"ssh\"\n"
                     "insert rule inet fw input iifname \"lo\" accept\n"
                     "replace rule inet fw input handle 7 tcp dport 2222 jump ssh\n"
                     "delete rule inet fw ssh handle 9\n");
    cs.erase(cs.begin() + 2, cs.end());  // handles 7 and 9 exist only in a loaded table
    nftpp_test::require_loads(render(ruleset(replace(t), cs)));

    auto refused = [&](auto&& make) -> structure_error {
        try {
            (void)make();
        } catch (const invalid_structure& e) {
            return e.error();
        }
        return {};
    };
    const auto no_chain = refused([&] { return add_rule(t, "inptu", accept); });
    CHECK(no_chain.broken == &rules::table_has_chain);
    CHECK(no_chain.first == "chain inptu");
    CHECK(refused([&] { return add_rule(t, "input", jump_to("sshd")); }).broken == &rules::jump_target_exists);
    const auto hook = refused([&] { return add_rule(t, "input", masquerade); });
    CHECK(hook.broken == &rules::masquerade_in_nat_postrouting);
    CHECK(hook.rule_index == 1);  // where it would stand: after the chain's rule
    CHECK(refused([&] { return add_rule(t, "post", masquerade); }).broken == nullptr);
}

TEST_CASE("a NAT map named at run time", "[runtime][nat]") {
    std::vector<std::pair<port, ipv4_addr>> fwd{{port(80), *ipv4_addr::parse("10.0.0.2")}};
    auto t = table(family::ip, data("nat"), data_map<port, ipv4_addr>(data("forwards"), set_flags{}, fwd),
                   base_chain(data("pre"), nat_chain(hook::prerouting, prio::dstnat), dnat(ip, tcp.dport, at_named(data("forwards")))));
    INFO((t.check() ? t.check()->describe() : std::string()));
    REQUIRE_FALSE(t.check());
    golden(ruleset(replace(t)),
           "add table ip nat\ndelete table ip nat\ntable ip nat {\n\tmap forwards {\n\t\ttype inet_service : ipv4_addr\n\t\telements = {\n"
           "\t\t\t80 : 10.0.0.2\n\t\t}\n\t}\n\tchain pre {\n\t\ttype nat hook prerouting priority -100; policy accept;\n"
           "\t\tdnat ip to tcp dport map @forwards\n\t}\n}\n");
    auto wrong = table(family::ip, data("nat"), data_map<port, mark>(data("forwards")),
                       base_chain(data("pre"), nat_chain(hook::prerouting, prio::dstnat), dnat(ip, tcp.dport, at_named(data("forwards")))));
    const auto e = wrong.check();
    REQUIRE(e);
    CHECK(e->broken == &rules::map_value_matches_use);  // the key is right, the value is not
    CHECK(e->second == "map forwards");
}
