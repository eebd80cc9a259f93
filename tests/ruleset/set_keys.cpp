// SPDX-License-Identifier: Apache-2.0
// Sets of every key datatype nftpp offers (ifname with and without wildcards, ether_addr,
// inet_proto, mark, uid, gid, ct_state, concatenations with an ifname): golden, loaded,
// read back as the same typed values; interface-name wildcards need set_flag::interval
// (statically for constant sets, when bound otherwise, the same sentence), and a wildcard
// overlaps the names it covers.
#include <algorithm>
#include <string>
#include <vector>

#include "golden.hpp"

#include <nftpp/readback.hpp>

using namespace nftpp;
using nftpp_test::refusal_of;
using nftpp::testing::scratch_netns;

namespace {

auto keys_table() {
    return table<family::inet>("k",
        set<"ifs", ifname>({"lo", "eth0"}),
        set<"wild", ifname>(set_flag::interval, {"veth*", "lo", "tap1"}),
        set<"macs", ether_addr>({"00:11:22:33:44:55", "02:00:00:00:00:0A"}),
        set<"protos", l4proto>({l4proto::tcp, l4proto::udp, l4proto::icmpv6, 132}),
        set<"marks", mark>({1, 0x10}),
        set<"users", uid>({0, 1000}),
        set<"groups", gid>(set_flag::interval, {range<gid>(100, 199), 0}),
        set<"states", ct_state>({established, related}),
        set<"pairs", concat_key<ifname, ipv4_addr>>(set_flag::interval, {{"veth*", "10.0.0.1"}, {"lo", "10.0.0.2"}}),
        base_chain<"input", filter_chain(hook::input)>(
            iifname == at<"ifs"> >> accept,
            iifname == at<"wild"> >> accept,
            meta.l4proto == at<"protos"> >> accept,
            meta.mark == at<"marks"> >> accept,
            ct.state == at<"states"> >> accept,
            concat(iifname, ip.saddr) == at<"pairs"> >> accept),
        base_chain<"output", filter_chain(hook::output)>(
            meta.skuid == at<"users"> >> accept,
            meta.skgid != at<"groups"> >> accept,
            oifname != at<"wild"> >> drop));
}

template <class Key>
std::vector<std::string> texts(const std::vector<operand<Key>>& xs) {
    std::vector<std::string> out;
    for (const auto& x : xs) out.push_back(nftpp_test::node_text(x));
    std::sort(out.begin(), out.end());
    return out;
}
}  // namespace

TEST_CASE("sets of every key datatype", "[sets][keys][golden]") {
    nftpp_test::golden(keys_table(),
        "table inet k {\n"
        "\tset ifs {\n\t\ttype ifname\n\t\telements = {\n\t\t\t\"lo\",\n\t\t\t\"eth0\"\n\t\t}\n\t}\n"
        "\tset wild {\n\t\ttype ifname\n\t\tflags interval\n\t\telements = {\n\t\t\t\"veth*\",\n\t\t\t\"lo\",\n\t\t\t\"tap1\"\n\t\t}\n\t}\n"
        "\tset macs {\n\t\ttype ether_addr\n\t\telements = {\n\t\t\t00:11:22:33:44:55,\n\t\t\t02:00:00:00:00:0a\n\t\t}\n\t}\n"
        "\tset protos {\n\t\ttype inet_proto\n\t\telements = {\n\t\t\ttcp,\n\t\t\tudp,\n\t\t\tipv6-icmp,\n\t\t\tsctp\n\t\t}\n\t}\n"
        "\tset marks {\n\t\ttype mark\n\t\telements = {\n\t\t\t0x00000001,\n\t\t\t0x00000010\n\t\t}\n\t}\n"
        "\tset users {\n\t\ttype uid\n\t\telements = {\n\t\t\t0,\n\t\t\t1000\n\t\t}\n\t}\n"
        "\tset groups {\n\t\ttype gid\n\t\tflags interval\n\t\telements = {\n\t\t\t100-199,\n\t\t\t0\n\t\t}\n\t}\n"
        "\tset states {\n\t\ttype ct_state\n\t\telements = {\n\t\t\testablished,\n\t\t\trelated\n\t\t}\n\t}\n"
        "\tset pairs {\n\t\ttype ifname . ipv4_addr\n\t\tflags interval\n\t\telements = {\n"
        "\t\t\t\"veth*\" . 10.0.0.1,\n\t\t\t\"lo\" . 10.0.0.2\n\t\t}\n\t}\n"
        "\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
        "\t\tiifname @ifs accept\n\t\tiifname @wild accept\n\t\tmeta l4proto @protos accept\n"
        "\t\tmeta mark @marks accept\n\t\tct state @states accept\n\t\tiifname . ip saddr @pairs accept\n\t}\n"
        "\tchain output {\n\t\ttype filter hook output priority 0; policy accept;\n"
        "\t\tmeta skuid @users accept\n\t\tmeta skgid != @groups accept\n\t\toifname != @wild drop\n\t}\n"
        "}\n");
}

