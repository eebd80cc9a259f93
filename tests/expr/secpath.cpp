// SPDX-License-Identifier: Apache-2.0
// meta secpath exists|missing (whether IPsec decrypted the packet): golden renderings
// loaded for real, its families and hooks beside valid neighbours, and the kernel refusing
// what nftpp refuses.
#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, base_spec Spec, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", Spec, hana::tuple<R...>>>().broken;
constexpr base_spec on(hook h) { return base_spec{0, true, chain_type::filter, h, true}; }
}  // namespace

TEST_CASE("meta secpath renders, and loads", "[expr][secpath][golden]") {
    golden_rule<family::inet, on(hook::input)>(meta.secpath.exists() >> accept, "meta secpath exists accept");
    golden_rule<family::ip, on(hook::forward)>(meta.secpath.missing() && ip.saddr == "10.8.0.0/16" >> drop,
                                               "meta secpath missing ip saddr 10.8.0.0/16 drop");
    golden_rule<family::ip6, on(hook::prerouting)>(meta.secpath.exists() >> accept, "meta secpath exists accept");
    golden_rule<family::netdev, filter_chain(hook::ingress)>(meta.secpath.missing() >> drop, "meta secpath missing drop");
    golden_rule<family::inet, filter_chain(hook::prerouting, -150)>(meta.secpath.exists() >> meta.mark.set(0x10),
                                                                    "meta secpath exists meta mark set 0x00000010");
}

TEST_CASE("meta secpath rules, each beside a valid neighbour", "[expr][secpath][checks]") {
    constexpr const rule* r = &rules::meta_secpath_only_before_routing_or_on_netdev_ingress;
    STATIC_REQUIRE(verdict<family::inet, on(hook::input), RULE(meta.secpath.exists() >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, on(hook::output), RULE(meta.secpath.exists() >> accept)> == r);
    STATIC_REQUIRE(verdict<family::ip, on(hook::forward), RULE(meta.secpath.missing() >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, on(hook::postrouting), RULE(meta.secpath.missing() >> accept)> == r);
    STATIC_REQUIRE(verdict<family::ip6, on(hook::prerouting), RULE(meta.secpath.exists() >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, on(hook::forward), RULE(meta.secpath.exists() >> accept)> == r);
    STATIC_REQUIRE(verdict<family::arp, on(hook::input), RULE(meta.secpath.exists() >> accept)> == r);
    STATIC_REQUIRE(verdict<family::arp, on(hook::input), RULE(meta.mark == 1 >> accept)> == nullptr);
    // ingress: a netdev table's has it, an inet table's does not; netdev egress does not
    STATIC_REQUIRE(verdict<family::netdev, on(hook::ingress), RULE(meta.secpath.exists() >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::netdev, on(hook::egress), RULE(meta.secpath.exists() >> accept)> == r);
    STATIC_REQUIRE(verdict<family::inet, on(hook::ingress), RULE(meta.secpath.exists() >> accept)> == r);
    STATIC_REQUIRE(verdict<family::inet, on(hook::ingress), RULE(meta.mark == 1 >> accept)> == nullptr);
    // through a jump: the base chain's family and hook decide
    using to_r = rule_t<jump_t<"r">>;
    using secpath_rule = RULE(meta.secpath.exists() >> accept);
    STATIC_REQUIRE(table_verdict_of<family::inet, chain_t<"c", on(hook::ingress), hana::tuple<to_r>>,
                                    chain_t<"r", regular_spec, hana::tuple<secpath_rule>>>()
                       .broken == r);
    STATIC_REQUIRE(table_verdict_of<family::netdev, chain_t<"c", on(hook::ingress), hana::tuple<to_r>>,
                                    chain_t<"r", regular_spec, hana::tuple<secpath_rule>>>()
                       .broken == nullptr);
}

TEST_CASE("the kernel refuses what the meta secpath rules refuse", "[expr][secpath][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const nftpp_test::refusal refused[] = {
        {"inet", "meta secpath exists accept", "Operation not supported", "output"},
        {"ip", "meta secpath missing accept", "Operation not supported", "postrouting"},
        {"ip6", "meta secpath exists accept", "Operation not supported", "output"},
        {"bridge", "meta secpath exists accept", "Operation not supported", "forward"},
        {"arp", "meta secpath exists accept", "Operation not supported", "input"},
        {"inet", "meta secpath exists accept", "Operation not supported", "ingress device lo"},
        {"netdev", "meta secpath exists accept", "Operation not supported", "egress device lo"},
    };
    for (const auto& r : refused) nftpp_test::require_refused(r);
}
