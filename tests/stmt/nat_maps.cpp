// SPDX-License-Identifier: Apache-2.0
// NAT maps: `dnat ip to ip daddr map @m`, with the address alone or address . port from
// the map — golden and loaded; the table checks the map's kind, key and value; a port
// from the map needs a transport match unless the key is one; NAT maps from run-time
// ranges and their elements added and deleted in place.
#include <cstdint>
#include <utility>
#include <vector>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
namespace hana = boost::hana;

using addr_port = concat_key<ipv4_addr, port>;

TEST_CASE("NAT maps translate by a key looked up in a named map", "[nat][maps][golden]") {
    const auto t = table<family::inet>("nat",
        data_map<"backends", ipv4_addr, ipv4_addr>({{"203.0.113.1", "10.0.0.1"}}),
        data_map<"forward", port, addr_port>({{8080, {"10.0.0.2", 80}}}),
        data_map<"pairs", ipv4_addr, addr_port>({{"203.0.113.2", {"10.0.0.3", 443}}}),
        data_map<"src6", ipv6_addr, ipv6_addr>({{"fd00::1", "2001:db8::1"}}),
        base_chain<"pre", nat_chain(hook::prerouting, -100)>(
            iifname == "lo" >> dnat(ip, ip.daddr, at<"backends">),
            dnat(ip, tcp.dport, at<"forward">, nat_map_port),
            tcp.dport == 443 >> dnat(ip, ip.daddr, at<"pairs">, nat_map_port)),
        base_chain<"post", nat_chain(hook::postrouting, 100)>(snat(ip6, ip6.saddr, at<"src6">)));
    nftpp_test::golden(t,
        "table inet nat {\n"
        "\tmap backends {\n\t\ttype ipv4_addr : ipv4_addr\n\t\telements = {\n\t\t\t203.0.113.1 : 10.0.0.1\n\t\t}\n\t}\n"
        "\tmap forward {\n\t\ttype inet_service : ipv4_addr . inet_service\n\t\telements = {\n\t\t\t8080 : 10.0.0.2 . 80\n\t\t}\n\t}\n"
        "\tmap pairs {\n\t\ttype ipv4_addr : ipv4_addr . inet_service\n\t\telements = {\n\t\t\t203.0.113.2 : 10.0.0.3 . 443\n\t\t}\n\t}\n"
        "\tmap src6 {\n\t\ttype ipv6_addr : ipv6_addr\n\t\telements = {\n\t\t\tfd00::1 : 2001:db8::1\n\t\t}\n\t}\n"
        "\tchain pre {\n\t\ttype nat hook prerouting priority -100; policy accept;\n"
        "\t\tiifname \"lo\" dnat ip to ip daddr map @backends\n"
        "\t\tdnat ip to tcp dport map @forward\n"
        "\t\ttcp dport 443 dnat ip to ip daddr map @pairs\n\t}\n"
        "\tchain post {\n\t\ttype nat hook postrouting priority 100; policy accept;\n"
        "\t\tsnat ip6 to ip6 saddr map @src6\n\t}\n}\n");
}

namespace {
constexpr auto pre = nat_chain(hook::prerouting, -100);
template <class Rule, class Maps>
constexpr const rule* verdict_of = table_verdict_v<family::inet, hana::tuple<chain_t<"pre", pre, hana::tuple<Rule>>>, Maps>.broken;
using by_daddr = rule_t<nat_map_t<false, layer3::ip, ip_daddr_t, "m", false>>;
using by_daddr_port = rule_t<rel_t<tcp_dport_t, op::eq, operand<port>>, nat_map_t<false, layer3::ip, ip_daddr_t, "m", true>>;
}  // namespace

TEST_CASE("a NAT map must exist, be a map, and hold the statement's key and value", "[nat][maps][checks]") {
    STATIC_REQUIRE(verdict_of<by_daddr, hana::tuple<data_map_t<"m", ipv4_addr, ipv4_addr>>> == nullptr);
    STATIC_REQUIRE(verdict_of<by_daddr, hana::tuple<>> == &rules::set_exists);
    STATIC_REQUIRE(verdict_of<by_daddr, hana::tuple<set_t<"m", ipv4_addr, no_elements_t>>> == &rules::map_kind_matches_use);
    STATIC_REQUIRE(verdict_of<by_daddr, hana::tuple<data_map_t<"m", port, ipv4_addr>>> == &rules::set_key_matches_selector);
    // a wrong value is named as such, not as a wrong key
    STATIC_REQUIRE(verdict_of<by_daddr, hana::tuple<data_map_t<"m", ipv4_addr, ipv6_addr>>> == &rules::map_value_matches_use);
    STATIC_REQUIRE(verdict_of<by_daddr, hana::tuple<data_map_t<"m", ipv4_addr, addr_port>>> == &rules::map_value_matches_use);
    STATIC_REQUIRE(verdict_of<by_daddr, hana::tuple<data_map_t<"m", port, ipv6_addr>>> == &rules::set_key_matches_selector);
    STATIC_REQUIRE(verdict_of<by_daddr_port, hana::tuple<data_map_t<"m", ipv4_addr, addr_port>>> == nullptr);
    STATIC_REQUIRE(verdict_of<by_daddr_port, hana::tuple<data_map_t<"m", ipv4_addr, ipv4_addr>>> == &rules::map_value_matches_use);
}

