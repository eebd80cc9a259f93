// SPDX-License-Identifier: Apache-2.0
// scratch_netns: the namespace is gone after the destructor, also when a test throws;
// purposes are checked.
#include <filesystem>
#include <stdexcept>
#include <string>

#include "golden.hpp"

using nftpp::testing::scratch_netns;

namespace {
bool netns_exists(const std::string& path) { return std::filesystem::exists(path); }
}  // namespace

TEST_CASE("scratch_netns: removed by its destructor", "[testing][scratch][netns]") {
    if (!nftpp_test::netns_usable()) return;
    std::string path;
    {
        scratch_netns ns("gone");
        REQUIRE(ns.ok());
        path = ns.path();
        REQUIRE(netns_exists(path));
        CHECK(nftpp::exec::check_netns_file(path).ok());  // a real network namespace
        CHECK(ns.name().rfind("nftpp-test-gone-", 0) == 0);
        // lo is up
        const auto ip = nftpp::exec::find_trusted(nftpp::exec::ip_candidates);
        REQUIRE(ip.path);
        const auto lo = ns.run({*ip.path, "-o", "link", "show", "lo"});
        REQUIRE(lo.succeeded());
        CHECK(lo.out.find("UP") != std::string::npos);
    }
    CHECK_FALSE(netns_exists(path));
}

TEST_CASE("scratch_netns: removed when a test throws", "[testing][scratch][netns]") {
    if (!nftpp_test::netns_usable()) return;
    std::string path;
    try {
        scratch_netns ns("throws");
        REQUIRE(ns.ok());
        path = ns.path();
        REQUIRE(netns_exists(path));
        throw std::runtime_error("a failing test");
    } catch (const std::runtime_error&) {
    }
    REQUIRE_FALSE(path.empty());
    CHECK_FALSE(netns_exists(path));
}

TEST_CASE("scratch_netns: remove() deletes it now, once", "[testing][scratch][netns]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns ns("remove");
    REQUIRE(ns.ok());
    const std::string path = ns.path();
    CHECK(ns.remove());
    CHECK_FALSE(ns.ok());
    CHECK_FALSE(netns_exists(path));
    CHECK(ns.remove());  // nothing left to do
    CHECK(ns.error().empty());
}

TEST_CASE("scratch_netns: the purpose must be a short plain word", "[testing][scratch]") {
    for (const char* bad : {"", "a/b", "..", "a b", "x\n", "012345678901234567890123456789012"}) {
        INFO(bad);
        CHECK_THROWS_AS(scratch_netns(bad), std::invalid_argument);
    }
    STATIC_REQUIRE(scratch_netns::valid_purpose("bench-sets"));
    STATIC_REQUIRE(scratch_netns::valid_purpose("concA_1"));
    STATIC_REQUIRE(!scratch_netns::valid_purpose("a.b"));
}
