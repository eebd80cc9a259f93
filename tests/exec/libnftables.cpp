// SPDX-License-Identifier: Apache-2.0
// The in-process executor has the same outcomes as the process executors.
#include "golden.hpp"
#include "tools.hpp"

#if NFTPP_TEST_LIBNFTABLES
#include <nftpp/exec/libnftables_executor.hpp>

using namespace nftpp;

TEST_CASE("libnftables in-process: apply, list, atomicity, delete", "[exec][libnftables][netns]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("inproc");
    REQUIRE(ns.ok());
    auto ex = exec::libnftables_executor::at_path(ns.path());
    const auto t = table<family::inet>("t", base_chain<"c", filter_chain(hook::input)>(tcp.dport == 22 >> accept));
    const auto r = ex.apply(render(ruleset(replace(t))));
    INFO(r.describe());
    REQUIRE(r.ok());
    CHECK(ex.list_table_json(family::inet, "t").out.find("\"dport\"") != std::string::npos);
    // the process executor in the same namespace sees the same table
    CHECK(ns.executor().list_table_json(family::inet, "t").ok());
    const std::string before = ex.list_ruleset_json().out;
    const auto refused = ex.apply(std::string_view(
        "table inet t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tmasquerade\n\t}\n}\n"));
    CHECK(refused.kind == exec::outcome_kind::rejected);
    REQUIRE_FALSE(refused.messages.empty());
    CHECK(refused.messages[0].message.find("Operation not supported") != std::string::npos);
    CHECK(ex.list_ruleset_json().out == before);
    CHECK(ex.probe("table inet p {\n\tchain c {\n\t\ttype filter hook output priority 0;\n\t\tct state new accept\n\t}\n}\n").ok());
    CHECK(ex.delete_table(family::inet, "t", exec::absent_table::is_error).ok());
    CHECK(ex.delete_table(family::inet, "t", exec::absent_table::is_error).kind == exec::outcome_kind::table_absent);
    CHECK(exec::libnftables_executor::named("nftpp-test-none").apply(std::string_view("")).kind ==
          exec::outcome_kind::namespace_missing);
}
TEST_CASE("libnftables: a name that is not UTF-8, loaded from outside, cannot abort the caller's listing",
          "[exec][libnftables][netns][listing]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("lutf8");
    REQUIRE(ns.ok());
    const auto loaded = ns.run({"/usr/sbin/nft", "-f", "-"}, "table inet theirs {\n\tchain c {\n\t\ttype filter hook input priority 0;\n"
                                                              "\t\tiifname \"\xff\xfe\" accept\n\t}\n}\n");
    INFO(loaded.err);
    REQUIRE(loaded.succeeded());
    auto ex = exec::libnftables_executor::at_path(ns.path());
    // the JSON listing runs in a child: when libnftables aborts there, this process lives
    const auto listed = ex.list_ruleset_json();
    if (listed.ok()) {
        WARN("this libnftables lists the name without aborting");
    } else {
        CHECK(listed.kind == exec::outcome_kind::rejected);
        CHECK(listed.detail.find("signal") != std::string::npos);
    }
    const auto t = table<family::inet>("t", base_chain<"c", filter_chain(hook::input)>(tcp.dport == 22 >> accept));
    REQUIRE(ex.apply(render(ruleset(replace(t)))).ok());
    CHECK(ex.list_table_json(family::inet, "t").out.find("\"dport\"") != std::string::npos);
}

TEST_CASE("libnftables: names and paths are checked as for the process executors", "[exec][libnftables][names]") {
    using exec::outcome_kind;
    CHECK(exec::libnftables_executor::named("../x").apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    CHECK(exec::libnftables_executor::named("a/b").list_ruleset_json().kind == outcome_kind::namespace_invalid);
    CHECK(exec::libnftables_executor::at_path("/var/run/netns/..").list_ruleset_json().kind == outcome_kind::namespace_invalid);
    CHECK(exec::libnftables_executor::at_path("relative").list_ruleset_json().kind == outcome_kind::namespace_invalid);
    nftpp_test::temp_dir dir;
    const std::string plain = dir.write("net", "", 0644);
    CHECK(exec::libnftables_executor::at_path(plain).list_ruleset_json().kind == outcome_kind::namespace_missing);
    CHECK(exec::libnftables_executor::at_path("/proc/self/ns/mnt").list_ruleset_json().kind == outcome_kind::namespace_invalid);
    // table names are checked first, before libnftables sees the command (and, should that
    // ever break, the namespace does not exist: nothing can run on the host)
    auto here = exec::libnftables_executor::named("nftpp-test-no-such-namespace");
    CHECK(here.list_table_json(family::inet, "t; flush ruleset").kind == outcome_kind::invalid_name);
    CHECK(here.delete_table(family::inet, "t\nflush ruleset", exec::absent_table::is_success).kind == outcome_kind::invalid_name);
}

TEST_CASE("libnftables: a probe nft refuses is rejected", "[exec][libnftables][netns]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("inprobe");
    REQUIRE(ns.ok());
    auto ex = exec::libnftables_executor::named(ns.name());
    CHECK(ex.probe("table inet p { this is not nft }\n").kind == exec::outcome_kind::rejected);
}
#endif
