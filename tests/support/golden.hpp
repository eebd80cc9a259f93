// SPDX-License-Identifier: Apache-2.0
#pragma once
// Golden-test support: compare rendered text with the expected text, printing both
// between -->| and |<-- on mismatch, and load every golden script for real in a
// throwaway network namespace (the oracle): `nft -c` alone misses hook and jump errors.
#include <cstdlib>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include <nftpp/nftpp.hpp>
#include <nftpp/testing/testing.hpp>

namespace nftpp_test {

inline std::string show(std::string_view expected, std::string_view received) {
    return "Expected:\n-->|" + std::string(expected) + "|<--\nReceived:\n-->|" + std::string(received) + "|<--";
}

#define NFTPP_CHECK_TEXT(received, expected)                        \
    do {                                                            \
        const std::string nftpp_r_(received);                       \
        const std::string nftpp_e_(expected);                       \
        INFO(::nftpp_test::show(nftpp_e_, nftpp_r_));               \
        CHECK(nftpp_r_ == nftpp_e_);                                \
    } while (0)

// The sentence of the rule a binding broke (nftpp::value_error), or "(nothing refused)".
template <class F>
std::string refusal_of(F&& f) {
    try {
        f();
    } catch (const nftpp::value_error& e) {
        return std::string(e.info().broken->sentence);
    }
    return "(nothing refused)";
}

// Namespaces are required (CI, as root) or reported as SKIPPED.
inline bool netns_usable() {
    if (auto why = nftpp::testing::scratch_netns::unavailable_reason()) {
        const char* req = std::getenv("NFTPP_REQUIRE_NETNS");
        if (req && std::string_view(req) == "1") FAIL("network namespaces required but unavailable: " << *why);
        WARN("SKIPPED (" << *why << ")");
        return false;
    }
    return true;
}

// Loads the script for real; fails the test with nft's message if the kernel refuses it.
// Without root or network namespaces it reports SKIPPED (or fails when
// NFTPP_REQUIRE_NETNS=1, as CI sets).
inline bool require_loads(const nftpp::script& s) {
    if (auto why = nftpp::testing::scratch_netns::unavailable_reason()) {
        const char* req = std::getenv("NFTPP_REQUIRE_NETNS");
        if (req && std::string_view(req) == "1") FAIL("network namespaces required but unavailable: " << *why);
        WARN("SKIPPED oracle load (" << *why << ")");
        return false;
    }
    const auto report = nftpp::testing::load_in_scratch(s);
    INFO("script:\n" << s.text() << "\nnft said:\n" << report.apply.describe());
    REQUIRE(report.apply.ok());
    // the tables the script declares are there
    CHECK(report.listing_json.find("\"nftables\"") != std::string::npos);
    return true;
}

// The kernel's side of a refusal nftpp makes: `match` in a base chain of `family` on `hook`
// (after the table's declarations `decl`, if any) is refused by nft or the kernel with a
// message containing `error`. Each check loads into a fresh scratch namespace.
struct refusal {
    std::string family, match, error, hook = "input", type = "filter", decl = "";
};
inline void require_refused(const refusal& r) {
    nftpp::testing::scratch_netns ns("refusal");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const std::string script = "table " + r.family + " t {\n" + r.decl + "\tchain c {\n\t\ttype " + r.type + " hook " + r.hook +
                               " priority 0; policy accept;\n\t\t" + r.match + "\n\t}\n}\n";
    const auto bad = ex.apply(nftpp::script(script));
    INFO("script:\n" << script << "nft said: " << bad.err);
    CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
    CHECK(bad.err.find(r.error) != std::string::npos);
}

// Renders x, compares with the expected text, and loads it for real.
template <class T>
void golden(const T& x, std::string_view expected) {
    const nftpp::script s = nftpp::render(x);
    NFTPP_CHECK_TEXT(s.text(), expected);
    require_loads(s);
}

}  // namespace nftpp_test

namespace nftpp_test {

// The text one node renders.
template <class N>
std::string node_text(const N& n) {
    nftpp::count_sink c;
    write_nft(c, n);
    std::string s(c.size, '\0');
    nftpp::span_sink w{s.data()};
    write_nft(w, n);
    return s;
}

// Golden test of one rule: its text, then the rule loaded for real in a base chain of
// the given family and spec (table "t", chain "c").
template <nftpp::family F = nftpp::family::inet, nftpp::base_spec Spec = nftpp::filter_chain(nftpp::hook::input),
          class R>
void golden_rule(const R& r, std::string_view expected) {
    NFTPP_CHECK_TEXT(node_text(nftpp::as_rule(r)), expected);
    if constexpr (Spec.hk == nftpp::hook::ingress || Spec.hk == nftpp::hook::egress) {
        const auto t = nftpp::table<F>("t", nftpp::base_chain<"c", Spec>(nftpp::device("lo"), r));
        require_loads(nftpp::render(nftpp::ruleset(nftpp::replace(t))));
    } else {
        const auto t = nftpp::table<F>("t", nftpp::base_chain<"c", Spec>(r));
        require_loads(nftpp::render(nftpp::ruleset(nftpp::replace(t))));
    }
}

}  // namespace nftpp_test
