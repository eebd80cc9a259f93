// SPDX-License-Identifier: Apache-2.0
// Typed listing (<nftpp/table_listing.hpp>): list_tables and read_table through every
// executor, against tables loaded for real in a scratch namespace; and the cases where the
// text and the JSON listings disagree, which are errors, never a half-true table.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "golden.hpp"

#include <nftpp/readback.hpp>
#if NFTPP_TEST_LIBNFTABLES
#include <nftpp/exec/libnftables_executor.hpp>
#include <nftpp/exec/persistent_executor.hpp>
#endif

using namespace nftpp;
using exec::outcome_kind;

namespace {

// Base chains of every type and several hooks, priorities and policies; regular chains;
// rules with and without comments; sets, data maps and verdict maps; netdev ingress
// chains on one veth and on two, and an egress chain, inside the namespace; an empty table.
const std::string loaded_tables =
    "table inet fw {\n"
    "  set allowed { type ipv4_addr; flags interval; elements = { 10.0.0.0/8, 192.168.1.1 } }\n"
    "  set ports { type inet_service; elements = { 22 comment \"ssh, admin\", 443 } }\n"
    "  set recent { type ipv4_addr; flags timeout; }\n"
    "  map marks { type ipv4_addr . inet_service : mark; elements = { 10.1.2.3 . 80 : 0x5 } }\n"
    "  map dispatch { type inet_service : verdict; elements = { 22 : jump ssh, 80 : accept } }\n"
    "  chain ssh { counter accept comment \"ssh in\"; }\n"
    "  chain audit { }\n"
    "  chain input { type filter hook input priority filter; policy drop; tcp dport vmap @dispatch;"
    " ip saddr @allowed tcp dport @ports accept comment \"lan\"; ct state established,related accept; }\n"
    "  chain pre { type nat hook prerouting priority -100; policy accept; }\n"
    "  chain post { type nat hook postrouting priority srcnat; policy accept; ip saddr 10.0.0.0/8 masquerade comment \"out\"; }\n"
    "  chain mangle_out { type route hook output priority mangle + 1; policy accept;"
    " meta mark set ip saddr . tcp dport map @marks; }\n"
    "  chain forwarding { type filter hook forward priority 10; policy accept; jump audit; }\n"
    "}\n"
    "table netdev edge {\n"
    "  chain ing { type filter hook ingress device \"nftpp-l0\" priority -150; policy accept; comment \"edge in\";"
    " ip saddr 192.0.2.1 drop comment \"bogon\"; }\n"
    "  chain two { type filter hook ingress devices = { \"nftpp-l0\", \"nftpp-l2\" } priority 0; policy accept; }\n"
    "  chain out { type filter hook egress device \"nftpp-l1\" priority 5; policy drop; }\n"
    "}\n"
    "table ip empty { }\n";

struct want_chain {
    std::string name;
    bool base = false;
    chain_type type = chain_type::filter;
    nftpp::hook hook = nftpp::hook::input;
    int priority = 0;
    chain_policy policy = chain_policy::accept;
    std::vector<std::string> devices;
    std::optional<std::string> comment;
    std::vector<std::pair<std::string, std::optional<std::string>>> rules;  // text, comment
};

void check_chain(const table_listing& t, const want_chain& w) {
    INFO("chain " << w.name);
    const listed_chain* c = t.chain(w.name);
    REQUIRE(c);
    CHECK(c->is_base() == w.base);
    if (w.base && c->base) {
        CHECK(c->base->type == w.type);
        CHECK(c->base->hook == w.hook);
        CHECK(c->base->priority == w.priority);
        CHECK(c->base->policy == w.policy);
        CHECK(c->base->devices == w.devices);
    }
    CHECK(c->comment == w.comment);
    REQUIRE(c->rules.size() == w.rules.size());
    for (std::size_t i = 0; i < w.rules.size(); ++i) {
        CHECK(c->rules[i].text == w.rules[i].first);
        CHECK(c->rules[i].comment == w.rules[i].second);
    }
}

void check_set(const table_listing& t, const std::string& n, set_kind kind, const std::string& key, const std::string& value,
               const std::vector<std::string>& flags, const std::vector<std::string>& elements) {
    INFO("set " << n);
    const listed_set* s = t.set(n);
    REQUIRE(s);
    CHECK(s->kind == kind);
    CHECK(s->key_type == key);
    CHECK(s->value_type == value);
    CHECK(s->flags == flags);
    CHECK(s->elements == elements);
    CHECK(s->json_elements.size() == elements.size());
}

// Every field of the three tables as loaded.
void check_loaded(exec::executor& ex) {
    const auto all = list_tables(ex);
    INFO(all.error);
    REQUIRE(all.ok());
    CHECK(all.tables == std::vector<listed_table>{{family::inet, "fw"}, {family::netdev, "edge"}, {family::ip, "empty"}});

    const auto fw = read_table(ex, family::inet, "fw");
    INFO(fw.error);
    REQUIRE(fw.ok());
    CHECK(fw.family == family::inet);
    CHECK(fw.name == "fw");
    std::vector<std::string> names;
    for (const auto& c : fw.chains) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"ssh", "audit", "input", "pre", "post", "mangle_out", "forwarding"});
    check_chain(fw, {"ssh", false, {}, {}, 0, {}, {}, {}, {{"counter packets 0 bytes 0 accept comment \"ssh in\"", "ssh in"}}});
    check_chain(fw, {"audit", false, {}, {}, 0, {}, {}, {}, {}});
    check_chain(fw, {"input", true, chain_type::filter, hook::input, 0, chain_policy::drop, {}, {},
                     {{"tcp dport vmap @dispatch", std::nullopt},
                      {"ip saddr @allowed tcp dport @ports accept comment \"lan\"", "lan"},
                      {"ct state established,related accept", std::nullopt}}});
    check_chain(fw, {"pre", true, chain_type::nat, hook::prerouting, -100, chain_policy::accept, {}, {}, {}});
    check_chain(fw, {"post", true, chain_type::nat, hook::postrouting, 100, chain_policy::accept, {}, {},
                     {{"ip saddr 10.0.0.0/8 masquerade comment \"out\"", "out"}}});
    check_chain(fw, {"mangle_out", true, chain_type::route, hook::output, -149, chain_policy::accept, {}, {},
                     {{"meta mark set ip saddr . tcp dport map @marks", std::nullopt}}});
    check_chain(fw, {"forwarding", true, chain_type::filter, hook::forward, 10, chain_policy::accept, {}, {},
                     {{"jump audit", std::nullopt}}});
    // handles: distinct, and each the one nft deletes by (checked below)
    std::vector<std::uint64_t> handles;
    for (const auto& c : fw.chains)
        for (const auto& r : c.rules) handles.push_back(r.handle.value);
    std::sort(handles.begin(), handles.end());
    CHECK(std::adjacent_find(handles.begin(), handles.end()) == handles.end());

    REQUIRE(fw.sets.size() == 5);
    check_set(fw, "allowed", set_kind::set, "ipv4_addr", "", {"interval"}, {"10.0.0.0/8", "192.168.1.1"});
    check_set(fw, "ports", set_kind::set, "inet_service", "", {}, {"22 comment \"ssh, admin\"", "443"});
    check_set(fw, "recent", set_kind::set, "ipv4_addr", "", {"timeout"}, {});
    check_set(fw, "marks", set_kind::data_map, "ipv4_addr . inet_service", "mark", {}, {"10.1.2.3 . 80 : 0x00000005"});
    check_set(fw, "dispatch", set_kind::verdict_map, "inet_service", "verdict", {}, {"22 : jump ssh", "80 : accept"});

    // typed, by the read_set machinery
    const auto allowed = elements_as<ipv4_addr>(*fw.set("allowed"));
    INFO(allowed.error);
    REQUIRE(allowed.ok());
    REQUIRE(allowed.elements.size() == 2);
    CHECK(nftpp_test::node_text(allowed.elements[0]) == "10.0.0.0/8");
    CHECK(allowed.elements[1] == operand<ipv4_addr>(*ipv4_addr::parse("192.168.1.1")));
    const auto ports = elements_as<port>(*fw.set("ports"));
    REQUIRE(ports.ok());
    CHECK(ports.elements == std::vector<operand<port>>{operand<port>(port(22)), operand<port>(port(443))});
    const auto marks = entries_as<concat_key<ipv4_addr, port>, mark>(*fw.set("marks"));
    INFO(marks.error);
    REQUIRE(marks.ok());
    REQUIRE(marks.entries.size() == 1);
    CHECK(marks.entries[0].value == mark(5));
    const auto dispatch = entries_as<port, std::string>(*fw.set("dispatch"));
    REQUIRE(dispatch.ok());
    REQUIRE(dispatch.entries.size() == 2);
    CHECK(dispatch.entries[0].value == "jump ssh");
    CHECK(dispatch.entries[1].value == "accept");
    // the wrong reading is an error naming the set
    CHECK(elements_as<ipv4_addr>(*fw.set("ports")).error.find("set ports") != std::string::npos);
    CHECK(elements_as<port>(*fw.set("dispatch")).error.find("dispatch is a verdict map") != std::string::npos);
    CHECK(entries_as<port, std::string>(*fw.set("marks")).error.find("marks is a map: its values are mark") != std::string::npos);

    const auto edge = read_table(ex, family::netdev, "edge");
    INFO(edge.error);
    REQUIRE(edge.ok());
    REQUIRE(edge.chains.size() == 3);
    CHECK(edge.sets.empty());
    check_chain(edge, {"ing", true, chain_type::filter, hook::ingress, -150, chain_policy::accept, {"nftpp-l0"}, "edge in",
                       {{"ip saddr 192.0.2.1 drop comment \"bogon\"", "bogon"}}});
    check_chain(edge, {"two", true, chain_type::filter, hook::ingress, 0, chain_policy::accept, {"nftpp-l0", "nftpp-l2"}, {}, {}});
    check_chain(edge, {"out", true, chain_type::filter, hook::egress, 5, chain_policy::drop, {"nftpp-l1"}, {}, {}});

    const auto empty = read_table(ex, family::ip, "empty");
    REQUIRE(empty.ok());
    CHECK(empty.chains.empty());
    CHECK(empty.sets.empty());

    // a missing table: table_absent and a sentence naming it
    const auto missing = read_table(ex, family::ip6, "fw");
    CHECK_FALSE(missing.ok());
    CHECK(missing.outcome.kind == outcome_kind::table_absent);
    CHECK(missing.error == "table ip6 fw does not exist");
    // a name nft could not take: nothing runs
    const auto bad = read_table(ex, family::inet, "fw; flush ruleset");
    CHECK(bad.outcome.kind == outcome_kind::invalid_name);
    CHECK(bad.error.find("cannot read table \"fw; flush ruleset\"") != std::string::npos);
}

}  // namespace

