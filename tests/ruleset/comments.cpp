// SPDX-License-Identifier: Apache-2.0
// Comments on declarations: comment("...") given to a table, a chain, a set or a map,
// static and built at run time. Golden renderings loaded for real, one comment per
// declaration beside a valid neighbour (at compile time and at run time), and the kernel
// refusing a second one and a text too long.
#include <string>
#include <vector>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;

namespace {
template <class... A>
concept chain_compiles = requires(A... a) { chain<"c">(a...); };
}  // namespace

TEST_CASE("comments on tables, chains, sets and maps render, and load", "[ruleset][comments][golden]") {
    const auto t = table<family::inet>(
        "fw", comment("edge firewall"),
        set<"admins", ipv4_addr>(set_flag::interval | comment("admin hosts"), {"10.0.0.0/24"}),
        verdict_map<"by_port", port>(comment("services"), on(22, jump<"ssh">)),
        data_map<"marks", port, mark>(comment("marks by port") | set_size(16), {{80, 1}}),
        base_chain<"in", filter_chain(hook::input)>(policy::drop, comment("input: admins and services"),
                                                    ip.saddr == at<"admins"> >> accept, tcp.dport >> vmap(at<"by_port">)),
        chain<"ssh">(comment("ssh"), accept));
    golden(ruleset(replace(t)),
           "add table inet fw\n"
           "delete table inet fw\n"
           "table inet fw {\n"
           "\tcomment \"edge firewall\"\n"
           "\tset admins {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\tcomment \"admin hosts\"\n"
           "\t\telements = {\n\t\t\t10.0.0.0/24\n\t\t}\n\t}\n"
           "\tmap by_port {\n\t\ttype inet_service : verdict\n\t\tcomment \"services\"\n"
           "\t\telements = {\n\t\t\t22 : jump ssh\n\t\t}\n\t}\n"
           "\tmap marks {\n\t\ttype inet_service : mark\n\t\tsize 16\n\t\tcomment \"marks by port\"\n"
           "\t\telements = {\n\t\t\t80 : 0x00000001\n\t\t}\n\t}\n"
           "\tchain in {\n\t\tcomment \"input: admins and services\"\n"
           "\t\ttype filter hook input priority 0; policy drop;\n"
           "\t\tip saddr @admins accept\n\t\ttcp dport vmap @by_port\n\t}\n"
           "\tchain ssh {\n\t\tcomment \"ssh\"\n\t\taccept\n\t}\n"
           "}\n");
    // a comment anywhere among a chain's arguments; a rule comment stays the rule's
    const auto c = chain<"c">(accept >> comment("rule"), comment("chain"));
    CHECK(to_nft_text(c) == "\tchain c {\n\t\tcomment \"chain\"\n\t\taccept comment \"rule\"\n\t}\n");
    // compile time: the whole script is a constant
    constexpr auto text = static_script<[] { return table<family::ip>("t", comment("x"), chain<"c">(comment("y"))); }>;
    STATIC_REQUIRE(text.view() == "table ip t {\n\tcomment \"x\"\n\tchain c {\n\t\tcomment \"y\"\n\t}\n}\n");
}

TEST_CASE("comments on tables, chains and sets built at run time", "[ruleset][comments][two_times]") {
    const std::string svc = "web";
    auto t = table(family::inet, "svc", comment("services from data"));
    t.add(base_chain<"in", filter_chain(hook::input)>(comment("static"), jump_to("svc_" + svc)));
    t.add(chain("svc_" + svc, comment("service web"), tcp.dport == 80 >> accept));
    t.add(set<ipv4_addr>("clients_" + svc, comment("its clients"), std::vector<ipv4_addr>{"10.1.0.1"}));
    REQUIRE(!t.check());
    golden(ruleset(replace(t)),
           "add table inet svc\n"
           "delete table inet svc\n"
           "table inet svc {\n"
           "\tcomment \"services from data\"\n"
           "\tset clients_web {\n\t\ttype ipv4_addr\n\t\tcomment \"its clients\"\n"
           "\t\telements = {\n\t\t\t10.1.0.1\n\t\t}\n\t}\n"
           "\tchain in {\n\t\tcomment \"static\"\n\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\tjump svc_web\n\t}\n"
           "\tchain svc_web {\n\t\tcomment \"service web\"\n\t\ttcp dport 80 accept\n\t}\n"
           "}\n");
    // one comment per declaration, the same rule as at compile time
    auto twice = table(family::inet, "t", comment("a"), comment("b"));
    REQUIRE(twice.check());
    CHECK(twice.check()->broken == &rules::one_comment_per_declaration);
    auto chain_twice = table(family::inet, "t", chain("c" + svc, comment("a"), comment("b")));
    REQUIRE(chain_twice.check());
    CHECK(chain_twice.check()->broken == &rules::one_comment_per_declaration);
    CHECK(chain_twice.check()->first == "chain cweb");
    // a run-time text is parsed like a literal
    CHECK(!comment_text::parse(std::string(129, 'a')).ok());
    CHECK(comment(comment_text::parse(svc).value()).text.view() == "web");
}

TEST_CASE("one comment per declaration, beside a valid neighbour", "[ruleset][comments][checks]") {
    STATIC_REQUIRE(chain_compiles<comment_t, accept_t>);
    STATIC_REQUIRE(detail::chain_error_of<regular_spec, comment_t, accept_t>() == nullptr);
    STATIC_REQUIRE(detail::chain_error_of<regular_spec, comment_t, comment_t>() == &rules::one_comment_per_declaration);
    STATIC_REQUIRE(detail::check_chain_args({.comments = 1}) == nullptr);
    STATIC_REQUIRE(detail::check_chain_args({.comments = 2}) == &rules::one_comment_per_declaration);
    STATIC_REQUIRE((set_flag::interval | comment("a")).note->view() == "a");
    CHECK(nftpp_test::refusal_of([] { (void)(set_flags(comment("a")) | set_flags(comment("b"))); }) ==
          rules::one_comment_per_declaration.sentence);
}

TEST_CASE("the kernel refuses what the comment rules refuse", "[ruleset][comments][netns]") {
    if (!nftpp_test::netns_usable()) return;
    struct refusal {
        std::string script, error;
    };
    const std::string long_text(129, 'a');
    const refusal refused[] = {
        {"table inet t {\n\tcomment \"a\"\n\tcomment \"b\"\n}\n", "You can only specify this once"},
        {"table inet t {\n\tchain c {\n\t\tcomment \"a\"\n\t\tcomment \"b\"\n\t}\n}\n", "You can only specify this once"},
        {"table inet t {\n\tset s {\n\t\ttype ipv4_addr\n\t\tcomment \"a\"\n\t\tcomment \"b\"\n\t}\n}\n",
         "You can only specify this once"},
        {"table inet t {\n\tcomment \"" + long_text + "\"\n}\n", "comment too long, 128 characters maximum allowed"},
        {"table inet t {\n\tchain c {\n\t\tcomment \"" + long_text + "\"\n\t}\n}\n", "comment too long"},
        {"table inet t {\n\tset s {\n\t\ttype ipv4_addr\n\t\tcomment \"" + long_text + "\"\n\t}\n}\n", "comment too long"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("comments");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto bad = ex.apply(nftpp::script(r.script));
        INFO("script:\n" << r.script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
}
