// SPDX-License-Identifier: Apache-2.0
// One rule added, inserted, replaced or deleted in a loaded chain: golden; checked as if it
// stood in the chain; applied for real, found again by its comment, replaced and deleted
// by handle, with the rest of the ruleset untouched; a bad handle changes nothing. Rule
// commands, table replacements and element commands together in one transaction.
#include <string>
#include <utility>
#include <vector>

#include "golden.hpp"

#include <nftpp/readback.hpp>

using namespace nftpp;
using nftpp::testing::scratch_netns;

namespace {
auto fw() {
    return table<family::inet>("fw", set<"admins", ipv4_addr>(), data_map<"marks", port, mark>(),
                               base_chain<"input", filter_chain(hook::input)>(ct.state == established >> accept),
                               base_chain<"post", nat_chain(hook::postrouting, 100)>(),
                               chain<"ssh">(accept));
}
template <class X>
std::string text(const X& x) {
    return render_text(ruleset(x));
}
}  // namespace

TEST_CASE("rule commands render as nft's add, insert, replace and delete rule", "[rules][golden]") {
    const auto t = fw();
    CHECK(text(add_rule<"input">(t, tcp.dport == 22 >> jump<"ssh">)) == "add rule inet fw input tcp dport 22 jump ssh\n");
    CHECK(text(add_rule<"input">(t, ip.saddr == at<"admins"> >> accept, after(rule_handle{7}))) ==
          "add rule inet fw input position 7 ip saddr @admins accept\n");
    CHECK(text(insert_rule<"input">(t, drop)) == "insert rule inet fw input drop\n");
    CHECK(text(insert_rule<"input">(t, udp.dport == 53 >> accept, before(rule_handle{3}))) ==
          "insert rule inet fw input position 3 udp dport 53 accept\n");
    CHECK(text(replace_rule<"input">(t, rule_handle{4}, tcp.dport == 2222 >> accept >> comment("ssh"))) ==
          "replace rule inet fw input handle 4 tcp dport 2222 accept comment \"ssh\"\n");
    CHECK(text(delete_rule<"input">(t, rule_handle{4})) == "delete rule inet fw input handle 4\n");
    CHECK(text(add_rule<"post">(t, oifname == "eth0" >> masquerade)) == "add rule inet fw post oifname \"eth0\" masquerade\n");
    CHECK_THROWS_AS(delete_rule<"input">(t, rule_handle{0}), value_error);
    STATIC_REQUIRE(!rule_handle::from(0).ok());
    STATIC_REQUIRE(rule_handle::from(1).ok());
}

// The rule is checked in its chain: what would not compile in the table does not compile here.
template <fixed_string Chain, class T, class R>
concept addable = requires(const T& t, const R& r) {
    { add_rule<Chain>(t, r) } -> std::same_as<rule_command_t<rule_op::add, decltype(as_rule(r))>>;
};
using fw_t = decltype(fw());
static_assert(addable<"input", fw_t, decltype(tcp.dport == 22 >> accept)>);
static_assert(addable<"post", fw_t, decltype(masquerade)>);
// (masquerade in a filter chain, a jump to a missing chain, a missing set: compile-fail
// cases in tests/compile_fail/cases/rule_command_*.cpp; the table checks themselves are
// tested in checks.cpp.)
using fw_chains = fw_t::chains_type;
static_assert(table_verdict_v<family::inet, detail::with_rule<"input", rule_t<masquerade_t<false>>, fw_chains>::type,
                              fw_t::sets_type>.broken == &rules::masquerade_in_nat_postrouting);
static_assert(table_verdict_v<family::inet, detail::with_rule<"input", rule_t<jump_t<"nowhere">>, fw_chains>::type,
                              fw_t::sets_type>.broken == &rules::jump_target_exists);
static_assert(table_verdict_v<family::inet, detail::with_rule<"post", rule_t<masquerade_t<false>>, fw_chains>::type,
                              fw_t::sets_type>.broken == nullptr);

TEST_CASE("rules added, found by comment, replaced and deleted in a loaded chain", "[rules][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = fw();
    scratch_netns ns("rules");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    REQUIRE(ex.apply(render(ruleset(replace(t)))).ok());
    // one transaction: a rule into the loaded chain, and elements into its set
    auto r = ex.apply(render(ruleset(add_rule<"input">(t, tcp.dport == 22 >> accept >> comment("ssh")),
                                     add_elements<"admins">(t, {"192.0.2.1"}))));
    INFO(r.describe());
    REQUIRE(r.ok());
    auto found = find_rule_handles(ex, t, "input", "ssh");
    REQUIRE(found.ok());
    REQUIRE(found.handles.size() == 1);
    const rule_handle h = found.handles[0];
    r = ex.apply(render(ruleset(replace_rule<"input">(t, h, tcp.dport == 2222 >> accept >> comment("ssh")),
                                insert_rule<"input">(t, ip.saddr == at<"admins"> >> accept >> comment("admins")))));
    INFO(r.describe());
    REQUIRE(r.ok());
    std::string listing = ex.list_ruleset_json().out;
    CHECK(listing.find("2222") != std::string::npos);
    CHECK(find_rule_handles(ex, t, "input", "ssh").handles == std::vector<rule_handle>{h});  // replaced in place
    // a batch that deletes a rule and names a handle that does not exist changes nothing
    const std::string before = ex.list_ruleset_json().out;
    r = ex.apply(render(ruleset(delete_rule<"input">(t, h), delete_rule<"input">(t, rule_handle{h.value + 1000}))));
    CHECK(r.kind == exec::outcome_kind::rejected);
    CHECK(ex.list_ruleset_json().out == before);
    REQUIRE(ex.apply(render(ruleset(delete_rule<"input">(t, h)))).ok());
    CHECK(find_rule_handles(ex, t, "input", "ssh").handles.empty());
    CHECK(find_rule_handles(ex, t, "input", "admins").handles.size() == 1);
}

