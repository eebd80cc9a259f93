// SPDX-License-Identifier: Apache-2.0
// Agreement with the kernel: for every rule nftpp enforces, the hand-written nft that
// breaks it is refused by nft/the kernel for the reason the DSL gives, and its neighbour
// loads. Every rule in the corpus is documented in docs/diagnostics.md, where its DSL
// spelling is a compile-fail test.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "golden.hpp"

namespace {
struct agreement_case {
    std::string rule, refused_error, refused, accepted;
};

std::vector<agreement_case> read_corpus() {
    std::ifstream in(std::string(NFTPP_TEST_SOURCE_DIR) + "/ruleset/data/kernel_agreement.txt");
    std::vector<agreement_case> out;
    std::string line;
    std::string* target = nullptr;
    while (std::getline(in, line)) {
        if (line.rfind("=== ", 0) == 0) {
            out.push_back({line.substr(4), {}, {}, {}});
            target = nullptr;
        } else if (line.rfind("--- refused: ", 0) == 0) {
            out.back().refused_error = line.substr(13);
            target = &out.back().refused;
        } else if (line == "--- accepted") {
            target = &out.back().accepted;
        } else if (target && !(line.empty() && target == &out.back().accepted && false)) {
            if (line.empty() || line[0] == '#') continue;
            *target += line + "\n";
        }
    }
    return out;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("the corpus covers documented rules", "[kernel-agreement]") {
    const auto corpus = read_corpus();
    REQUIRE(corpus.size() >= 40);
    const std::string doc = slurp(std::string(NFTPP_TEST_SOURCE_DIR) + "/../docs/diagnostics.md");
    for (const auto& c : corpus) {
        INFO(c.rule);
        CHECK(doc.find("### `" + c.rule + "`") != std::string::npos);
        CHECK_FALSE(c.refused.empty());
        CHECK_FALSE(c.accepted.empty());
    }
}

TEST_CASE("the kernel refuses what nftpp refuses, for the same reason", "[kernel-agreement][netns]") {
    if (!nftpp_test::netns_usable()) return;
    for (const auto& c : read_corpus()) {
        INFO(c.rule << "\nrefused script:\n" << c.refused);
        nftpp::testing::scratch_netns ns("agree");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto bad = ex.apply(nftpp::script(c.refused));
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        INFO("nft said: " << bad.err);
        CHECK(bad.err.find(c.refused_error) != std::string::npos);
        const auto good = ex.apply(nftpp::script(c.accepted));
        INFO("accepted script:\n" << c.accepted << "\nnft said: " << good.describe());
        CHECK(good.ok());
    }
}
