// SPDX-License-Identifier: Apache-2.0
// Map elements: add_map_elements / delete_map_elements on data maps and verdict maps,
// maps declared from run-time ranges, keys given two values, verdict maps' targets
// checked whether used or not, element commands with no elements, ranges of the wrong
// type — golden and loaded, each refusal beside the form that is accepted.
#include <algorithm>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

#include <nftpp/readback.hpp>

using namespace nftpp;
using nftpp_test::refusal_of;
namespace hana = boost::hana;
using nftpp::testing::scratch_netns;

namespace {
auto maps_table() {
    return table<family::inet>("m",
        set<"hosts", ipv4_addr>(),
        data_map<"marks", port, mark>({{22, 1}}),
        data_map<"nets", ipv4_addr, mark>(set_flag::interval | set_flag::timeout),
        verdict_map<"dispatch", port>(set_flag::interval, on(22, jump<"ssh">)),
        base_chain<"input", filter_chain(hook::input)>(
            tcp.dport >> vmap(at<"dispatch">),
            meta.mark.set(tcp.dport, at<"marks">),
            ct.mark.set(ip.saddr, at<"nets">)),
        chain<"ssh">(accept),
        chain<"web">(accept));
}
using maps_t = decltype(maps_table());


using web_or_ssh = std::variant<accept_t, drop_t, jump_t<"ssh">, jump_t<"web">>;
}  // namespace

TEST_CASE("map elements: key : value added, deleted by key, flushed", "[maps][elements][golden]") {
    const auto t = maps_table();
    const std::vector<std::pair<port, mark>> more{{port(8080), mark(3)}, {port(8443), mark(4)}};
    const std::vector<port> blocked{port(23), port(25)};
    const std::vector<std::pair<port, web_or_ssh>> routes{{port(80), jump<"web">}, {port(2222), jump<"ssh">}, {port(81), drop}};
    nftpp_test::golden(
        ruleset(replace(t),
                add_map_elements<"marks">(t, {{80, 2}, {443, 2}}),
                add_map_elements<"marks">(t, more),
                add_map_elements<"nets">(t, {{"10.0.0.0/8", 7}}, element_timeout(std::chrono::minutes(5)) | element_comment("lan")),
                add_map_elements<"dispatch">(t, on(443, jump<"web">), on(range<port>(6000, 6010), drop)),
                add_map_elements<"dispatch">(t, blocked, drop),
                add_map_elements<"dispatch">(t, routes),
                delete_map_elements<"marks">(t, {22}),
                delete_map_elements<"dispatch">(t, std::vector<port>{port(81)}),
                flush_set<"nets">(t)),
        render_text(replace(t)) +
            "add element inet m marks {\n\t80 : 0x00000002,\n\t443 : 0x00000002\n}\n"
            "add element inet m marks {\n\t8080 : 0x00000003,\n\t8443 : 0x00000004\n}\n"
            "add element inet m nets {\n\t10.0.0.0/8 timeout 5m comment \"lan\" : 0x00000007\n}\n"
            "add element inet m dispatch {\n\t443 : jump web,\n\t6000-6010 : drop\n}\n"
            "add element inet m dispatch {\n\t23 : drop,\n\t25 : drop\n}\n"
            "add element inet m dispatch {\n\t80 : jump web,\n\t2222 : jump ssh,\n\t81 : drop\n}\n"
            "delete element inet m marks {\n\t22\n}\n"
            "delete element inet m dispatch {\n\t81\n}\n"
            "flush map inet m nets\n");
}

