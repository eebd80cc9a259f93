// SPDX-License-Identifier: Apache-2.0
// Verdict maps: golden, loaded for real, and their jump targets checked like jumps; their
// keys checked against each other; what a verdict map may hold.
#include <array>
#include <string>
#include <type_traits>
#include <variant>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::refusal_of;

TEST_CASE("verdict maps", "[expr][vmap][golden]") {
    const auto t = table<family::inet>("vm",
        base_chain<"input", filter_chain(hook::input)>(
            tcp.dport >> vmap(on(22, jump<"ssh">), on(80, accept), on(range<port>(8000, 8080), drop)),
            ip.saddr == "10.0.0.0/8" && udp.dport >> vmap(on(53, goto_<"dns">), on(123, continue_)) >> counter),
        chain<"ssh">(accept),
        chain<"dns">(accept));
    nftpp_test::golden(t,
        "table inet vm {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
        "\t\ttcp dport vmap { 22 : jump ssh, 80 : accept, 8000-8080 : drop }\n"
        "\t\tip saddr 10.0.0.0/8 udp dport vmap { 53 : goto dns, 123 : continue } counter\n"
        "\t}\n\tchain ssh {\n\t\taccept\n\t}\n\tchain dns {\n\t\taccept\n\t}\n}\n");
    const auto v6 = table<family::inet>("vm6", base_chain<"input", filter_chain(hook::input)>(
        ip6.saddr >> vmap(on("fd00::/8", accept), on("::1", drop))));
    nftpp_test::golden(v6, "table inet vm6 {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
                           "\t\tip6 saddr vmap { fd00::/8 : accept, ::1 : drop }\n\t}\n}\n");
    // literal keys with verdicts are a constant, checked in the compiler wherever they are
    // written (tests/compile_fail/cases/vmap_literal_*.cpp); beside a run-time key, a bad
    // literal key throws when the statement is formed
    constexpr auto checked = tcp.dport >> vmap(on(22, accept), on(80, drop));
    STATIC_REQUIRE(std::get<1>(checked.entries).first == operand<port>(80));
    const port p(22);
    CHECK_THROWS_AS(tcp.dport >> vmap(on(p, accept), on(70000, drop)), value_error);
    CHECK_NOTHROW(tcp.dport >> vmap(on(p, accept), on(80, drop)));
}

TEST_CASE("jump targets inside verdict maps join the chain graph", "[expr][vmap][checks]") {
    using M = decltype(tcp.dport >> vmap(on(22, jump<"ssh">), on(23, goto_<"telnet">)));
    using R = rule_t<M>;
    using base = chain_t<"input", filter_chain(hook::input), boost::hana::tuple<R>>;
    using ssh = chain_t<"ssh", regular_spec, boost::hana::tuple<rule_t<accept_t>>>;
    using telnet = chain_t<"telnet", regular_spec, boost::hana::tuple<rule_t<drop_t>>>;
    using masq = chain_t<"telnet", regular_spec, boost::hana::tuple<rule_t<masquerade_t<false>>>>;
    STATIC_REQUIRE(table_verdict_of<family::inet, base, ssh, telnet>().broken == nullptr);
    STATIC_REQUIRE(table_verdict_of<family::inet, base, ssh>().broken == &rules::jump_target_exists);
    STATIC_REQUIRE(table_verdict_of<family::inet, base, ssh, masq>().broken == &rules::masquerade_in_nat_postrouting);
    STATIC_REQUIRE(rule_summary_v<decltype(as_rule(tcp.dport >> vmap(on(22, accept)) >> counter))>.broken == nullptr);
}

namespace {
template <class K, std::size_t N>
constexpr const rule* keys_error(const std::array<operand<K>, N>& keys, const std::array<map_verdict, N>& verdicts) {
    return detail::vmap_keys_error<K, N>(keys, verdicts);
}
constexpr map_verdict acc{verdict_kind::accept, {}};
constexpr map_verdict drp{verdict_kind::drop, {}};
constexpr map_verdict to_ssh{verdict_kind::jump, "ssh"};
constexpr map_verdict to_dns{verdict_kind::jump, "dns"};
}  // namespace

