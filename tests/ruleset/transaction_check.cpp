// SPDX-License-Identifier: Apache-2.0
// One transaction, checked as one: what the commands of a ruleset(...) build together
// (ruleset/transaction_check.hpp). Each case is written with static tables (checked in the
// compiler: STATIC_REQUIRE over transaction_verdict) and with tables built at run time
// (ruleset(...) throws invalid_structure with the same rule), beside a valid neighbour.
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <nftpp/nftpp.hpp>

using namespace nftpp;

namespace {
constexpr auto graph = table<family::inet>("g", base_chain<"input", filter_chain(hook::input)>(jump<"a">), chain<"a">(), chain<"b">());
constexpr auto nat = table<family::ip>("m", chain<"a">(), base_chain<"post", nat_chain(hook::postrouting, 100)>(),
                                       base_chain<"fw", filter_chain(hook::forward)>());
constexpr auto on_input = table<family::inet>("v", base_chain<"c", filter_chain(hook::input)>());
constexpr auto on_output = table<family::inet>("v", base_chain<"c", filter_chain(hook::output)>());
constexpr auto input_prio_10 = table<family::inet>("v", base_chain<"c", filter_chain(hook::input, 10)>());
constexpr auto regular_c = table<family::inet>("v", chain<"c">());
constexpr auto other_name = table<family::inet>("w", base_chain<"c", filter_chain(hook::output)>());
constexpr auto addr_set = table<family::inet>("s", set<"x", ipv4_addr>());
constexpr auto port_set = table<family::inet>("s", set<"x", port>());
constexpr auto port_map = table<family::inet>("s", data_map<"x", port, mark>());

template <class... C>
constexpr const rule* broken(const C&... cs) {
    return transaction_verdict(cs...).error.broken;
}

template <class... C>
std::string thrown_id(const C&... cs) {
    try {
        (void)ruleset(cs...);
    } catch (const invalid_structure& e) {
        return std::string(e.error().id());
    }
    return "nothing thrown";
}
}  // namespace

TEST_CASE("two rule commands that close a jump cycle are one transaction's cycle", "[transaction]") {
    // each alone is fine: a jumps to b, or b to a
    STATIC_REQUIRE(broken(add_rule<"a">(graph, jump<"b">)) == nullptr);
    STATIC_REQUIRE(broken(add_rule<"a">(graph, jump<"b">), add_rule<"b">(graph, jump<"a">)) == &rules::no_jump_cycle);
    STATIC_REQUIRE(broken(add_rule<"a">(graph, jump<"b">), add_rule<"b">(graph, accept)) == nullptr);
    // through an insert and a goto too
    STATIC_REQUIRE(broken(insert_rule<"a">(graph, goto_<"b">), add_rule<"b">(graph, jump<"a">)) == &rules::no_jump_cycle);
    // a jump depth the commands build together: no cycle, depth fine
    STATIC_REQUIRE(broken(replace(graph), add_rule<"a">(graph, jump<"b">)) == nullptr);
    CHECK(thrown_id(add_rule<"a">(graph, jump<"b">), add_rule<"b">(graph, jump<"a">)) == "no_jump_cycle");
}

TEST_CASE("a rule command makes a masquerade reachable from a filter chain", "[transaction]") {
    STATIC_REQUIRE(broken(add_rule<"a">(nat, masquerade), add_rule<"fw">(nat, jump<"a">)) == &rules::masquerade_in_nat_postrouting);
    STATIC_REQUIRE(broken(add_rule<"fw">(nat, jump<"a">), add_rule<"a">(nat, masquerade)) == &rules::masquerade_in_nat_postrouting);
    STATIC_REQUIRE(broken(add_rule<"a">(nat, masquerade), add_rule<"post">(nat, jump<"a">)) == nullptr);
    CHECK(thrown_id(add_rule<"a">(nat, masquerade), add_rule<"fw">(nat, jump<"a">)) == "masquerade_in_nat_postrouting");
}

