// SPDX-License-Identifier: Apache-2.0
// Read-back never says ok for a listing that lost elements: nft's JSON output drops an
// interface name that is not UTF-8 (a ruleset someone else wrote: nftpp refuses such
// names), and lists an escaped "plain\*" like the wildcard "plain*".
#include <string>

#include "golden.hpp"

#include <nftpp/readback.hpp>

using namespace nftpp;
using nftpp::testing::scratch_netns;

TEST_CASE("count_listed_elements counts nft's text listing, commas in quotes aside", "[readback]") {
    using detail::count_listed_elements;
    CHECK(count_listed_elements("table inet t {\n\tset s {\n\t\ttype ifname\n\t}\n}\n") == 0u);
    CHECK(count_listed_elements("set s {\n elements = { \"lo\" }\n}") == 1u);
    CHECK(count_listed_elements("elements = { \"a, b\" . 1.2.3.4,\n\t\t\"c\" . 1.2.3.5 counter packets 0 bytes 0 }") == 2u);
    CHECK(count_listed_elements("elements = { \"a\" : jump x, \"b}\" : accept, \"c\" comment \"d, e\" }") == 3u);
    CHECK_FALSE(count_listed_elements("elements = { \"a\", \"b\""));
}

TEST_CASE("read_set and read_map: a listing that lost elements is an error", "[readback][netns]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns ns("lossy");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    // written by someone else: names Linux allows but nft's JSON cannot carry
    const std::string script =
        "table inet rb {\n"
        " set bad { type ifname; elements = { \"ok0\", \"a\xff\xfe\" } }\n"
        " set allbad { type ifname; elements = { \"\xff\" } }\n"
        " set pairs { type ifname . ipv4_addr; elements = { \"ok0\" . 10.0.0.1, \"b\xfe\" . 10.0.0.2 } }\n"
        " set escaped { type ifname; elements = { \"plain\\\\*\", \"ok1\" } }\n"
        " set good { type ifname; flags interval; elements = { \"veth*\", \"lo\" } }\n"
        "}\n";
    const auto loaded = ex.apply(script);
    INFO(loaded.describe());
    REQUIRE(loaded.ok());

    const auto bad = read_set<ifname>(ex, family::inet, "rb", "bad");
    CHECK_FALSE(bad.ok());  // before: ok, with "ok0" alone
    CHECK(bad.elements.empty());
    INFO(bad.error);
    CHECK(bad.error.find("set bad holds 2 elements but nft's JSON listing shows 1") != std::string::npos);
    CHECK(bad.error.find("not UTF-8") != std::string::npos);

    const auto all_bad = read_set<ifname>(ex, family::inet, "rb", "allbad");  // JSON lists no "elem" at all
    CHECK_FALSE(all_bad.ok());
    CHECK(all_bad.error.find("holds 1 elements but nft's JSON listing shows 0") != std::string::npos);

    const auto pairs = read_set<concat_key<ifname, ipv4_addr>>(ex, family::inet, "rb", "pairs");
    CHECK_FALSE(pairs.ok());
    INFO(pairs.error);
    CHECK_FALSE(pairs.error.empty());

    // a map of such names makes `nft -j list` abort: the outcome says it failed
    REQUIRE(ex.apply(std::string("table inet rc {\n map verdicts { type ifname : verdict; elements = { \"ok0\" : "
                                 "accept, \"c\xff\" : drop } }\n}\n")).ok());
    const auto verdicts = read_map<ifname, std::string>(ex, family::inet, "rc", "verdicts");
    CHECK_FALSE(verdicts.ok());
    CHECK_FALSE(verdicts.outcome.ok());
    CHECK(verdicts.entries.empty());

    // "plain\*" is listed "plain*": in a set without the interval flag that is no wildcard
    const auto escaped = read_set<ifname>(ex, family::inet, "rb", "escaped");
    CHECK_FALSE(escaped.ok());  // before: ok, with the wildcard "plain*"
    INFO(escaped.error);
    CHECK(escaped.error.find("escaped '*'") != std::string::npos);

    // a clean set reads back as before (and is counted the same both ways)
    const auto good = read_set<ifname>(ex, family::inet, "rb", "good");
    INFO(good.error);
    REQUIRE(good.ok());
    REQUIRE(good.elements.size() == 2u);
    CHECK(good.elements[0].low().is_wildcard() != good.elements[1].low().is_wildcard());
}