TEST_CASE("element commands of every key datatype", "[sets][keys][golden]") {
    const auto t = keys_table();
    const std::vector<ifname> more_ifs{ifname("wg0")};
    const std::vector<l4proto> protos{l4proto::gre};
    nftpp_test::golden(ruleset(replace(t), add_elements<"ifs">(t, more_ifs), add_elements<"wild">(t, {"br-*"}),
                               add_elements<"macs">(t, {"aa:bb:cc:dd:ee:ff"}), add_elements<"protos">(t, protos),
                               add_elements<"marks">(t, {0xff}), add_elements<"users">(t, {65534}),
                               add_elements<"groups">(t, {range<gid>(200, 299)}), add_elements<"states">(t, {new_}),
                               add_elements<"pairs">(t, {{"tap*", "10.0.0.3"}}), delete_elements<"wild">(t, {"tap1"}),
                               delete_elements<"states">(t, {related})),
                       render_text(replace(t)) +
                           "add element inet k ifs {\n\t\"wg0\"\n}\n"
                           "add element inet k wild {\n\t\"br-*\"\n}\n"
                           "add element inet k macs {\n\taa:bb:cc:dd:ee:ff\n}\n"
                           "add element inet k protos {\n\tgre\n}\n"
                           "add element inet k marks {\n\t0x000000ff\n}\n"
                           "add element inet k users {\n\t65534\n}\n"
                           "add element inet k groups {\n\t200-299\n}\n"
                           "add element inet k states {\n\tnew\n}\n"
                           "add element inet k pairs {\n\t\"tap*\" . 10.0.0.3\n}\n"
                           "delete element inet k wild {\n\t\"tap1\"\n}\n"
                           "delete element inet k states {\n\trelated\n}\n");
}

TEST_CASE("sets of every key datatype read back as the same values", "[sets][keys][readback][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = keys_table();
    scratch_netns ns("setkeys");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto r = ex.apply(render(ruleset(replace(t))));
    INFO(r.describe());
    REQUIRE(r.ok());
    auto same = [&](const auto& back, std::vector<std::string> expected) {
        INFO(back.error);
        REQUIRE(back.ok());
        std::sort(expected.begin(), expected.end());
        CHECK(texts(back.elements) == expected);
    };
    same(read_set<"ifs">(ex, t), {"\"lo\"", "\"eth0\""});
    same(read_set<"wild">(ex, t), {"\"veth*\"", "\"lo\"", "\"tap1\""});
    same(read_set<"macs">(ex, t), {"00:11:22:33:44:55", "02:00:00:00:00:0a"});
    same(read_set<"protos">(ex, t), {"tcp", "udp", "ipv6-icmp", "sctp"});
    same(read_set<"marks">(ex, t), {"0x00000001", "0x00000010"});
    same(read_set<"users">(ex, t), {"0", "1000"});
    same(read_set<"groups">(ex, t), {"100-199", "0"});
    same(read_set<"states">(ex, t), {"established", "related"});
    same(read_set<"pairs">(ex, t), {"\"veth*\" . 10.0.0.1", "\"lo\" . 10.0.0.2"});
}

// The checks as values: a wildcard is an interval, and a wildcard overlaps what it covers.
namespace {
constexpr operand<ifname> wild_and_lo[] = {ifname("veth*"), ifname("lo")};
constexpr operand<ifname> covered[] = {ifname("veth*"), ifname("veth0")};
constexpr operand<ifname> stem[] = {ifname("veth"), ifname("veth*")};
constexpr operand<ifname> nested[] = {ifname("ve*"), ifname("veth*")};
constexpr operand<ifname> apart[] = {ifname("veth*"), ifname("vet"), ifname("vf0"), ifname("veth*")};
constexpr operand<concat_key<ifname, ipv4_addr>> wild_pair[] = {{"veth*", "10.0.0.1"}};
constexpr operand<concat_key<ifname, ipv4_addr>> plain_pair[] = {{"veth0", "10.0.0.1"}};
}  // namespace

