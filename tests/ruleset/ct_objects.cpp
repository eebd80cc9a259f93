// SPDX-License-Identifier: Apache-2.0
// ct timeout and ct expectation objects with ct_timeout_set<"name"> and
// ct_expectation_set<"name">: golden renderings loaded for real, the objects' families and
// value ranges and the statements' references beside valid neighbours, and the kernel
// refusing what nftpp refuses.
#include <chrono>
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using namespace std::chrono_literals;
using nftpp_test::golden;

namespace {
template <class T>
constexpr const rule* table_error = table_verdict_v<T::table_family, typename T::chains_type, typename T::sets_type>.broken;
}  // namespace

TEST_CASE("ct timeout and ct expectation objects render, and load", "[ruleset][ct_objects][golden]") {
    const auto t = table<family::ip>(
        "fw", ct_timeout<"long-tcp">(tcp_timeouts{.established = 2h, .close = 10s}),
        ct_timeout<"short-udp">(udp_timeouts{.unreplied = 5s, .replied = 30s}),
        ct_expectation<"ftp-data">(tcp, 21, 1min, 12),
        base_chain<"pre", filter_chain(hook::prerouting, prio::raw)>(tcp.dport == 22 >> ct_timeout_set<"long-tcp">, jump<"more">),
        chain<"more">(udp.dport == 53 >> ct_timeout_set<"short-udp">, tcp.dport == 21 >> ct_expectation_set<"ftp-data">));
    golden(ruleset(replace(t)),
           "add table ip fw\n"
           "delete table ip fw\n"
           "table ip fw {\n"
           "\tct timeout long-tcp {\n\t\tprotocol tcp\n\t\tpolicy = { established : 7200, close : 10 }\n\t}\n"
           "\tct timeout short-udp {\n\t\tprotocol udp\n\t\tpolicy = { unreplied : 5, replied : 30 }\n\t}\n"
           "\tct expectation ftp-data {\n\t\tprotocol tcp\n\t\tdport 21\n\t\ttimeout 60000ms\n\t\tsize 12\n\t}\n"
           "\tchain pre {\n\t\ttype filter hook prerouting priority -300; policy accept;\n"
           "\t\ttcp dport 22 ct timeout set \"long-tcp\"\n\t\tjump more\n\t}\n"
           "\tchain more {\n\t\tudp dport 53 ct timeout set \"short-udp\"\n\t\ttcp dport 21 ct expectation set \"ftp-data\"\n\t}\n"
           "}\n");
    // an inet table holds timeouts (every tcp state, 0 and the largest value); ip6 expectations
    const auto all = table<family::inet>(
        "states", ct_timeout<"every">(tcp_timeouts{.syn_sent = 1s, .syn_recv = 2s, .established = 0s, .fin_wait = 4s,
                                                .close_wait = 5s, .last_ack = 6s, .time_wait = 7s, .close = 8s,
                                                .syn_sent2 = 9s, .retrans = 10s, .unack = 4294967295s}),
        base_chain<"in", filter_chain(hook::input)>(ct_timeout_set<"every">));
    nftpp_test::require_loads(render(ruleset(replace(all))));
    const auto v6 = table<family::ip6>("v6", ct_expectation<"sip">(udp, 5060, 1ms, 255),
                                       base_chain<"out", filter_chain(hook::output)>(udp.dport == 5060 >> ct_expectation_set<"sip">));
    nftpp_test::require_loads(render(ruleset(replace(v6))));
}

