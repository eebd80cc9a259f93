// SPDX-License-Identifier: Apache-2.0
// fib: route lookups (reverse-path filtering, address types) with the hook and family
// rules of each variant declared in its header. Golden renderings loaded for real, each
// rule beside a valid neighbour (also through a jump, and the same at run time), and the
// kernel refusing what nftpp refuses.
#include <array>
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto pre = filter_chain(hook::prerouting);
constexpr auto input = filter_chain(hook::input);
constexpr auto fwd = filter_chain(hook::forward);
constexpr auto output = filter_chain(hook::output);
constexpr auto post = filter_chain(hook::postrouting);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <fixed_string Name, base_spec Spec, class... R>
using chain_of = chain_t<Name, Spec, hana::tuple<R...>>;
template <family F, class... C>
constexpr const rule* verdict = table_verdict_of<F, C...>().broken;
using rpfilter = RULE(fib(fib_saddr, fib_iif).oif.missing() >> drop);
using local_dst = RULE(fib(fib_daddr).type == fib_addrtype::local >> accept);
using by_oif = RULE(fib(fib_daddr, fib_oif).type == fib_addrtype::local >> accept);
using oifname_result = RULE(fib(fib_daddr).oifname == "lo" >> accept);
}  // namespace

TEST_CASE("fib renders as nft lists it, and loads", "[expr][fib][golden]") {
    golden_rule<family::inet, pre>(fib(fib_saddr, fib_iif).oif.missing() >> drop, "fib saddr . iif oif missing drop");
    golden_rule<family::ip, pre>(fib(fib_saddr, fib_mark, fib_iif).oif.missing() >> drop,
                                 "fib saddr . mark . iif oif missing drop");
    golden_rule<family::ip6, input>(fib(fib_daddr).oif.exists() >> accept, "fib daddr oif exists accept");
    golden_rule<family::inet, pre>(fib(fib_daddr).type == fib_addrtype::local >> accept, "fib daddr type local accept");
    golden_rule<family::inet, output>(fib(fib_daddr).type != fib_addrtype::local >> counter,
                                      "fib daddr type != local counter");
    golden_rule<family::inet, pre>(
        fib(fib_daddr).type.in({fib_addrtype::broadcast, fib_addrtype::multicast, fib_addrtype::anycast}) >> drop,
        "fib daddr type { broadcast, multicast, anycast } drop");
    golden_rule<family::inet, output>(fib(fib_daddr, fib_oif).type == fib_addrtype::local >> accept,
                                      "fib daddr . oif type local accept");
    golden_rule<family::inet, pre>(fib(fib_daddr, fib_iif).type == fib_addrtype::prohibit >> accept,
                                   "fib daddr . iif type prohibit accept");
    golden_rule<family::inet, fwd>(fib(fib_daddr).oifname == "lo" >> accept, "fib daddr oifname \"lo\" accept");
    // any chain type the hook has
    golden_rule<family::ip, nat_chain(hook::output, prio::dstnat)>(fib(fib_daddr).type == fib_addrtype::local >> accept,
                                                                   "fib daddr type local accept");
    golden_rule<family::ip, route_chain(hook::output)>(fib(fib_daddr).type == fib_addrtype::local >> accept,
                                           "fib daddr type local accept");
    STATIC_REQUIRE(decltype(fib(fib_saddr, fib_mark, fib_oif).type)::keyword == "fib saddr . mark . oif type");
    CHECK(to_nft_text(fib_addrtype::unreachable) == "unreachable");
}

TEST_CASE("fib's rules, each beside a valid neighbour", "[expr][fib][checks]") {
    // the input side: oif and oifname results, and the iif key
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", pre, rpfilter>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, rpfilter>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", fwd, rpfilter>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", output, rpfilter>> == &rules::fib_input_side_only_before_output);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", post, rpfilter>> == &rules::fib_input_side_only_before_output);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", fwd, oifname_result>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", output, oifname_result>> ==
                   &rules::fib_input_side_only_before_output);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", output, RULE(fib(fib_daddr, fib_iif).type == fib_addrtype::local)>> ==
                   &rules::fib_input_side_only_before_output);
    // the output side: the oif key
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", output, by_oif>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", post, by_oif>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", pre, by_oif>> == &rules::fib_oif_key_only_after_routing);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", input, by_oif>> == &rules::fib_oif_key_only_after_routing);
    // no interface key: every hook but ingress
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", post, local_dst>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::ingress), local_dst>> == &rules::fib_not_on_ingress);
    // also through a jump
    using jump_t_ = rule_t<jump_t<"t">>;
    STATIC_REQUIRE(verdict<family::inet, chain_of<"pre", pre, jump_t_>, chain_of<"t", regular_spec, rpfilter>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"pre", pre, jump_t_>, chain_of<"out", output, jump_t_>,
                           chain_of<"t", regular_spec, rpfilter>> == &rules::fib_input_side_only_before_output);
    // ip, ip6 and inet tables
    STATIC_REQUIRE(verdict<family::ip6, chain_of<"c", pre, rpfilter>> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", pre, rpfilter>> == &rules::fib_only_in_ip_ip6_inet);
    STATIC_REQUIRE(verdict<family::netdev, chain_of<"c", filter_chain(hook::ingress), local_dst>> ==
                   &rules::fib_only_in_ip_ip6_inet);
    // the keys: one address, at most one interface (each refused variant is a compile-fail
    // case); a lookup by oif has no oif or oifname result
    STATIC_REQUIRE(detail::fib_keys_valid<fib_key_t<fib_key::saddr>, fib_key_t<fib_key::mark>, fib_key_t<fib_key::iif>>());
    STATIC_REQUIRE(!detail::fib_keys_valid<fib_key_t<fib_key::saddr>, fib_key_t<fib_key::daddr>>());
    STATIC_REQUIRE(!detail::fib_keys_valid<fib_key_t<fib_key::iif>>());
    STATIC_REQUIRE(!detail::fib_keys_valid<fib_key_t<fib_key::daddr>, fib_key_t<fib_key::iif>, fib_key_t<fib_key::oif>>());
    STATIC_REQUIRE(!detail::fib_keys_valid<fib_key_t<fib_key::daddr>, fib_key_t<fib_key::mark>, fib_key_t<fib_key::mark>>());
    STATIC_REQUIRE(std::is_same_v<decltype(fib(fib_daddr, fib_oif).oif), fib_refused_result_t>);
    STATIC_REQUIRE(!std::is_same_v<decltype(fib(fib_daddr, fib_iif).oif), fib_refused_result_t>);
    // the kernel feature
    STATIC_REQUIRE(rule_summary_v<rpfilter>.features.contains(feature::fib));
}