TEST_CASE("an interface-name wildcard needs set_flag::interval", "[sets][keys][checks]") {
    using detail::set_elements_error;
    // (tests/compile_fail/cases/interface_wildcard_without_interval.cpp)
    STATIC_REQUIRE(set_elements_error<ifname>(set_flags{}, wild_and_lo, 2) == &rules::a_set_with_interface_name_wildcards_needs_set_flag_interval);
    STATIC_REQUIRE(set_elements_error<ifname>(set_flag::interval, wild_and_lo, 2) == nullptr);
    STATIC_REQUIRE(set_elements_error<concat_key<ifname, ipv4_addr>>(set_flags{}, wild_pair, 1) ==
                   &rules::a_set_with_interface_name_wildcards_needs_set_flag_interval);
    STATIC_REQUIRE(set_elements_error<concat_key<ifname, ipv4_addr>>(set_flag::interval, wild_pair, 1) == nullptr);
    STATIC_REQUIRE(set_elements_error<concat_key<ifname, ipv4_addr>>(set_flags{}, plain_pair, 1) == nullptr);
    // a wildcard covers its stem, the names it prefixes and longer wildcards (nft: conflicting intervals)
    STATIC_REQUIRE(set_elements_error<ifname>(set_flag::interval, covered, 2) ==
                   &rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge);
    STATIC_REQUIRE(set_elements_error<ifname>(set_flag::interval, stem, 2) ==
                   &rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge);
    STATIC_REQUIRE(set_elements_error<ifname>(set_flag::interval, nested, 2) ==
                   &rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge);
    STATIC_REQUIRE(set_elements_error<ifname>(set_flag::interval | set_flag::auto_merge, covered, 2) == nullptr);
    STATIC_REQUIRE(set_elements_error<ifname>(set_flag::interval, apart, 4) == nullptr);  // and a duplicate

    // at run time: the same sentence, for sets, maps and element commands
    const std::vector<ifname> names{ifname::parse("lo").value(), ifname::parse("veth*").value()};
    const auto wildcard = rules::a_set_with_interface_name_wildcards_needs_set_flag_interval.sentence;
    CHECK(refusal_of([&] { (void)set<"s", ifname>(set_flags{}, names); }) == wildcard);
    CHECK_NOTHROW(set<"s", ifname>(set_flag::interval, names));
    CHECK(refusal_of([&] { (void)verdict_map<"v", ifname>(set_flags{}, names, accept); }) == wildcard);
    CHECK_NOTHROW(verdict_map<"v", ifname>(set_flag::interval, names, accept));
    std::vector<std::pair<ifname, mark>> marks{{ifname::parse("tap*").value(), mark(1)}};
    CHECK(refusal_of([&] { (void)data_map<"d", ifname, mark>(marks); }) == wildcard);
    CHECK_NOTHROW(data_map<"d", ifname, mark>(set_flag::interval, marks));
    const auto t = keys_table();
    CHECK(refusal_of([&] { (void)add_elements<"ifs">(t, names); }) == wildcard);
    CHECK(refusal_of([&] { (void)add_elements<"ifs">(t, {"wg*"}); }) == wildcard);
    CHECK(refusal_of([&] { (void)delete_elements<"ifs">(t, names); }) == wildcard);
    CHECK_NOTHROW(add_elements<"wild">(t, {"wg*"}));
    const std::vector<concat_key<ifname, ipv4_addr>> pairs{{ifname::parse("veth*").value(), ipv4_addr("10.0.0.9")}};
    CHECK(refusal_of([&] { (void)set<"p", concat_key<ifname, ipv4_addr>>(set_flags{}, pairs); }) == wildcard);
    CHECK_NOTHROW(add_elements<"pairs">(t, pairs));
    // overlaps at run time, sorted: many names and one wildcard that covers one of them
    std::vector<ifname> many;
    for (int i = 0; i < 500; ++i) many.push_back(ifname::parse("eth" + std::to_string(i)).value());
    many.push_back(ifname::parse("veth*").value());
    CHECK_NOTHROW(set<"s", ifname>(set_flag::interval, many));
    many.push_back(ifname::parse("eth4*").value());  // covers eth4, eth40 ... eth499
    CHECK(refusal_of([&] { (void)set<"s", ifname>(set_flag::interval, many); }) ==
          rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge.sentence);
    CHECK_NOTHROW(set<"s", ifname>(set_flag::interval | set_flag::auto_merge, many));
    std::vector<ifname> stem_then_wildcard{ifname::parse("veth").value(), ifname::parse("veth*").value()};
    CHECK_THROWS_AS((set<"s", ifname>(set_flag::interval, stem_then_wildcard)), value_error);
}

TEST_CASE("the kernel agrees on wildcards", "[sets][keys][netns]") {
    if (!nftpp_test::netns_usable()) return;
    // what nftpp refuses, nft refuses: the sentences above stand for these kernel answers
    scratch_netns ns("wildcards");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto refused = [&](std::string_view text) {
        const auto r = ex.apply(script(std::string(text)));
        INFO(text << "\n" << r.describe());
        CHECK(r.kind == exec::outcome_kind::rejected);
    };
    refused("table inet w {\n\tset s {\n\t\ttype ifname\n\t\telements = { \"veth*\" }\n\t}\n}\n");
    refused("table inet w {\n\tset s {\n\t\ttype ifname . ipv4_addr\n\t\telements = { \"veth*\" . 10.0.0.1 }\n\t}\n}\n");
    refused("table inet w {\n\tset s {\n\t\ttype ifname\n\t\tflags interval\n\t\telements = { \"veth*\", \"veth0\" }\n\t}\n}\n");
    refused("table inet w {\n\tset s {\n\t\ttype ifname\n\t\tflags interval\n\t\telements = { \"veth*\", \"veth\" }\n\t}\n}\n");
    // what nftpp accepts loads (auto-merge keeps the wildcard)
    const auto t = table<family::inet>("w", set<"s", ifname>(set_flag::interval | set_flag::auto_merge, {"veth*", "veth0", "lo"}));
    const auto r = ex.apply(render(ruleset(replace(t))));
    INFO(r.describe());
    REQUIRE(r.ok());
    const auto back = read_set<"s">(ex, t);
    REQUIRE(back.ok());
    CHECK(texts(back.elements) == std::vector<std::string>{"\"lo\"", "\"veth*\""});
}
