// The recording executor (no root needed) and optional rules applied in one transaction.
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
            optional(ct.state == (established | related) >> accept),
            optional(tcp.flags == syn >> limit(5 / second) >> log("fence: ", skuid)),
            meta.l4proto == tcp >> reject(tcp_reset)));
}
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
    REQUIRE(rec.calls.size() == 3);
    CHECK(rec.calls[0].operation == "apply");
    CHECK(rec.calls[0].text == s.text());
    CHECK(rec.calls[2].text == "ip x");
    CHECK(rec.applied().size() == 2);
}

TEST_CASE("optional rules: probe what is needed, leave out what is missing, apply once", "[testing][optional]") {
    const auto fence = ruleset(replace(fence_with_optionals()));
    CHECK(optional_features(fence) == (static_cast<std::uint32_t>(feature::conntrack) | static_cast<std::uint32_t>(feature::log) |
                                       static_cast<std::uint32_t>(feature::limit)));
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
