// SPDX-License-Identifier: Apache-2.0
// One rendering protocol: every node, from a value to a whole ruleset, static or built at
// run time, writes itself with write_nft(sink, node) into any Sink. Containers and
// commands report their origins through the sink (core/sink.hpp's origin_*), so a sink of
// the caller's own sees the same origins render() records.
#include <string>
#include <string_view>
#include <vector>

#include "golden.hpp"

using namespace nftpp;

namespace {
template <class T>
concept writes_nft = requires(count_sink& s, const T& x) { write_nft(s, x); };

const auto web = base_chain<"input", filter_chain(hook::input)>(policy::drop, tcp.dport == 22 >> accept,
                                                                   optional_rule(ct.state == established >> accept));
const auto tbl = table<family::inet>("web", web, set<"ports", port>({80}));

// A sink of the caller's own that records origins, with no nftpp type behind it.
struct my_sink {
    std::string text;
    std::string table;
    std::size_t line = 1;
    struct seen {
        std::string command, table, chain;
        long rule;
        std::size_t line;
    };
    std::vector<seen> marks;
    void put(std::string_view v) {
        for (char c : v) put(c);
    }
    void put(char c) {
        text += c;
        if (c == '\n') ++line;
    }
    void enter_table(family f, std::string_view t) { table = std::string(keyword(f)) + " " + std::string(t); }
    [[nodiscard]] origin_start open() const { return {line, text.size()}; }
    void mark(origin_start at, std::string_view command, std::string_view chain, long rule) {
        marks.push_back({std::string(command), table, std::string(chain), rule, at.line});
    }
};
}  // namespace

TEST_CASE("every node renders through write_nft into any sink", "[render][protocol]") {
    STATIC_REQUIRE(writes_nft<port>);
    STATIC_REQUIRE(writes_nft<decltype(tcp.dport == 22)>);
    STATIC_REQUIRE(writes_nft<decltype(as_rule(tcp.dport == 22 >> accept))>);
    STATIC_REQUIRE(writes_nft<decltype(web)>);
    STATIC_REQUIRE(writes_nft<decltype(tbl)>);
    STATIC_REQUIRE(writes_nft<decltype(replace(tbl))>);
    STATIC_REQUIRE(writes_nft<decltype(delete_table(tbl))>);
    STATIC_REQUIRE(writes_nft<decltype(ruleset(replace(tbl)))>);
    STATIC_REQUIRE(writes_nft<decltype(add_rule<"input">(tbl, udp.dport == 53 >> accept))>);
    STATIC_REQUIRE(writes_nft<decltype(add_elements<"ports">(tbl, {port(443)}))>);
    STATIC_REQUIRE(writes_nft<decltype(flush_chain<"input">(tbl))>);
    STATIC_REQUIRE(writes_nft<runtime_chain>);
    STATIC_REQUIRE(writes_nft<runtime_set>);
    STATIC_REQUIRE(writes_nft<runtime_table>);
    STATIC_REQUIRE(writes_nft<runtime_table_command>);
    STATIC_REQUIRE(writes_nft<table_update>);
    STATIC_REQUIRE(writes_nft<runtime_command>);
    STATIC_REQUIRE(writes_nft<runtime_element_command>);
    STATIC_REQUIRE(writes_nft<runtime_rule_command>);
    // not a node
    STATIC_REQUIRE(!writes_nft<int>);
    STATIC_REQUIRE(!writes_nft<std::string>);
}

TEST_CASE("a container's text is the same wherever it is written", "[render][protocol]") {
    const std::string chain_text = to_nft_text(web);
    const std::string table_text = to_nft_text(tbl);
    CHECK(table_text.find(chain_text) != std::string::npos);
    CHECK(render_text(ruleset(replace(tbl))).find(table_text) != std::string::npos);
    // a static chain and its run-time twin write the same text
    CHECK(to_nft_text(runtime_chain(web)) == chain_text);
    // and a plain sink writes what the render context writes
    std::string direct(rendered_size(ruleset(replace(tbl))), '\0');
    span_sink s{direct.data()};
    write_nft(s, ruleset(replace(tbl)));
    CHECK(direct == render_text(ruleset(replace(tbl))));
}

TEST_CASE("a sink of one's own sees the origins render() records", "[render][protocol]") {
    const auto rs = ruleset(replace(tbl), add_rule<"input">(tbl, udp.dport == 53 >> accept));
    my_sink mine;
    write_nft(mine, rs);
    const script s = render(rs);
    CHECK(mine.text == s.text());
    REQUIRE(mine.marks.size() == s.origins().size());
    for (std::size_t i = 0; i < mine.marks.size(); ++i) {
        INFO(i << ": " << mine.marks[i].command);
        CHECK(mine.marks[i].command == s.origins()[i].command);
        CHECK(mine.marks[i].table == s.origins()[i].table);
        CHECK(mine.marks[i].chain == s.origins()[i].chain);
        CHECK(mine.marks[i].rule == s.origins()[i].rule);
        CHECK(mine.marks[i].line == s.origins()[i].first_line);
    }
    // the rule command names its table and chain
    CHECK(mine.marks.back().command == "add rule");
    CHECK(mine.marks.back().table == "inet web");
    CHECK(mine.marks.back().chain == "input");
}

TEST_CASE("the render context leaves out optional rules the target lacks, and says so", "[render][protocol]") {
    capabilities caps;
    caps.remove(feature::conntrack);
    std::vector<skipped_rule> skipped;
    const script s = render(ruleset(replace(tbl)), caps, &skipped);
    CHECK(s.text().find("ct state") == std::string::npos);
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].table == "inet web");
    CHECK(skipped[0].chain == "input");
    CHECK(skipped[0].rule == 1);
    CHECK(skipped[0].text == "ct state established accept");
    // a plain sink knows no target: it writes every rule
    CHECK(to_nft_text(tbl).find("ct state established accept") != std::string::npos);
    // the same for a table built at run time
    std::vector<skipped_rule> skipped_rt;
    const script r = render(ruleset(replace(table(family::inet, "web", runtime_chain(web)))), caps, &skipped_rt);
    CHECK(r.text().find("ct state") == std::string::npos);
    REQUIRE(skipped_rt.size() == 1);
    CHECK(skipped_rt[0].rule == 1);
    CHECK(skipped_rt[0].text == skipped[0].text);
}
