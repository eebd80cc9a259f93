// SPDX-License-Identifier: Apache-2.0
// Named counters and quotas, and the quota statement: golden renderings loaded for real
// (objects shared by rules of several chains, in every family), the references checked
// beside valid neighbours (at compile time and at run time), the quota's amount rule, and
// the kernel refusing what nftpp refuses.
#include <array>
#include <cstdint>
#include <string>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;
using nftpp_test::golden_rule;

namespace {
template <class T>
constexpr const rule* table_error = table_verdict_v<T::table_family, typename T::chains_type, typename T::sets_type>.broken;
}  // namespace

TEST_CASE("named counters and quotas render, and load", "[ruleset][named_counter][golden]") {
    const auto t = table<family::inet>(
        "fw", named_counter<"ssh">(), named_counter<"web">(comment("http and https")),
        named_quota<"guest">(over, mbytes(100)), named_quota<"daily">(kbytes(512), comment("per day")),
        base_chain<"in", filter_chain(hook::input)>(tcp.dport == 22 >> counter_name<"ssh"> >> accept,
                                                    tcp.dport.in({80, 443}) >> counter_name<"web"> >> jump<"guests">),
        chain<"guests">(quota_name<"guest"> >> drop, quota_name<"daily"> >> counter_name<"web">),
        base_chain<"out", filter_chain(hook::output)>(tcp.sport == 22 >> counter_name<"ssh">));
    golden(ruleset(replace(t)),
           "add table inet fw\n"
           "delete table inet fw\n"
           "table inet fw {\n"
           "\tcounter ssh {\n\t}\n"
           "\tcounter web {\n\t\tcomment \"http and https\"\n\t}\n"
           "\tquota guest {\n\t\tover 100 mbytes\n\t}\n"
           "\tquota daily {\n\t\tcomment \"per day\"\n\t\t512 kbytes\n\t}\n"
           "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\ttcp dport 22 counter name \"ssh\" accept\n"
           "\t\ttcp dport { 80, 443 } counter name \"web\" jump guests\n\t}\n"
           "\tchain guests {\n\t\tquota name \"guest\" drop\n\t\tquota name \"daily\" counter name \"web\"\n\t}\n"
           "\tchain out {\n\t\ttype filter hook output priority 0; policy accept;\n"
           "\t\ttcp sport 22 counter name \"ssh\"\n\t}\n"
           "}\n");
    // every family has them
    const auto bridge = table<family::bridge>("b", named_counter<"c">(), named_quota<"q">(bytes(0)),
                                              base_chain<"f", filter_chain(hook::forward)>(counter_name<"c">, quota_name<"q">));
    nftpp_test::require_loads(render(ruleset(replace(bridge))));
    const auto arp = table<family::arp>("a", named_counter<"c">(), base_chain<"i", filter_chain(hook::input)>(counter_name<"c">));
    nftpp_test::require_loads(render(ruleset(replace(arp))));
    // the statement in any chain
    golden_rule<family::inet>(quota(over, mbytes(10)) >> drop, "quota over 10 mbytes drop");
    golden_rule<family::ip, filter_chain(hook::forward)>(quota(mbytes(10)), "quota 10 mbytes");
    golden_rule<family::netdev, filter_chain(hook::ingress)>(ip.saddr == "10.0.0.1" >> quota(bytes(1500)) >> accept,
                                                            "ip saddr 10.0.0.1 quota 1500 bytes accept");
    CHECK(to_nft_text(quota(kbytes(1))) == "quota 1 kbytes");
    STATIC_REQUIRE(quota(mbytes(1)).amount.in_bytes() == 1048576);
}

