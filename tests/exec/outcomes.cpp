// SPDX-License-Identifier: Apache-2.0
// Every failure of an executor has its own outcome. The tools are stand-ins
// (helpers/fake_tool.cpp) in a root-owned 0755 temporary directory, so these tests neither
// need nor touch the real nft, and never the host's ruleset.
#include <signal.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "golden.hpp"
#include "tools.hpp"

#include <nftpp/exec/exec.hpp>

using namespace nftpp;
using namespace nftpp::exec;
using namespace std::chrono_literals;

namespace {
bool trusted_fakes() {
    if (nftpp_test::running_as_root()) return true;
    WARN("SKIPPED (the fake tools are trusted only when root owns them)");
    return false;
}
executor_options with_nft(const std::string& nft, std::chrono::milliseconds timeout = 10s) {
    executor_options o;
    o.nft_path = nft;
    o.timeout = timeout;
    return o;
}
}  // namespace

TEST_CASE("nft gets a clean environment", "[exec][outcomes][env]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    ::setenv("NFTPP_TEST_LEAK", "1", 1);
    host_executor host(with_nft(dir.fake_tool("nft-env")));
    const outcome o = host.list_ruleset_json();
    ::unsetenv("NFTPP_TEST_LEAK");
    REQUIRE(o.ok());
    CHECK(o.out == "PATH=/usr/sbin:/usr/bin:/sbin:/bin\nLC_ALL=C\n");
}

TEST_CASE("a timeout is timed_out, and says the transaction may have committed", "[exec][outcomes][timeout]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    host_executor host(with_nft(dir.fake_tool("nft-sleep"), 200ms));
    const auto start = std::chrono::steady_clock::now();
    const outcome o = host.apply(std::string_view("table inet t {}\n"));
    CHECK(std::chrono::steady_clock::now() - start < 5s);
    CHECK(o.kind == outcome_kind::timed_out);
    CHECK(o.detail.find("killed after 200 ms") != std::string::npos);
    CHECK(o.detail.find("list the ruleset") != std::string::npos);
    CHECK(host.processes_per_operation() == 1);
}

TEST_CASE("a zero timeout is refused before nft runs", "[exec][outcomes][timeout]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    host_executor host(with_nft(dir.fake_tool("nft-mark"), 0ms));
    const outcome o = host.apply(std::string_view("table inet t {}\n"));
    CHECK(o.kind == outcome_kind::spawn_failed);
    CHECK(o.detail.find("timeout must be greater than 0") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("ran")));
}

TEST_CASE("a trusted nft that cannot be executed is spawn_failed", "[exec][outcomes]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    host_executor host(with_nft(dir.write("nft", "not a program\n", 0755)));  // no #!: ENOEXEC
    const outcome o = host.apply(std::string_view("table inet t {}\n"));
    CHECK(o.kind == outcome_kind::spawn_failed);
    CHECK(o.detail.find("Exec format error") != std::string::npos);
    CHECK(host.processes_per_operation() == 0);
}

TEST_CASE("a lost exit status is status_unknown", "[exec][outcomes]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    host_executor host(with_nft(dir.fake_tool("nft-mark")));
    struct sigaction ign {}, old{};
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGCHLD, &ign, &old);
    const outcome ignored = host.apply(std::string_view("table inet t {}\n"));
    sigaction(SIGCHLD, &old, nullptr);
    CHECK(ignored.ok());  // ignoring SIGCHLD no longer loses nft's status: the runner reports it
    CHECK(std::filesystem::exists(dir.file("ran")));
}

TEST_CASE("nft killed by a signal is status_unknown, never rejected", "[exec][outcomes][signal]") {
    // the kernel may have committed before nft died: "nothing applied" would be a guess
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    host_executor host(with_nft(dir.fake_tool("nft-killed")));
    const outcome o = host.apply(std::string_view("table inet t {}\n"));
    CHECK(o.kind == outcome_kind::status_unknown);
    CHECK(o.detail.find("killed by signal 9") != std::string::npos);
    CHECK(o.detail.find("ruleset_generation()") != std::string::npos);
    CHECK(o.detail.find("list the ruleset") != std::string::npos);
    CHECK(host.processes_per_operation() == 1);
}

