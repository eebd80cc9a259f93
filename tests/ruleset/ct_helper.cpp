// SPDX-License-Identifier: Apache-2.0
// ct helper objects and ct_helper_set<"name">: golden renderings loaded for real (the
// helper assigned from prerouting, through a jump too), the object's family and protocol
// rules and the statement's reference beside valid neighbours, the same reference rule at
// run time, and the kernel refusing what nftpp refuses.
#include <array>
#include <string>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;

namespace {
template <class T>
constexpr const rule* table_error = table_verdict_v<T::table_family, typename T::chains_type, typename T::sets_type>.broken;
template <class Kind, class Protocol>
concept helper_compiles = requires(Kind k, Protocol p) { ct_helper<"h">(k, p); };
}  // namespace

TEST_CASE("ct helper objects and ct helper set render, and load", "[ruleset][ct_helper][golden]") {
    const auto t = table<family::inet>(
        "fw", ct_helper<"ftp-std">(ct_helper_type::ftp, tcp), ct_helper<"sip-udp">(ct_helper_type::sip, udp),
        base_chain<"pre", filter_chain(hook::prerouting, prio::raw)>(tcp.dport == 21 >> ct_helper_set<"ftp-std">, jump<"helpers">),
        chain<"helpers">(udp.dport == 5060 >> ct_helper_set<"sip-udp">));
    golden(ruleset(replace(t)),
           "add table inet fw\n"
           "delete table inet fw\n"
           "table inet fw {\n"
           "\tct helper ftp-std {\n\t\ttype \"ftp\" protocol tcp\n\t}\n"
           "\tct helper sip-udp {\n\t\ttype \"sip\" protocol udp\n\t}\n"
           "\tchain pre {\n\t\ttype filter hook prerouting priority -300; policy accept;\n"
           "\t\ttcp dport 21 ct helper set \"ftp-std\"\n\t\tjump helpers\n\t}\n"
           "\tchain helpers {\n\t\tudp dport 5060 ct helper set \"sip-udp\"\n\t}\n"
           "}\n");
    // ip and ip6 tables; every helper the kernel has, with its protocol
    const auto v4 = table<family::ip>("h4", ct_helper<"tftp">(ct_helper_type::tftp, udp), ct_helper<"irc">(ct_helper_type::irc, tcp),
                                      ct_helper<"pptp">(ct_helper_type::pptp, tcp), ct_helper<"sane">(ct_helper_type::sane, tcp),
                                      ct_helper<"q931">(ct_helper_type::q931, tcp), ct_helper<"amanda">(ct_helper_type::amanda, udp),
                                      ct_helper<"snmp">(ct_helper_type::snmp, udp), ct_helper<"nbns">(ct_helper_type::netbios_ns, udp),
                                      ct_helper<"ras">(ct_helper_type::ras, udp), ct_helper<"sip-tcp">(ct_helper_type::sip, tcp),
                                      base_chain<"out", filter_chain(hook::output)>(udp.dport == 69 >> ct_helper_set<"tftp">));
    nftpp_test::require_loads(render(ruleset(replace(v4))));
    const auto v6 = table<family::ip6>("h6", ct_helper<"ftp">(ct_helper_type::ftp, tcp),
                                       base_chain<"pre", filter_chain(hook::prerouting)>(tcp.dport == 21 >> ct_helper_set<"ftp">));
    nftpp_test::require_loads(render(ruleset(replace(v6))));
    CHECK(to_nft_text(as_rule(tcp.dport == 21 >> ct_helper_set<"ftp">)) == "tcp dport 21 ct helper set \"ftp\"");
}

