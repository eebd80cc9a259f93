// SPDX-License-Identifier: Apache-2.0
// Named sets at scale: element commands in the same transaction as the table, 100 000
// elements rendered in one pass and applied at once, read back as typed values, and a
// batch with one element the kernel refuses changing nothing.
#include <algorithm>
#include <vector>

#include "golden.hpp"

#include <nftpp/readback.hpp>

using namespace nftpp;
using nftpp::testing::scratch_netns;

namespace {
auto allow_table() {
    return table<family::inet>("allow",
        set<"hosts", ipv4_addr>(),
        set<"nets", ipv4_addr>(set_flag::interval, {"10.1.0.0/16"}),
        set<"ports", port>(set_flag::interval),
        base_chain<"input", filter_chain(hook::input)>(
            ip.saddr == at<"hosts"> >> accept,
            ip.saddr == at<"nets"> && tcp.dport == at<"ports"> >> accept));
}

std::vector<ipv4_addr> addresses(std::size_t n) {
    std::vector<ipv4_addr> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) v.push_back(ipv4_addr::from_bits(0x0a000000u + static_cast<std::uint32_t>(i) + 1));
    return v;
}
}  // namespace

TEST_CASE("element commands, golden and loaded", "[sets][golden]") {
    const auto t = allow_table();
    const std::string table_text = render_text(replace(t));
    nftpp_test::golden(ruleset(replace(t), add_elements<"hosts">(t, {"192.0.2.1", "192.0.2.2"}),
                               add_elements<"ports">(t, {22, range<port>(8000, 8080)}),
                               delete_elements<"nets">(t, {"10.1.0.0/16"}), flush_set<"hosts">(t)),
                       table_text + "add element inet allow hosts {\n\t192.0.2.1,\n\t192.0.2.2\n}\n"
                       "add element inet allow ports {\n\t22,\n\t8000-8080\n}\n"
                       "delete element inet allow nets {\n\t10.1.0.0/16\n}\n"
                       "flush set inet allow hosts\n");
}

TEST_CASE("the set's key type and flags are checked when elements are bound", "[sets]") {
    const auto t = allow_table();
    const std::vector<ipv4_prefix> nets{ipv4_prefix::parse("10.9.0.0/16").value()};
    CHECK_THROWS_AS(add_elements<"hosts">(t, nets), value_error);  // a prefix needs set_flag::interval
    CHECK_NOTHROW(add_elements<"nets">(t, nets));
}

TEST_CASE("100 000 elements render in one pass and apply in one transaction", "[sets][scale][netns]") {
    const auto t = allow_table();
    const auto many = addresses(100000);
    const script s = render(ruleset(replace(t), add_elements<"hosts">(t, many)));
    CHECK(s.text().size() > 100000 * 9);
    if (!nftpp_test::netns_usable()) return;
    scratch_netns ns("scale");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto r = ex.apply(s);
    INFO(r.describe());
    REQUIRE(r.ok());
    const auto back = read_set<"hosts">(ex, t);
    REQUIRE(back.ok());
    CHECK(back.elements.size() == 100000);
}

TEST_CASE("10 000 elements read back as the same typed values", "[sets][readback][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = allow_table();
    auto hosts = addresses(10000);
    std::vector<operand<port>> ports{operand<port>(22), operand<port>(range<port>(8000, 8080))};
    scratch_netns ns("readback");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    REQUIRE(ex.apply(render(ruleset(replace(t), add_elements<"hosts">(t, hosts), add_elements<"ports">(t, ports)))).ok());
    const auto back = read_set<"hosts">(ex, t);
    REQUIRE(back.ok());
    REQUIRE(back.elements.size() == hosts.size());
    std::vector<ipv4_addr> got;
    for (const auto& e : back.elements) got.push_back(e.low());
    std::sort(got.begin(), got.end());
    CHECK(got == hosts);
    const auto nets = read_set<"nets">(ex, t);
    REQUIRE(nets.ok());
    REQUIRE(nets.elements.size() == 1);
    CHECK(nets.elements[0] == operand<ipv4_addr>(ipv4_prefix("10.1.0.0/16")));
    const auto p = read_set<"ports">(ex, t);
    REQUIRE(p.ok());
    REQUIRE(p.elements.size() == 2);
    CHECK(std::count(p.elements.begin(), p.elements.end(), operand<port>(range<port>(8000, 8080))) == 1);
}

TEST_CASE("a batch of element changes with one refused element changes nothing", "[sets][atomicity][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = allow_table();
    scratch_netns ns("elemtx");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    REQUIRE(ex.apply(render(ruleset(replace(t)))).ok());
    const std::string before = ex.list_ruleset_json().out;
    // 10.0.0.0/8 overlaps the set's 10.1.0.0/16: nft refuses the interval, and with it the batch
    const auto r = ex.apply(render(ruleset(add_elements<"hosts">(t, addresses(1000)),
                                           add_elements<"nets">(t, {"192.168.0.0/16", "10.0.0.0/8"}))));
    CHECK(r.kind == exec::outcome_kind::rejected);
    CHECK(ex.list_ruleset_json().out == before);
}
