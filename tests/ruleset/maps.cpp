// SPDX-License-Identifier: Apache-2.0
// Named maps: data maps and verdict maps, golden and loaded; their uses checked by kind,
// key and value; a verdict map's jumps followed by the graph and hook checks.
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
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_marks>, hana::tuple<data_map_t<"marks", port, ipv4_addr>>> == &rules::set_key_matches_selector);
    STATIC_REQUIRE(verdict_of<family::inet, hana::tuple<in_marks>, hana::tuple<set_t<"marks", port, no_elements_t>>> == &rules::map_kind_matches_use);
}
