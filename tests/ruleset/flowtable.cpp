// SPDX-License-Identifier: Apache-2.0
// Flowtables and flow_add (ruleset/flowtable.hpp, stmt/flow_add.hpp): golden renderings;
// their family, hook, reference and device rules beside valid neighbours (also through a
// jump and at run time); name spaces of table objects; and the probed feature: where the
// kernel has flowtables the table loads, where it lacks them (as this project's CI kernel
// does) nft parses the script and the kernel refuses exactly the flowtable and the flow
// statement ("No such file or directory"), and apply_with_probes leaves both out, reports
// them and loads the rest.
#include <string>
#include <vector>

#include <boost/hana/tuple.hpp>

#include <nftpp/apply.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::refusal_of;
namespace hana = boost::hana;

namespace {
#define RULE(...) decltype(as_rule(__VA_ARGS__))
constexpr auto forward = filter_chain(hook::forward);
template <class T>
constexpr const rule* table_error = table_verdict_v<T::table_family, typename T::chains_type, typename T::sets_type>.broken;

auto offload_table() {
    return table<family::inet>(
        "fw", flowtable<"ft">({"lo"}),
        flowtable<"fast">({"lo"}, {.priority = -100, .counter = true}),
        base_chain<"pass", forward>(policy::drop, optional_rule(meta.l4proto.in({tcp, udp}) >> flow_add<"ft">),
                                   ct.state == (established | related) >> accept, jump<"more">),
        chain<"more">(optional_rule(ip.protocol == tcp >> flow_add<"fast"> >> counter)));
}
}  // namespace

TEST_CASE("flowtables and flow_add render as nft writes them", "[ruleset][flowtable][golden]") {
    const std::string expected =
        "table inet fw {\n"
        "\tflowtable ft {\n\t\thook ingress priority 0\n\t\tdevices = { \"lo\" }\n\t}\n"
        "\tflowtable fast {\n\t\thook ingress priority -100\n\t\tdevices = { \"lo\" }\n\t\tcounter\n\t}\n"
        "\tchain pass {\n\t\ttype filter hook forward priority 0; policy drop;\n"
        "\t\tmeta l4proto { tcp, udp } flow add @ft\n"
        "\t\tct state established,related accept\n"
        "\t\tjump more\n\t}\n"
        "\tchain more {\n\t\tip protocol tcp flow add @fast counter\n\t}\n"
        "}\n";
    NFTPP_CHECK_TEXT(render_text(offload_table()), expected);
    CHECK(to_nft_text(flow_add<"ft">) == "flow add @ft");
    const auto two = flowtable<"t2">({"eth0", "veth1"}, {.priority = 10, .offload = true});
    CHECK(to_nft_text(two) == "flowtable t2 {\n\t\thook ingress priority 10\n\t\tdevices = { \"eth0\", \"veth1\" }\n"
                              "\t\tflags offload\n\t}");
    // devices from data, and none (hooked later)
    const std::vector<ifname> names{ifname::parse("veth0").value(), ifname::parse("vm-tap.1").value()};
    CHECK(to_nft_text(flowtable<"d">(names)) == "flowtable d {\n\t\thook ingress priority 0\n\t\tdevices = { \"veth0\", \"vm-tap.1\" }\n\t}");
    CHECK(to_nft_text(flowtable<"e">(std::vector<ifname>{})) == "flowtable e {\n\t\thook ingress priority 0\n\t}");
    // a constant table renders at compile time
    static constexpr auto ct_table = table<family::ip>("c", flowtable<"f">({"lo"}), base_chain<"f", forward>(flow_add<"f">));
    STATIC_REQUIRE(rendered_size(ct_table) > 0);
}

