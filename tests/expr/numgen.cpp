// SPDX-License-Identifier: Apache-2.0
// numgen: its rendering in matches, as the key of a verdict map and of a NAT map, each
// loaded for real; its modulus, offset and values checked at compile time (literals,
// constant rules) and at run time (variables), with the same sentences.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
using nftpp_test::refusal_of;

namespace {
constexpr auto nat_pre = nat_chain(hook::prerouting, prio::dstnat);
constexpr auto nat_post = nat_chain(hook::postrouting, prio::srcnat);
}  // namespace

TEST_CASE("numgen matches", "[expr][numgen][golden]") {
    golden_rule(numgen.random.mod(2) == 0 >> accept, "numgen random mod 2 0 accept");
    golden_rule(numgen.inc.mod(4).offset(10) == 13 >> accept, "numgen inc mod 4 offset 10 13 accept");
    golden_rule(numgen.inc.mod(4).offset(10).in({10, 11}) >> drop, "numgen inc mod 4 offset 10 { 10, 11 } drop");
    golden_rule(numgen.random.mod(4).not_in({0, 1}) >> drop, "numgen random mod 4 != { 0, 1 } drop");
    golden_rule(numgen.inc.mod(4) == range<numgen_value>(1, 2) >> accept, "numgen inc mod 4 1-2 accept");
    golden_rule(numgen.inc.mod(4) != 3 >> accept, "numgen inc mod 4 != 3 accept");
    golden_rule(numgen.inc.mod(4) < 3 >> accept, "numgen inc mod 4 < 3 accept");
    golden_rule(numgen.inc.mod(4) >= 1 >> accept, "numgen inc mod 4 >= 1 accept");
    golden_rule(numgen.random.mod(1) == 0 >> counter, "numgen random mod 1 0 counter");
    golden_rule(numgen.random.mod(2).offset(0) == 1 >> accept, "numgen random mod 2 1 accept");  // nft lists no offset 0
    golden_rule(numgen.random.mod(2).offset(4294967294u) == numgen_value(4294967295u) >> accept,
                "numgen random mod 2 offset 4294967294 4294967295 accept");
    golden_rule(numgen.random.mod(2) == 0 && tcp.dport == 80 >> accept, "numgen random mod 2 0 tcp dport 80 accept");
    // a run-time modulus and values
    std::size_t n = 3;
    const std::vector<int> picks{0, 2};
    golden_rule(numgen.inc.mod(n).in(picks) >> accept, "numgen inc mod 3 { 0, 2 } accept");
    std::uint32_t first = 100;
    golden_rule(numgen.random.mod(n).offset(first) == 102 >> accept, "numgen random mod 3 offset 100 102 accept");
}

TEST_CASE("numgen keys a verdict map", "[expr][numgen][vmap][golden]") {
    const auto t = table<family::inet>("ng",
        base_chain<"input", filter_chain(hook::input)>(
            numgen.random.mod(2) >> vmap(on(0, jump<"a">), on(1, jump<"b">)),
            numgen.inc.mod(4).offset(10) >> vmap(on(range<numgen_value>(10, 12), accept), on(13, drop)) >> counter),
        chain<"a">(accept),
        chain<"b">(drop));
    nftpp_test::golden(t,
        "table inet ng {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
        "\t\tnumgen random mod 2 vmap { 0 : jump a, 1 : jump b }\n"
        "\t\tnumgen inc mod 4 offset 10 vmap { 10-12 : accept, 13 : drop } counter\n"
        "\t}\n\tchain a {\n\t\taccept\n\t}\n\tchain b {\n\t\tdrop\n\t}\n}\n");
    // its jump targets join the chain graph, as any vmap's
    using M = decltype(numgen.random.mod(2) >> vmap(on(0, jump<"a">), on(1, jump<"b">)));
    STATIC_REQUIRE(M::chain_targets.size() == 2);
    STATIC_REQUIRE(M::chain_targets[0] == "a");
}