TEST_CASE("a port from the map needs a transport match, unless the key is one", "[nat][maps][checks]") {
    using port_from_daddr = nat_map_t<false, layer3::ip, ip_daddr_t, "m", true>;
    using port_from_dport = nat_map_t<false, layer3::ip, tcp_dport_t, "m", true>;
    STATIC_REQUIRE(port_from_daddr::facts.needs_transport == &rules::nat_port_needs_transport_match);
    STATIC_REQUIRE(port_from_dport::facts.needs_transport == nullptr);
    STATIC_REQUIRE(port_from_dport::facts.l4 == layer4::tcp);
    STATIC_REQUIRE(rule_summary_v<rule_t<port_from_daddr>>.broken == &rules::nat_port_needs_transport_match);
    STATIC_REQUIRE(rule_summary_v<rule_t<port_from_dport>>.broken == nullptr);
    STATIC_REQUIRE(rule_summary_v<by_daddr_port>.broken == nullptr);
}

TEST_CASE("NAT maps from run-time ranges, and their elements added in place", "[nat][maps][golden]") {
    std::vector<std::pair<ipv4_addr, ipv4_addr>> backends;
    for (std::uint32_t i = 1; i <= 3; ++i) backends.emplace_back(ipv4_addr::from_bits(0xcb007100u + i), ipv4_addr::from_bits(0x0a000000u + i));
    const std::vector<map_entry<port, addr_port>> forward{{port(8080), addr_port{"10.0.0.2", 80}}, {port(8443), addr_port{"10.0.0.2", 443}}};
    const auto t = table<family::ip>("nat",
        data_map<"backends", ipv4_addr, ipv4_addr>(backends),
        data_map<"forward", port, addr_port>(set_size(1024), forward),
        base_chain<"pre", nat_chain(hook::prerouting, -100)>(
            dnat(ip, ip.daddr, at<"backends">),
            dnat(ip, tcp.dport, at<"forward">, nat_map_port)));
    const std::vector<std::pair<port, addr_port>> more{{port(9000), addr_port{"10.0.0.4", 9000}}};
    nftpp_test::golden(
        ruleset(replace(t), add_map_elements<"forward">(t, more), add_map_elements<"backends">(t, {{"203.0.113.9", "10.0.0.9"}}),
                delete_map_elements<"forward">(t, {8443})),
        "add table ip nat\ndelete table ip nat\n"
        "table ip nat {\n"
        "\tmap backends {\n\t\ttype ipv4_addr : ipv4_addr\n\t\telements = {\n"
        "\t\t\t203.0.113.1 : 10.0.0.1,\n\t\t\t203.0.113.2 : 10.0.0.2,\n\t\t\t203.0.113.3 : 10.0.0.3\n\t\t}\n\t}\n"
        "\tmap forward {\n\t\ttype inet_service : ipv4_addr . inet_service\n\t\tsize 1024\n\t\telements = {\n"
        "\t\t\t8080 : 10.0.0.2 . 80,\n\t\t\t8443 : 10.0.0.2 . 443\n\t\t}\n\t}\n"
        "\tchain pre {\n\t\ttype nat hook prerouting priority -100; policy accept;\n"
        "\t\tdnat ip to ip daddr map @backends\n\t\tdnat ip to tcp dport map @forward\n\t}\n}\n"
        "add element ip nat forward {\n\t9000 : 10.0.0.4 . 9000\n}\n"
        "add element ip nat backends {\n\t203.0.113.9 : 10.0.0.9\n}\n"
        "delete element ip nat forward {\n\t8443\n}\n");
    // a NAT map's entries are checked like any map's: one key, one translation
    backends.emplace_back(backends.front().first, ipv4_addr("10.9.9.9"));
    CHECK_THROWS_AS((data_map<"backends", ipv4_addr, ipv4_addr>(backends)), value_error);
    STATIC_REQUIRE(range_fits_map_v<decltype(t), "forward", std::vector<std::pair<port, addr_port>>>);
    STATIC_REQUIRE_FALSE(range_fits_map_v<decltype(t), "forward", std::vector<std::pair<port, ipv4_addr>>>);
}
