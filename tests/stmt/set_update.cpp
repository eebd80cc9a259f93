// SPDX-License-Identifier: Apache-2.0
// Set updates from the packet path (set_add, set_update; per-element limit, counter and
// timeout): golden renderings loaded for real, the table's checks of the set (exists, key
// datatype, flags that allow updates and expiring elements) beside valid neighbours, at
// compile time and when built from run-time values, and the kernel refusing the same.
#include <string>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using namespace std::chrono_literals;
using nftpp_test::refusal_of;

namespace {
constexpr auto input = filter_chain(hook::input);
template <class T>
constexpr const rule* table_error = table_verdict_v<T::table_family, typename T::chains_type, typename T::sets_type>.broken;
template <class... R>
using in_chain = chain_t<"in", filter_chain(hook::input), boost::hana::tuple<R...>>;
}  // namespace

TEST_CASE("set updates render as nft lists them, and load", "[stmt][set_update][golden]") {
    const auto t = table<family::inet>(
        "t", set<"seen", ipv4_addr>(set_flag::dynamic | set_flag::timeout), set<"flood", ipv4_addr>(set_size(65535)),
        set<"hits", concat_key<ipv4_addr, port>>(), set<"v6", ipv6_addr>(set_timeout(std::chrono::minutes(10))),
        base_chain<"in", input>(set_add<"seen">(ip.saddr), set_update<"seen">(ip.saddr, entry_timeout(1min)),
                                ip.protocol == tcp >> set_add<"flood">(ip.saddr, limit(over, 10 / second)) >> drop,
                                set_update<"hits">(concat(ip.saddr, tcp.dport), counter),
                                set_add<"v6">(ip6.saddr, entry_timeout(30s), limit(5 / minute, burst(10))) >> accept));
    nftpp_test::golden(ruleset(replace(t)),
                       "add table inet t\n"
                       "delete table inet t\n"
                       "table inet t {\n"
                       "\tset seen {\n\t\ttype ipv4_addr\n\t\tflags timeout,dynamic\n\t}\n"
                       "\tset flood {\n\t\ttype ipv4_addr\n\t\tsize 65535\n\t}\n"
                       "\tset hits {\n\t\ttype ipv4_addr . inet_service\n\t}\n"
                       "\tset v6 {\n\t\ttype ipv6_addr\n\t\ttimeout 10m\n\t}\n"
                       "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n"
                       "\t\tadd @seen { ip saddr }\n"
                       "\t\tupdate @seen { ip saddr timeout 1m }\n"
                       "\t\tip protocol tcp add @flood { ip saddr limit rate over 10/second } drop\n"
                       "\t\tupdate @hits { ip saddr . tcp dport counter }\n"
                       "\t\tadd @v6 { ip6 saddr timeout 30s limit rate 5/minute burst 10 packets } accept\n"
                       "\t}\n"
                       "}\n");
}

TEST_CASE("the table checks the set a rule updates, beside valid neighbours", "[stmt][set_update][checks]") {
    using ok = decltype(table<family::ip>("t", set<"s", ipv4_addr>(), base_chain<"in", input>(set_add<"s">(ip.saddr))));
    STATIC_REQUIRE(table_error<ok> == nullptr);
    // the set exists, and its key has the key's datatype
    STATIC_REQUIRE(table_verdict_of<family::ip, in_chain<rule_t<set_update_t<false, "s", ip_saddr_t>>>>().broken ==
                   &rules::set_exists);
    using wrong_key = decltype(table<family::ip>("t", set<"s", port>(), base_chain<"in", input>(accept)));
    STATIC_REQUIRE(table_verdict_v<family::ip, boost::hana::tuple<in_chain<rule_t<set_update_t<false, "s", ip_saddr_t>>>>,
                                   typename wrong_key::sets_type>.broken == &rules::set_key_matches_selector);
    // the key's facts are the rule's: ip.saddr pins ip, a ct key needs conntrack
    STATIC_REQUIRE(rule_summary_v<rule_t<set_update_t<false, "s", ip_saddr_t>>>.l3 == layer3::ip);
    STATIC_REQUIRE(table_verdict_of<family::ip6, in_chain<rule_t<set_update_t<false, "s", ip_saddr_t>>>>().broken ==
                   &rules::no_ip_in_ip6_table);
    STATIC_REQUIRE(rule_summary_v<rule_t<set_update_t<false, "s", ip_saddr_t, limit_t>>>.features.contains(feature::limit));
    // set flags are values: checked when the table is built
    constexpr auto expiring = table<family::ip>("t", set<"s", ipv4_addr>(set_flag::timeout),
                                                base_chain<"in", input>(set_update<"s">(ip.saddr, entry_timeout(1min))));
    STATIC_REQUIRE(expiring.table_name == name("t"));
    CHECK(refusal_of([] {
              (void)table<family::ip>("t", set<"s", ipv4_addr>(), base_chain<"in", input>(set_update<"s">(ip.saddr, entry_timeout(1min))));
          }) == rules::an_entry_timeout_needs_a_set_whose_elements_expire.sentence);
    CHECK(refusal_of([] {
              (void)table<family::ip>("t", set<"s", ipv4_addr>(set_timeout(1h)),
                                      base_chain<"in", input>(set_update<"s">(ip.saddr, entry_timeout(1min))));
          }) == "(nothing refused)");
    CHECK(refusal_of([] {
              (void)table<family::ip>("t", set<"s", ipv4_addr>(set_flag::interval), base_chain<"in", input>(set_add<"s">(ip.saddr)));
          }) == rules::a_set_updated_from_the_packet_path_is_neither_constant_nor_interval.sentence);
    CHECK(refusal_of([] {
              (void)table<family::ip>("t", set<"s", ipv4_addr>(set_flag::constant), base_chain<"in", input>(set_add<"s">(ip.saddr)));
          }) == rules::a_set_updated_from_the_packet_path_is_neither_constant_nor_interval.sentence);
    CHECK(refusal_of([] { (void)entry_timeout(0ms); }) == rules::an_entry_timeout_is_at_least_1_millisecond.sentence);
    // options: at most one timeout, and only timeouts, limits and counters
    STATIC_REQUIRE(detail::set_update_options_valid<entry_timeout_t, limit_t, counter_t>());
    STATIC_REQUIRE(!detail::set_update_options_valid<entry_timeout_t, entry_timeout_t>());
    STATIC_REQUIRE(!detail::set_update_options_valid<accept_t>());
}

TEST_CASE("the kernel refuses set updates nftpp refuses", "[stmt][set_update][netns]") {
    if (!nftpp_test::netns_usable()) return;
    auto with = [](std::string set_options, std::string rule) {
        return "table ip t {\n\tset s {\n\t\ttype ipv4_addr\n" + set_options +
               "\t}\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\t" + rule + "\n\t}\n}\n";
    };
    struct refusal {
        std::string script, error;
    };
    const refusal refused[] = {
        {with("", "update @s { ip saddr timeout 1m }"), "Operation not supported"},
        {with("\t\tflags interval\n", "add @s { ip saddr }"), "Operation not supported"},
        {with("\t\tflags constant\n", "add @s { ip saddr }"), "Device or resource busy"},
        {with("", "add @s { tcp dport }"), "datatype mismatch"},
        {with("", "add @nosuch { ip saddr }"), "No such file or directory"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("setupd");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto bad = ex.apply(nftpp::script(r.script));
        INFO("script:\n" << r.script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
}