TEST_CASE("numgen keys an anonymous NAT map", "[expr][numgen][nat][golden]") {
    golden_rule<family::inet, nat_pre>(dnat(ip, numgen.inc.mod(2), {{0, "10.0.0.1"}, {1, "10.0.0.2"}}),
                                       "dnat ip to numgen inc mod 2 map { 0 : 10.0.0.1, 1 : 10.0.0.2 }");
    golden_rule<family::ip, nat_pre>(
        tcp.dport == 80 >> dnat(ip, numgen.random.mod(2), {{0, {"10.0.0.1", 8080}}, {1, {"10.0.0.2", 8080}}}),
        "tcp dport 80 dnat ip to numgen random mod 2 map { 0 : 10.0.0.1 . 8080, 1 : 10.0.0.2 . 8080 }");
    golden_rule<family::inet, nat_pre>(
        meta.l4proto == tcp >> dnat(ip6, numgen.random.mod(2).offset(5), {{5, {"fd00::1", 80}}, {6, {"fd00::2", 80}}}),
        "meta l4proto tcp dnat ip6 to numgen random mod 2 offset 5 map { 5 : fd00::1 . 80, 6 : fd00::2 . 80 }");
    golden_rule<family::inet, nat_post>(snat(ip, numgen.inc.mod(4), {{range<numgen_value>(0, 2), "10.0.0.1"}, {3, "10.0.0.2"}}),
                                        "snat ip to numgen inc mod 4 map { 0-2 : 10.0.0.1, 3 : 10.0.0.2 }");
    // the endpoints of a service, from data
    std::vector<std::pair<std::uint32_t, concat_key<ipv4_addr, port>>> endpoints;
    for (std::uint32_t i = 0; i < 3; ++i) endpoints.emplace_back(i, concat_key<ipv4_addr, port>(ipv4_addr::from_bits(0x0a000101u + i), port(8080)));
    std::size_t count = endpoints.size();
    golden_rule<family::inet, nat_pre>(
        ip.daddr == "10.96.0.10" && tcp.dport == 80 >> dnat(ip, numgen.random.mod(count), endpoints),
        "ip daddr 10.96.0.10 tcp dport 80 dnat ip to numgen random mod 3 map { 0 : 10.0.1.1 . 8080, 1 : 10.0.1.2 . 8080, "
        "2 : 10.0.1.3 . 8080 }");
}

TEST_CASE("a port from an anonymous NAT map needs a transport match", "[expr][numgen][nat][checks]") {
    using addr_only = decltype(dnat(ip, numgen.inc.mod(2), {{0, "10.0.0.1"}}));
    using with_port = decltype(dnat(ip, numgen.inc.mod(2), {{0, {"10.0.0.1", 80}}}));
    using keyed_by_dport = decltype(dnat(ip, tcp.dport, {{80, {"10.0.0.1", 8080}}}));
    STATIC_REQUIRE(addr_only::facts.needs_transport == nullptr);
    STATIC_REQUIRE(with_port::facts.needs_transport == &rules::nat_port_needs_transport_match);
    STATIC_REQUIRE(keyed_by_dport::facts.needs_transport == nullptr);  // the key is the transport match
    STATIC_REQUIRE(rule_summary_v<rule_t<with_port>>.broken == &rules::nat_port_needs_transport_match);
    STATIC_REQUIRE(rule_summary_v<decltype(tcp.dport == 80 >> dnat(ip, numgen.inc.mod(2), {{0, {"10.0.0.1", 80}}}))>.broken ==
                   nullptr);
    STATIC_REQUIRE(rule_summary_v<rule_t<addr_only>>.broken == nullptr);
    // NAT's placement, as for any dnat
    using in_input = chain_t<"c", filter_chain(hook::input), boost::hana::tuple<rule_t<addr_only>>>;
    using in_pre = chain_t<"c", nat_pre, boost::hana::tuple<rule_t<addr_only>>>;
    STATIC_REQUIRE(table_verdict_of<family::inet, in_pre>().broken == nullptr);
    STATIC_REQUIRE(table_verdict_of<family::inet, in_input>().broken != nullptr);
    golden_rule<family::ip, nat_pre>(dnat(ip, tcp.dport, {{80, "10.0.0.1"}, {443, "10.0.0.2"}}),
                                     "dnat ip to tcp dport map { 80 : 10.0.0.1, 443 : 10.0.0.2 }");
}