TEST_CASE("flowtable and flow_add rules, each beside a valid neighbour", "[ruleset][flowtable][checks]") {
    using good = decltype(table<family::inet>("t", flowtable<"ft">({"lo"}), base_chain<"f", forward>(flow_add<"ft">)));
    STATIC_REQUIRE(table_error<good> == nullptr);
    using good_ip6 = decltype(table<family::ip6>("t", flowtable<"ft">({"lo"}), base_chain<"f", forward>(flow_add<"ft">)));
    STATIC_REQUIRE(table_error<good_ip6> == nullptr);
    // the flowtable must be there, and be a flowtable
    using none = chain_t<"f", forward, hana::tuple<RULE(flow_add<"ft">)>>;
    STATIC_REQUIRE(table_verdict_of<family::inet, none>().broken == &rules::flowtable_exists);
    using ft_t = flowtable_t<"ft", std::array<ifname, 1>>;
    using fwd_ft = chain_t<"f", forward, hana::tuple<RULE(flow_add<"ft">)>>;
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<fwd_ft>, hana::tuple<ft_t>>.broken == nullptr);
    using a_set = decltype(set<"ft", ipv4_addr>());
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<fwd_ft>, hana::tuple<a_set>>.broken == &rules::flowtable_exists);
    // only on forward, also through a jump
    using on_input = chain_t<"i", filter_chain(hook::input), hana::tuple<RULE(flow_add<"ft">)>>;
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<on_input>, hana::tuple<ft_t>>.broken == &rules::flow_add_only_on_forward);
    using out_jump = chain_t<"o", filter_chain(hook::output), hana::tuple<RULE(jump<"x">)>>;
    using fwd_jump = chain_t<"f", forward, hana::tuple<RULE(jump<"x">)>>;
    using x_chain = chain_t<"x", regular_spec, hana::tuple<RULE(flow_add<"ft">)>>;
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<out_jump, x_chain>, hana::tuple<ft_t>>.broken ==
                   &rules::flow_add_only_on_forward);
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<fwd_jump, x_chain>, hana::tuple<ft_t>>.broken == nullptr);
    // families: the statement, and the flowtable itself
    using bridge_rule = chain_t<"f", forward, hana::tuple<RULE(flow_add<"ft">)>>;
    STATIC_REQUIRE(table_verdict_of<family::bridge, bridge_rule>().broken == &rules::flow_add_only_in_ip_ip6_inet);
    STATIC_REQUIRE(object_fits_family<family::ip, flowtable_t<"ft", std::array<ifname, 1>>>());
    STATIC_REQUIRE(!object_fits_family<family::netdev, flowtable_t<"ft", std::array<ifname, 1>>>());
    STATIC_REQUIRE(!object_fits_family<family::bridge, flowtable_t<"ft", std::array<ifname, 1>>>());
    // the feature, for the probes
    STATIC_REQUIRE(rule_summary_v<RULE(flow_add<"ft">)>.features.contains(feature::flowtable));
    STATIC_REQUIRE(rule_summary_v<RULE(flow_add<"ft"> >> counter >> accept)>.broken == nullptr);  // not a verdict
    // devices: each once, no wildcard (checked when made)
    const std::vector<ifname> twice{ifname::parse("eth0").value(), ifname::parse("eth1").value(), ifname::parse("eth0").value()};
    CHECK(refusal_of([&] { (void)flowtable<"d">(twice); }) == rules::a_flowtable_lists_each_device_once.sentence);
    const std::vector<ifname> wild{ifname::parse("veth*").value()};
    CHECK(refusal_of([&] { (void)flowtable<"d">(wild); }) == rules::a_flowtable_device_is_an_interface_not_a_wildcard.sentence);
    const std::vector<ifname> fine{ifname::parse("eth0").value(), ifname::parse("eth1").value()};
    CHECK(refusal_of([&] { (void)flowtable<"d">(fine); }) == "(nothing refused)");
}

TEST_CASE("objects of different kinds may share a name; sets and maps may not", "[ruleset][flowtable][checks]") {
    // the kernel keeps sets and maps in one name space and each object kind in its own
    // (proved below): a counter, a quota, a ct helper, a set and a flowtable all named "x"
    using fwd_all = chain_t<"f", forward, hana::tuple<RULE(ip.saddr == at<"x"> >> counter_name<"x"> >> quota_name<"x"> >> flow_add<"x">)>>;
    using x_set = decltype(set<"x", ipv4_addr>());
    using x_counter = named_counter_t<"x">;
    using x_quota = named_quota_t<"x">;
    using x_flowtable = flowtable_t<"x", std::array<ifname, 1>>;
    using x_helper = decltype(ct_helper<"x">(ct_helper_type::ftp, tcp));
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<fwd_all>,
                                   hana::tuple<x_counter, x_quota, x_set, x_flowtable, x_helper>>.broken == nullptr);
    using x_map = decltype(data_map<"x", ipv4_addr, mark>());
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<>, hana::tuple<x_set, x_map>>.broken == &rules::unique_set_names);
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<>, hana::tuple<x_counter, x_counter>>.broken == &rules::unique_set_names);
    STATIC_REQUIRE(table_verdict_v<family::inet, hana::tuple<>, hana::tuple<x_flowtable, x_flowtable>>.broken ==
                   &rules::unique_set_names);
    // the same at run time
    const std::array<set_desc, 3> kinds{set_desc{"x", "counter", ""}, set_desc{"x", "quota", ""}, set_desc{"x", "set", "ipv4_addr"}};
    CHECK(!check_table_at_run_time(family::inet, {}, kinds));
    const std::array<set_desc, 2> clash{set_desc{"x", "set", "ipv4_addr"}, set_desc{"x", "map", "ipv4_addr", "mark"}};
    CHECK(check_table_at_run_time(family::inet, {}, clash).broken == &rules::unique_set_names);
    if (!nftpp_test::netns_usable()) return;
    nftpp::testing::scratch_netns ns("names");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto ok = ex.apply(nftpp::script("table inet t {\n\tcounter x {\n\t}\n\tquota x {\n\t\t100 bytes\n\t}\n"
                                           "\tset x {\n\t\ttype ipv4_addr\n\t}\n\tct helper x {\n\t\ttype \"ftp\" protocol tcp\n\t}\n}\n"));
    INFO(ok.err);
    CHECK(ok.ok());
    const auto bad = ex.apply(nftpp::script("table inet u {\n\tset x {\n\t\ttype ipv4_addr\n\t}\n"
                                            "\tmap x {\n\t\ttype ipv4_addr : mark\n\t}\n}\n"));
    CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
    CHECK(bad.err.find("File exists") != std::string::npos);
}