TEST_CASE("map elements land in the kernel with their values", "[maps][elements][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = maps_table();
    scratch_netns ns("mapelems");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const std::vector<std::pair<port, web_or_ssh>> routes{{port(80), jump<"web">}, {port(81), accept}};
    const auto r = ex.apply(render(ruleset(replace(t), add_map_elements<"marks">(t, {{80, 2}}),
                                           add_map_elements<"dispatch">(t, routes),
                                           add_map_elements<"dispatch">(t, on(23, goto_<"ssh">)),
                                           delete_map_elements<"marks">(t, {22}))));
    INFO(r.describe());
    REQUIRE(r.ok());
    const auto marks = read_map<"marks">(ex, t);
    INFO(marks.error);
    REQUIRE(marks.ok());
    REQUIRE(marks.entries.size() == 1);
    CHECK(marks.entries[0].key == operand<port>(port(80)));
    CHECK(marks.entries[0].value == mark(2));
    CHECK(marks.counters.empty());
    const auto dispatch = read_map<"dispatch">(ex, t);
    INFO(dispatch.error);
    REQUIRE(dispatch.ok());
    std::vector<std::string> got;
    for (const auto& e : dispatch.entries) got.push_back(nftpp_test::node_text(e.key) + " : " + e.value);
    std::sort(got.begin(), got.end());
    CHECK(got == std::vector<std::string>{"22 : jump ssh", "23 : goto ssh", "80 : jump web", "81 : accept"});
    // one key given another value than the one loaded: the kernel refuses the batch ('File exists')
    const std::string before = ex.list_ruleset_json().out;
    const auto again = ex.apply(render(ruleset(add_map_elements<"marks">(t, {{90, 9}}), add_map_elements<"marks">(t, {{80, 3}}))));
    CHECK(again.kind == exec::outcome_kind::rejected);
    CHECK(ex.list_ruleset_json().out == before);
}

TEST_CASE("maps from run-time ranges: data maps, NAT-style maps, verdict maps", "[maps][golden]") {
    std::vector<std::pair<port, mark>> marks;
    for (std::uint16_t p = 1000; p < 1003; ++p) marks.emplace_back(port::from(p).value(), mark::from(p - 999).value());
    const std::vector<map_entry<ipv4_addr, ipv4_addr>> nat{{ipv4_addr("203.0.113.1"), ipv4_addr("10.0.0.1")}};
    const std::vector<ifname> lan{ifname("lan0"), ifname("lan1")};
    const std::vector<std::pair<port, web_or_ssh>> routes{{port(22), jump<"ssh">}, {port(80), jump<"web">}, {port(23), drop}};
    const auto t = table<family::inet>("r",
        data_map<"marks", port, mark>(set_size(16), marks),
        data_map<"backends", ipv4_addr, ipv4_addr>(nat),
        verdict_map<"lan", ifname>(set_flags{}, lan, jump<"ssh">),
        verdict_map<"routes", port>(routes),
        verdict_map<"none", port>(std::vector<port>{}, accept),
        base_chain<"input", filter_chain(hook::input)>(
            iifname >> vmap(at<"lan">),
            tcp.dport >> vmap(at<"routes">),
            meta.mark.set(tcp.dport, at<"marks">)),
        base_chain<"pre", nat_chain(hook::prerouting, -100)>(dnat(ip, ip.daddr, at<"backends">)),
        chain<"ssh">(accept),
        chain<"web">(accept));
    nftpp_test::golden(t,
        "table inet r {\n"
        "\tmap marks {\n\t\ttype inet_service : mark\n\t\tsize 16\n\t\telements = {\n"
        "\t\t\t1000 : 0x00000001,\n\t\t\t1001 : 0x00000002,\n\t\t\t1002 : 0x00000003\n\t\t}\n\t}\n"
        "\tmap backends {\n\t\ttype ipv4_addr : ipv4_addr\n\t\telements = {\n\t\t\t203.0.113.1 : 10.0.0.1\n\t\t}\n\t}\n"
        "\tmap lan {\n\t\ttype ifname : verdict\n\t\telements = {\n\t\t\t\"lan0\" : jump ssh,\n\t\t\t\"lan1\" : jump ssh\n\t\t}\n\t}\n"
        "\tmap routes {\n\t\ttype inet_service : verdict\n\t\telements = {\n"
        "\t\t\t22 : jump ssh,\n\t\t\t80 : jump web,\n\t\t\t23 : drop\n\t\t}\n\t}\n"
        "\tmap none {\n\t\ttype inet_service : verdict\n\t}\n"
        "\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
        "\t\tiifname vmap @lan\n\t\ttcp dport vmap @routes\n\t\tmeta mark set tcp dport map @marks\n\t}\n"
        "\tchain pre {\n\t\ttype nat hook prerouting priority -100; policy accept;\n"
        "\t\tdnat ip to ip daddr map @backends\n\t}\n"
        "\tchain ssh {\n\t\taccept\n\t}\n\tchain web {\n\t\taccept\n\t}\n}\n");
    // the types: every alternative of the variant is a possible target
    using routes_t = decltype(verdict_map<"routes", port>(routes));
    STATIC_REQUIRE(std::is_same_v<routes_t, dynamic_verdict_map_t<"routes", port, web_or_ssh>>);
    STATIC_REQUIRE(detail::set_static<routes_t>::desc.targets.size() == 2);
    STATIC_REQUIRE(detail::set_static<routes_t>::desc.kind == "vmap");
}

