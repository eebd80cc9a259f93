// SPDX-License-Identifier: Apache-2.0
// Line origins of a rendered script: each table, chain and rule covers exactly its own
// lines, so an nft error on any line names the node that wrote it.
#include <string>
#include <string_view>

#include "golden.hpp"

using namespace nftpp;

namespace {
// The 1-based number of the first line equal to `text`, or 0.
std::size_t line_of(const script& s, std::string_view text) {
    std::size_t n = 1, start = 0;
    const std::string& t = s.text();
    while (start < t.size()) {
        const std::size_t end = t.find('\n', start);
        if (std::string_view(t).substr(start, end - start) == text) return n;
        if (end == std::string::npos) break;
        start = end + 1;
        ++n;
    }
    return 0;
}
}  // namespace

TEST_CASE("every line of a script belongs to the node that wrote it", "[render][origins]") {
    const auto t = table<family::inet>("o",
        base_chain<"a", filter_chain(hook::input)>(counter, tcp.dport == 22 >> accept),
        base_chain<"b", filter_chain(hook::output)>(udp.dport == 53 >> accept));
    const script s = render(ruleset(replace(t)));
    INFO(s.text());
    const std::size_t a_close = line_of(s, "\tchain b {") - 1;  // the "\t}" that closes chain a
    REQUIRE(a_close > 1);
    CHECK(std::string_view(s.text()).find("\t}\n\tchain b {") != std::string_view::npos);

    const script_origin* close_a = s.origin_of_line(a_close);
    REQUIRE(close_a != nullptr);
    CHECK(close_a->chain == "a");
    CHECK(close_a->rule == -1);

    const script_origin* open_b = s.origin_of_line(a_close + 1);
    REQUIRE(open_b != nullptr);
    CHECK(open_b->chain == "b");

    const script_origin* rule = s.origin_of_line(line_of(s, "\t\tudp dport 53 accept"));
    REQUIRE(rule != nullptr);
    CHECK(rule->chain == "b");
    CHECK(rule->rule == 0);

    // the table ends on the script's last line, and nothing claims a line past it
    std::size_t lines = 0;
    for (char c : s.text()) lines += c == '\n' ? 1 : 0;
    for (const auto& o : s.origins()) {
        CHECK(o.first_line >= 1);
        CHECK(o.last_line <= lines);
        CHECK(o.first_line <= o.last_line);
    }
    const script_origin* last = s.origin_of_line(lines);
    REQUIRE(last != nullptr);
    CHECK(last->command == "table");
    CHECK(s.origin_of_line(lines + 1) == nullptr);
    nftpp_test::require_loads(s);
}