TEST_CASE("list_tables and read_table read every field of tables loaded for real", "[listing][netns]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("tlist");
    REQUIRE(ns.ok());
    const auto ip = *exec::find_trusted(exec::ip_candidates).path;
    REQUIRE(ns.run({ip, "link", "add", "nftpp-l0", "type", "veth", "peer", "name", "nftpp-l1"}).succeeded());
    REQUIRE(ns.run({ip, "link", "add", "nftpp-l2", "type", "veth", "peer", "name", "nftpp-l3"}).succeeded());
    auto ex = ns.executor();
    {
        const auto none = list_tables(ex);
        REQUIRE(none.ok());
        CHECK(none.tables.empty());
    }
    const auto loaded = ex.apply(std::string_view(loaded_tables));
    INFO(loaded.describe());
    REQUIRE(loaded.ok());
    SECTION("nft in the namespace") { check_loaded(ex); }
    SECTION("nft through nsenter") {
        exec::executor_options o;
        o.entry = exec::netns_entry::nsenter;
        auto via = ns.executor(o);
        check_loaded(via);
    }
#if NFTPP_TEST_LIBNFTABLES
    SECTION("libnftables in-process") {
        auto in = exec::libnftables_executor::at_path(ns.path());
        check_loaded(in);
    }
    SECTION("persistent libnftables context") {
        auto kept = exec::persistent_executor::named(ns.name());
        check_loaded(kept);
    }
#endif
    SECTION("a handle read back is the rule nft deletes by it") {
        const auto before = read_table(ex, family::inet, "fw");
        REQUIRE(before.ok());
        const listed_chain* input = before.chain("input");
        REQUIRE(input);
        REQUIRE(input->rules.size() == 3);
        const auto h = input->rules[1].handle.value;
        REQUIRE(ex.apply(std::string_view("delete rule inet fw input handle " + std::to_string(h) + "\n")).ok());
        const auto after = read_table(ex, family::inet, "fw");
        REQUIRE(after.ok());
        const listed_chain* left = after.chain("input");
        REQUIRE(left);
        REQUIRE(left->rules.size() == 2);
        CHECK(left->rules[0].text == input->rules[0].text);
        CHECK(left->rules[0].handle == input->rules[0].handle);
        CHECK(left->rules[1].text == input->rules[2].text);
        CHECK(left->rules[1].handle == input->rules[2].handle);
    }
}

