// SPDX-License-Identifier: Apache-2.0
// Golden rendering of every statement, each loaded for real in a chain where it is valid.
#include <cstdint>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;

namespace {
constexpr log_prefix prefix = "openshell:bypass:sandbox-1a2b3c4d:";
constexpr auto nat_post = nat_chain(hook::postrouting, prio::srcnat);
constexpr auto nat_pre = nat_chain(hook::prerouting, prio::dstnat);
constexpr auto nat_out = nat_chain(hook::output, prio::dstnat);
constexpr auto nat_in = nat_chain(hook::input, prio::srcnat);
}  // namespace

TEST_CASE("verdicts", "[stmt][golden]") {
    golden_rule(accept, "accept");
    golden_rule(drop, "drop");
    golden_rule(return_, "return");
    golden_rule(continue_, "continue");
    golden_rule(continue_ >> accept, "continue accept");
}

TEST_CASE("reject variants", "[stmt][golden]") {
    golden_rule(reject, "reject");
    golden_rule(reject(tcp_reset), "reject with tcp reset");
    golden_rule(meta.l4proto == tcp >> reject(tcp_reset), "meta l4proto tcp reject with tcp reset");
    golden_rule(reject(icmpx_code::port_unreachable), "reject with icmpx type port-unreachable");
    golden_rule(reject(icmpx_code::admin_prohibited), "reject with icmpx type admin-prohibited");
    golden_rule(reject(icmp_code::host_unreachable), "reject with icmp type host-unreachable");
    golden_rule(meta.nfproto == ip >> reject(icmp_code::port_unreachable),
                "meta nfproto ipv4 reject with icmp type port-unreachable");
    golden_rule(reject(icmpv6_code::admin_prohibited), "reject with icmpv6 type admin-prohibited");
    golden_rule<family::ip>(reject(icmp_code::net_unreachable), "reject with icmp type net-unreachable");
    golden_rule<family::ip6>(reject(icmpv6_code::no_route), "reject with icmpv6 type no-route");
    golden_rule<family::netdev, filter_chain(hook::ingress)>(reject, "reject");
}

TEST_CASE("counter, notrack, marks, comment", "[stmt][golden]") {
    golden_rule(counter, "counter");
    golden_rule(counter >> accept, "counter accept");
    golden_rule(notrack, "notrack");
    golden_rule(meta.mark.set(0x2a), "meta mark set 0x0000002a");
    golden_rule(ct.mark.set(7) >> accept, "ct mark set 0x00000007 accept");
    golden_rule(tcp.dport == 22 >> accept >> comment("ssh from anywhere"), "tcp dport 22 accept comment \"ssh from anywhere\"");
}

TEST_CASE("log", "[stmt][golden]") {
    golden_rule(log(), "log");
    golden_rule(log(prefix), "log prefix \"openshell:bypass:sandbox-1a2b3c4d:\"");
    golden_rule(log(prefix, skuid), "log prefix \"openshell:bypass:sandbox-1a2b3c4d:\" flags skuid");
    golden_rule(log("x: ", level::info), "log prefix \"x: \" level info");
    golden_rule(log(level::audit), "log level audit");
    golden_rule(log(skuid | log_flag::ether), "log flags skuid flags ether");
    golden_rule(log(log_flag::tcp_sequence | log_flag::tcp_options), "log flags tcp sequence,options");
    golden_rule(log(log_flag::ip_options), "log flags ip options");
    golden_rule(log(log_flag::all), "log flags all");
    golden_rule(log(group(1)), "log group 1");
    golden_rule(log("x", group(1), snaplen(64), queue_threshold(2)), "log prefix \"x\" group 1 snaplen 64 queue-threshold 2");
    golden_rule(log(prefix, skuid) >> drop, "log prefix \"openshell:bypass:sandbox-1a2b3c4d:\" flags skuid drop");
}

TEST_CASE("limit", "[stmt][golden]") {
    golden_rule(limit(10 / second), "limit rate 10/second");
    golden_rule(limit(5 / second, burst(10)), "limit rate 5/second burst 10 packets");
    golden_rule(limit(over, 10 / minute, burst(5)) >> drop, "limit rate over 10/minute burst 5 packets drop");
    golden_rule(limit(mbytes(1) / second), "limit rate 1 mbytes/second");
    golden_rule(limit(kbytes(64) / hour, burst(kbytes(8))), "limit rate 64 kbytes/hour burst 8 kbytes");
    golden_rule(limit(3 / units::day) >> limit(over, 1 / week), "limit rate 3/day limit rate over 1/week");
    int zero = 0;  // a run-time rate: checked when made (a literal 0 / second does not compile)
    CHECK_THROWS_AS(limit(zero / second), value_error);
    CHECK_THROWS_AS(limit(5 / second, burst(zero)), value_error);
}

