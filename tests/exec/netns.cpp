// SPDX-License-Identifier: Apache-2.0
// Entering a namespace: the runner process calls setns on the descriptor that was checked
// and runs nft there (one program); nsenter remains available (two). Failing to enter is
// namespace_enter_failed with nothing run. The ruleset generation tells whether anything
// committed after an unknown outcome.
#include <sys/stat.h>
#include <sys/syscall.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "golden.hpp"
#include "tools.hpp"

#include <nftpp/exec/exec.hpp>

using namespace nftpp;
using namespace nftpp::exec;
using nftpp::testing::scratch_netns;
using namespace std::chrono_literals;

namespace {
const std::string table_text = "table inet nftpp_setns_probe {\n\tchain c {\n\t\ttcp dport 22 accept\n\t}\n}\n";

bool trusted_fakes() {
    if (nftpp_test::running_as_root()) return true;
    WARN("SKIPPED (the fake tools are trusted only when root owns them)");
    return false;
}
}  // namespace

TEST_CASE("setns: nft runs inside the namespace, one program, the host untouched", "[exec][netns][setns]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns ns("setns");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const outcome o = ex.apply(std::string_view(table_text));
    REQUIRE(o.ok());
    CHECK(ex.processes_per_operation() == 1);
    CHECK(ns.run({"/usr/sbin/nft", "list", "table", "inet", "nftpp_setns_probe"}).out.find("tcp dport 22 accept") !=
          std::string::npos);
    const outcome host = host_executor().list_ruleset_json();
    REQUIRE(host.ok());
    CHECK(host.out.find("nftpp_setns_probe") == std::string::npos);
    // the same through nsenter: two programs, the same result
    executor_options via;
    via.entry = netns_entry::nsenter;
    auto old_way = ns.executor(via);
    REQUIRE(old_way.delete_table(family::inet, "nftpp_setns_probe", absent_table::is_error).ok());
    CHECK(old_way.processes_per_operation() == 2);
    REQUIRE(old_way.apply(std::string_view(table_text)).ok());
    CHECK(ex.list_table_json(family::inet, "nftpp_setns_probe").out.find("22") != std::string::npos);
}

TEST_CASE("setns enters the very namespace that was checked", "[exec][netns][setns]") {
    if (!trusted_fakes() || !nftpp_test::netns_usable()) return;
    scratch_netns ns("setns-ino");
    REQUIRE(ns.ok());
    nftpp_test::temp_dir dir;
    executor_options o;
    o.nft_path = dir.fake_tool("nft-netns");
    struct stat want {};
    REQUIRE(::stat(("/var/run/netns/" + ns.name()).c_str(), &want) == 0);
    const outcome r = ns.executor(o).list_ruleset_json();
    REQUIRE(r.ok());
    CHECK(r.out == std::to_string(want.st_ino) + "\n");
    struct stat mine {};
    REQUIRE(::stat("/proc/self/ns/net", &mine) == 0);
    CHECK(mine.st_ino != want.st_ino);  // the caller stays where it was
}

TEST_CASE("wrong namespace files are refused before anything runs", "[exec][netns][setns]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    executor_options o;
    o.nft_path = dir.fake_tool("nft-mark");
    auto mnt = netns_executor::at_path("/proc/self/ns/mnt", o);
    CHECK(mnt.apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    CHECK(mnt.processes_per_operation() == 0);
    const std::string plain = dir.write("net", "", 0644);
    CHECK(netns_executor::at_path(plain, o).apply(std::string_view("")).kind == outcome_kind::namespace_missing);
    CHECK(netns_executor::named("nftpp-test-no-such-namespace", o).apply(std::string_view("")).kind ==
          outcome_kind::namespace_missing);
    CHECK(netns_executor::at_path("relative/net", o).apply(std::string_view("")).kind == outcome_kind::namespace_invalid);
    CHECK_FALSE(std::filesystem::exists(dir.file("ran")));
}

#if defined(__x86_64__)
TEST_CASE("a refused setns is namespace_enter_failed, and nft never runs", "[exec][netns][setns]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    executor_options o;
    o.nft_path = dir.fake_tool("nft-mark");
    bool filtered = false;
    outcome r;
    int programs = -1;
    std::thread t([&] {
        // the runner is forked from this thread and inherits the filter: setns fails with EPERM
        filtered = nftpp_test::fail_syscalls_in_this_thread({SYS_setns}, EPERM);
        if (!filtered) return;
        auto ex = netns_executor::at_path("/proc/self/ns/net", o);
        r = ex.apply(std::string_view("table inet t {}\n"));
        programs = ex.processes_per_operation();
    });
    t.join();
    REQUIRE(filtered);
    CHECK(r.kind == outcome_kind::namespace_enter_failed);
    CHECK(r.detail.find("setns(CLONE_NEWNET) failed: Operation not permitted") != std::string::npos);
    CHECK(r.detail.find("nft never ran") != std::string::npos);
    CHECK(programs == 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("ran")));
}
#endif

TEST_CASE("the ruleset generation moves with each commit, and not otherwise", "[exec][netns][generation]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns ns("generation");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto g0 = ex.ruleset_generation();
    REQUIRE(g0.has_value());
    REQUIRE(ex.apply(std::string_view(table_text)).ok());
    const auto g1 = ex.ruleset_generation();
    REQUIRE(g1.has_value());
    CHECK(*g1 != *g0);
    REQUIRE(ex.check(std::string_view(table_text)).ok());        // nft -c commits nothing
    CHECK(ex.apply(std::string_view("table inet x { bogus }\n")).kind == outcome_kind::rejected);  // nor a refusal
    CHECK(ex.list_ruleset_json().ok());
    CHECK(ex.ruleset_generation() == g1);
    CHECK(host_executor().ruleset_generation().has_value());  // the host's is readable too (only read)
    CHECK_FALSE(netns_executor::named("nftpp-test-no-such-namespace").ruleset_generation().has_value());
}

TEST_CASE("after nft dies by a signal, the generation tells whether anything committed", "[exec][netns][generation][signal]") {
    if (!trusted_fakes() || !nftpp_test::netns_usable()) return;
    scratch_netns ns("killed");
    REQUIRE(ns.ok());
    nftpp_test::temp_dir dir;
    executor_options o;
    o.nft_path = dir.fake_tool("nft-killed");  // dies by SIGKILL before it does anything
    auto ex = ns.executor(o);
    const auto before = ex.ruleset_generation();
    REQUIRE(before.has_value());
    const outcome r = ex.apply(std::string_view(table_text));
    REQUIRE(r.kind == outcome_kind::status_unknown);
    CHECK(ex.ruleset_generation() == before);  // unchanged: nothing committed, safe to retry
    auto real = ns.executor();
    REQUIRE(real.apply(std::string_view(table_text)).ok());
    CHECK(ex.ruleset_generation() != before);
}
