// SPDX-License-Identifier: Apache-2.0
// MSS clamping: tcp.maxseg.set(rt.mtu) and tcp.maxseg.set(1400). Golden renderings loaded
// for real, rt.mtu's hook and family rules beside valid neighbours (also through a jump,
// and the same at run time), and the kernel refusing what nftpp refuses.
#include <array>
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto fwd = filter_chain(hook::forward, prio::mangle);
constexpr auto pre = filter_chain(hook::prerouting, prio::mangle);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <class R>
constexpr const rule* shape = rule_summary_v<R>.broken;
template <fixed_string Name, base_spec Spec, class... R>
using chain_of = chain_t<Name, Spec, hana::tuple<R...>>;
template <family F, class... C>
constexpr const rule* verdict = table_verdict_of<F, C...>().broken;
using clamp = RULE((tcp.flags & (syn | rst)) == syn >> tcp.maxseg.set(rt.mtu));
using fixed = RULE(tcp.flags == syn >> tcp.maxseg.set(1400));
}  // namespace

TEST_CASE("MSS clamping renders, and loads", "[stmt][maxseg][golden]") {
    golden_rule<family::inet, fwd>((tcp.flags & (syn | rst)) == syn >> tcp.maxseg.set(rt.mtu),
                                   "tcp flags & (syn | rst) == syn tcp option maxseg size set rt mtu");
    golden_rule<family::ip, filter_chain(hook::postrouting)>(tcp.flags == syn >> tcp.maxseg.set(rt.mtu),
                                                             "tcp flags syn tcp option maxseg size set rt mtu");
    golden_rule<family::ip6, filter_chain(hook::output)>(tcp.flags == syn >> tcp.maxseg.set(rt.mtu) >> accept,
                                                         "tcp flags syn tcp option maxseg size set rt mtu accept");
    golden_rule<family::ip, route_chain(hook::output)>(tcp.flags == syn >> tcp.maxseg.set(rt.mtu),
                                                       "tcp flags syn tcp option maxseg size set rt mtu");
    // a fixed size: every hook, bridge and netdev too
    golden_rule<family::inet, pre>(tcp.flags == syn >> tcp.maxseg.set(1400), "tcp flags syn tcp option maxseg size set 1400");
    golden_rule<family::netdev, filter_chain(hook::ingress)>(tcp.flags == syn >> tcp.maxseg.set(1360),
                                                             "tcp flags syn tcp option maxseg size set 1360");
    golden_rule<family::bridge, filter_chain(hook::forward)>(tcp.flags == syn >> tcp.maxseg.set(1452),
                                                             "tcp flags syn tcp option maxseg size set 1452");
    golden_rule<family::inet, fwd>(tcp.maxseg.set(mss::from(1200).value()), "tcp option maxseg size set 1200");
}

TEST_CASE("MSS clamping's rules, each beside a valid neighbour", "[stmt][maxseg][checks]") {
    // it pins tcp
    STATIC_REQUIRE(rule_summary_v<RULE(tcp.maxseg.set(1400))>.l4 == layer4::tcp);
    STATIC_REQUIRE(shape<RULE(tcp.dport == 443 >> tcp.maxseg.set(1400))> == nullptr);
    STATIC_REQUIRE(shape<RULE(udp.dport == 443 >> tcp.maxseg.set(1400))> == &rules::one_transport_protocol_per_rule);
    STATIC_REQUIRE(verdict<family::arp, chain_of<"c", filter_chain(hook::input), fixed>> ==
                   &rules::no_ip_or_transport_in_arp_table);
    // rt.mtu: after routing, also through a jump
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", fwd, clamp>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::output), clamp>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", pre, clamp>> == &rules::rt_mtu_only_after_routing);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", filter_chain(hook::input), clamp>> == &rules::rt_mtu_only_after_routing);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"c", pre, fixed>> == nullptr);
    using jump_t_ = rule_t<jump_t<"clamp">>;
    STATIC_REQUIRE(verdict<family::inet, chain_of<"f", fwd, jump_t_>, chain_of<"clamp", regular_spec, clamp>> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, chain_of<"f", fwd, jump_t_>, chain_of<"p", pre, jump_t_>,
                           chain_of<"clamp", regular_spec, clamp>> == &rules::rt_mtu_only_after_routing);
    // rt.mtu: ip, ip6 and inet tables
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", filter_chain(hook::forward), clamp>> == &rules::rt_mtu_only_in_ip_ip6_inet);
    STATIC_REQUIRE(verdict<family::bridge, chain_of<"c", filter_chain(hook::forward), fixed>> == nullptr);
    // the size
    STATIC_REQUIRE(mss::from(65535).ok());
    STATIC_REQUIRE(mss::from(65536).err().broken == &rules::a_tcp_mss_is_a_number_from_0_to_65535);
}

TEST_CASE("rt.mtu's hook rule at run time", "[stmt][maxseg][two_times]") {
    const std::string base = "pre", target = "clamp_mss";
    const std::array<std::string_view, 1> jumps{target};
    const std::array<rule_desc, 1> base_rules{rule_desc{&rule_summary_v<rule_t<accept_t>>, 0, 1, jumps, {}}};
    const std::array<rule_desc, 1> target_rules{rule_desc{&rule_summary_v<clamp>, 0, 1, {}, {}}};
    const std::array<chain_desc, 2> chains{chain_desc{base, pre, base_rules}, chain_desc{target, regular_spec, target_rules}};
    const check_error e = check_table_at_run_time(family::inet, chains, {});
    CHECK(e.broken == &rules::rt_mtu_only_after_routing);
    CHECK(e.first == "pre");
    CHECK(e.second == "clamp_mss");
}

TEST_CASE("the kernel refuses rt mtu where nftpp does, and takes the neighbours", "[stmt][maxseg][netns]") {
    if (!nftpp_test::netns_usable()) return;
    auto one = [](std::string family, std::string hk, std::string rule) {
        const std::string dev = hk == "ingress" ? " device \"lo\"" : "";
        return "table " + family + " t {\n\tchain c {\n\t\ttype filter hook " + hk + dev +
               " priority 0; policy accept;\n\t\t" + rule + "\n\t}\n}\n";
    };
    const std::string clamp_text = "tcp flags syn tcp option maxseg size set rt mtu";
    const std::string refused[] = {one("inet", "prerouting", clamp_text), one("ip", "input", clamp_text),
                                   one("inet", "ingress", clamp_text), one("bridge", "forward", clamp_text),
                                   one("netdev", "ingress", clamp_text)};
    for (const auto& script : refused) {
        nftpp::testing::scratch_netns ns("clamp");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto bad = ex.apply(nftpp::script(script));
        INFO("script:\n" << script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find("Operation not supported") != std::string::npos);
    }
    nftpp::testing::scratch_netns ns("clamp");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto t = table<family::inet>("t", base_chain<"fw", fwd>(jump<"clamp">),
                                       chain<"clamp">((tcp.flags & (syn | rst)) == syn >> tcp.maxseg.set(rt.mtu)));
    const auto good = ex.apply(render(ruleset(replace(t))));
    INFO(good.describe());
    CHECK(good.ok());
}
