// SPDX-License-Identifier: Apache-2.0
// jhash and symhash: their rendering in matches, as the key of a verdict map and of a
// NAT map, loaded for real; numgen's checks on them (mod, offset, values); the network
// family a jhash pins, beside a valid neighbour; and the kernel refusing what nftpp refuses.
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
using nftpp_test::refusal_of;
namespace hana = boost::hana;

namespace {
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", filter_chain(hook::input), hana::tuple<R...>>>().broken;
template <class... Sel>
concept hashes = requires(Sel... s) { jhash(s...); };
}  // namespace

TEST_CASE("jhash and symhash render, and load", "[expr][hash][golden]") {
    golden_rule(jhash(ip.saddr).mod(2) == 0 >> accept, "jhash ip saddr mod 2 0 accept");
    golden_rule(jhash(ip.saddr, tcp.dport).mod(4).seed(0xdead).offset(10) == 10 >> accept,
                "jhash ip saddr . tcp dport mod 4 seed 0xdead offset 10 10 accept");
    golden_rule<family::ip6>(jhash(ip6.saddr).mod(3).in({0, 1}) >> drop, "jhash ip6 saddr mod 3 { 0, 1 } drop");
    golden_rule<family::bridge, filter_chain(hook::forward)>(jhash(ether.saddr).mod(2) != 1 >> accept,
                                                            "jhash ether saddr mod 2 != 1 accept");
    golden_rule(symhash.mod(2) == 1 >> accept, "symhash mod 2 1 accept");
    golden_rule<family::ip6>(symhash.mod(2).offset(5) >> vmap(on(5, accept), on(6, drop)),
                             "symhash mod 2 offset 5 vmap { 5 : accept, 6 : drop }");
    golden_rule(jhash(ip.saddr).mod(2) >> vmap(on(0, accept), on(1, drop)), "jhash ip saddr mod 2 vmap { 0 : accept, 1 : drop }");
    golden_rule<family::ip, nat_chain(hook::prerouting, prio::dstnat)>(
        tcp.dport == 80 >> dnat(ip, jhash(ip.saddr).mod(2), {{0, "10.0.0.1"}, {1, "10.0.0.2"}}),
        "tcp dport 80 dnat ip to jhash ip saddr mod 2 map { 0 : 10.0.0.1, 1 : 10.0.0.2 }");
}

TEST_CASE("jhash and symhash rules, each beside a valid neighbour", "[expr][hash][checks]") {
    // the fields pin the rule's network family
    STATIC_REQUIRE(rule_summary_v<RULE(jhash(ip.saddr).mod(2) == 0 >> accept)>.l3 == layer3::ip);
    STATIC_REQUIRE(rule_summary_v<RULE(symhash.mod(2) == 0 >> accept)>.l3 == layer3::any);
    STATIC_REQUIRE(verdict<family::ip, RULE(jhash(ip.saddr).mod(2) == 0 >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(jhash(ip.saddr).mod(2) == 0 >> accept)> != nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(jhash(ip.saddr).mod(2) >> vmap(on(0, accept)))> != nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(symhash.mod(2) == 0 >> accept)> == nullptr);
    STATIC_REQUIRE(rule_summary_v<RULE(ip6.saddr == "::1" && jhash(ip.saddr).mod(2) == 0 >> accept)>.broken ==
                   &rules::one_network_family_per_rule);
    // one network family inside a jhash: rules::jhash_fields_of_one_network_family
    STATIC_REQUIRE(hashes<ip_saddr_t, tcp_dport_t>);
    STATIC_REQUIRE(detail::jhash_one_layer3<ip_saddr_t, tcp_dport_t>());
    STATIC_REQUIRE(!detail::jhash_one_layer3<ip_saddr_t, ip6_daddr_t>());
    // numgen's checks: the values lie from the offset to offset + mod - 1
    CHECK(refusal_of([] { (void)(jhash(ip.saddr).mod(2) == numgen_value::from(2).value()); }) ==
          rules::a_numgen_value_lies_from_its_offset_to_offset_plus_modulus_minus_1.sentence);
    CHECK(refusal_of([] { (void)symhash.mod(4).offset(4294967294u); }) ==
          rules::numgen_offset_plus_modulus_is_at_most_4294967296.sentence);
    int zero = 0;
    CHECK(refusal_of([&] { (void)jhash(ip.saddr).mod(zero); }) == rules::a_numgen_modulus_is_from_1_to_4294967295.sentence);
}

TEST_CASE("the kernel refuses what the jhash rules refuse", "[expr][hash][netns]") {
    if (!nftpp_test::netns_usable()) return;
    struct refusal {
        std::string family, match, error;
    };
    const refusal refused[] = {
        {"ip6", "jhash ip saddr mod 2 0", "conflicting protocols specified: ip6 vs. ip"},
        {"inet", "jhash ip saddr . ip6 daddr mod 2 0", "conflicting protocols specified"},
        {"inet", "jhash ip saddr mod 0 0", "Numerical result out of range"},
        {"inet", "jhash ip saddr mod 2 2", "exceeds valid range 0-1"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("hash");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const std::string script = "table " + r.family + " t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\t" +
                                   r.match + "\n\t}\n}\n";
        const auto bad = ex.apply(nftpp::script(script));
        INFO("script:\n" << script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
}
