// SPDX-License-Identifier: Apache-2.0
// sock (nft's socket expression): transparent, wildcard, mark and cgroupv2 at a level;
// golden renderings loaded for real, the cgroup path's rules, its families and hooks
// beside valid neighbours, and the kernel refusing what nftpp refuses. Traffic matched by
// cgroup is in tests/examples/cgroup_e2e.cpp.
#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, base_spec Spec, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", Spec, hana::tuple<R...>>>().broken;
constexpr base_spec on(hook h) { return base_spec{0, true, chain_type::filter, h, true}; }
}  // namespace

TEST_CASE("sock renders, and loads", "[expr][socket][golden]") {
    golden_rule<family::inet, on(hook::prerouting)>(sock.transparent == 1 >> meta.mark.set(0x1),
                                                    "socket transparent 1 meta mark set 0x00000001");
    golden_rule<family::ip, on(hook::input)>(sock.transparent == 1 && sock.wildcard == 0 >> accept,
                                             "socket transparent 1 socket wildcard 0 accept");
    golden_rule<family::ip6, on(hook::output)>(sock.mark == 0x10 >> accept, "socket mark 0x00000010 accept");
    golden_rule<family::inet, on(hook::output)>(sock.mark.in({mark(1), mark(2)}) >> drop,
                                                "socket mark { 0x00000001, 0x00000002 } drop");
    // A cgroup path is resolved when the rule loads, so these are rendered only; the e2e
    // test loads one that exists, and nft_import's test the listing.
    NFTPP_CHECK_TEXT(nftpp_test::node_text(as_rule(sock.cgroupv2<1> == "system.slice" >> accept)),
                     "socket cgroupv2 level 1 \"system.slice\" accept");
    constexpr auto literal_before_verdict = sock.cgroupv2<2> == "system.slice/sshd.service" >> accept;
    NFTPP_CHECK_TEXT(nftpp_test::node_text(as_rule(literal_before_verdict)),
                     "socket cgroupv2 level 2 \"system.slice/sshd.service\" accept");
    NFTPP_CHECK_TEXT(nftpp_test::node_text(as_rule(sock.cgroupv2<0> != "a b/c.scope" >> drop)),
                     "socket cgroupv2 level 0 != \"a b/c.scope\" drop");
    NFTPP_CHECK_TEXT(nftpp_test::node_text(as_rule(sock.cgroupv2<255>.in({cgroup_path("x"), cgroup_path("y")}) >> drop)),
                     "socket cgroupv2 level 255 { \"x\", \"y\" } drop");
}

TEST_CASE("a cgroupv2 path is checked where it is written and when bound", "[expr][socket][values]") {
    STATIC_REQUIRE(cgroup_path("system.slice/sshd.service").view() == "system.slice/sshd.service");
    const auto refused = [](std::string_view s) { return nftpp_test::refusal_of([&] { (void)cgroup_path::parse(s).value(); }); };
    CHECK(refused("user.slice") == "(nothing refused)");
    CHECK(refused("a/b/c") == "(nothing refused)");
    CHECK(refused("...") == "(nothing refused)");
    CHECK(refused(std::string(511, 'x')) == "(nothing refused)");
    const std::string_view shape = rules::a_cgroupv2_path_is_relative_with_no_empty_dot_or_dotdot_component.sentence;
    for (std::string_view bad : {"/user.slice", "user.slice/", "a//b", ".", "..", "a/../b", "a/./b", "../etc"})
        CHECK(refused(bad) == shape);
    CHECK(refused("") == rules::a_cgroupv2_path_is_1_to_511_bytes.sentence);
    CHECK(refused(std::string(512, 'x')) == rules::a_cgroupv2_path_is_1_to_511_bytes.sentence);
    for (std::string_view bad : {std::string_view("a\"b"), std::string_view("a\nb"), std::string_view("a\rb"), std::string_view("a\0b", 3)})
        CHECK(refused(bad) == rules::a_cgroupv2_path_may_not_contain_quote_nul_or_newline.sentence);
    CHECK(refused("a\xff") == rules::a_cgroupv2_path_is_valid_utf_8.sentence);
    CHECK(nftpp_test::refusal_of([] { (void)socket_flag::from(2).value(); }) == rules::a_socket_flag_is_0_or_1.sentence);
    CHECK(nftpp_test::refusal_of([] { (void)socket_flag::from(1).value(); }) == "(nothing refused)");
}

TEST_CASE("sock rules, each beside a valid neighbour", "[expr][socket][checks]") {
    constexpr const rule* r = &rules::socket_only_on_prerouting_input_output_in_ip_families;
    STATIC_REQUIRE(verdict<family::inet, on(hook::output), RULE(sock.transparent == 1 >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::inet, on(hook::forward), RULE(sock.transparent == 1 >> accept)> == r);
    STATIC_REQUIRE(verdict<family::ip, on(hook::prerouting), RULE(sock.mark == 1 >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip, on(hook::postrouting), RULE(sock.mark == 1 >> accept)> == r);
    STATIC_REQUIRE(verdict<family::ip6, on(hook::input), RULE(sock.cgroupv2<2> == "a/b" >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::bridge, on(hook::input), RULE(sock.wildcard == 0 >> accept)> == r);
    STATIC_REQUIRE(verdict<family::arp, on(hook::input), RULE(sock.wildcard == 0 >> accept)> == r);
    STATIC_REQUIRE(verdict<family::arp, on(hook::input), RULE(meta.mark == 1 >> accept)> == nullptr);
    STATIC_REQUIRE(decltype(sock.cgroupv2<255>)::keyword == "socket cgroupv2 level 255");
    STATIC_REQUIRE(decltype(sock.cgroupv2<0>)::keyword == "socket cgroupv2 level 0");
}

TEST_CASE("the kernel refuses what the sock rules refuse", "[expr][socket][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const nftpp_test::refusal refused[] = {
        {"inet", "socket transparent 1 accept", "Operation not supported", "forward"},
        {"ip", "socket mark 0x00000001 accept", "Operation not supported", "postrouting"},
        {"bridge", "socket wildcard 0 accept", "Operation not supported", "input"},
        {"arp", "socket transparent 1 accept", "Operation not supported", "input"},
        {"inet", "socket transparent 2 accept", "Value 2 exceeds valid range 0-1", "input"},
        // a level over 255 needs a path that exists: tests/examples/cgroup_e2e.cpp
    };
    for (const auto& r : refused) nftpp_test::require_refused(r);
}
