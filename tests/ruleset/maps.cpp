// SPDX-License-Identifier: Apache-2.0
// Named maps: data maps and verdict maps, golden and loaded; their uses checked by kind,
// key and value; a verdict map's jumps followed by the graph and hook checks.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
namespace hana = boost::hana;

TEST_CASE("data maps and verdict maps", "[maps][golden]") {
    const auto t = table<family::inet>("m",
        data_map<"marks", port, mark>({{22, 1}, {80, 2}}),
        data_map<"nets", ipv4_addr, mark>(set_flag::interval, {{"10.0.0.0/8", 7}}),
        verdict_map<"dispatch", port>(on(22, jump<"ssh">), on(80, accept), on(81, drop)),
        base_chain<"input", filter_chain(hook::input)>(
            tcp.dport >> vmap(at<"dispatch">),
            meta.mark.set(tcp.dport, at<"marks">),
            ct.mark.set(ip.saddr, at<"nets">)),
        chain<"ssh">(accept));
    nftpp_test::golden(t,
        "table inet m {\n"
        "\tmap marks {\n\t\ttype inet_service : mark\n\t\telements = {\n\t\t\t22 : 0x00000001,\n\t\t\t80 : 0x00000002\n\t\t}\n\t}\n"
        "\tmap nets {\n\t\ttype ipv4_addr : mark\n\t\tflags interval\n\t\telements = {\n\t\t\t10.0.0.0/8 : 0x00000007\n\t\t}\n\t}\n"
        "\tmap dispatch {\n\t\ttype inet_service : verdict\n\t\telements = {\n\t\t\t22 : jump ssh,\n\t\t\t80 : accept,\n\t\t\t81 : drop\n\t\t}\n\t}\n"
        "\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
        "\t\ttcp dport vmap @dispatch\n\t\tmeta mark set tcp dport map @marks\n\t\tct mark set ip saddr map @nets\n\t}\n"
        "\tchain ssh {\n\t\taccept\n\t}\n}\n");
    const auto empty = table<family::ip>("e", verdict_map<"v", ipv4_addr>(), data_map<"d", port, mark>({}));
    nftpp_test::golden(empty, "table ip e {\n\tmap v {\n\t\ttype ipv4_addr : verdict\n\t}\n\tmap d {\n\t\ttype inet_service : mark\n\t}\n}\n");
    CHECK_THROWS_AS((data_map<"x", ipv4_addr, mark>({{"10.0.0.0/8", 1}})), value_error);  // prefix needs interval
}

namespace {
constexpr auto input = filter_chain(hook::input);
template <family F, class Chains, class Sets>
constexpr const rule* verdict_of = table_verdict_v<F, Chains, Sets>.broken;
using uses_vmap = rule_t<vmap_ref_stmt_t<tcp_dport_t, "dispatch">>;
using uses_marks = rule_t<mark_set_map_t<false, tcp_dport_t, "marks">>;
using to_ssh = verdict_map_t<"dispatch", port, jump_t<"ssh">>;
using ssh = chain_t<"ssh", regular_spec, hana::tuple<rule_t<accept_t>>>;
using masq = chain_t<"ssh", regular_spec, hana::tuple<rule_t<masquerade_t<false>>>>;
using in_vmap = chain_t<"input", input, hana::tuple<uses_vmap>>;
using in_marks = chain_t<"input", input, hana::tuple<uses_marks>>;
}  // namespace

TEST_CASE("map uses are checked by kind, key and value; vmap jumps are followed", "[maps][checks]") {
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_vmap, ssh>, hana::tuple<to_ssh>> == nullptr);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_vmap, ssh>, hana::tuple<>> == &rules::set_exists);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_vmap>, hana::tuple<to_ssh>> == &rules::jump_target_exists);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_vmap, masq>, hana::tuple<to_ssh>> == &rules::masquerade_in_nat_postrouting);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_vmap, ssh>, hana::tuple<verdict_map_t<"dispatch", ipv4_addr>>> == &rules::set_key_matches_selector);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_vmap, ssh>, hana::tuple<data_map_t<"dispatch", port, mark>>> == &rules::map_kind_matches_use);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_marks>, hana::tuple<data_map_t<"marks", port, mark>>> == nullptr);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_marks>, hana::tuple<data_map_t<"marks", port, ipv4_addr>>> == &rules::map_value_matches_use);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_marks>, hana::tuple<data_map_t<"marks", ipv4_addr, mark>>> == &rules::set_key_matches_selector);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_marks>, hana::tuple<set_t<"marks", port, no_elements_t>>> == &rules::map_kind_matches_use);
}