TEST_CASE("ct timeout and ct expectation rules, each beside a valid neighbour", "[ruleset][ct_objects][checks]") {
    // families: timeouts in ip, ip6 and inet; expectations in ip and ip6
    using timeout_t = decltype(ct_timeout<"x">(udp_timeouts{.replied = 1s}));
    using expectation_t = decltype(ct_expectation<"x">(tcp, 21, 1s, 1));
    STATIC_REQUIRE(object_fits_family<family::inet, timeout_t>());
    STATIC_REQUIRE(object_fits_family<family::ip6, timeout_t>());
    STATIC_REQUIRE(!object_fits_family<family::bridge, timeout_t>());
    STATIC_REQUIRE(timeout_t::family_rule == &rules::ct_timeout_only_in_ip_ip6_inet);
    STATIC_REQUIRE(object_fits_family<family::ip, expectation_t>());
    STATIC_REQUIRE(!object_fits_family<family::inet, expectation_t>());
    STATIC_REQUIRE(!object_fits_family<family::netdev, expectation_t>());
    STATIC_REQUIRE(expectation_t::family_rule == &rules::ct_expectation_only_in_ip_ip6);
    // the statements name an object of their table, of their kind
    using good_t = decltype(table<family::ip>("t", ct_timeout<"x">(udp_timeouts{.replied = 1s}), ct_expectation<"e">(tcp, 21, 1s, 1),
                                              base_chain<"c", filter_chain(hook::input)>(ct_timeout_set<"x">, ct_expectation_set<"e">)));
    STATIC_REQUIRE(table_error<good_t> == nullptr);
    using objects = good_t::sets_type;
    using names_y = chain_t<"c", filter_chain(hook::input), boost::hana::tuple<rule_t<std::remove_cvref_t<decltype(ct_timeout_set<"y">)>>>>;
    using wrong_kind = chain_t<"c", filter_chain(hook::input), boost::hana::tuple<rule_t<std::remove_cvref_t<decltype(ct_expectation_set<"x">)>>>>;
    using right_kind = chain_t<"c", filter_chain(hook::input), boost::hana::tuple<rule_t<std::remove_cvref_t<decltype(ct_expectation_set<"e">)>>>>;
    STATIC_REQUIRE(table_verdict_v<family::ip, boost::hana::tuple<names_y>, objects>.broken == &rules::ct_timeout_exists);
    STATIC_REQUIRE(table_verdict_v<family::ip, boost::hana::tuple<wrong_kind>, objects>.broken == &rules::ct_expectation_exists);
    STATIC_REQUIRE(table_verdict_v<family::ip, boost::hana::tuple<right_kind>, objects>.broken == nullptr);
    // like every ct statement, they need conntrack
    STATIC_REQUIRE(table_verdict_of<family::bridge, right_kind>().broken == &rules::conntrack_in_ip_ip6_inet);
    // value ranges, at compile time and at run time
    STATIC_REQUIRE(detail::checked_timeouts(tcp_timeouts{.established = 4294967295s}).established.seconds == 4294967295);
    CHECK_THROWS_AS(ct_timeout<"x">(tcp_timeouts{.established = std::chrono::seconds(4294967296)}), value_error);
    CHECK_NOTHROW(ct_expectation<"x">(tcp, 21, 4294967295ms, 255));
    CHECK_THROWS_AS(ct_expectation<"x">(tcp, 21, 0ms, 1), value_error);
    CHECK_THROWS_AS(ct_expectation<"x">(tcp, 21, 4294967296ms, 1), value_error);
    CHECK_THROWS_AS(ct_expectation<"x">(tcp, 21, 1s, 0), value_error);
    CHECK_THROWS_AS(ct_expectation<"x">(tcp, 21, 1s, 256), value_error);
    // only whole seconds convert to a state's timeout; unset states are left out
    STATIC_REQUIRE(std::is_convertible_v<std::chrono::hours, ct_state_timeout>);
    STATIC_REQUIRE(!std::is_convertible_v<std::chrono::milliseconds, ct_state_timeout>);
    STATIC_REQUIRE(!tcp_timeouts{}.established.set());
}

TEST_CASE("the kernel refuses what the ct timeout and expectation rules refuse", "[ruleset][ct_objects][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const nftpp_test::refusal refused[] = {
        {"bridge", "ct timeout set \"t1\"", "Protocol error", "forward", "filter",
         "\tct timeout t1 {\n\t\tprotocol tcp\n\t\tpolicy = { established : 100 }\n\t}\n"},
        {"inet", "ct expectation set \"e1\"", "Address family not supported by protocol", "input", "filter",
         "\tct expectation e1 {\n\t\tprotocol tcp\n\t\tdport 21\n\t\ttimeout 1000ms\n\t\tsize 1\n\t}\n"},
        {"ip", "ct timeout set \"nope\"", "No such file or directory"},
        {"ip", "ct timeout set \"t1\"", "invalid state for this protocol", "input", "filter",
         "\tct timeout t1 {\n\t\tprotocol udp\n\t\tpolicy = { established : 100 }\n\t}\n"},
    };
    for (const auto& r : refused) nftpp_test::require_refused(r);
}
