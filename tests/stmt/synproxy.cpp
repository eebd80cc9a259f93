// SPDX-License-Identifier: Apache-2.0
// synproxy: golden renderings loaded for real (input and forward, through a jump too),
// its family and hook rules beside valid neighbours (also at run time), its window scale
// rule, the probe, and the kernel refusing what nftpp refuses.
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, base_spec Spec, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", Spec, hana::tuple<R...>>>().broken;
using guard = RULE(tcp.dport == 80 && ct.state == (invalid | untracked) >> synproxy.mss(1460).wscale(7).timestamp().sack_perm());
}  // namespace

TEST_CASE("synproxy renders, and loads on input and forward", "[stmt][synproxy][golden]") {
    golden_rule<family::inet, filter_chain(hook::input)>(
        tcp.dport == 80 && ct.state == (invalid | untracked) >> synproxy.mss(1460).wscale(7).timestamp().sack_perm(),
        "tcp dport 80 ct state invalid,untracked synproxy mss 1460 wscale 7 timestamp sack-perm");
    golden_rule<family::ip, filter_chain(hook::forward)>(synproxy >> drop, "synproxy drop");
    golden_rule<family::ip6, filter_chain(hook::input)>(synproxy.timestamp() >> counter, "synproxy timestamp counter");
    golden_rule<family::inet, filter_chain(hook::forward)>(synproxy.wscale(14), "synproxy wscale 14");
    const auto t = table<family::inet>("sp", base_chain<"in", filter_chain(hook::input)>(tcp.dport == 443 >> jump<"guard">),
                                       chain<"guard">(synproxy.mss(1400), drop));
    nftpp_test::require_loads(render(ruleset(replace(t))));
}

TEST_CASE("synproxy rules, each beside a valid neighbour", "[stmt][synproxy][checks]") {
    STATIC_REQUIRE(verdict<family::inet, filter_chain(hook::input), guard> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, filter_chain(hook::forward), guard> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, filter_chain(hook::prerouting), guard> == &rules::synproxy_only_on_input_or_forward);
    STATIC_REQUIRE(verdict<family::ip, filter_chain(hook::output), RULE(synproxy)> == &rules::synproxy_only_on_input_or_forward);
    STATIC_REQUIRE(verdict<family::bridge, filter_chain(hook::input), RULE(synproxy)> == &rules::synproxy_only_in_ip_ip6_inet);
    STATIC_REQUIRE(verdict<family::netdev, filter_chain(hook::ingress), RULE(synproxy)> == &rules::synproxy_only_in_ip_ip6_inet);
    // through a jump from output
    using jumped = chain_t<"g", regular_spec, hana::tuple<RULE(synproxy)>>;
    using out = chain_t<"o", filter_chain(hook::output), hana::tuple<RULE(jump<"g">)>>;
    STATIC_REQUIRE(table_verdict_of<family::inet, out, jumped>().broken == &rules::synproxy_only_on_input_or_forward);
    // not a verdict
    STATIC_REQUIRE(rule_summary_v<RULE(synproxy >> counter >> drop)>.broken == nullptr);
    STATIC_REQUIRE(rule_summary_v<RULE(synproxy)>.features.contains(feature::synproxy));
    STATIC_REQUIRE(window_scale::from(14).ok());
    STATIC_REQUIRE(window_scale::from(15).err().broken == &rules::a_tcp_window_scale_is_from_0_to_14);
    // at run time
    auto rt = table(family::inet, std::string("t"), base_chain("o", filter_chain(hook::output), synproxy));
    REQUIRE(rt.check());
    CHECK(rt.check()->broken == &rules::synproxy_only_on_input_or_forward);
}

TEST_CASE("the synproxy probe loads, and the kernel refuses what nftpp refuses", "[stmt][synproxy][netns]") {
    if (!nftpp_test::netns_usable()) return;
    {
        nftpp::testing::scratch_netns ns("synprobe");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        CHECK(ex.apply(nftpp::script(std::string(feature::synproxy.probe))).ok());
    }
    struct refusal {
        std::string family, hook, error;
    };
    const refusal refused[] = {
        {"inet", "prerouting", "Operation not supported"}, {"ip", "output", "Operation not supported"},
        {"ip6", "postrouting", "Operation not supported"}, {"bridge", "input", "Protocol error"},
        {"netdev", "ingress", "Protocol error"},           {"arp", "input", "Protocol error"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("synproxy");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const std::string script = "table " + r.family + " t {\n\tchain c {\n\t\ttype filter hook " + r.hook +
                                   (r.hook == "ingress" ? " device \"lo\"" : "") + " priority 0; policy accept;\n\t\tsynproxy\n\t}\n}\n";
        const auto bad = ex.apply(nftpp::script(script));
        INFO("script:\n" << script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
}