// A map filled from a configuration file: its pairs hold numbers or text, which the map's
// datatypes check when the map is made (value_error), as they check literals at compile time.
TEST_CASE("maps from run-time pairs of numbers and text", "[maps][runtime]") {
    const std::vector<std::pair<int, int>> marks{{22, 1}, {80, 2}};
    const std::vector<std::pair<std::string, std::string>> backends{{"203.0.113.1", "10.0.0.1"}};
    const std::vector<std::pair<std::uint16_t, accept_t>> open{{443, accept}};
    const std::vector<int> lan_ports{8080, 8443};
    const auto t = table<family::inet>("cfg",
        data_map<"marks", port, mark>(marks),
        data_map<"backends", ipv4_addr, ipv4_addr>(backends),
        verdict_map<"open", port>(open),
        verdict_map<"lan", port>(set_flags{}, lan_ports, drop),
        base_chain<"input", filter_chain(hook::input)>(meta.mark.set(tcp.dport, at<"marks">), tcp.dport >> vmap(at<"open">),
                                                       udp.dport >> vmap(at<"lan">)),
        base_chain<"pre", nat_chain(hook::prerouting, prio::dstnat)>(dnat(ip, ip.daddr, at<"backends">)));
    nftpp_test::golden(t,
        "table inet cfg {\n"
        "\tmap marks {\n\t\ttype inet_service : mark\n\t\telements = {\n\t\t\t22 : 0x00000001,\n\t\t\t80 : 0x00000002\n\t\t}\n\t}\n"
        "\tmap backends {\n\t\ttype ipv4_addr : ipv4_addr\n\t\telements = {\n\t\t\t203.0.113.1 : 10.0.0.1\n\t\t}\n\t}\n"
        "\tmap open {\n\t\ttype inet_service : verdict\n\t\telements = {\n\t\t\t443 : accept\n\t\t}\n\t}\n"
        "\tmap lan {\n\t\ttype inet_service : verdict\n\t\telements = {\n\t\t\t8080 : drop,\n\t\t\t8443 : drop\n\t\t}\n\t}\n"
        "\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
        "\t\tmeta mark set tcp dport map @marks\n\t\ttcp dport vmap @open\n\t\tudp dport vmap @lan\n\t}\n"
        "\tchain pre {\n\t\ttype nat hook prerouting priority -100; policy accept;\n\t\tdnat ip to ip daddr map @backends\n\t}\n}\n");
    // each part checked by its datatype's rule
    using nftpp_test::refusal_of;
    const std::vector<std::pair<int, int>> bad_port{{70000, 1}};
    CHECK(refusal_of([&] { (void)data_map<"m", port, mark>(bad_port); }) == rules::a_port_is_a_number_from_0_to_65535.sentence);
    const std::vector<std::pair<std::string, std::string>> bad_addr{{"10.0.0.300", "10.0.0.1"}};
    CHECK(refusal_of([&] { (void)data_map<"m", ipv4_addr, ipv4_addr>(bad_addr); }) ==
          rules::an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots.sentence);
    const std::vector<std::pair<int, accept_t>> bad_key{{-1, accept}};
    CHECK(refusal_of([&] { (void)verdict_map<"m", port>(bad_key); }) == rules::a_port_is_a_number_from_0_to_65535.sentence);
    // what a datatype takes: numbers for numbers, text for what parses text; not the other way
    STATIC_REQUIRE(detail::MapEntryRangeOf<std::vector<std::pair<int, int>>, port, mark>);
    STATIC_REQUIRE(detail::MapEntryRangeOf<std::vector<std::pair<std::string, int>>, port, mark>);
    STATIC_REQUIRE(detail::MapEntryRangeOf<std::vector<std::pair<const char*, std::string>>, ipv4_addr, ipv4_addr>);
    STATIC_REQUIRE_FALSE(detail::MapEntryRangeOf<std::vector<std::pair<int, int>>, ipv4_addr, mark>);
    STATIC_REQUIRE_FALSE(detail::MapEntryRangeOf<std::vector<std::pair<port, std::string>>, port, concat_key<ipv4_addr, port>>);
    STATIC_REQUIRE(detail::VerdictEntryRangeOf<std::vector<std::pair<int, drop_t>>, port>);
    STATIC_REQUIRE_FALSE(detail::VerdictEntryRangeOf<std::vector<std::pair<int, drop_t>>, ipv6_addr>);
}