TEST_CASE("fib's hook rule at run time: the same rule for chains named from data", "[expr][fib][two_times]") {
    const std::string base = "out", target = "rp";  // names from data
    const std::array<std::string_view, 1> jumps{target};
    const std::array<rule_desc, 1> base_rules{rule_desc{&rule_summary_v<rule_t<accept_t>>, 0, 1, jumps, {}}};
    const std::array<rule_desc, 1> target_rules{rule_desc{&rule_summary_v<rpfilter>, 0, 1, {}, {}}};
    const std::array<chain_desc, 2> chains{chain_desc{base, output, base_rules}, chain_desc{target, regular_spec, target_rules}};
    const check_error e = check_table_at_run_time(family::inet, chains, {});
    CHECK(e.broken == &rules::fib_input_side_only_before_output);
    CHECK(e.first == "out");
    CHECK(e.second == "rp");
}

TEST_CASE("the kernel refuses what fib's rules refuse, and takes the neighbours", "[expr][fib][netns]") {
    if (!nftpp_test::netns_usable()) return;
    auto table_with = [](std::string family, std::string chains) { return "table " + family + " t {\n" + chains + "}\n"; };
    auto chain_text = [](std::string name, std::string spec, std::string rule) {
        return "\tchain " + name + " {\n" + (spec.empty() ? "" : "\t\t" + spec + "\n") + "\t\t" + rule + "\n\t}\n";
    };
    auto spec = [](std::string hk) { return "type filter hook " + hk + " priority 0; policy accept;"; };
    struct refusal {
        std::string script, error;
    };
    const std::string rp = "fib saddr . iif oif missing drop";
    const refusal refused[] = {
        // fib_input_side_only_before_output
        {table_with("inet", chain_text("c", spec("output"), rp)), "Operation not supported"},
        {table_with("inet", chain_text("c", spec("postrouting"), "fib daddr oifname \"lo\" accept")), "Operation not supported"},
        {table_with("inet", chain_text("t", "", rp) + chain_text("c", spec("output"), "jump t")), "Operation not supported"},
        {table_with("ip", chain_text("c", spec("output"), "fib daddr . iif type local accept")), "Operation not supported"},
        // fib_oif_key_only_after_routing
        {table_with("inet", chain_text("c", spec("prerouting"), "fib daddr . oif type local accept")), "Operation not supported"},
        {table_with("ip6", chain_text("c", spec("input"), "fib daddr . oif type local accept")), "Operation not supported"},
        // fib_not_on_ingress
        {table_with("inet", chain_text("c", "type filter hook ingress device \"lo\" priority 0; policy accept;",
                                       "fib daddr type local accept")),
         "Operation not supported"},
        // fib_only_in_ip_ip6_inet (bridge, arp)
        {table_with("bridge", chain_text("c", spec("prerouting"), "fib daddr type local accept")), "No such file or directory"},
        {table_with("arp", chain_text("c", spec("input"), "fib daddr type local accept")), "No such file or directory"},
        // fib_by_oif_gives_only_type
        {table_with("inet", chain_text("c", spec("forward"), "fib daddr . oif oif exists accept")), "Invalid argument"},
        {table_with("inet", chain_text("c", spec("forward"), "fib daddr . oif oifname \"lo\" accept")), "Invalid argument"},
        // fib_keys_one_address_at_most_one_interface
        {table_with("inet", chain_text("c", spec("prerouting"), "fib saddr . daddr oif missing drop")),
         "fib: saddr and daddr are mutually exclusive"},
        {table_with("inet", chain_text("c", spec("prerouting"), "fib saddr . iif . oif type local")),
         "fib: iif and oif are mutually exclusive"},
        {table_with("inet", chain_text("c", spec("prerouting"), "fib iif oif missing drop")), "fib: need either saddr or daddr"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("fib");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto bad = ex.apply(nftpp::script(r.script));
        INFO("script:\n" << r.script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
    // the neighbours, rendered by nftpp, load: rpfilter reached through a jump from
    // prerouting, the oif-keyed type on output, and the probe
    nftpp::testing::scratch_netns ns("fib");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto t = table<family::inet>(
        "t", base_chain<"pre", filter_chain(hook::prerouting, prio::raw)>(jump<"rp">),
        chain<"rp">(fib(fib_saddr, fib_mark, fib_iif).oif.missing() >> drop),
        base_chain<"out", filter_chain(hook::output)>(fib(fib_daddr, fib_oif).type == fib_addrtype::local >> accept));
    const auto good = ex.apply(render(ruleset(replace(t))));
    INFO(good.describe());
    CHECK(good.ok());
    const auto probed = ex.probe(feature::fib.probe);
    INFO(probed.describe());
    CHECK(probed.ok());
}