TEST_CASE("a table replaced, rules added and elements added in one script", "[rules][sets][golden]") {
    const auto t = fw();
    nftpp_test::golden(ruleset(replace(t), add_rule<"input">(t, ip.saddr == at<"admins"> >> accept >> comment("admins")),
                               insert_rule<"input">(t, meta.mark.set(tcp.dport, at<"marks">)),
                               add_elements<"admins">(t, {"192.0.2.1"}), add_map_elements<"marks">(t, {{22, 1}})),
                       render_text(replace(t)) +
                           "add rule inet fw input ip saddr @admins accept comment \"admins\"\n"
                           "insert rule inet fw input meta mark set tcp dport map @marks\n"
                           "add element inet fw admins {\n\t192.0.2.1\n}\n"
                           "add element inet fw marks {\n\t22 : 0x00000001\n}\n");
}

TEST_CASE("rule commands by handle, a table replaced and element commands: one transaction", "[rules][sets][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = fw();
    const auto other = table<family::ip>("other", set<"blocked", ipv4_addr>(),
                                         base_chain<"out", filter_chain(hook::output)>(ip.daddr == at<"blocked"> >> drop));
    scratch_netns ns("combined");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    auto r = ex.apply(render(ruleset(replace(t), add_rule<"input">(t, tcp.dport == 22 >> accept >> comment("ssh")),
                                     add_elements<"admins">(t, {"192.0.2.9"}))));
    INFO(r.describe());
    REQUIRE(r.ok());
    const auto found = find_rule_handles(ex, t, "input", "ssh");
    REQUIRE(found.ok());
    REQUIRE(found.handles.size() == 1);
    const rule_handle h = found.handles[0];
    // one script: another table replaced and filled, a rule deleted by handle and one added,
    // a set's and a map's elements changed
    const std::vector<std::pair<port, mark>> marks{{port(22), mark(1)}, {port(2222), mark(2)}};
    const script s = render(ruleset(replace(other), add_elements<"blocked">(other, {"198.51.100.7"}),
                                    delete_rule<"input">(t, h),
                                    add_rule<"input">(t, tcp.dport == 2222 >> accept >> comment("ssh2")),
                                    delete_elements<"admins">(t, {"192.0.2.9"}), add_elements<"admins">(t, {"192.0.2.1"}),
                                    add_map_elements<"marks">(t, marks)));
    NFTPP_CHECK_TEXT(s.text(), render_text(replace(other)) +
                                   "add element ip other blocked {\n\t198.51.100.7\n}\n"
                                   "delete rule inet fw input handle " + std::to_string(h.value) + "\n"
                                   "add rule inet fw input tcp dport 2222 accept comment \"ssh2\"\n"
                                   "delete element inet fw admins {\n\t192.0.2.9\n}\n"
                                   "add element inet fw admins {\n\t192.0.2.1\n}\n"
                                   "add element inet fw marks {\n\t22 : 0x00000001,\n\t2222 : 0x00000002\n}\n");
    r = ex.apply(s);
    INFO(r.describe());
    REQUIRE(r.ok());
    CHECK(find_rule_handles(ex, t, "input", "ssh").handles.empty());
    CHECK(find_rule_handles(ex, t, "input", "ssh2").handles.size() == 1);
    const auto admins = read_set<"admins">(ex, t);
    REQUIRE(admins.ok());
    CHECK(admins.elements == std::vector<operand<ipv4_addr>>{ipv4_addr("192.0.2.1")});
    const auto blocked = read_set<"blocked">(ex, other);
    REQUIRE(blocked.ok());
    CHECK(blocked.elements == std::vector<operand<ipv4_addr>>{ipv4_addr("198.51.100.7")});
    const auto m = read_map<"marks">(ex, t);
    REQUIRE(m.ok());
    CHECK(m.entries.size() == 2);
    // all or nothing: the same kind of script with a handle that no longer exists changes
    // nothing, not even the replaced table
    const std::string before = ex.list_ruleset_json().out;
    r = ex.apply(render(ruleset(replace(table<family::ip>("other")), add_elements<"admins">(t, {"192.0.2.2"}),
                                delete_map_elements<"marks">(t, {22}), delete_rule<"input">(t, h))));
    CHECK(r.kind == exec::outcome_kind::rejected);
    CHECK(ex.list_ruleset_json().out == before);
}
