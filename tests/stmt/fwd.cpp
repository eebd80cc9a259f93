// SPDX-License-Identifier: Apache-2.0
// fwd_to and dup_to (stmt/fwd.hpp, stmt/dup.hpp): golden renderings loaded for real in
// netdev, ip and ip6 tables; their family rules, terminality and interface rule beside
// valid neighbours (also through a jump, and at run time); the probes load; and the
// kernel refusing what nftpp refuses.
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
using nftpp_test::refusal_of;
namespace hana = boost::hana;

namespace {
constexpr auto ingress = filter_chain(hook::ingress);
constexpr auto egress = filter_chain(hook::egress);
constexpr auto output = filter_chain(hook::output);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", filter_chain(hook::output), hana::tuple<R...>>>().broken;
template <family F, class... R>
constexpr const rule* on_ingress = table_verdict_of<F, chain_t<"c", filter_chain(hook::ingress), hana::tuple<R...>>>().broken;
}  // namespace

TEST_CASE("fwd_to and dup_to render, and load", "[stmt][fwd][golden]") {
    golden_rule<family::netdev, ingress>(fwd_to("lo"), "fwd to \"lo\"");
    golden_rule<family::netdev, egress>(ip.saddr == "10.0.0.1" >> counter >> fwd_to("lo"), "ip saddr 10.0.0.1 counter fwd to \"lo\"");
    golden_rule<family::netdev, ingress>(dup_to("lo") >> counter, "dup to \"lo\" counter");
    golden_rule<family::netdev, egress>(dup_to("lo") >> drop, "dup to \"lo\" drop");
    golden_rule<family::ip, output>(dup_to(ip, "10.0.0.2"), "dup to 10.0.0.2");
    golden_rule<family::ip, filter_chain(hook::prerouting)>(tcp.dport == 22 >> dup_to(ip, "127.0.0.1", "lo") >> accept,
                                                           "tcp dport 22 dup to 127.0.0.1 device \"lo\" accept");
    golden_rule<family::ip6, filter_chain(hook::postrouting)>(dup_to(ip6, "::1", "lo"), "dup to ::1 device \"lo\"");
    // reached through a jump from an ingress chain
    const auto t = table<family::netdev>("edge", base_chain<"in", ingress>(device("lo"), jump<"mirror">),
                                         chain<"mirror">(dup_to("lo"), fwd_to("lo")));
    nftpp_test::require_loads(render(ruleset(replace(t))));
}

TEST_CASE("fwd_to and dup_to rules, each beside a valid neighbour", "[stmt][fwd][checks]") {
    // families
    STATIC_REQUIRE(on_ingress<family::netdev, RULE(fwd_to("lo"))> == nullptr);
    STATIC_REQUIRE(on_ingress<family::inet, RULE(fwd_to("lo"))> == &rules::fwd_only_in_netdev);
    STATIC_REQUIRE(verdict<family::bridge, RULE(fwd_to("lo"))> == &rules::fwd_only_in_netdev);
    STATIC_REQUIRE(on_ingress<family::netdev, RULE(dup_to("lo"))> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, RULE(dup_to("lo"))> == &rules::dup_to_an_interface_only_in_netdev);
    STATIC_REQUIRE(verdict<family::ip, RULE(dup_to(ip, "10.0.0.1"))> == nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(dup_to(ip6, "::1"))> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, RULE(dup_to(ip, "10.0.0.1"))> == &rules::dup_to_an_address_only_in_ip_ip6);
    STATIC_REQUIRE(verdict<family::ip6, RULE(dup_to(ip, "10.0.0.1"))> == &rules::dup_to_an_address_only_in_ip_ip6);
    STATIC_REQUIRE(on_ingress<family::netdev, RULE(dup_to(ip6, "::1"))> == &rules::dup_to_an_address_only_in_ip_ip6);
    // fwd ends the rule; dup does not
    STATIC_REQUIRE(rule_summary_v<RULE(fwd_to("lo") >> counter)>.broken == &rules::terminal_statement_last);
    STATIC_REQUIRE(rule_summary_v<RULE(fwd_to("lo") >> accept)>.broken != nullptr);
    STATIC_REQUIRE(rule_summary_v<RULE(dup_to("lo") >> counter >> accept)>.broken == nullptr);
    // the features they need
    STATIC_REQUIRE(rule_summary_v<RULE(fwd_to("lo"))>.features.contains(feature::fwd_netdev));
    STATIC_REQUIRE(rule_summary_v<RULE(dup_to("lo"))>.features.contains(feature::dup_netdev));
    STATIC_REQUIRE(rule_summary_v<RULE(dup_to(ip6, "::1"))>.features.contains(feature::dup_ip6));
    // one interface, not a wildcard
    CHECK(refusal_of([] { (void)fwd_to("veth*"); }) == rules::fwd_and_dup_take_an_interface_not_a_wildcard.sentence);
    CHECK(refusal_of([] { (void)dup_to(ip, "10.0.0.1", "veth*"); }) ==
          rules::fwd_and_dup_take_an_interface_not_a_wildcard.sentence);
    // at run time: the same family rule
    auto rt = table(family::inet, std::string("t"), chain("c", dup_to("lo")));
    REQUIRE(rt.check());
    CHECK(rt.check()->broken == &rules::dup_to_an_interface_only_in_netdev);
}

TEST_CASE("the fwd and dup probes load, and the kernel refuses what nftpp refuses", "[stmt][fwd][netns]") {
    if (!nftpp_test::netns_usable()) return;
    for (const kernel_feature* f : {&feature::fwd_netdev, &feature::dup_netdev, &feature::dup_ip, &feature::dup_ip6}) {
        nftpp::testing::scratch_netns ns("fwdprobe");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto r = ex.apply(nftpp::script(std::string(f->probe)));
        INFO(f->name << ": " << r.err);
        CHECK(r.ok());
    }
    struct refusal {
        std::string family, hook, stmt, error;
    };
    const refusal refused[] = {
        {"inet", "ingress", "fwd to \"lo\"", "unsupported family"},
        {"bridge", "forward", "fwd to \"lo\"", "unsupported family"},
        {"bridge", "forward", "dup to \"lo\"", "unsupported family"},
        {"inet", "output", "dup to 10.0.0.1", "unsupported family"},
        {"ip6", "output", "dup to 10.0.0.1", "Could not resolve hostname"},
        {"netdev", "ingress", "fwd to \"lo\" counter", "Statement after terminal statement has no effect"},
        {"netdev", "ingress", "fwd to \"lo*\"", "Interface does not exist"},
        {"ip", "output", "dup to 10.0.0.1 device \"lo*\"", "Interface does not exist"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("fwd");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const bool dev = r.hook == "ingress";
        const std::string script = "table " + r.family + " t {\n\tchain c {\n\t\ttype filter hook " + r.hook +
                                   (dev ? " device \"lo\"" : "") + " priority 0; policy accept;\n\t\t" + r.stmt + "\n\t}\n}\n";
        const auto bad = ex.apply(nftpp::script(script));
        INFO("script:\n" << script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
}