TEST_CASE("numgen's modulus and offset", "[expr][numgen][checks]") {
    // literals: checked at compile time (mod(0) does not compile: docs/diagnostics.md)
    STATIC_REQUIRE(numgen.random.mod(1).modulus == 1);
    STATIC_REQUIRE(numgen.random.mod(4294967295u).modulus == 4294967295u);
    STATIC_REQUIRE(numgen.inc.mod(4).offset(10).first == 10);
    STATIC_REQUIRE(numgen.inc.mod(4).offset(10).last() == 13);
    STATIC_REQUIRE(numgen.inc.mod(2).offset(4294967294u).last() == 4294967295u);
    STATIC_REQUIRE(numgen.inc.mod(4294967295u).offset(1).last() == 4294967295u);
    STATIC_REQUIRE(numgen_modulus::from(1).ok());
    STATIC_REQUIRE(numgen_modulus::from(4294967295).ok());
    STATIC_REQUIRE(numgen_modulus::from(0).err().broken == &rules::a_numgen_modulus_is_from_1_to_4294967295);
    STATIC_REQUIRE(numgen_modulus::from(4294967296).err().broken == &rules::a_numgen_modulus_is_from_1_to_4294967295);
    STATIC_REQUIRE(numgen_modulus::from(-1).err().broken == &rules::a_numgen_modulus_is_from_1_to_4294967295);
    STATIC_REQUIRE(numgen_value::from(4294967295).ok());
    STATIC_REQUIRE(numgen_value::from(4294967296).err().broken == &rules::a_numgen_value_is_a_number_from_0_to_4294967295);
    // run-time values: the same rules, as value_error
    std::size_t zero = 0;
    std::int64_t too_big = 4294967296;
    int minus = -1;
    CHECK(refusal_of([&] { (void)numgen.random.mod(zero); }) == rules::a_numgen_modulus_is_from_1_to_4294967295.sentence);
    CHECK(refusal_of([&] { (void)numgen.random.mod(too_big); }) == rules::a_numgen_modulus_is_from_1_to_4294967295.sentence);
    CHECK(refusal_of([&] { (void)numgen.random.mod(2).offset(minus); }) == rules::a_numgen_offset_is_from_0_to_4294967295.sentence);
    CHECK(refusal_of([&] { (void)numgen.random.mod(2).offset(too_big); }) == rules::a_numgen_offset_is_from_0_to_4294967295.sentence);
    // offset + mod - 1 fits in 32 bits (the kernel: 'Value too large for defined data type')
    CHECK(refusal_of([] { (void)numgen.random.mod(2).offset(4294967295u); }) ==
          rules::numgen_offset_plus_modulus_is_at_most_4294967296.sentence);
    CHECK(refusal_of([] { (void)numgen.random.mod(4294967295u).offset(2); }) ==
          rules::numgen_offset_plus_modulus_is_at_most_4294967296.sentence);
    CHECK(refusal_of([] { (void)numgen.random.mod(4294967295u).offset(1); }) == "(nothing refused)");
    std::size_t n = 2;
    CHECK(refusal_of([&] { (void)numgen.random.mod(n).offset(4294967294u); }) == "(nothing refused)");
}

TEST_CASE("what numgen is compared with lies in its range", "[expr][numgen][checks]") {
    constexpr auto g = numgen.inc.mod(4).offset(10);
    STATIC_REQUIRE(g.gives(10));
    STATIC_REQUIRE(g.gives(13));
    STATIC_REQUIRE(g.gives(range<numgen_value>(10, 13)));
    STATIC_REQUIRE_FALSE(g.gives(14));   // nft: 'Value 14 exceeds valid range 0-13'
    STATIC_REQUIRE_FALSE(g.gives(9));    // nft accepts it; it never comes up
    STATIC_REQUIRE_FALSE(g.gives(range<numgen_value>(12, 14)));
    // constant rules: checked by the compiler (a value out of range does not compile)
    constexpr auto fine = numgen.random.mod(2) >> vmap(on(0, accept), on(1, drop));
    STATIC_REQUIRE(std::tuple_size_v<decltype(fine.entries)> == 2);
    constexpr auto fine_map = dnat(ip, numgen.random.mod(2), {{0, "10.0.0.1"}, {1, "10.0.0.2"}});
    STATIC_REQUIRE(fine_map.keys.size() == 2);
    // the others when the match, vmap or map is made, with the same sentence
    const auto out_of_range = rules::a_numgen_value_lies_from_its_offset_to_offset_plus_modulus_minus_1.sentence;
    CHECK(refusal_of([] { (void)(numgen.random.mod(2) == 2 >> accept); }) == out_of_range);
    CHECK(refusal_of([] { (void)(numgen.random.mod(2) != 7 >> accept); }) == out_of_range);
    CHECK(refusal_of([] { (void)(numgen.random.mod(2).offset(5) == 0 >> accept); }) == out_of_range);
    CHECK(refusal_of([] { (void)numgen.random.mod(2).in({0, 5}); }) == out_of_range);
    CHECK(refusal_of([] { (void)(numgen.random.mod(2) >> vmap(on(0, accept), on(2, drop))); }) == out_of_range);
    CHECK(refusal_of([] { (void)dnat(ip, numgen.random.mod(2), {{0, "10.0.0.1"}, {2, "10.0.0.2"}}); }) == out_of_range);
    std::size_t n = 2;
    const std::vector<int> wrong{0, 2};
    CHECK(refusal_of([&] { (void)numgen.random.mod(n).in(wrong); }) == out_of_range);
    CHECK(refusal_of([&] { (void)(numgen.random.mod(n) == 1 >> accept); }) == "(nothing refused)");
}

