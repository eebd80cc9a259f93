// SPDX-License-Identifier: Apache-2.0
// tests/corpus: every ruleset loads for real with nft in a throwaway namespace, says where
// it comes from, and is of the size the corpus promises.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "corpus_support.hpp"
#include "golden.hpp"

using nftpp::testing::scratch_netns;

TEST_CASE("corpus: every file names its origin and loads with nft", "[examples][corpus]") {
    const auto files = corpus::files();
    REQUIRE(files.size() >= 8);
    for (const auto& f : files) {
        const std::string text = corpus::read(f);
        INFO("corpus file " << f.filename().string());
        CHECK(text.rfind("# Origin: ", 0) == 0);
        CHECK(text.find("# Changed: ") != std::string::npos);
    }
    if (!nftpp_test::netns_usable()) return;
    std::size_t total = 0;
    for (const auto& f : files) {
        const std::string text = corpus::read(f);
        INFO("corpus file " << f.filename().string());
        scratch_netns ns("corpus");
        REQUIRE(ns.ok());
        REQUIRE(corpus::load(ns, text, text) == "");
        auto ex = ns.executor();
        const auto listed = ex.list_ruleset_json();
        REQUIRE(listed.ok());
        const auto rules = corpus::count_rules(nlohmann::json::parse(listed.out));
        CHECK(rules >= 6);
        CHECK(rules <= 80);
        total += rules;
    }
    CHECK(total >= 200);
}