TEST_CASE("100 000 map entries render in one pass and load", "[maps][scale][netns]") {
    std::vector<std::pair<ipv4_addr, mark>> v;
    v.reserve(100000);
    for (std::uint32_t i = 0; i < 100000; ++i) v.emplace_back(ipv4_addr::from_bits(0x0a000001u + i), mark::from(i % 7).value());
    const auto t = table<family::inet>("big", data_map<"m", ipv4_addr, mark>(), base_chain<"input", filter_chain(hook::input)>(
                                                                                   meta.mark.set(ip.saddr, at<"m">)));
    const script s = render(ruleset(replace(t), add_map_elements<"m">(t, v)));
    CHECK(s.text().size() > 100000 * 20);
    REQUIRE_NOTHROW(data_map<"m", ipv4_addr, mark>(v));
    if (!nftpp_test::netns_usable()) return;
    scratch_netns ns("bigmap");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto r = ex.apply(s);
    INFO(r.describe());
    REQUIRE(r.ok());
    const auto back = read_map<"m">(ex, t);
    REQUIRE(back.ok());
    CHECK(back.entries.size() == 100000);
}

TEST_CASE("a key given two values is refused; the same key and value twice is a duplicate", "[maps][checks]") {
    const auto t = maps_table();
    // declarations
    CHECK(refusal_of([] { (void)data_map<"x", port, mark>({{22, 1}, {22, 2}}); }) == rules::a_map_gives_one_key_two_values.sentence);
    CHECK_NOTHROW(data_map<"x", port, mark>({{22, 1}, {22, 1}}));
    CHECK(refusal_of([] { (void)verdict_map<"x", port>(on(22, jump<"ssh">), on(22, jump<"web">)); }) ==
          rules::a_map_gives_one_key_two_values.sentence);
    CHECK_NOTHROW(verdict_map<"x", port>(on(22, jump<"ssh">), on(22, jump<"ssh">)));
    // the same key as an interval with two values, and two intervals that overlap
    CHECK(refusal_of([] { (void)data_map<"x", ipv4_addr, mark>(set_flag::interval, {{"10.0.0.0/8", 1}, {"10.0.0.0/8", 2}}); }) ==
          rules::a_map_gives_one_key_two_values.sentence);
    CHECK(refusal_of([] { (void)data_map<"x", ipv4_addr, mark>(set_flag::interval, {{"10.0.0.0/8", 1}, {"10.1.0.0/16", 1}}); }) ==
          rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge.sentence);
    // run-time ranges, sorted (not pairwise)
    std::vector<std::pair<port, mark>> pairs;
    for (std::uint16_t p = 1; p < 2000; ++p) pairs.emplace_back(port::from(p).value(), mark::from(p).value());
    pairs.emplace_back(port(1), mark(1));  // a duplicate
    CHECK_NOTHROW(data_map<"x", port, mark>(pairs));
    CHECK_NOTHROW(add_map_elements<"marks">(t, pairs));
    pairs.emplace_back(port(1999), mark(1));  // the same key, another value
    CHECK(refusal_of([&] { (void)data_map<"x", port, mark>(pairs); }) == rules::a_map_gives_one_key_two_values.sentence);
    CHECK(refusal_of([&] { (void)add_map_elements<"marks">(t, pairs); }) == rules::a_map_gives_one_key_two_values.sentence);
    const std::vector<std::pair<port, web_or_ssh>> routes{{port(22), jump<"ssh">}, {port(22), jump<"web">}};
    CHECK(refusal_of([&] { (void)verdict_map<"x", port>(routes); }) == rules::a_map_gives_one_key_two_values.sentence);
    CHECK(refusal_of([&] { (void)add_map_elements<"dispatch">(t, routes); }) == rules::a_map_gives_one_key_two_values.sentence);
    const std::vector<std::pair<port, web_or_ssh>> same{{port(22), jump<"ssh">}, {port(22), jump<"ssh">}};
    CHECK_NOTHROW(add_map_elements<"dispatch">(t, same));
    // one batch larger than the size; a timeout needs an expiring map; auto-merge is for sets
    const auto small = table<family::inet>("s", data_map<"m", port, mark>(set_size(1)));
    CHECK(refusal_of([&] { (void)add_map_elements<"m">(small, {{1, 1}, {2, 2}}); }) == rules::a_set_holds_at_most_its_set_size_elements.sentence);
    CHECK(refusal_of([&] { (void)add_map_elements<"marks">(t, {{1, 1}}, element_timeout(std::chrono::seconds(1))); }) ==
          rules::an_element_timeout_needs_a_set_with_set_flag_timeout_or_a_set_timeout.sentence);
    CHECK(refusal_of([] { (void)data_map<"x", ipv4_addr, mark>(set_flag::interval | set_flag::auto_merge); }) ==
          rules::set_flag_auto_merge_is_for_sets_not_maps.sentence);
}