TEST_CASE("descendants nft leaves behind are killed, and the call does not wait for them", "[exec][outcomes][group]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    host_executor host(with_nft(dir.fake_tool("nft-setsid"), 30s));
    const outcome o = host.apply(std::string_view("table inet t {}\n"));
    CHECK(o.ok());
    CHECK(o.detail.find("1 process(es) nft left behind were killed") != std::string::npos);
    const pid_t left = static_cast<pid_t>(std::atoi(o.out.c_str()));
    REQUIRE(left > 0);
    errno = 0;
    const bool gone = ::kill(left, 0) != 0 && errno == ESRCH;
    CHECK(gone);
    if (!gone) ::kill(left, SIGKILL);
}

TEST_CASE("nft's errors are mapped up to max_messages, the rest counted", "[exec][outcomes][errors]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    executor_options o = with_nft(dir.fake_tool("nft-errors"));
    o.max_messages = 10;
    host_executor host(o);
    const outcome r = host.apply(script("bogus\n", {script_origin{1, 1, "rule", "inet t", "c", 0, "bogus"}}));
    REQUIRE(r.kind == outcome_kind::rejected);
    REQUIRE(r.messages.size() == 10);
    CHECK(r.messages_dropped == 2990);
    CHECK(r.messages[9].message == "syntax error 9");
    REQUIRE(r.messages[9].origin.has_value());
    CHECK(r.messages[9].origin->chain == "c");
    CHECK(r.describe().find("and 2990 more error(s)") != std::string::npos);
}

TEST_CASE("output beyond the capture limit is output_too_large", "[exec][outcomes]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    executor_options o = with_nft(dir.fake_tool("nft-env"));
    o.capture_limit = 8;
    host_executor host(o);
    const outcome r = host.list_ruleset_json();
    CHECK(r.kind == outcome_kind::output_too_large);
    CHECK(r.out.size() == 8);
    CHECK(r.detail.find("capture_limit") != std::string::npos);
}

TEST_CASE("nsenter missing or untrusted, without the real nft", "[exec][outcomes][netns]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    executor_options o = with_nft(dir.fake_tool("nft-mark"));
    o.entry = netns_entry::nsenter;
    o.nsenter_path = dir.file("no-nsenter");
    const outcome missing = netns_executor::at_path("/proc/self/ns/net", o).list_ruleset_json();
    CHECK(missing.kind == outcome_kind::nsenter_not_found);
    CHECK(missing.detail.find(dir.file("no-nsenter")) != std::string::npos);

    o.nsenter_path = dir.write("nsenter", "#!/bin/sh\n", 0777);
    auto untrusted = netns_executor::at_path("/proc/self/ns/net", o);
    const outcome u = untrusted.list_ruleset_json();
    CHECK(u.kind == outcome_kind::nsenter_untrusted);
    CHECK(u.detail.find("writable by its group or by others") != std::string::npos);
    CHECK(untrusted.processes_per_operation() == 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("ran")));
}

TEST_CASE("nsenter failing to enter the namespace is namespace_enter_failed", "[exec][outcomes][netns]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    executor_options o = with_nft(dir.fake_tool("nft-mark"));
    o.entry = netns_entry::nsenter;
    o.nsenter_path = dir.fake_tool("nsenter-eperm");
    auto ex = netns_executor::at_path("/proc/self/ns/net", o);
    const outcome r = ex.apply(std::string_view("table inet t {}\n"));
    CHECK(r.kind == outcome_kind::namespace_enter_failed);
    CHECK(r.detail == "nsenter: reassociate to namespace 'ns/net' failed: Operation not permitted");
    CHECK(ex.processes_per_operation() == 1);  // nsenter ran, nft never did
    CHECK_FALSE(std::filesystem::exists(dir.file("ran")));
}

TEST_CASE("processes per operation: what the last operation started", "[exec][outcomes]") {
    if (!trusted_fakes()) return;
    nftpp_test::temp_dir dir;
    host_executor host(with_nft(dir.fake_tool("nft-mark")));
    CHECK(host.processes_per_operation() == 0);  // nothing yet
    REQUIRE(host.apply(std::string_view("table inet t {}\n")).ok());
    CHECK(host.processes_per_operation() == 1);
    CHECK(host.delete_table(family::inet, "t;x", absent_table::is_success).kind == outcome_kind::invalid_name);
    CHECK(host.processes_per_operation() == 0);
    auto gone = netns_executor::named("nftpp-test-no-such-namespace", with_nft(dir.fake_tool("nft-mark")));
    CHECK(gone.apply(std::string_view("")).kind == outcome_kind::namespace_missing);
    CHECK(gone.processes_per_operation() == 0);
}
