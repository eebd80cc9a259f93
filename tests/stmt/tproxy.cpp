// SPDX-License-Identifier: Apache-2.0
// tproxy: a statement with hook, family and transport rules of its own, declared in its
// header only. Golden renderings loaded for real, its rules beside valid neighbours (also
// through a jump, and the same at run time), and the kernel refusing what nftpp refuses.
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto pre = filter_chain(hook::prerouting, prio::mangle);
constexpr auto input = filter_chain(hook::input);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <class R>
constexpr const rule* shape = rule_summary_v<R>.broken;
template <fixed_string Name, base_spec Spec, class... R>
using chain_of = chain_t<Name, Spec, hana::tuple<R...>>;
template <family F, class... C>
constexpr const rule* verdict = table_verdict_of<F, C...>().broken;
using to_port = RULE(tcp.dport == 80 >> tproxy(8080));
}  // namespace

TEST_CASE("tproxy renders, and loads on prerouting", "[stmt][tproxy][golden]") {
    golden_rule<family::ip, pre>(tcp.dport == 80 >> tproxy(8080), "tcp dport 80 tproxy to :8080");
    golden_rule<family::ip, pre>(tcp.dport == 80 >> tproxy(ip, "127.0.0.1", 8080), "tcp dport 80 tproxy ip to 127.0.0.1:8080");
    golden_rule<family::ip, pre>(meta.l4proto == tcp >> tproxy(ip, "127.0.0.1"), "meta l4proto tcp tproxy ip to 127.0.0.1");
    golden_rule<family::ip6, pre>(tcp.dport == 80 >> tproxy(ip6, "::1", 8080), "tcp dport 80 tproxy ip6 to [::1]:8080");
    golden_rule<family::ip6, pre>(tcp.dport == 80 >> tproxy(ip6, "::1"), "tcp dport 80 tproxy ip6 to ::1");
    // inet: the family is written with an address; not a verdict, so accept may follow
    golden_rule<family::inet, pre>(udp.dport == 53 >> tproxy(ip, "127.0.0.1", 5353) >> accept,
                                   "udp dport 53 tproxy ip to 127.0.0.1:5353 accept");
    golden_rule<family::inet, pre>(tcp.dport == 80 >> tproxy(8080) >> counter, "tcp dport 80 tproxy to :8080 counter");
    // any chain type on prerouting
    golden_rule<family::ip, nat_chain(hook::prerouting, prio::dstnat)>(tcp.dport == 80 >> tproxy(8080),
                                                                        "tcp dport 80 tproxy to :8080");
    CHECK(to_nft_text(tproxy(ip6, "fd00::1", 443)) == "tproxy ip6 to [fd00::1]:443");
}

TEST_CASE("tproxy's rules, each beside a valid neighbour", "[stmt][tproxy][checks]") {
    // a tcp or udp match before it; th names no protocol
    STATIC_REQUIRE(shape<to_port> == nullptr);
    STATIC_REQUIRE(shape<RULE(meta.l4proto == udp >> tproxy(8080))> == nullptr);
    STATIC_REQUIRE(shape<RULE(tproxy(8080))> == &rules::tproxy_needs_tcp_or_udp_match);
    STATIC_REQUIRE(shape<RULE(th.dport == 80 >> tproxy(8080))> == &rules::tproxy_needs_tcp_or_udp_match);
    // the family of its address against the rule's
    STATIC_REQUIRE(shape<RULE(ip.saddr == "10.0.0.1" && tcp.dport == 80 >> tproxy(ip, "127.0.0.1", 1))> == nullptr);
    STATIC_REQUIRE(shape<RULE(ip6.saddr == "::1" && tcp.dport == 80 >> tproxy(ip, "127.0.0.1", 1))> ==
                   &rules::tproxy_family_matches_rule_family);
    // prerouting only, also through a jump
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", pre, to_port>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", input, to_port>> == &rules::tproxy_only_on_prerouting);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"c", filter_chain(hook::output), to_port>> == &rules::tproxy_only_on_prerouting);
    using jump_t_ = rule_t<jump_t<"t">>;
    STATIC_REQUIRE(verdict<family::ip, chain_of<"pre", pre, jump_t_>, chain_of<"t", regular_spec, to_port>> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, chain_of<"pre", pre, jump_t_>, chain_of<"in", input, jump_t_>,
                           chain_of<"t", regular_spec, to_port>> == &rules::tproxy_only_on_prerouting);
    // ip, ip6 and inet tables only; an ip address not in an ip6 table
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", pre, to_port>> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", pre, to_port>> == &rules::tproxy_only_in_ip_ip6_inet);
    STATIC_REQUIRE(verdict<family::ip6, chain_of<"c", pre, RULE(tcp.dport == 80 >> tproxy(ip, "127.0.0.1", 1))>> ==
                   &rules::no_ip_in_ip6_table);
    // the kernel feature it needs, from its own header
    STATIC_REQUIRE(rule_summary_v<to_port>.features.contains(feature::tproxy));
}

