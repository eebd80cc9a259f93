// SPDX-License-Identifier: Apache-2.0
// The recording executor (no root needed) and optional rules applied in one transaction.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "golden.hpp"

#include <nftpp/apply.hpp>

using namespace nftpp;
using nftpp::testing::recording_executor;

namespace {
auto fence_with_optionals() {
    return table<family::inet>("fence",
        base_chain<"output", filter_chain(hook::output)>(policy::accept,
            oifname == "lo" >> accept,
            optional_rule(ct.state == (established | related) >> accept),
            optional_rule(tcp.flags == syn >> limit(5 / second) >> log("fence: ", skuid)),
            meta.l4proto == tcp >> reject(tcp_reset)));
}

// A temporary directory, mode 0755, removed at the end.
struct nftpp_test_probe_dir {
    std::string path;
    nftpp_test_probe_dir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "nftpp-probes-XXXXXX").string();
        if (::mkdtemp(pattern.data())) path = pattern;
        ::chmod(path.c_str(), 0755);
    }
    ~nftpp_test_probe_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};
}  // namespace

TEST_CASE("the recording executor records calls and answers queued outcomes", "[testing]") {
    recording_executor rec;
    exec::outcome refused;
    refused.kind = exec::outcome_kind::rejected;
    rec.queued.push_back(refused);
    const script s = render(ruleset(replace(fence_with_optionals())));
    CHECK(rec.apply(s).kind == exec::outcome_kind::rejected);
    CHECK(rec.apply(s).ok());
    CHECK(rec.delete_table(family::ip, "x", exec::absent_table::is_success).ok());
    CHECK(rec.delete_table(family::inet, "y", exec::absent_table::is_error).ok());
    REQUIRE(rec.calls.size() == 4);
    CHECK(rec.calls[0].operation == "apply");
    CHECK(rec.calls[0].text == s.text());
    CHECK_FALSE(rec.calls[0].when_absent.has_value());
    CHECK(rec.calls[2].text == "ip x");
    CHECK(rec.calls[2].when_absent == exec::absent_table::is_success);  // the caller's choice is recorded
    CHECK(rec.calls[3].when_absent == exec::absent_table::is_error);
    CHECK(rec.applied().size() == 2);
}

TEST_CASE("the recording executor's probe and version answer what the test configures", "[testing]") {
    recording_executor rec;
    CHECK(rec.probe("ct state new accept").ok());
    rec.failing_probes = {"ct state"};
    CHECK(rec.probe("ct state new accept").kind == exec::outcome_kind::rejected);
    CHECK(rec.probe("limit rate 1/second").ok());
    rec.probe_answer = [](std::string_view text) {
        exec::outcome o;
        if (text.find("limit") != std::string_view::npos) o.kind = exec::outcome_kind::timed_out;
        return o;
    };
    CHECK(rec.probe("limit rate 1/second").kind == exec::outcome_kind::timed_out);
    CHECK(rec.probe("ct state new accept").ok());  // probe_answer replaces failing_probes
    CHECK(rec.version() == exec::nft_version{1, 0, 6});
    rec.reported_version = exec::nft_version{1, 1, 0};
    CHECK(rec.version() == exec::nft_version{1, 1, 0});
    rec.reported_version.reset();
    CHECK_FALSE(rec.version().has_value());
}

TEST_CASE("a probe that cannot be asked stops apply_with_probes: nothing is applied", "[testing][optional]") {
    const auto fence = ruleset(replace(fence_with_optionals()));
    for (const auto kind : {exec::outcome_kind::nft_not_found, exec::outcome_kind::namespace_missing,
                            exec::outcome_kind::timed_out, exec::outcome_kind::spawn_failed}) {
        INFO(exec::to_string(kind));
        recording_executor rec;
        rec.probe_answer = [kind](std::string_view text) {
            exec::outcome o;
            if (text.find("log prefix") != std::string_view::npos) {  // the second probe
                o.kind = kind;
                o.detail = "the reason";
            }
            return o;
        };
        const auto report = apply_with_probes(rec, fence);
        CHECK(report.outcome.kind == kind);
        CHECK(report.outcome.detail == "probing for log failed, nothing was applied: the reason");
        CHECK(rec.applied().empty());
        CHECK(report.applied.empty());
        // probes go in the order the optional rules need them (conntrack, limit, log) and
        // stop at the one that cannot be asked
        REQUIRE(rec.calls.size() == 3);
        CHECK(rec.calls.back().operation == "probe");
        CHECK(rec.calls.back().text.find("log prefix") != std::string::npos);
    }
}