TEST_CASE("ct helper rules, each beside a valid neighbour", "[ruleset][ct_helper][checks]") {
    // the protocol fits the helper
    STATIC_REQUIRE(helper_compiles<decltype(ct_helper_type::ftp), tcp_t>);
    STATIC_REQUIRE(helper_compiles<decltype(ct_helper_type::sip), udp_t>);
    STATIC_REQUIRE(!is_ct_helper_v<int>);
    STATIC_REQUIRE((decltype(ct_helper_type::ftp)::protocols & 2) == 0);   // ftp over udp: ct_helper_protocol_fits_type
    STATIC_REQUIRE((decltype(ct_helper_type::tftp)::protocols & 1) == 0);  // tftp over tcp: the same
    STATIC_REQUIRE(decltype(ct_helper_type::sip)::protocols == 3);
    // ip, ip6 and inet tables
    STATIC_REQUIRE(object_fits_family<family::inet, decltype(ct_helper<"h">(ct_helper_type::ftp, tcp))>());
    STATIC_REQUIRE(object_fits_family<family::ip6, decltype(ct_helper<"h">(ct_helper_type::ftp, tcp))>());
    STATIC_REQUIRE(!object_fits_family<family::bridge, decltype(ct_helper<"h">(ct_helper_type::ftp, tcp))>());
    STATIC_REQUIRE(!object_fits_family<family::netdev, decltype(ct_helper<"h">(ct_helper_type::ftp, tcp))>());
    STATIC_REQUIRE(decltype(ct_helper<"h">(ct_helper_type::ftp, tcp))::family_rule == &rules::ct_helper_only_in_ip_ip6_inet);
    // the statement names a helper of its table, and needs conntrack
    using good_t = decltype(table<family::inet>("t", ct_helper<"ftp">(ct_helper_type::ftp, tcp),
                                                base_chain<"pre", filter_chain(hook::prerouting)>(ct_helper_set<"ftp">)));
    STATIC_REQUIRE(table_error<good_t> == nullptr);
    using missing = chain_t<"pre", filter_chain(hook::prerouting), boost::hana::tuple<rule_t<ct_helper_set_t<"ftp">>>>;
    STATIC_REQUIRE(table_verdict_of<family::inet, missing>().broken == &rules::ct_helper_exists);
    STATIC_REQUIRE(rule_summary_v<rule_t<ct_helper_set_t<"ftp">>>.features.contains(feature::conntrack));
    STATIC_REQUIRE(table_verdict_of<family::bridge, missing>().broken == &rules::conntrack_in_ip_ip6_inet);
}

TEST_CASE("a missing ct helper at run time: the same rule", "[ruleset][ct_helper][two_times]") {
    const std::string chain_name = "pre";
    const std::array<set_ref_info, 1> refs = ct_helper_set_t<"ftp">::set_refs;
    const std::array<rule_desc, 1> rules_{rule_desc{&rule_summary_v<rule_t<ct_helper_set_t<"ftp">>>, 0, 1, {}, refs}};
    const std::array<chain_desc, 1> chains{chain_desc{chain_name, filter_chain(hook::prerouting), rules_}};
    const check_error none = check_table_at_run_time(family::inet, chains, {});
    CHECK(none.broken == &rules::ct_helper_exists);
    CHECK(none.second == "ftp");
    const std::array<set_desc, 1> helper{set_desc{"ftp", "ct helper", ""}};
    CHECK(!check_table_at_run_time(family::inet, chains, helper));
    const std::array<set_desc, 1> a_set{set_desc{"ftp", "set", "ipv4_addr"}};
    CHECK(check_table_at_run_time(family::inet, chains, a_set).broken == &rules::ct_helper_exists);
}

TEST_CASE("the kernel refuses what the ct helper rules refuse", "[ruleset][ct_helper][netns]") {
    if (!nftpp_test::netns_usable()) return;
    struct refusal {
        std::string script, error;
    };
    const refusal refused[] = {
        {"table inet t {\n\tct helper h {\n\t\ttype \"ftp\" protocol udp\n\t}\n}\n", "No such file or directory"},
        {"table inet t {\n\tct helper h {\n\t\ttype \"tftp\" protocol tcp\n\t}\n}\n", "No such file or directory"},
        {"table bridge t {\n\tct helper h {\n\t\ttype \"ftp\" protocol tcp\n\t}\n}\n", "Protocol error"},
        {"table netdev t {\n\tct helper h {\n\t\ttype \"ftp\" protocol tcp\n\t}\n}\n", "Protocol error"},
        {"table inet t {\n\tchain c {\n\t\ttype filter hook prerouting priority 0; policy accept;\n\t\tct helper set \"h\"\n\t}\n}\n",
         "No such file or directory"},
    };
    for (const auto& r : refused) {
        nftpp::testing::scratch_netns ns("helper");
        REQUIRE(ns.ok());
        auto ex = ns.executor();
        const auto bad = ex.apply(nftpp::script(r.script));
        INFO("script:\n" << r.script << "nft said: " << bad.err);
        CHECK(bad.kind == nftpp::exec::outcome_kind::rejected);
        CHECK(bad.err.find(r.error) != std::string::npos);
    }
}
