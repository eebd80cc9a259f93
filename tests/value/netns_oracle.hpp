// SPDX-License-Identifier: Apache-2.0
#pragma once
// The round-trip oracle of the value tests: rules and sets written around rendered values
// are loaded for real by nft in a throwaway network namespace (the library's
// testing::scratch_netns, deleted afterwards, also when a check fails), and nft must list
// each one back exactly as written. Without root (or without ip/nft) the test reports
// SKIPPED, or fails when NFTPP_REQUIRE_NETNS=1, as CI sets.
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include <nftpp/exec/process.hpp>
#include <nftpp/exec/trust.hpp>
#include <nftpp/testing/scratch_netns.hpp>

#include "value_test.hpp"

namespace value_test {

struct run_result {
    bool ok = false;
    std::string output;  // stdout, then stderr
};

// A scratch namespace with nft inside it.
class scratch_ns {
public:
    explicit scratch_ns(std::string nft) : ns_("value"), nft_(std::move(nft)) {}
    [[nodiscard]] bool ok() const { return ns_.ok(); }
    [[nodiscard]] const std::string& error() const { return ns_.error(); }

    run_result nft(std::vector<std::string> args, std::string input = {}) const {
        args.insert(args.begin(), nft_);
        const auto r = ns_.run(args, std::move(input));
        return {r.succeeded(), r.out + r.err};
    }
    run_result load(std::string_view script) const { return nft({"-f", "-"}, std::string(script)); }
    run_result flush() const { return nft({"flush", "ruleset"}); }

private:
    nftpp::testing::scratch_netns ns_;
    std::string nft_;
};

// A namespace, or null after reporting SKIPPED (a failure when NFTPP_REQUIRE_NETNS=1).
inline std::unique_ptr<scratch_ns> open_scratch_ns() {
    const char* require = std::getenv("NFTPP_REQUIRE_NETNS");
    const bool required = require && std::string_view(require) == "1";
    if (auto why = nftpp::testing::scratch_netns::unavailable_reason()) {
        if (required) FAIL("network namespaces required but unavailable: " << *why);
        WARN("SKIPPED: the nft round trip needs a network namespace (" << *why << ")");
        return nullptr;
    }
    auto ns = std::make_unique<scratch_ns>(*nftpp::exec::find_trusted(nftpp::exec::nft_candidates).path);
    if (!ns->ok()) {
        if (required) FAIL("network namespaces required but unavailable: " << ns->error());
        WARN("SKIPPED: the nft round trip needs a network namespace (" << ns->error() << ")");
        return nullptr;
    }
    return ns;
}

inline std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

inline std::vector<std::string> lines_of(std::string_view s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto nl = s.find('\n', pos);
        const auto end = nl == std::string_view::npos ? s.size() : nl;
        out.push_back(std::string(s.substr(pos, end - pos)));
        pos = end + 1;
    }
    return out;
}

// The rules of `nft list chain ...` output, one per line, indentation removed.
inline std::vector<std::string> listed_rules(std::string_view listing) {
    std::vector<std::string> rules;
    for (const auto& raw : lines_of(listing)) {
        const std::string l = trim(raw);
        if (l.empty() || l == "}" || l.rfind("table ", 0) == 0 || l.rfind("chain ", 0) == 0 || l.rfind("type ", 0) == 0)
            continue;
        rules.push_back(l);
    }
    return rules;
}

// One rule as written, and as nft must list it back.
struct rule_case {
    std::string written;
    std::string listed;
};

// Loads all rules into one base chain `c` of table `t` of the family, and checks that
// nft lists every rule back as expected, in order.
inline void check_rules_list_back(std::string_view family, const std::vector<rule_case>& rules,
                                  std::string_view chain_spec = "type filter hook input priority 0; policy accept;") {
    auto ns = open_scratch_ns();
    if (!ns) return;
    std::string script = "table " + std::string(family) + " t {\n\tchain c {\n\t\t" + std::string(chain_spec) + "\n";
    for (const auto& r : rules) script += "\t\t" + r.written + "\n";
    script += "\t}\n}\n";
    const auto loaded = ns->load(script);
    INFO("script:\n" << script << "nft said:\n" << loaded.output);
    REQUIRE(loaded.ok);
    const auto listed = ns->nft({"list", "chain", std::string(family), "t", "c"});
    REQUIRE(listed.ok);
    const auto got = listed_rules(listed.output);
    INFO("listing:\n" << listed.output);
    REQUIRE(got.size() == rules.size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
        INFO("rule " << i << ": " << rules[i].written << "\n" << show(rules[i].listed, got[i]));
        CHECK(got[i] == rules[i].listed);
    }
}

// One element of a named set of nft datatype `type`, and how nft lists it back.
struct element_case {
    std::string type;
    std::string element;
    std::string listed;
    bool interval = false;
};

// Declares one set per element in table inet t (checking the datatype names too) and
// checks that nft lists each set's element back as expected.
inline void check_elements_list_back(const std::vector<element_case>& cases) {
    auto ns = open_scratch_ns();
    if (!ns) return;
    std::string script = "table inet t {\n";
    for (std::size_t i = 0; i < cases.size(); ++i) {
        script += "\tset s" + std::to_string(i) + " {\n\t\ttype " + cases[i].type + "\n";
        if (cases[i].interval) script += "\t\tflags interval\n";
        script += "\t\telements = { " + cases[i].element + " }\n\t}\n";
    }
    script += "}\n";
    const auto loaded = ns->load(script);
    INFO("script:\n" << script << "nft said:\n" << loaded.output);
    REQUIRE(loaded.ok);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto listed = ns->nft({"list", "set", "inet", "t", "s" + std::to_string(i)});
        REQUIRE(listed.ok);
        std::string elements;
        for (const auto& raw : lines_of(listed.output)) {
            const std::string l = trim(raw);
            if (l.rfind("elements = { ", 0) == 0 && l.size() >= 15) elements = l.substr(13, l.size() - 15);
        }
        INFO("set of " << cases[i].type << " with " << cases[i].element << "\nlisting:\n"
                       << listed.output << show(cases[i].listed, elements));
        CHECK(elements == cases[i].listed);
    }
}

}  // namespace value_test