// The same checks as values, in constant evaluation (what a constexpr map fails with).
namespace {
constexpr operand<port> twice_22[] = {port(22), port(22)};
constexpr operand<port> ports_22_80[] = {port(22), port(80)};
constexpr mark same_marks[] = {mark(1), mark(1)};
constexpr mark other_marks[] = {mark(1), mark(2)};
}  // namespace

TEST_CASE("map checks are constant expressions", "[maps][checks]") {
    using detail::map_entries_error;
    STATIC_REQUIRE(map_entries_error<port, mark>(set_flags{}, twice_22, same_marks, 2) == nullptr);
    STATIC_REQUIRE(map_entries_error<port, mark>(set_flags{}, twice_22, other_marks, 2) == &rules::a_map_gives_one_key_two_values);
    STATIC_REQUIRE(map_entries_error<port, mark>(set_flags{}, ports_22_80, other_marks, 2) == nullptr);
    STATIC_REQUIRE(map_entries_error<port, mark>(set_flag::interval, ports_22_80, other_marks, 2) == nullptr);
    STATIC_REQUIRE(map_entries_error<port, mark>(set_flag::interval | set_flag::auto_merge, ports_22_80, other_marks, 2) ==
                   &rules::set_flag_auto_merge_is_for_sets_not_maps);
    STATIC_REQUIRE(detail::set_elements_error<port>(set_flag::interval | set_flag::auto_merge, ports_22_80, 2) == nullptr);
    // constexpr maps: the accepted neighbours of the compile-fail cases
    // (tests/compile_fail/cases/map_key_with_two_values.cpp, auto_merge_on_a_map.cpp)
    constexpr auto dup = verdict_map<"v", port>(on(22, accept), on(22, accept), on(80, drop));
    STATIC_REQUIRE(std::tuple_size_v<decltype(dup.elements)> == 3);
    constexpr auto lit = data_map<"m", port, mark>({{22, 1}, {22, 1}});
    STATIC_REQUIRE(lit.elements.size() == 2);
    STATIC_REQUIRE(lit.elements[1].value == mark(1));
    constexpr auto nets = data_map<"n", ipv4_addr, mark>(set_flag::interval, {{"10.0.0.0/8", 1}, {"11.0.0.0/8", 1}});
    STATIC_REQUIRE(nets.elements.size() == 2);
}