TEST_CASE("optional rules: probe what is needed, leave out what is missing, apply once", "[testing][optional]") {
    const auto fence = ruleset(replace(fence_with_optionals()));
    CHECK(optional_features(fence) == feature_set{&feature::conntrack, &feature::log, &feature::limit});
    recording_executor rec;
    rec.failing_probes = {"ct state"};  // this "kernel" has no conntrack
    const auto report = apply_with_probes(rec, fence);
    CHECK(report.outcome.ok());
    CHECK_FALSE(report.caps.has(feature::conntrack));
    CHECK(report.caps.has(feature::log));
    REQUIRE(report.skipped.size() == 1);
    CHECK(report.skipped[0].chain == "output");
    CHECK(report.skipped[0].rule == 1);
    CHECK(report.skipped[0].text == "ct state established,related accept");
    CHECK(report.skipped[0].describe().find("conntrack") != std::string::npos);
    // one apply, after the probes; the required rules are all there
    REQUIRE(rec.applied().size() == 1);
    const std::string applied = rec.applied()[0];
    CHECK(applied.find("ct state") == std::string::npos);
    CHECK(applied.find("log prefix \"fence: \"") != std::string::npos);
    CHECK(applied.find("reject with tcp reset") != std::string::npos);
    int probes = 0, applies = 0;
    for (const auto& c : rec.calls) {
        probes += c.operation == "probe";
        applies += c.operation == "apply";
        if (c.operation == "apply") CHECK(probes == 3);  // all probes came first
    }
    CHECK(applies == 1);
}

TEST_CASE("optional rules in a table built at run time: probed, left out, reported alike", "[testing][optional][runtime]") {
    std::vector<runtime_command> commands;
    std::string chain_name = "output";  // from data
    commands.push_back(replace(table(family::inet, "fence",
                                     base_chain(chain_name, filter_chain(hook::output), policy::accept, oifname == "lo" >> accept,
                                                optional_rule(ct.state == (established | related) >> accept),
                                                optional_rule(tcp.flags == syn >> limit(5 / second) >> log("fence: ", skuid)),
                                                meta.l4proto == tcp >> reject(tcp_reset)))));
    const auto rs = ruleset(commands);
    CHECK(optional_features(rs) == feature_set{&feature::conntrack, &feature::log, &feature::limit});
    recording_executor rec;
    rec.failing_probes = {"ct state"};
    const auto report = apply_with_probes(rec, rs);
    CHECK(report.outcome.ok());
    REQUIRE(report.skipped.size() == 1);
    CHECK(report.skipped[0].chain == "output");
    CHECK(report.skipped[0].rule == 1);
    CHECK(report.skipped[0].text == "ct state established,related accept");
    REQUIRE(rec.applied().size() == 1);
    CHECK(rec.applied()[0].find("ct state") == std::string::npos);
    CHECK(rec.applied()[0] == render_text(ruleset(replace(fence_with_optionals()))).replace(
                                  render_text(ruleset(replace(fence_with_optionals()))).find("\t\tct state"),
                                  std::string("\t\tct state established,related accept\n").size(), ""));
}

TEST_CASE("optional rules against a real kernel, with a feature forced missing", "[testing][optional][netns]") {
    if (!nftpp_test::netns_usable()) return;
    nftpp::testing::scratch_netns ns("optional");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    capabilities forced;
    forced.remove(feature::log);
    const auto report = apply_with_probes(ex, ruleset(replace(fence_with_optionals())), forced);
    REQUIRE(report.outcome.ok());
    CHECK(report.caps.has(feature::conntrack));  // probed for real: this kernel has it
    REQUIRE(report.skipped.size() == 1);
    CHECK(report.skipped[0].text.find("log prefix") != std::string::npos);
    const auto listing = ns.run({"/usr/sbin/nft", "list", "table", "inet", "fence"}).out;
    CHECK(listing.find("ct state established,related accept") != std::string::npos);
    CHECK(listing.find("log prefix") == std::string::npos);
    CHECK(listing.find("reject with tcp reset") != std::string::npos);
}