TEST_CASE("the keys of an anonymous vmap neither overlap nor repeat with another verdict", "[expr][vmap][checks]") {
    using P = std::array<operand<port>, 2>;
    using V = std::array<map_verdict, 2>;
    // nft: 'conflicting intervals specified' (tests/compile_fail/cases/overlapping_keys_in_an_anonymous_vmap.cpp)
    STATIC_REQUIRE(keys_error(P{range<port>(1, 100), range<port>(50, 200)}, V{acc, drp}) ==
                   &rules::the_keys_of_a_vmap_overlap_make_them_disjoint);
    STATIC_REQUIRE(keys_error(P{range<port>(1, 100), range<port>(50, 200)}, V{acc, acc}) ==
                   &rules::the_keys_of_a_vmap_overlap_make_them_disjoint);
    STATIC_REQUIRE(keys_error(P{range<port>(1, 100), port(50)}, V{acc, drp}) == &rules::the_keys_of_a_vmap_overlap_make_them_disjoint);
    STATIC_REQUIRE(keys_error(P{range<port>(1, 100), range<port>(101, 200)}, V{acc, drp}) == nullptr);  // adjacent
    STATIC_REQUIRE(keys_error(P{range<port>(1, 100), range<port>(1, 100)}, V{acc, acc}) == nullptr);   // a duplicate
    // the kernel: 'File exists'
    STATIC_REQUIRE(keys_error(P{port(22), port(22)}, V{acc, drp}) == &rules::a_map_gives_one_key_two_values);
    STATIC_REQUIRE(keys_error(P{port(22), port(22)}, V{to_ssh, to_dns}) == &rules::a_map_gives_one_key_two_values);
    STATIC_REQUIRE(keys_error(P{port(22), port(22)}, V{to_ssh, to_ssh}) == nullptr);
    STATIC_REQUIRE(keys_error(P{port(22), port(23)}, V{acc, drp}) == nullptr);
    using A = std::array<operand<ipv4_addr>, 2>;
    STATIC_REQUIRE(keys_error(A{ipv4_prefix("10.0.0.0/8"), ipv4_prefix("10.1.0.0/16")}, V{acc, drp}) ==
                   &rules::the_keys_of_a_vmap_overlap_make_them_disjoint);
    STATIC_REQUIRE(keys_error(A{ipv4_prefix("10.0.0.0/8"), ipv4_prefix("11.0.0.0/8")}, V{acc, drp}) == nullptr);
    using I = std::array<operand<ifname>, 2>;
    STATIC_REQUIRE(keys_error(I{ifname("veth*"), ifname("veth0")}, V{acc, drp}) == &rules::the_keys_of_a_vmap_overlap_make_them_disjoint);
    STATIC_REQUIRE(keys_error(I{ifname("veth*"), ifname("lo")}, V{acc, drp}) == nullptr);
    // constant rules are checked by the compiler
    constexpr auto fine = tcp.dport >> vmap(on(range<port>(1, 100), accept), on(101, drop), on(2222, accept), on(2222, accept));
    STATIC_REQUIRE(std::tuple_size_v<decltype(fine.entries)> == 4);
    // literal keys are checked by the compiler wherever they are written
    // (tests/compile_fail/cases/vmap_literal_*.cpp); beside a run-time key, when the rule is
    // formed, with the same sentence
    const port p22(22);
    const ipv4_prefix lan("10.0.0.0/8");
    CHECK(refusal_of([&] { (void)(tcp.dport >> vmap(on(p22, accept), on(22, drop))); }) == rules::a_map_gives_one_key_two_values.sentence);
    CHECK(refusal_of([&] { (void)(ip.saddr >> vmap(on(lan, accept), on("10.0.0.1", drop))); }) ==
          rules::the_keys_of_a_vmap_overlap_make_them_disjoint.sentence);
}

TEST_CASE("what nftpp accepts in an anonymous vmap loads", "[expr][vmap][golden]") {
    const auto t = table<family::inet>("vk", base_chain<"input", filter_chain(hook::input)>(
        tcp.dport >> vmap(on(range<port>(1, 100), accept), on(range<port>(101, 200), drop), on(22000, accept), on(22000, accept)),
        iifname >> vmap(on("veth*", accept), on("lo", accept))));
    nftpp_test::golden(t, "table inet vk {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
                          "\t\ttcp dport vmap { 1-100 : accept, 101-200 : drop, 22000 : accept, 22000 : accept }\n"
                          "\t\tiifname vmap { \"veth*\" : accept, \"lo\" : accept }\n\t}\n}\n");
}

TEST_CASE("a verdict map holds verdicts, not reject or NAT", "[expr][vmap][checks]") {
    // (tests/compile_fail/cases/reject_in_a_verdict_map.cpp: on(22, reject) fires assert_vmap_verdict_t)
    STATIC_REQUIRE(is_map_verdict_v<accept_t>);
    STATIC_REQUIRE(is_map_verdict_v<drop_t>);
    STATIC_REQUIRE(is_map_verdict_v<return_t>);
    STATIC_REQUIRE(is_map_verdict_v<continue_t>);
    STATIC_REQUIRE(is_map_verdict_v<jump_t<"ssh">>);
    STATIC_REQUIRE(is_map_verdict_v<goto_t<"ssh">>);
    STATIC_REQUIRE_FALSE(is_map_verdict_v<std::remove_cvref_t<decltype(reject)>>);
    STATIC_REQUIRE_FALSE(is_map_verdict_v<reject_t<reject_kind::tcp_reset>>);
    STATIC_REQUIRE_FALSE(is_map_verdict_v<std::remove_cvref_t<decltype(masquerade)>>);
    STATIC_REQUIRE_FALSE(is_map_verdict_v<std::remove_cvref_t<decltype(counter)>>);
    STATIC_REQUIRE_FALSE(is_map_verdict_v<decltype(dnat(ip, "10.0.0.1"))>);
    // a run-time map's verdict: a type, or a variant whose every alternative is one
    STATIC_REQUIRE(is_map_verdict_value_v<std::variant<accept_t, jump_t<"ssh">>>);
    STATIC_REQUIRE_FALSE(is_map_verdict_value_v<std::variant<accept_t, reject_t<reject_kind::plain>>>);
    // as values: what a map element holds once the type is checked
    STATIC_REQUIRE(map_verdict_of(jump<"ssh">) == to_ssh);
    STATIC_REQUIRE(map_verdict_of(accept) == acc);
    STATIC_REQUIRE(map_verdict_of(std::variant<accept_t, jump_t<"ssh">>(jump<"ssh">)) == to_ssh);
    CHECK(nftpp_test::node_text(map_verdict_of(goto_<"dns">)) == "goto dns");
    CHECK(nftpp_test::node_text(map_verdict_of(continue_)) == "continue");
}