TEST_CASE("the keys of an anonymous NAT map", "[expr][numgen][nat][checks]") {
    // nft: 'conflicting intervals specified'
    CHECK(refusal_of([] { (void)dnat(ip, numgen.inc.mod(4), {{range<numgen_value>(0, 2), "10.0.0.1"}, {1, "10.0.0.2"}}); }) ==
          rules::the_keys_of_a_nat_map_overlap_make_them_disjoint.sentence);
    // the kernel: 'File exists'
    CHECK(refusal_of([] { (void)dnat(ip, numgen.inc.mod(4), {{0, "10.0.0.1"}, {0, "10.0.0.2"}}); }) ==
          rules::a_map_gives_one_key_two_values.sentence);
    CHECK(refusal_of([] { (void)dnat(ip, tcp.dport, {{80, "10.0.0.1"}, {80, "10.0.0.2"}}); }) ==
          rules::a_map_gives_one_key_two_values.sentence);
    // a duplicate, which nft merges
    CHECK(refusal_of([] { (void)dnat(ip, numgen.inc.mod(4), {{0, "10.0.0.1"}, {0, "10.0.0.1"}}); }) == "(nothing refused)");
    // a run-time map with no entry
    std::size_t n = 1;
    const std::vector<std::pair<std::uint32_t, ipv4_addr>> none;
    CHECK(refusal_of([&] { (void)dnat(ip, numgen.random.mod(n), none); }) == rules::a_nat_map_needs_at_least_one_element.sentence);
    const std::vector<std::pair<std::uint32_t, ipv4_addr>> clash{{0, ipv4_addr("10.0.0.1")}, {0, ipv4_addr("10.0.0.2")}};
    CHECK(refusal_of([&] { (void)dnat(ip, numgen.random.mod(n), clash); }) == rules::a_map_gives_one_key_two_values.sentence);
    const std::vector<std::pair<std::uint32_t, ipv4_addr>> beyond{{0, ipv4_addr("10.0.0.1")}, {1, ipv4_addr("10.0.0.2")}};
    CHECK(refusal_of([&] { (void)dnat(ip, numgen.random.mod(n), beyond); }) ==
          rules::a_numgen_value_lies_from_its_offset_to_offset_plus_modulus_minus_1.sentence);
    // what the range form takes
    STATIC_REQUIRE(NatMapRange<std::vector<std::pair<std::uint32_t, ipv4_addr>>, numgen_value, layer3::ip>);
    STATIC_REQUIRE(NatMapRange<std::vector<std::pair<numgen_value, concat_key<ipv6_addr, port>>>, numgen_value, layer3::ip6>);
    STATIC_REQUIRE(NatMapRange<std::vector<nat_map_entry<port, ipv4_addr>>, port, layer3::ip>);
    STATIC_REQUIRE_FALSE(NatMapRange<std::vector<std::pair<std::uint32_t, ipv6_addr>>, numgen_value, layer3::ip>);
    STATIC_REQUIRE_FALSE(NatMapRange<std::vector<std::pair<std::uint32_t, port>>, numgen_value, layer3::ip>);
}