TEST_CASE("tproxy's hook rule at run time: the same rule for chains named from data", "[stmt][tproxy][two_times]") {
    const std::string base = "in", target = "t";  // names from data
    const std::array<std::string_view, 1> jumps{target};
    const std::array<rule_desc, 1> base_rules{rule_desc{&rule_summary_v<rule_t<accept_t>>, 0, 1, jumps, {}}};
    const std::array<rule_desc, 1> target_rules{rule_desc{&rule_summary_v<to_port>, 0, 1, {}, {}}};
    const std::array<chain_desc, 2> chains{chain_desc{base, input, base_rules}, chain_desc{target, regular_spec, target_rules}};
    const check_error e = check_table_at_run_time(family::ip, chains, {});
    CHECK(e.broken == &rules::tproxy_only_on_prerouting);
    CHECK(e.first == "in");
    CHECK(e.second == "t");
    CHECK(e.sentence() == verdict<family::ip, chain_of<"in", input, rule_t<jump_t<"t">>>, chain_of<"t", regular_spec, to_port>>->sentence);
}

TEST_CASE("the kernel refuses what tproxy's rules refuse, and takes the neighbours", "[stmt][tproxy][netns]") {
    if (!nftpp_test::netns_usable()) return;
    auto table_with = [](std::string family, std::string chains) { return "table " + family + " t {\n" + chains + "}\n"; };
    auto chain_text = [](std::string name, std::string spec, std::string rule) {
        return "\tchain " + name + " {\n" + (spec.empty() ? "" : "\t\t" + spec + "\n") + "\t\t" + rule + "\n\t}\n";
    };
    const std::string pre_spec = "type filter hook prerouting priority -150; policy accept;";
    const std::string in_spec = "type filter hook input priority 0; policy accept;";
    struct refusal {
        std::string script, error;
    };
    const refusal refused[] = {
        {table_with("ip", chain_text("c", in_spec, "tcp dport 80 tproxy to :8080")), "Operation not supported"},
        {table_with("ip", chain_text("t", "", "tcp dport 80 tproxy to :8080") + chain_text("c", in_spec, "jump t")), "Operation not supported"},
        {table_with("bridge", chain_text("c", pre_spec, "tcp dport 80 tproxy to :8080")), "tproxy is only supported for IPv4/IPv6/INET"},
        {table_with("ip", chain_text("c", pre_spec, "tproxy to :8080")), "Transparent proxy support requires transport protocol match"},
        {table_with("inet", chain_text("c", pre_spec, "th dport 80 tproxy ip to :8080")), "Transparent proxy support requires transport protocol match"},
        {table_with("inet", chain_text("c", pre_spec, "tcp dport 80 tproxy to 127.0.0.1:8080")), "ip or ip6 must be specified with address for inet tables"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("tproxy");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto bad = ex.apply(nftpp::script(r.script));
        INFO("script:\n" << r.script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
    // the neighbours, rendered by nftpp, load; the probe loads on this kernel
    nftpp::testing::scratch_netns ns("tproxy");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto t = table<family::ip>("t", base_chain<"pre", pre>(jump<"t">), chain<"t">(tcp.dport == 80 >> tproxy(8080)));
    const auto good = ex.apply(render(ruleset(replace(t))));
    INFO(good.describe());
    CHECK(good.ok());
    const auto probed = ex.probe(feature::tproxy.probe);
    INFO(probed.describe());
    CHECK(probed.ok());
}