// What an element command takes, by the kind of the name (the set form refuses a map and
// the map form a set, each with its named assertion: tests/compile_fail/cases/
// set_elements_of_a_map.cpp and map_elements_of_a_set.cpp).
TEST_CASE("element commands by the kind of the name", "[maps][elements][checks]") {
    STATIC_REQUIRE(set_kind_of_v<maps_t, "hosts"> == set_kind::set);
    STATIC_REQUIRE(set_kind_of_v<maps_t, "marks"> == set_kind::data_map);
    STATIC_REQUIRE(set_kind_of_v<maps_t, "dispatch"> == set_kind::verdict_map);
    STATIC_REQUIRE(set_kind_of_v<maps_t, "nowhere"> == set_kind::none);
    STATIC_REQUIRE(detail::set_command_fits_v<element_op::add, "hosts", maps_t>);
    STATIC_REQUIRE_FALSE(detail::set_command_fits_v<element_op::add, "marks", maps_t>);
    STATIC_REQUIRE_FALSE(detail::set_command_fits_v<element_op::remove, "dispatch", maps_t>);
    STATIC_REQUIRE(detail::set_command_fits_v<element_op::flush, "marks", maps_t>);  // flush map
    STATIC_REQUIRE_FALSE(detail::set_command_fits_v<element_op::flush, "nowhere", maps_t>);
    STATIC_REQUIRE(detail::map_command_fits_v<"marks", maps_t>);
    STATIC_REQUIRE(detail::map_command_fits_v<"dispatch", maps_t>);
    STATIC_REQUIRE_FALSE(detail::map_command_fits_v<"hosts", maps_t>);
    // run-time ranges (tests/compile_fail/cases/range_of_another_key_type.cpp, map_entries_of_another_type.cpp)
    STATIC_REQUIRE(range_fits_set_v<maps_t, "hosts", std::vector<ipv4_addr>>);
    STATIC_REQUIRE(range_fits_set_v<maps_t, "hosts", std::vector<ipv4_prefix>>);
    STATIC_REQUIRE(range_fits_set_v<maps_t, "hosts", std::vector<operand<ipv4_addr>>>);
    STATIC_REQUIRE_FALSE(range_fits_set_v<maps_t, "hosts", std::vector<ipv6_addr>>);
    STATIC_REQUIRE_FALSE(range_fits_set_v<maps_t, "hosts", std::vector<port>>);
    STATIC_REQUIRE(range_fits_map_v<maps_t, "marks", std::vector<std::pair<port, mark>>>);
    STATIC_REQUIRE(range_fits_map_v<maps_t, "marks", std::vector<map_entry<port, mark>>>);
    STATIC_REQUIRE(range_fits_map_v<maps_t, "marks", std::vector<std::tuple<range<port>, mark>>>);
    STATIC_REQUIRE_FALSE(range_fits_map_v<maps_t, "marks", std::vector<std::pair<port, ipv4_addr>>>);
    STATIC_REQUIRE_FALSE(range_fits_map_v<maps_t, "marks", std::vector<port>>);
    STATIC_REQUIRE(range_fits_map_v<maps_t, "dispatch", std::vector<std::pair<port, accept_t>>>);
    STATIC_REQUIRE(range_fits_map_v<maps_t, "dispatch", std::vector<std::pair<port, web_or_ssh>>>);
    STATIC_REQUIRE_FALSE(range_fits_map_v<maps_t, "dispatch", std::vector<std::pair<port, mark>>>);
    STATIC_REQUIRE_FALSE(
        range_fits_map_v<maps_t, "dispatch", std::vector<std::pair<port, std::variant<accept_t, reject_t<reject_kind::plain>>>>>);
    STATIC_REQUIRE_FALSE(range_fits_map_v<maps_t, "hosts", std::vector<std::pair<ipv4_addr, mark>>>);
}

namespace {
template <class Chains, class Sets>
constexpr const rule* verdict_of = table_verdict_v<family::inet, Chains, Sets>.broken;
using ssh = chain_t<"ssh", regular_spec, hana::tuple<rule_t<accept_t>>>;
using input = chain_t<"input", filter_chain(hook::input), hana::tuple<>>;
using masq = chain_t<"ssh", regular_spec, hana::tuple<rule_t<masquerade_t<false>>>>;
using uses_dispatch = chain_t<"input", filter_chain(hook::input), hana::tuple<rule_t<vmap_ref_stmt_t<tcp_dport_t, "dispatch">>>>;
}  // namespace

