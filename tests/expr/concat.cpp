// SPDX-License-Identifier: Apache-2.0
// Concatenations: concat_key values, concat(...) selectors against named and anonymous
// sets — golden, loaded, read back; what nft refuses does not compile (see
// tests/compile_fail/cases/concatenation_*.cpp).
#include <vector>

#include "golden.hpp"

#include <nftpp/readback.hpp>

using namespace nftpp;
using nftpp::testing::scratch_netns;

using addr_port = concat_key<ipv4_addr, port>;

static_assert(addr_port::nft_type == "ipv4_addr . inet_service");
static_assert(concat_key<ifname, ipv6_addr, port>::nft_type == "ifname . ipv6_addr . inet_service");
static_assert(addr_port{"10.0.0.1", 22}.get<1>() == port(22));
static_assert(addr_port{"10.0.0.1", 22} < addr_port{"10.0.0.1", 23});

// concat(...) is a selector of the concatenated datatype, with the parts' facts.
using pair_sel = decltype(concat(ip.saddr, tcp.dport));
static_assert(std::is_same_v<pair_sel::value_type, addr_port>);
static_assert(pair_sel::keyword == "ip saddr . tcp dport");
static_assert(pair_sel::facts.l3 == layer3::ip && pair_sel::facts.l4 == layer4::tcp);
// It matches sets, not single values (nft: "Use concatenations with sets and maps").
static_assert(requires { concat(ip.saddr, tcp.dport) == at<"pairs">; });
template <class S, class V>
concept equals_value = requires(S s, V v) {
    { s == v } -> std::same_as<rel_t<S, op::eq, operand<typename S::value_type>>>;
};
static_assert(!equals_value<pair_sel, addr_port>);
static_assert(equals_value<ip_saddr_t, ipv4_addr>);

TEST_CASE("concatenations: sets, anonymous sets, element commands", "[concat][golden]") {
    const auto t = table<family::inet>("c",
        set<"pairs", addr_port>({{"10.0.0.1", 22}, {"10.0.0.2", 80}}),
        set<"triples", concat_key<ifname, ipv6_addr, port>>({{"lo", "::1", 443}}),
        base_chain<"input", filter_chain(hook::input)>(
            concat(ip.saddr, tcp.dport) == at<"pairs"> >> accept,
            concat(ip.saddr, udp.dport).in({{"10.0.0.3", 53}, {"10.0.0.4", 53}}) >> accept,
            concat(iifname, ip6.saddr, tcp.dport) == at<"triples"> >> accept,
            concat(ip.daddr, tcp.dport).not_in({{"192.0.2.1", 25}}) >> drop));
    const std::vector<addr_port> more{{"10.0.0.9", 8080}};
    nftpp_test::golden(ruleset(replace(t), add_elements<"pairs">(t, more), delete_elements<"pairs">(t, {{"10.0.0.2", 80}})),
        "add table inet c\ndelete table inet c\n"
        "table inet c {\n"
        "\tset pairs {\n\t\ttype ipv4_addr . inet_service\n\t\telements = {\n\t\t\t10.0.0.1 . 22,\n\t\t\t10.0.0.2 . 80\n\t\t}\n\t}\n"
        "\tset triples {\n\t\ttype ifname . ipv6_addr . inet_service\n\t\telements = {\n\t\t\t\"lo\" . ::1 . 443\n\t\t}\n\t}\n"
        "\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
        "\t\tip saddr . tcp dport @pairs accept\n"
        "\t\tip saddr . udp dport { 10.0.0.3 . 53, 10.0.0.4 . 53 } accept\n"
        "\t\tiifname . ip6 saddr . tcp dport @triples accept\n"
        "\t\tip daddr . tcp dport != { 192.0.2.1 . 25 } drop\n"
        "\t}\n}\n"
        "add element inet c pairs {\n\t10.0.0.9 . 8080\n}\n"
        "delete element inet c pairs {\n\t10.0.0.2 . 80\n}\n");
}

TEST_CASE("a set of concatenations reads back as typed values", "[concat][readback][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = table<family::inet>("c", set<"pairs", addr_port>());
    std::vector<addr_port> pairs;
    for (std::uint32_t i = 0; i < 1000; ++i)
        pairs.emplace_back(ipv4_addr::from_bits(0x0a000001u + i), port::from(1000 + i % 50).value());
    scratch_netns ns("concat");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    REQUIRE(ex.apply(render(ruleset(replace(t), add_elements<"pairs">(t, pairs)))).ok());
    const auto back = read_set<"pairs">(ex, t);
    INFO(back.error);
    REQUIRE(back.ok());
    REQUIRE(back.elements.size() == pairs.size());
    std::vector<addr_port> got;
    for (const auto& e : back.elements) got.push_back(e.low());
    std::sort(got.begin(), got.end());
    std::sort(pairs.begin(), pairs.end());
    CHECK(got == pairs);
}
