// SPDX-License-Identifier: Apache-2.0
// queue: golden renderings; its number, range and fanout rules and its terminality beside
// valid neighbours; and the probed feature: where the kernel has nft_queue the rules load,
// where it lacks it (as this project's CI kernel does) the probe is refused, the kernel
// refuses the statement with "No such file or directory", and apply_with_probes leaves an
// optional queue rule out, reports it, and loads the rest.
#include <string>

#include <nftpp/apply.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::refusal_of;

namespace {
#define RULE(...) decltype(as_rule(__VA_ARGS__))
}  // namespace

TEST_CASE("queue renders as nft writes it", "[stmt][queue][golden]") {
    CHECK(to_nft_text(queue_num(1)) == "queue num 1");
    CHECK(to_nft_text(queue_num(1, 3).fanout()) == "queue num 1-3 fanout");
    CHECK(to_nft_text(queue_num(1).bypass()) == "queue num 1 bypass");
    CHECK(to_nft_text(queue_num(0, 3).bypass().fanout()) == "queue num 0-3 bypass,fanout");
    CHECK(to_nft_text(queue_num(0, 65535)) == "queue num 0-65535");
    CHECK(to_nft_text(as_rule(tcp.dport == 80 >> counter >> queue_num(2))) == "tcp dport 80 counter queue num 2");
}

TEST_CASE("queue rules, each beside a valid neighbour", "[stmt][queue][checks]") {
    STATIC_REQUIRE(queue_number::from(65535).ok());
    STATIC_REQUIRE(queue_number::from(65536).err().broken == &rules::a_queue_number_is_from_0_to_65535);
    CHECK(refusal_of([] { (void)queue_num(1, 1); }) == "(nothing refused)");
    CHECK(refusal_of([] { (void)queue_num(3, 1); }) == rules::a_queue_range_runs_from_low_to_high.sentence);
    CHECK(refusal_of([] { (void)queue_num(1).fanout(); }) == rules::queue_fanout_needs_a_range.sentence);
    CHECK(refusal_of([] { (void)queue_num(1, 2).fanout(); }) == "(nothing refused)");
    // terminal, a verdict, and the feature it needs
    STATIC_REQUIRE(rule_summary_v<RULE(counter >> queue_num(1))>.broken == nullptr);
    STATIC_REQUIRE(rule_summary_v<RULE(queue_num(1) >> counter)>.broken == &rules::terminal_statement_last);
    STATIC_REQUIRE(rule_summary_v<RULE(queue_num(1) >> accept)>.broken != nullptr);
    STATIC_REQUIRE(rule_summary_v<RULE(queue_num(1))>.features.contains(feature::queue));
}

TEST_CASE("queue is probed: it loads where the kernel has it, and is left out where not", "[stmt][queue][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = table<family::inet>("q", base_chain<"in", filter_chain(hook::input)>(
                                                optional_rule(tcp.dport == 8080 >> queue_num(0, 3).bypass().fanout()),
                                                tcp.dport == 22 >> accept));
    nftpp::testing::scratch_netns ns("queue");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const bool has_queue = ex.probe(feature::queue.probe).ok();
    const auto direct = ex.apply(nftpp::script("table inet d {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n"
                                               "\t\tqueue num 1\n\t}\n}\n"));
    INFO("the probe " << (has_queue ? "loads" : "is refused") << "; queue num 1: " << direct.err);
    CHECK(direct.ok() == has_queue);
    if (!has_queue) CHECK(direct.err.find("No such file or directory") != std::string::npos);
    const auto report = apply_with_probes(ex, ruleset(replace(t)), capabilities{}, nullptr);
    INFO(report.outcome.err);
    REQUIRE(report.outcome.ok());
    CHECK(report.caps.has(feature::queue) == has_queue);
    CHECK(report.skipped.size() == (has_queue ? 0u : 1u));
    if (!has_queue) {
        CHECK(report.skipped[0].describe().find("queue num 0-3 bypass,fanout") != std::string::npos);
        CHECK(report.skipped[0].describe().find("queue") != std::string::npos);
    }
    CHECK(report.applied.text().find("tcp dport 22 accept") != std::string::npos);
    CHECK((report.applied.text().find("queue num") != std::string::npos) == has_queue);
}