// The largest limits the kernel takes, found against nft 1.0.6 and Linux 6.18, and the
// next ones up, which it refuses at commit with "Value too large for defined data type".
TEST_CASE("limit: rate and burst must fit the kernel's token bucket", "[stmt][golden][kernel]") {
    constexpr std::uint64_t top_packets = 18446744073709551610ull;  // + the default burst of 5
    golden_rule(limit(top_packets / second), "limit rate 18446744073709551610/second");
    golden_rule(limit(bytes(18446744073) / second), "limit rate 18446744073 bytes/second");
    golden_rule(limit(bytes(18446744072) / second, burst(bytes(1))), "limit rate 18446744072 bytes/second burst 1 bytes");
    golden_rule(limit(bytes(307445734) / minute), "limit rate 307445734 bytes/minute");
    golden_rule(limit(1 / week, burst(30500)), "limit rate 1/week burst 30500 packets");
    STATIC_REQUIRE(detail::limit_fits_kernel(limit_t{1 / week, false, 30500, amount_unit::packets}));
    STATIC_REQUIRE(!detail::limit_fits_kernel(limit_t{1 / week, false, 30501, amount_unit::packets}));

    constexpr const char* too_large = "Value too large for defined data type";
    const struct {
        const char* nft;
        limit_t (*make)();
        const char* kernel = too_large;
    } refused[] = {
        {"limit rate 18446744073709551611/second", [] { return limit((top_packets + 1) / second); }},
        {"limit rate 18446744074 bytes/second", [] { return limit(bytes(18446744074) / second); }},
        {"limit rate 18446744073 bytes/second burst 1 bytes", [] { return limit(bytes(18446744073) / second, burst(bytes(1))); }},
        {"limit rate 307445735 bytes/minute", [] { return limit(bytes(307445735) / minute); }},
        {"limit rate 1/week burst 30501 packets", [] { return limit(1 / week, burst(30501)); }},
        // 2^44 mbytes is 2^64 bytes: nft wraps it to a rate of 0
        {"limit rate 17592186044416 mbytes/second", [] { return limit(mbytes(17592186044416) / second); },
         "Invalid argument"},
    };
    for (const auto& r : refused) {
        INFO(r.nft);
        CHECK_THROWS_WITH(r.make(), Catch::Contains("too large for the kernel"));
        // and the kernel refuses the same text
        if (!nftpp_test::netns_usable()) continue;
        const std::string text = std::string("table inet t {\n\tchain c {\n\t\ttype filter hook input priority 0; "
                                             "policy accept;\n\t\t") + r.nft + " accept\n\t}\n}\n";
        const auto report = testing::load_in_scratch(script(text));
        CHECK(report.apply.kind == exec::outcome_kind::rejected);
        CHECK(report.apply.err.find(r.kernel) != std::string::npos);
    }
}

TEST_CASE("nat statements", "[stmt][golden]") {
    golden_rule<family::ip, nat_post>(masquerade, "masquerade");
    golden_rule<family::inet, nat_post>(ip.saddr == "10.0.128.0/30" >> masquerade, "ip saddr 10.0.128.0/30 masquerade");
    golden_rule<family::inet, nat_post>(masquerade(nat_random | nat_persistent), "masquerade random,persistent");
    golden_rule<family::inet, nat_post>(meta.l4proto == tcp >> masquerade(ports(1024, 2048)),
                                        "meta l4proto tcp masquerade to :1024-2048");
    golden_rule<family::ip, nat_post>(snat(ip, "10.0.0.1"), "snat ip to 10.0.0.1");
    golden_rule<family::inet, nat_in>(snat(ip, "10.0.0.1-10.0.0.9"), "snat ip to 10.0.0.1-10.0.0.9");
    golden_rule<family::inet, nat_post>(snat(ip6, "fd00::1"), "snat ip6 to fd00::1");
    golden_rule<family::inet, nat_post>(tcp.dport == 80 >> snat(ip, "10.0.0.1", 1024), "tcp dport 80 snat ip to 10.0.0.1:1024");
    golden_rule<family::inet, nat_pre>(dnat(ip, "10.0.0.1"), "dnat ip to 10.0.0.1");
    golden_rule<family::inet, nat_pre>(tcp.dport == 80 >> dnat(ip, "10.0.0.1", 8080), "tcp dport 80 dnat ip to 10.0.0.1:8080");
    golden_rule<family::ip6, nat_out>(tcp.dport == 80 >> dnat(ip6, "fd00::1", 8080), "tcp dport 80 dnat ip6 to [fd00::1]:8080");
    golden_rule<family::inet, nat_out>(redirect, "redirect");
    golden_rule<family::inet, nat_out>(udp.dport == 53 >> redirect(5353), "udp dport 53 redirect to :5353");
    golden_rule<family::inet, nat_pre>(tcp.dport == 80 >> redirect(ports(8080, 8081)), "tcp dport 80 redirect to :8080-8081");
    golden_rule<family::inet, nat_out>(counter >> dnat(ip, "10.0.0.1"), "counter dnat ip to 10.0.0.1");
}