TEST_CASE("named counter and quota rules, each beside a valid neighbour", "[ruleset][named_counter][checks]") {
    using good_t = decltype(table<family::inet>("t", named_counter<"c">(), named_quota<"q">(mbytes(1)),
                                                base_chain<"in", filter_chain(hook::input)>(counter_name<"c">, quota_name<"q">)));
    STATIC_REQUIRE(table_error<good_t> == nullptr);
    using no_counter = chain_t<"in", filter_chain(hook::input), boost::hana::tuple<rule_t<counter_name_t<"c">>>>;
    STATIC_REQUIRE(table_verdict_of<family::inet, no_counter>().broken == &rules::counter_exists);
    using no_quota = chain_t<"in", filter_chain(hook::input), boost::hana::tuple<rule_t<quota_name_t<"q">>>>;
    STATIC_REQUIRE(table_verdict_of<family::inet, no_quota>().broken == &rules::quota_exists);
    // a counter is not a quota: the same rule names the missing quota
    using counter_as_quota = decltype(table<family::inet>("t", named_counter<"q">(), base_chain<"in", filter_chain(hook::input)>()));
    using sets_t = typename counter_as_quota::sets_type;
    STATIC_REQUIRE(table_verdict_v<family::inet, boost::hana::tuple<no_quota>, sets_t>.broken == &rules::quota_exists);
    STATIC_REQUIRE(object_fits_family<family::netdev, named_quota_t<"q">>());
    // the amount: at most 2^63 - 1 bytes
    STATIC_REQUIRE(quota_amount::make(bytes((std::uint64_t{1} << 63) - 1), false).ok());
    STATIC_REQUIRE(!quota_amount::make(bytes(std::uint64_t{1} << 63), false).ok());
    STATIC_REQUIRE(quota_amount::make(mbytes((std::uint64_t{1} << 43) - 1), false).ok());
    STATIC_REQUIRE(quota_amount::make(mbytes(std::uint64_t{1} << 43), true).err().broken == &rules::a_quota_is_at_most_2_63_minus_1_bytes);
    STATIC_REQUIRE(!quota_amount::make(kbytes(std::uint64_t{1} << 53), false).ok());
    const std::uint64_t huge = std::uint64_t{1} << 44;
    CHECK(nftpp_test::refusal_of([&] { (void)quota(mbytes(huge)); }) == rules::a_quota_is_at_most_2_63_minus_1_bytes.sentence);
    CHECK(nftpp_test::refusal_of([&] { (void)named_quota<"q">(over, mbytes(huge)); }) ==
          rules::a_quota_is_at_most_2_63_minus_1_bytes.sentence);
}

TEST_CASE("a missing named counter or quota at run time: the same rule", "[ruleset][named_counter][two_times]") {
    const std::string chain_name = "in";
    const std::array<set_ref_info, 1> refs = counter_name_t<"c">::set_refs;
    const std::array<rule_desc, 1> rules_{rule_desc{&rule_summary_v<rule_t<counter_name_t<"c">>>, 0, 1, {}, refs}};
    const std::array<chain_desc, 1> chains{chain_desc{chain_name, filter_chain(hook::input), rules_}};
    const check_error none = check_table_at_run_time(family::inet, chains, {});
    CHECK(none.broken == &rules::counter_exists);
    CHECK(none.second == "c");
    const std::array<set_desc, 1> a_counter{set_desc{"c", "counter", ""}};
    CHECK(!check_table_at_run_time(family::inet, chains, a_counter));
    const std::array<set_desc, 1> a_quota{set_desc{"c", "quota", ""}};
    CHECK(check_table_at_run_time(family::inet, chains, a_quota).broken == &rules::counter_exists);
    // a run-time rule naming a static object of a run-time table
    auto rt = table(family::inet, "t" + chain_name, base_chain("in", filter_chain(hook::input), quota_name<"q"> >> drop));
    REQUIRE(rt.check());
    CHECK(rt.check()->broken == &rules::quota_exists);
    CHECK(rt.check()->second == "quota q");
    CHECK(rt.check()->describe().find("quota_name<\"name\"> names no quota") != std::string::npos);
}

TEST_CASE("the kernel refuses what the named counter and quota rules refuse", "[ruleset][named_counter][netns]") {
    if (!nftpp_test::netns_usable()) return;
    struct refusal {
        std::string script, error;
    };
    const std::string chain_head = "table inet t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\t";
    const refusal refused[] = {
        {chain_head + "counter name \"c\"\n\t}\n}\n", "No such file or directory"},
        {chain_head + "quota name \"q\"\n\t}\n}\n", "No such file or directory"},
        {"table inet t {\n\tcounter q {\n\t}\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tquota name \"q\"\n\t}\n}\n",
         "No such file or directory"},
        {chain_head + "quota 9223372036854775808 bytes\n\t}\n}\n", "Value too large for defined data type"},
        {"table inet t {\n\tquota q {\n\t\t9223372036854775808 bytes\n\t}\n}\n", "Value too large for defined data type"},
        {chain_head + "quota 5 gbytes\n\t}\n}\n", "Wrong rate format"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("quota");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto bad = ex.apply(nftpp::script(r.script));
        INFO("script:\n" << r.script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
    // the largest amount loads; nft wraps a count of mbytes past 2^64 bytes silently
    nftpp::testing::scratch_netns ns("quota");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    CHECK(ex.apply(nftpp::script(chain_head + "quota 9223372036854775807 bytes\n\t}\n}\n")).ok());
    CHECK(ex.apply(nftpp::script("flush ruleset\n" + chain_head + "quota 17592186044416 mbytes\n\t}\n}\n")).ok());
}