TEST_CASE("a missing flowtable at run time: the same rule", "[ruleset][flowtable][two_times]") {
    const std::string name = "forwarding";
    auto rt = table(family::inet, "t", base_chain(name, forward, flow_add<"ft">));
    REQUIRE(rt.check());
    CHECK(rt.check()->broken == &rules::flowtable_exists);
    auto on_input = table(family::inet, "t", base_chain(name, filter_chain(hook::input), flow_add<"ft">));
    REQUIRE(on_input.check());
    // the reference is checked first, then the hook; both with the static sentences
    CHECK(on_input.check()->broken == &rules::flowtable_exists);
    const std::array<set_desc, 1> ft{set_desc{"ft", "flowtable", ""}};
    const std::array<rule_desc, 1> rules_{rule_desc{&rule_summary_v<RULE(flow_add<"ft">)>, 0, 1, {}, flow_add_t<"ft">::set_refs}};
    const std::array<chain_desc, 1> input{chain_desc{name, filter_chain(hook::input), rules_}};
    CHECK(check_table_at_run_time(family::inet, input, ft).broken == &rules::flow_add_only_on_forward);
    const std::array<chain_desc, 1> fwd{chain_desc{name, forward, rules_}};
    CHECK(!check_table_at_run_time(family::inet, fwd, ft));
}

TEST_CASE("flowtables are probed: they load where the kernel has them, and are left out where not",
          "[ruleset][flowtable][netns]") {
    // without the target's answers: left out on a target said to lack them
    capabilities lacking;
    lacking.remove(feature::flowtable);
    std::vector<skipped_rule> skipped;
    const script without = render(ruleset(replace(offload_table())), lacking, &skipped);
    CHECK(without.text().find("flowtable") == std::string::npos);
    CHECK(without.text().find("flow add") == std::string::npos);
    CHECK(without.text().find("ct state established,related accept") != std::string::npos);
    REQUIRE(skipped.size() == 4);
    CHECK(skipped[0].describe() == "table inet fw: flowtable ft left out: the target lacks flowtable");
    CHECK(skipped[1].describe() == "table inet fw: flowtable fast left out: the target lacks flowtable");
    CHECK(skipped[2].describe().find("chain pass, rule #0 (meta l4proto { tcp, udp } flow add @ft)") != std::string::npos);
    CHECK(skipped[3].chain == "more");
    CHECK(optional_features(ruleset(replace(offload_table()))).contains(feature::flowtable));
    // a table whose only use of the feature is its flowtable still asks for the probe
    const auto bare = table<family::ip>("b", flowtable<"f">({"lo"}), base_chain<"f", forward>(counter));
    CHECK(optional_features(ruleset(replace(bare))).contains(feature::flowtable));

    if (!nftpp_test::netns_usable()) return;
    nftpp::testing::scratch_netns ns("flowtable");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const bool has = ex.probe(feature::flowtable.probe).ok();
    const script full = render(ruleset(replace(offload_table())));
    const auto direct = ex.apply(full);
    INFO("the probe " << (has ? "loads" : "is refused") << "; the full table: " << direct.err);
    CHECK(direct.ok() == has);
    if (!has) {
        // nft parsed every line; the kernel refused only what needs flowtables
        std::size_t refusals = 0;
        for (std::size_t at = direct.err.find("Error:"); at != std::string::npos; at = direct.err.find("Error:", at + 1)) {
            ++refusals;
            const std::string enoent = "Error: Could not process rule: No such file or directory\n";
            CHECK(direct.err.compare(at, enoent.size(), enoent) == 0);
        }
        CHECK(refusals == 4);  // the two flowtables and the two rules that use them
        CHECK(direct.err.find("syntax error") == std::string::npos);
    }
    const auto report = apply_with_probes(ex, ruleset(replace(offload_table())), capabilities{}, nullptr);
    INFO(report.outcome.err);
    REQUIRE(report.outcome.ok());
    CHECK(report.caps.has(feature::flowtable) == has);
    CHECK(report.skipped.size() == (has ? 0u : 4u));
    CHECK((report.applied.text().find("flowtable ft") != std::string::npos) == has);
    CHECK(report.applied.text().find("jump more") != std::string::npos);
}
