// SPDX-License-Identifier: Apache-2.0
// flush_chain: golden; the chain must be one of the table's; applied for real in one
// transaction with the rules that refill the chain, the other chains untouched.
#include <string>

#include "golden.hpp"

#include <nftpp/readback.hpp>

using namespace nftpp;
using nftpp::testing::scratch_netns;

namespace {
auto fw() {
    return table<family::inet>("fw", base_chain<"input", filter_chain(hook::input)>(jump<"ns1/svc1/tcp/p80">, tcp.dport == 22 >> accept),
                               chain<"ns1/svc1/tcp/p80">(tcp.dport == 80 >> accept >> comment("old"), counter));
}
template <fixed_string Chain, class T>
concept flushable = requires(const T& t) {
    { flush_chain<Chain>(t) } -> std::same_as<flush_chain_command_t>;
};
}  // namespace

TEST_CASE("flush chain renders as nft's command", "[ruleset][flush_chain][golden]") {
    const auto t = fw();
    CHECK(render_text(ruleset(flush_chain<"input">(t))) == "flush chain inet fw input\n");
    CHECK(render_text(ruleset(flush_chain<"ns1/svc1/tcp/p80">(t),
                              add_rule<"ns1/svc1/tcp/p80">(t, tcp.dport == 8080 >> accept >> comment("new")))) ==
          "flush chain inet fw ns1/svc1/tcp/p80\n"
          "add rule inet fw ns1/svc1/tcp/p80 tcp dport 8080 accept comment \"new\"\n");
    // the chain is one of the table's (a missing one is the documented compile-fail case
    // of rules::table_has_chain)
    STATIC_REQUIRE(flushable<"input", decltype(t)>);
    STATIC_REQUIRE(flushable<"ns1/svc1/tcp/p80", decltype(t)>);
}

TEST_CASE("flush chain empties one loaded chain in the transaction that refills it", "[ruleset][flush_chain][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = fw();
    scratch_netns ns("flush");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    REQUIRE(ex.apply(render(ruleset(replace(t)))).ok());
    const auto r = ex.apply(render(ruleset(flush_chain<"ns1/svc1/tcp/p80">(t),
                                           add_rule<"ns1/svc1/tcp/p80">(t, tcp.dport == 8080 >> accept >> comment("new")))));
    INFO(r.describe());
    REQUIRE(r.ok());
    const auto old_rules = find_rule_handles(ex, t, "ns1/svc1/tcp/p80", "old");
    REQUIRE(old_rules.ok());
    CHECK(old_rules.handles.empty());
    const auto new_rules = find_rule_handles(ex, t, "ns1/svc1/tcp/p80", "new");
    REQUIRE(new_rules.ok());
    CHECK(new_rules.handles.size() == 1);
    // the base chain, with its jump into the flushed chain, is untouched
    const auto listed = ex.list_table_json(family::inet, "fw");
    REQUIRE(listed.ok());
    CHECK(listed.out.find("\"tcp\"") != std::string::npos);
    CHECK(listed.out.find("\"jump\"") != std::string::npos);
    CHECK(listed.out.find("\"counter\"") == std::string::npos);  // the flushed chain's counter rule is gone
    // flushing a chain that is not loaded changes nothing
    const auto other = table<family::inet>("other", chain<"c">());
    const auto bad = ex.apply(render(ruleset(flush_chain<"c">(other))));
    CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
}