TEST_CASE("read_table: a table holding text nft's JSON cannot carry is an error naming where", "[listing][netns]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns ns("tlossy");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    // written by someone else: bytes nftpp refuses, which nft loads
    REQUIRE(ex.apply(std::string_view("table inet c {\n chain ok { accept comment \"fine\"; }\n"
                                      " chain in { accept comment \"x\xffy\"; }\n}\n"))
                .ok());
    REQUIRE(ex.apply(std::string_view("table inet s {\n set names { type ifname; elements = { \"ok0\", \"a\xfe\" } }\n}\n")).ok());
    REQUIRE(ex.apply(std::string_view("table inet r {\n chain c { iifname \"b\xff\" drop; }\n}\n")).ok());
    // the comment: nft's JSON lists the rule without it (before: ok, comment-less)
    const auto c = read_table(ex, family::inet, "c");
    CHECK_FALSE(c.ok());
    CHECK(c.chains.empty());
    CHECK(c.error.find("table inet c holds text that is not UTF-8 in chain in") == 0);
    // the set element: nft's JSON drops it
    const auto s = read_table(ex, family::inet, "s");
    CHECK_FALSE(s.ok());
    CHECK(s.sets.empty());
    CHECK(s.error.find("table inet s holds text that is not UTF-8 in set names") == 0);
    // the interface name in a rule: nft's JSON listing aborts
    const auto r = read_table(ex, family::inet, "r");
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("table inet r holds text that is not UTF-8 in chain c") == 0);
    // the table names themselves are listed
    const auto all = list_tables(ex);
    REQUIRE(all.ok());
    CHECK(all.tables.size() == 3);
}