TEST_CASE("two declarations of one chain keep its spec", "[transaction]") {
    STATIC_REQUIRE(broken(add(on_input), add(on_output)) == &rules::a_chain_keeps_its_spec_in_one_transaction);
    STATIC_REQUIRE(broken(add(on_input), add(input_prio_10)) == &rules::a_chain_keeps_its_spec_in_one_transaction);
    STATIC_REQUIRE(broken(add(regular_c), add(on_input)) == &rules::a_chain_keeps_its_spec_in_one_transaction);
    STATIC_REQUIRE(broken(create(on_input), add(on_output)) == &rules::a_chain_keeps_its_spec_in_one_transaction);
    // nft merges these: the same spec twice, or a regular declaration after a base chain
    STATIC_REQUIRE(broken(add(on_input), add(on_input)) == nullptr);
    STATIC_REQUIRE(broken(add(on_input), add(regular_c)) == nullptr);
    // another table, or a replace in between (the table is what it declares)
    STATIC_REQUIRE(broken(add(on_input), add(other_name)) == nullptr);
    STATIC_REQUIRE(broken(add(on_input), replace(on_output)) == nullptr);
    STATIC_REQUIRE(broken(add(on_input), delete_table(on_input), add(on_output)) == nullptr);
    CHECK(thrown_id(add(on_input), add(on_output)) == "a_chain_keeps_its_spec_in_one_transaction");
}

TEST_CASE("two declarations of one set keep its kind and datatypes", "[transaction]") {
    STATIC_REQUIRE(broken(add(addr_set), add(port_set)) == &rules::a_set_keeps_its_declaration_in_one_transaction);
    STATIC_REQUIRE(broken(add(port_set), add(port_map)) == &rules::a_set_keeps_its_declaration_in_one_transaction);
    STATIC_REQUIRE(broken(add(port_set), add(port_set)) == nullptr);
    STATIC_REQUIRE(broken(replace(addr_set), replace(port_set)) == nullptr);
    CHECK(thrown_id(add(addr_set), add(port_set)) == "a_set_keeps_its_declaration_in_one_transaction");
}

TEST_CASE("a command on a table the transaction deleted earlier", "[transaction]") {
    STATIC_REQUIRE(broken(delete_table(graph), add_rule<"a">(graph, accept)) == &rules::no_command_on_a_table_deleted_earlier);
    STATIC_REQUIRE(broken(replace(graph), delete_table(graph), add_rule<"a">(graph, accept)) ==
                   &rules::no_command_on_a_table_deleted_earlier);
    STATIC_REQUIRE(broken(delete_table(graph), replace(graph), add_rule<"a">(graph, accept)) == nullptr);
    STATIC_REQUIRE(broken(add_rule<"a">(graph, accept), delete_table(graph)) == nullptr);
    STATIC_REQUIRE(broken(delete_table(family::ip, "g"), add_rule<"a">(graph, accept)) == nullptr);  // another family
    CHECK(thrown_id(delete_table(addr_set), add_elements<"x">(addr_set, {"10.0.0.1"})) == "no_command_on_a_table_deleted_earlier");
    CHECK(thrown_id(replace(addr_set), delete_elements<"x">(addr_set, {"10.0.0.1"})) == "nothing thrown");
}

TEST_CASE("elements go to a set the transaction declares with their kind and key", "[transaction]") {
    // port_set's table is loaded by replace(addr_set): x holds addresses, not ports
    CHECK(thrown_id(replace(addr_set), add_elements<"x">(port_set, {22})) == "set_key_matches_selector");
    CHECK(thrown_id(replace(port_map), add_elements<"x">(port_set, {22})) == "map_kind_matches_use");
    CHECK(thrown_id(replace(graph), add_elements<"x">(table<family::inet>("g", set<"x", port>()), {22})) == "table_has_set");
    CHECK(thrown_id(replace(port_set), add_elements<"x">(port_set, {22})) == "nothing thrown");
    CHECK(thrown_id(add(graph), add_elements<"x">(table<family::inet>("g", set<"x", port>()), {22})) == "nothing thrown");
}

