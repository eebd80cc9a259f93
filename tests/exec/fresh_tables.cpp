// SPDX-License-Identifier: Apache-2.0
// No delete where there is nothing to delete: a replace of an absent table loads as
// `create` without its `delete`; a concurrent writer that creates the table between the
// look and the load makes that `create` fail, and the original script is loaded.
#include <string>

#include "golden.hpp"
#include "tools.hpp"

#include <nftpp/exec/fresh_tables.hpp>
#include <nftpp/testing/recording_executor.hpp>
#if NFTPP_TEST_LIBNFTABLES
#include <nftpp/exec/persistent_executor.hpp>
#endif

using namespace nftpp;
using exec::outcome_kind;

namespace {
auto small_table(int p) {
    return table<family::inet>("t", base_chain<"c", filter_chain(hook::input)>(tcp.dport == port::from(p).value() >> accept));
}
const char* their_table = "table inet t {\n\tchain c {\n\t\ttype filter hook input priority 0;\n\t\ttcp dport 99 accept\n\t}\n}\n";
}  // namespace

TEST_CASE("replace sites and the script without their deletes", "[exec][fresh]") {
    const script s = render(ruleset(replace(small_table(22))));
    const auto sites = exec::replace_sites(s.text());
    REQUIRE(sites.size() == 1);
    CHECK(sites[0].add_line == 1);
    CHECK(sites[0].table == exec::table_id{exec::nfproto::inet, "t"});
    // present: nothing to change
    CHECK_FALSE(exec::without_needless_deletes(s, {exec::table_id{exec::nfproto::inet, "t"}}).has_value());
    // absent (or present in another family only): create, an empty line, the same block
    const auto light = exec::without_needless_deletes(s, {exec::table_id{exec::nfproto::ipv4, "t"}});
    REQUIRE(light.has_value());
    CHECK(light->text().rfind("create table inet t\n\ntable inet t {\n", 0) == 0);
    CHECK(light->text().find("delete") == std::string::npos);
    CHECK(light->line(4) == s.line(4));  // line numbers and origins unchanged
    CHECK(light->origins().size() == s.origins().size());
    // a plain add + delete (delete a table that may be absent) is not a replace
    CHECK(exec::replace_sites("add table inet t\ndelete table inet t\n").empty());
    CHECK(exec::replace_sites("add table inet t\ndelete table inet u\ntable inet t {\n}\n").empty());
    CHECK(exec::replace_sites("create table inet t\ntable inet t {\n}\n").empty());
}

TEST_CASE("the look decides; a failed look or an EEXIST falls back to the original", "[exec][fresh]") {
    const script s = render(ruleset(replace(small_table(22))));
    std::vector<std::string> loaded;
    auto load_ok = [&](const script& x) {
        loaded.push_back(x.text());
        return exec::outcome{};
    };
    // table absent: one load, without the delete
    CHECK(exec::apply_without_needless_deletes(s, [] { return std::vector<exec::table_id>{}; }, load_ok).ok());
    REQUIRE(loaded.size() == 1);
    CHECK(loaded[0].find("delete table") == std::string::npos);
    // the look could not be made: the original, once
    loaded.clear();
    CHECK(exec::apply_without_needless_deletes(s, [] { return std::optional<std::vector<exec::table_id>>{}; }, load_ok).ok());
    REQUIRE(loaded.size() == 1);
    CHECK(loaded[0] == s.text());
    // the create is refused as existing: the original follows
    loaded.clear();
    auto exists_then_ok = [&](const script& x) {
        loaded.push_back(x.text());
        exec::outcome o;
        if (loaded.size() == 1) {
            o.kind = outcome_kind::rejected;
            o.err = "/dev/stdin:1:19-19: Error: Could not process rule: File exists\n";
        }
        return o;
    };
    CHECK(exec::apply_without_needless_deletes(s, [] { return std::vector<exec::table_id>{}; }, exists_then_ok).ok());
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[1] == s.text());
}