namespace {

std::string text_of(const std::string& body) { return "table inet t {\n" + body + "}\n"; }
std::string json_of(const std::string& items) {
    return R"({"nftables": [{"metainfo": {"version": "1.0.6"}}, {"table": {"family": "inet", "name": "t", "handle": 1}})" +
           items + "]}";
}
// A recording executor whose text listing (probe) and JSON listing answer what the test says.
testing::recording_executor answering(const std::string& text, const std::string& json) {
    testing::recording_executor ex;
    ex.probe_answer = [text](std::string_view) {
        exec::outcome o;
        o.out = text;
        return o;
    };
    exec::outcome j;
    j.out = json;
    ex.queued.push_back(j);
    return ex;
}
const std::string chain_c = R"(, {"chain": {"family": "inet", "table": "t", "name": "c", "handle": 1}})";
std::string rule_json(int handle, const std::string& extra = "") {
    return R"(, {"rule": {"family": "inet", "table": "t", "chain": "c", "handle": )" + std::to_string(handle) + extra +
           R"(, "expr": [{"accept": null}]}})";
}

}  // namespace

TEST_CASE("read_table: listings that disagree are errors naming the chain or set", "[listing]") {
    SECTION("agreeing listings read, and the text and JSON calls are the ones made") {
        auto ex = answering(text_of("\tchain c {\n\t\taccept\n\t}\n"), json_of(chain_c + rule_json(4)));
        const auto t = read_table(ex, family::inet, "t");
        INFO(t.error);
        REQUIRE(t.ok());
        REQUIRE(t.chains.size() == 1);
        REQUIRE(t.chains[0].rules.size() == 1);
        CHECK(t.chains[0].rules[0].handle.value == 4);
        REQUIRE(ex.calls.size() == 2);
        CHECK(ex.calls[0].operation == "probe");
        CHECK(ex.calls[0].text == "list table inet t\n");
        CHECK(ex.calls[1].operation == "list_table_json");
        CHECK(ex.calls[1].text == "inet t");
    }
    SECTION("a rule more in the text") {
        auto ex = answering(text_of("\tchain c {\n\t\taccept\n\t\tdrop\n\t}\n"), json_of(chain_c + rule_json(4)));
        const auto t = read_table(ex, family::inet, "t");
        CHECK_FALSE(t.ok());
        CHECK(t.chains.empty());
        CHECK(t.error ==
              "chain c of table inet t holds 2 rules in the text listing but 1 in the JSON listing: the table changed "
              "while it was read; read it again");
    }
    SECTION("a comment the JSON lost") {
        auto ex = answering(text_of("\tchain c {\n\t\taccept comment \"a\"\n\t}\n"), json_of(chain_c + rule_json(4)));
        const auto t = read_table(ex, family::inet, "t");
        CHECK_FALSE(t.ok());
        CHECK(t.error.find("rule 1 (handle 4) of chain c of table inet t lists the comment \"a\" as text but none as JSON") == 0);
    }
    SECTION("a chain in the JSON alone") {
        auto ex = answering(text_of(""), json_of(chain_c));
        CHECK(read_table(ex, family::inet, "t").error.find("chain c of table inet t is in the JSON listing but not in the text") == 0);
    }
    SECTION("a set in the text alone") {
        auto ex = answering(text_of("\tset s {\n\t\ttype ipv4_addr\n\t}\n"), json_of(""));
        CHECK(read_table(ex, family::inet, "t").error.find("set s of table inet t is in the text listing but not in the JSON") == 0);
    }
    SECTION("an element the JSON lost") {
        const std::string set = R"(, {"set": {"family": "inet", "name": "s", "table": "t", "type": "ipv4_addr", "handle": 2, "elem": ["10.0.0.1"]}})";
        auto ex = answering(text_of("\tset s {\n\t\ttype ipv4_addr\n\t\telements = { 10.0.0.1,\n\t\t\t     10.0.0.2 }\n\t}\n"),
                            json_of(set));
        CHECK(read_table(ex, family::inet, "t").error.find("set s of table inet t holds 2 elements but nft's JSON listing shows 1") == 0);
    }
    SECTION("a text listing that is not one") {
        auto ex = answering("table inet t {\n\tchain c {\n", json_of(chain_c));
        CHECK(read_table(ex, family::inet, "t").error == "nft's text listing of table inet t could not be read");
    }
    SECTION("JSON that is not nft's") {
        auto ex = answering(text_of(""), "[1, 2]");
        CHECK(read_table(ex, family::inet, "t").error.find("nft printed a listing of table inet t that is not the JSON") == 0);
    }
}

