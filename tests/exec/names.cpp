// SPDX-License-Identifier: Apache-2.0
// Names and paths are checked before anything runs: table names (no second command can be
// smuggled into nft's command line), namespace names, namespace paths ("..", plain files,
// namespaces of another kind).
#include <filesystem>
#include <string>

#include "golden.hpp"
#include "tools.hpp"

#include <nftpp/exec/exec.hpp>

using namespace nftpp;
using namespace nftpp::exec;
using nftpp::testing::scratch_netns;

namespace {
// Table names that would inject a second command, or that nft cannot take.
const std::string bad_table_names[] = {
    "t; flush ruleset", "t\nflush ruleset", "t\n", "", "1t", "t t", "t#", "table", "accept", std::string(256, 'a'),
};
}  // namespace

TEST_CASE("the rules for table names", "[exec][names]") {
    for (const auto& n : bad_table_names) {
        INFO(n);
        const outcome o = check_table_name(n);
        CHECK(o.kind == outcome_kind::invalid_name);
        CHECK(o.detail.rfind("table name: a table, chain or set name", 0) == 0);
    }
    CHECK(check_table_name("fence").ok());
    CHECK(check_table_name("_x-1").ok());
    CHECK(check_table_name(std::string(255, 'a')).ok());
    CHECK(check_table_name("t;x").detail.find("(got \"t;x\", at offset 1)") != std::string::npos);
    CHECK(check_table_name("t\nx").detail.find("\\n") != std::string::npos);  // shown escaped, on one line
}

TEST_CASE("an invalid table name is refused before any process runs", "[exec][names]") {
    if (!nftpp_test::running_as_root()) {
        WARN("SKIPPED (the fake nft is trusted only when root owns it)");
        return;
    }
    nftpp_test::temp_dir dir;
    host_executor host(executor_options{dir.fake_tool("nft-mark"), {}, std::chrono::seconds(5)});
    for (const auto& n : bad_table_names) {
        INFO(n);
        CHECK(host.delete_table(family::inet, n, absent_table::is_success).kind == outcome_kind::invalid_name);
        CHECK(host.list_table_json(family::inet, n).kind == outcome_kind::invalid_name);
        CHECK(host.processes_per_operation() == 0);
    }
    CHECK_FALSE(std::filesystem::exists(dir.file("ran")));
    // a valid name does run the (fake) nft: the test above could see it
    CHECK(host.list_table_json(family::inet, "t").ok());
    CHECK(std::filesystem::exists(dir.file("ran")));
}

TEST_CASE("an injected command never reaches the real nft", "[exec][names][netns]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns ns("inject");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto keep = table<family::inet>("keep", base_chain<"c", filter_chain(hook::input)>(tcp.dport == 22 >> accept));
    REQUIRE(ex.apply(render(ruleset(replace(keep)))).ok());
    CHECK(ex.list_table_json(family::inet, "keep; flush ruleset").kind == outcome_kind::invalid_name);
    CHECK(ex.list_table_json(family::inet, "keep\nflush ruleset").kind == outcome_kind::invalid_name);
    CHECK(ex.delete_table(family::inet, "nosuch; delete table inet keep", absent_table::is_success).kind ==
          outcome_kind::invalid_name);
    CHECK(ex.list_table_json(family::inet, "keep").ok());  // still there
}

TEST_CASE("namespace names and paths are checked before anything runs", "[exec][netns][names]") {
    CHECK(netns_executor::named("a/b").apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    CHECK(netns_executor::named("..").apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    CHECK(netns_executor::named("").apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    CHECK(netns_executor::named("a\nb").apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    CHECK(netns_executor::at_path("relative/ns").apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    for (const char* p : {"/var/run/netns/..", "/var/run/netns/../x", "/../proc/1/ns/net", "/var/run/netns/x/.."}) {
        INFO(p);
        CHECK(netns_executor::at_path(p).apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    }
    STATIC_REQUIRE(valid_netns_path("/var/run/netns/a..b"));
    STATIC_REQUIRE(valid_netns_path("/proc/42/ns/net"));
    STATIC_REQUIRE(!valid_netns_path("/a/../b"));
    STATIC_REQUIRE(!valid_netns_path(".."));
    CHECK(netns_executor::named("nftpp-test-no-such-namespace").apply(std::string_view("")).kind ==
          outcome_kind::namespace_missing);
    STATIC_REQUIRE(netns_executor::valid_name("sandbox-1a2b3c4d"));
    STATIC_REQUIRE(!netns_executor::valid_name("../etc"));
}

TEST_CASE("a path that is not a network namespace is refused before nsenter starts", "[exec][netns][names]") {
    nftpp_test::temp_dir dir;
    const std::string plain = dir.write("net", "", 0644);
    const outcome o = netns_executor::at_path(plain).list_ruleset_json();
    CHECK(o.kind == outcome_kind::namespace_missing);
    CHECK(o.detail.find("is not a namespace") != std::string::npos);
    CHECK(netns_executor::at_path(dir.path().string()).list_ruleset_json().kind == outcome_kind::namespace_missing);
    // a namespace, but of another kind
    const outcome mnt = netns_executor::at_path("/proc/self/ns/mnt").list_ruleset_json();
    CHECK(mnt.kind == outcome_kind::namespace_invalid);
    CHECK(mnt.detail.find("not a network namespace") != std::string::npos);
    CHECK(check_netns_file("/proc/self/ns/net").ok());
}