// The race, for real: the table appears between the look and the load.
TEST_CASE("a table created between the look and the load: the result is still the replace", "[exec][fresh][netns][race]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("frace");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const script s = render(ruleset(replace(small_table(22))));
    auto outside = [&] {
        const auto r = ns.run({"/usr/sbin/nft", "-f", "-"}, their_table);
        REQUIRE(r.succeeded());
    };
    // first, that the race matters: loading without the delete over their table merges
    // into it (their rule stays), which is wrong
    outside();
    std::string merged = s.text();
    merged.replace(merged.find("delete table inet t\n"), 20, "\n");
    REQUIRE(ex.apply_as_is(script(merged)).ok());
    CHECK(ns.run({"/usr/sbin/nft", "list", "table", "inet", "t"}).out.find("dport 99") != std::string::npos);
    REQUIRE(ex.delete_table(family::inet, "t", exec::absent_table::is_error).ok());

    // now the executor's way, with their table made after the look said "absent"
    int loads = 0;
    const auto r = exec::apply_without_needless_deletes(
        s, [&] { return exec::list_tables_at(ns.path()); },
        [&](const script& x) {
            ++loads;
            return ex.apply_as_is(x);
        },
        outside);
    INFO(r.describe());
    CHECK(r.ok());
    CHECK(loads == 2);  // the create was refused (EEXIST), the original loaded
    const std::string l = ns.run({"/usr/sbin/nft", "list", "table", "inet", "t"}).out;
    CHECK(l.find("dport 99") == std::string::npos);
    CHECK(l.find("tcp dport 22 accept") != std::string::npos);

    // without anyone in between, an absent table loads in one go, and the listing after is
    // the same as the replace idiom's
    REQUIRE(ex.delete_table(family::inet, "t", exec::absent_table::is_error).ok());
    loads = 0;
    CHECK(exec::apply_without_needless_deletes(
              s, [&] { return exec::list_tables_at(ns.path()); },
              [&](const script& x) {
                  ++loads;
                  return ex.apply_as_is(x);
              })
              .ok());
    CHECK(loads == 1);
    CHECK(ns.run({"/usr/sbin/nft", "list", "table", "inet", "t"}).out == l);
}

TEST_CASE("the process executors look before they load", "[exec][fresh][netns]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("flook");
    REQUIRE(ns.ok());
    const auto tables = exec::list_tables_at(ns.path());
    REQUIRE(tables.has_value());
    CHECK(tables->empty());
    auto ex = ns.executor();
    REQUIRE(ex.apply(render(ruleset(replace(small_table(22))))).ok());
    const auto after = exec::list_tables_at(ns.path());
    REQUIRE(after.has_value());
    REQUIRE(after->size() == 1);
    CHECK((*after)[0] == exec::table_id{exec::nfproto::inet, "t"});
    // over the existing table, the replace idiom (the table must be replaced whole)
    REQUIRE(ns.run({"/usr/sbin/nft", "add rule inet t c tcp dport 23 accept"}).succeeded());
    REQUIRE(ex.apply(render(ruleset(replace(small_table(24))))).ok());
    const std::string l = ns.run({"/usr/sbin/nft", "list", "table", "inet", "t"}).out;
    CHECK(l.find("dport 23") == std::string::npos);
    CHECK(l.find("tcp dport 24 accept") != std::string::npos);
    // a namespace that does not exist is not looked into: the usual outcome
    CHECK(exec::netns_executor::named("nftpp-test-none").apply(render(ruleset(replace(small_table(1))))).kind ==
          outcome_kind::namespace_missing);
}

#if NFTPP_TEST_LIBNFTABLES
TEST_CASE("persistent executor: the race between its look and its load", "[exec][fresh][persistent][netns][race]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("prace");
    REQUIRE(ns.ok());
    auto ex = exec::persistent_executor::named(ns.name());
    int between = 0;
    ex.set_between_look_and_load([&] {
        ++between;
        ns.run({"/usr/sbin/nft", "-f", "-"}, their_table);
    });
    const auto r = ex.apply(render(ruleset(replace(small_table(22)))));
    INFO(r.describe());
    CHECK(r.ok());
    CHECK(between == 1);
    const std::string l = ns.run({"/usr/sbin/nft", "list", "table", "inet", "t"}).out;
    CHECK(l.find("dport 99") == std::string::npos);
    CHECK(l.find("tcp dport 22 accept") != std::string::npos);
    // the table is there now: the next apply does not leave the delete out (no look-gap hook)
    CHECK(ex.apply(render(ruleset(replace(small_table(23))))).ok());
    CHECK(between == 1);
}
#endif