TEST_CASE("list_tables reads nft's JSON and refuses what it cannot read", "[listing]") {
    testing::recording_executor ex;
    exec::outcome o;
    o.out = R"({"nftables": [{"metainfo": {}}, {"table": {"family": "bridge", "name": "b", "handle": 1}}, {"table": {"family": "arp", "name": "a", "handle": 2}}]})";
    ex.queued.push_back(o);
    const auto two = list_tables(ex);
    REQUIRE(two.ok());
    CHECK(two.tables == std::vector<listed_table>{{family::bridge, "b"}, {family::arp, "a"}});
    REQUIRE(ex.calls.size() == 1);
    CHECK(ex.calls[0].operation == "list_tables_json");
    o.out = R"({"nftables": [{"table": {"family": "decnet", "name": "d", "handle": 1}}]})";
    ex.queued.push_back(o);
    const auto odd = list_tables(ex);
    CHECK_FALSE(odd.ok());
    CHECK(odd.tables.empty());
    CHECK(odd.error.find("nft listed a table nftpp cannot read") == 0);
    exec::outcome failed;
    failed.kind = outcome_kind::nft_not_found;
    ex.queued.push_back(failed);
    const auto none = list_tables(ex);
    CHECK_FALSE(none.ok());
    CHECK(none.error.find("listing the tables failed: ") == 0);
}

TEST_CASE("the text listing's pieces", "[listing]") {
    using detail::hook_devices;
    using detail::trailing_comment;
    CHECK(trailing_comment("accept comment \"ssh in\"") == "ssh in");
    CHECK(trailing_comment("iifname \"eth0\" accept") == std::nullopt);
    CHECK(trailing_comment("iifname \"eth0\"") == std::nullopt);
    CHECK(trailing_comment("log prefix \"comment \"") == std::nullopt);
    CHECK(trailing_comment("comment \"x\"") == "x");
    CHECK(hook_devices("type filter hook ingress device \"d0\" priority filter; policy accept;") == std::vector<std::string>{"d0"});
    CHECK(hook_devices("type filter hook ingress devices = { \"d0\", \"d1\" } priority filter; policy accept;") ==
          std::vector<std::string>{"d0", "d1"});
    CHECK(hook_devices("type filter hook input priority filter; policy accept;").empty());
    CHECK(detail::text_elements({"type ifname", "elements = { \"a, b\" comment \"x}\",", "\t     \"c\" }"}) ==
          std::vector<std::string>{"\"a, b\" comment \"x}\"", "\"c\""});
    // a set's own comment may read like an elements line: only a line that starts so is one
    CHECK(detail::text_elements({"type ipv4_addr", "comment \"elements = { 1 }\""}) == std::vector<std::string>{});
    CHECK(detail::text_elements({"comment \"elements = { 1 }\"", "elements = { 10.0.0.1 }"}) ==
          std::vector<std::string>{"10.0.0.1"});
    CHECK_FALSE(detail::text_elements({"elements = { 10.0.0.1,", "10.0.0.2"}));
}