TEST_CASE("probe answers are cached: the second apply_with_probes runs no probe", "[testing][optional][probe_cache]") {
    const auto fence = ruleset(replace(fence_with_optionals()));
    probe_cache cache;  // in memory only: this test's answers stay here
    recording_executor rec;
    rec.answers_for_kernel = true;
    rec.failing_probes = {"ct state"};
    auto probes = [&] {
        int n = 0;
        for (const auto& c : rec.calls) n += c.operation == "probe";
        return n;
    };
    const auto first = apply_with_probes(rec, fence, {}, &cache);
    REQUIRE(first.outcome.ok());
    CHECK(probes() == 3);  // conntrack, log, limit
    const auto second = apply_with_probes(rec, fence, {}, &cache);
    REQUIRE(second.outcome.ok());
    CHECK(probes() == 3);  // none more
    CHECK(rec.applied().size() == 2);
    CHECK_FALSE(second.caps.has(feature::conntrack));  // the cached "missing" is kept too
    CHECK(second.skipped.size() == first.skipped.size());
    CHECK(rec.applied()[1] == rec.applied()[0]);
    // cleared: asked again
    cache.clear();
    REQUIRE(apply_with_probes(rec, fence, {}, &cache).outcome.ok());
    CHECK(probes() == 6);
    // a probe that could not be asked is not remembered
    probe_cache other;
    recording_executor flaky;
    flaky.answers_for_kernel = true;
    flaky.probe_answer = [](std::string_view) {
        exec::outcome o;
        o.kind = exec::outcome_kind::timed_out;
        return o;
    };
    CHECK(apply_with_probes(flaky, fence, {}, &other).outcome.kind == exec::outcome_kind::timed_out);
    CHECK_FALSE(other.find(feature::conntrack).has_value());
    // a test double's answers are never kept unless it says they are the kernel's
    probe_cache untouched;
    recording_executor plain;
    REQUIRE(apply_with_probes(plain, fence, {}, &untouched).outcome.ok());
    REQUIRE(apply_with_probes(plain, fence, {}, &untouched).outcome.ok());
    int plain_probes = 0;
    for (const auto& c : plain.calls) plain_probes += c.operation == "probe";
    CHECK(plain_probes == 6);
    CHECK_FALSE(untouched.find(feature::log).has_value());
}

TEST_CASE("probe_cache: a file for this boot and kernel, ignored for another", "[testing][probe_cache]") {
    if (::geteuid() != 0) {
        WARN("SKIPPED (the file store is checked for root ownership: not running as root)");
        return;
    }
    nftpp_test_probe_dir dir;
    const std::string file = dir.path + "/probes";
    {
        probe_cache a(file);
        a.remember(feature::log, true);
        a.remember(feature::nat, false);
    }
    probe_cache b(file);  // another process, as far as the cache knows
    CHECK(b.find(feature::log) == std::optional<bool>(true));
    CHECK(b.find(feature::nat) == std::optional<bool>(false));
    CHECK_FALSE(b.find(feature::limit).has_value());
    // the file names this boot and kernel; another boot's answers are not taken
    std::string text;
    {
        std::FILE* f = std::fopen(file.c_str(), "r");
        REQUIRE(f);
        char buf[256] = {};
        text.assign(buf, std::fread(buf, 1, sizeof(buf) - 1, f));
        std::fclose(f);
    }
    CHECK(text.find(probe_cache::boot_and_kernel()) != std::string::npos);
    {
        std::FILE* f = std::fopen(file.c_str(), "w");
        std::fputs("nftpp-probes-v1 00000000-0000-0000-0000-000000000000 0.0.0\n3f 3f\n", f);
        std::fclose(f);
    }
    probe_cache c(file);
    CHECK_FALSE(c.find(feature::log).has_value());
    // a file others can write is not trusted
    {
        probe_cache d(file);
        d.remember(feature::log, false);
    }
    ::chmod(file.c_str(), 0666);
    probe_cache e(file);
    CHECK_FALSE(e.find(feature::log).has_value());
}