TEST_CASE("the same checks over commands built at run time", "[transaction][runtime]") {
    auto g = table(family::inet, "g", base_chain<"input", filter_chain(hook::input)>(jump<"a">), chain("a"), chain("b"));
    std::vector<runtime_command> cs;
    cs.emplace_back(add_rule(g, "a", jump_to("b")));
    CHECK(thrown_id(cs) == "nothing thrown");
    cs.emplace_back(add_rule(g, "b", jump_to("a")));
    CHECK(thrown_id(cs) == "no_jump_cycle");
    try {
        (void)ruleset(cs);
    } catch (const invalid_structure& e) {
        CHECK(e.error().table == "inet g");
        CHECK(std::string(e.what()).find("command #1") != std::string::npos);
    }
    // mixed with static commands, in one ruleset
    CHECK(thrown_id(std::vector<runtime_command>{add_rule(g, "a", jump_to("b"))}, add_rule<"b">(graph, jump<"a">)) == "no_jump_cycle");

    auto v1 = table(family::inet, "v", base_chain("c", filter_chain(hook::input)));
    auto v2 = table(family::inet, "v", base_chain("c", filter_chain(hook::output)));
    CHECK(thrown_id(std::vector<runtime_command>{add(v1), add(v2)}) == "a_chain_keeps_its_spec_in_one_transaction");
    CHECK(thrown_id(std::vector<runtime_command>{add(v1), add(v1)}) == "nothing thrown");
    CHECK(thrown_id(std::vector<runtime_command>{delete_table(v1), add_rule(v1, "c", accept)}) ==
          "no_command_on_a_table_deleted_earlier");
    CHECK(thrown_id(std::vector<runtime_command>{delete_table(v1), replace(v1), add_rule(v1, "c", accept)}) == "nothing thrown");

    auto s1 = table(family::inet, "s", set<ipv4_addr>("x", set_flags{}));
    auto s2 = table(family::inet, "s", set<port>("x", set_flags{}));
    CHECK(thrown_id(std::vector<runtime_command>{add(s1), add(s2)}) == "a_set_keeps_its_declaration_in_one_transaction");
    CHECK(thrown_id(std::vector<runtime_command>{replace(s1), add_elements<port>(s2, "x", std::vector<port>{port(22)})}) ==
          "set_key_matches_selector");
    CHECK(thrown_id(std::vector<runtime_command>{replace(s2), add_elements<port>(s2, "x", std::vector<port>{port(22)})}) ==
          "nothing thrown");
}

TEST_CASE("a constant set keeps its elements", "[transaction][constant]") {
    const auto fixed = table<family::inet>("k", set<"x", port>(set_flag::constant, {22}), data_map<"m", port, mark>(set_flag::constant));
    CHECK_THROWS_WITH(add_elements<"x">(fixed, {80}), Catch::Contains("set_flag::constant"));
    // run-time pairs (clang 14 crashes generating code for the braced literal form here)
    const std::vector<std::pair<port, mark>> entries{{port(80), mark(1)}};
    CHECK_THROWS_WITH(add_map_elements<"m">(fixed, entries), Catch::Contains("set_flag::constant"));
    CHECK_THROWS_WITH(delete_elements<"x">(fixed, {22}), Catch::Contains("set_flag::constant"));
    const auto open = table<family::inet>("k", set<"x", port>(set_flags{}, {22}));
    CHECK_NOTHROW(add_elements<"x">(open, {80}));

    auto rt = table(family::inet, "k", set<port>("x", set_flag::constant, std::vector<port>{port(22)}));
    try {
        (void)add_elements<port>(rt, "x", std::vector<port>{port(80)});
        FAIL("no error");
    } catch (const invalid_structure& e) {
        CHECK(e.error().broken == &rules::a_constant_set_keeps_its_elements);
    }
    CHECK_THROWS_AS(delete_elements<port>(rt, "x", std::vector<port>{port(22)}), invalid_structure);
    auto rt_open = table(family::inet, "k", set<port>("x", set_flags{}, std::vector<port>{port(22)}));
    CHECK_NOTHROW(add_elements<port>(rt_open, "x", std::vector<port>{port(80)}));
}