TEST_CASE("a verdict map's targets are checked whether a rule uses it or not", "[maps][checks]") {
    // no rule uses the map: the kernel still resolves its targets when it loads it
    // (tests/compile_fail/cases/unused_verdict_map_to_a_missing_chain.cpp)
    STATIC_REQUIRE(verdict_of<hana::tuple<input, ssh>, hana::tuple<verdict_map_t<"dispatch", port, jump_t<"ssh">>>> == nullptr);
    STATIC_REQUIRE(verdict_of<hana::tuple<input>, hana::tuple<verdict_map_t<"dispatch", port, jump_t<"ssh">>>> == &rules::jump_target_exists);
    STATIC_REQUIRE(verdict_of<hana::tuple<input, ssh>, hana::tuple<verdict_map_t<"dispatch", port, goto_t<"input">>>> == &rules::no_jump_to_base_chain);
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<input>, hana::tuple<verdict_map_t<"dispatch", port, jump_t<"ssh">>>>.first ==
                   "dispatch");
    // a map filled at run time: every alternative of its variant
    STATIC_REQUIRE(verdict_of<hana::tuple<input, ssh>,
                              hana::tuple<dynamic_verdict_map_t<"dispatch", port, std::variant<accept_t, jump_t<"ssh">>>>> == nullptr);
    STATIC_REQUIRE(verdict_of<hana::tuple<input, ssh>, hana::tuple<dynamic_verdict_map_t<"dispatch", port, web_or_ssh>>> ==
                   &rules::jump_target_exists);
    // a verdict map a rule uses: the hook rules hold through its jumps (a masquerade in a filter chain)
    STATIC_REQUIRE(verdict_of<hana::tuple<input, masq>, hana::tuple<verdict_map_t<"dispatch", port, jump_t<"ssh">>>> == nullptr);
    STATIC_REQUIRE(verdict_of<hana::tuple<uses_dispatch, masq>, hana::tuple<verdict_map_t<"dispatch", port, jump_t<"ssh">>>> ==
                   &rules::masquerade_in_nat_postrouting);
    // elements added later join the graph like the declared ones (add_map_elements;
    // tests/compile_fail/cases/verdict_map_element_to_a_missing_chain.cpp)
    using added = detail::sets_with_verdicts<"dispatch", hana::tuple<verdict_map_t<"dispatch", port>>, jump_t<"ssh">>::type;
    STATIC_REQUIRE(verdict_of<hana::tuple<input, ssh>, added> == nullptr);
    STATIC_REQUIRE(verdict_of<hana::tuple<input>, added> == &rules::jump_target_exists);
    STATIC_REQUIRE(verdict_of<hana::tuple<uses_dispatch, masq>, added> == &rules::masquerade_in_nat_postrouting);
}

TEST_CASE("an element command without elements renders nothing, and the script loads", "[sets][elements][golden]") {
    const auto t = maps_table();
    const std::vector<ipv4_addr> none;
    const std::vector<std::pair<port, mark>> no_pairs;
    const std::vector<port> no_ports;
    nftpp_test::golden(ruleset(replace(t), add_elements<"hosts">(t, none), delete_elements<"hosts">(t, none),
                               add_map_elements<"marks">(t, no_pairs), add_map_elements<"dispatch">(t, no_ports, drop),
                               delete_map_elements<"marks">(t, no_ports), add_map_elements<"marks">(t, {}),
                               add_elements<"hosts">(t, {"192.0.2.1"})),
                       render_text(replace(t)) + "add element inet m hosts {\n\t192.0.2.1\n}\n");
    // a script of nothing but empty commands is empty, and loads
    nftpp_test::golden(ruleset(add_elements<"hosts">(t, none), delete_map_elements<"dispatch">(t, no_ports)), "");
}
