// SPDX-License-Identifier: Apache-2.0
// End to end, as the seed describes it: a sandbox namespace joined by a veth pair (IPv4
// and IPv6) to a namespace playing the host, which runs the proxy. With the fence applied
// (one atomic apply), the proxy is reachable, any other TCP connect — another port of the
// proxy host, another host through the default route, IPv4 or IPv6 — is refused at once,
// UDP elsewhere fails, loopback works, and blocked attempts made as uid 1000 are logged
// with that uid. With the log rules assumed unsupported the fence still applies whole and
// still refuses. The sidecar fence is loaded and exercised the same way.
#include <chrono>
#include <string>
#include <thread>

#include "e2e_support.hpp"
#include "fences.hpp"
#include "golden.hpp"

#include <nftpp/apply.hpp>
#include <nftpp/log/log.hpp>

using namespace nftpp;
using namespace std::chrono_literals;
using nftpp::testing::scratch_netns;
using e2e::first_word;
using e2e::millis;

namespace {

constexpr const char* log_all_netns = "/proc/sys/net/netfilter/nf_log_all_netns";

// sandbox (veth-s: 10.200.0.2/24, fd00:200::2/64, default routes to the host side)
//   <-> host (veth-h: 10.200.0.1/24, fd00:200::1/64)
struct sandbox_pair {
    scratch_netns sandbox{"sb"};
    scratch_netns host{"host"};

    [[nodiscard]] bool build() const {
        return sandbox.ok() && host.ok() &&
               e2e::veth_pair(sandbox, "veth-s", {"10.200.0.2/24", "fd00:200::2/64"}, host, "veth-h",
                              {"10.200.0.1/24", "fd00:200::1/64"}) &&
               e2e::ip_cmd({"-n", sandbox.name(), "route", "add", "default", "via", "10.200.0.1"}).succeeded() &&
               e2e::ip_cmd({"-n", sandbox.name(), "-6", "route", "add", "default", "via", "fd00:200::1"}).succeeded();
    }
};

struct prober {
    const scratch_netns& ns;
    const e2e::probe_binary& probe;
    // "ok <ms>" or "<ERRNO> <ms>"; as_uid runs it as that uid (and gid) instead of root
    std::string connect(const std::string& addr, const std::string& port, int as_uid = 0, int timeout_ms = 2000) const {
        std::vector<std::string> argv{probe.path(), "connect", addr, port, std::to_string(timeout_ms)};
        if (as_uid != 0)
            argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=" + std::to_string(as_uid),
                                       "--regid=" + std::to_string(as_uid), "--clear-groups"});
        return ns.run(argv).out;
    }
    std::string udp(const std::string& addr, const std::string& port, int as_uid = 0) const {
        std::vector<std::string> argv{probe.path(), "udp", addr, port};
        if (as_uid != 0)
            argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=" + std::to_string(as_uid),
                                       "--regid=" + std::to_string(as_uid), "--clear-groups"});
        return first_word(ns.run(argv).out);
    }
};

std::string listing(const scratch_netns& ns, const std::string& table) {
    return ns.run({e2e::nft_tool(), "list", "table", "inet", table}).out;
}

// Refused by the fence: ECONNREFUSED, and at once (not a timeout).
#define CHECK_REFUSED_FAST(result)                    \
    do {                                              \
        const std::string r_ = (result);              \
        INFO("connect: " << r_);                      \
        CHECK(first_word(r_) == "ECONNREFUSED");      \
        CHECK(millis(r_) >= 0);                       \
        CHECK(millis(r_) < 1000);                     \
    } while (0)

}  // namespace

TEST_CASE("the sandbox fence, end to end, IPv4 and IPv6", "[examples][e2e][netns]") {
    if (!nftpp_test::netns_usable()) return;
    e2e::probe_binary probe;
    sandbox_pair net;
    REQUIRE(net.build());
    const prober sb{net.sandbox, probe};

    // the proxy (3128) and another service (8080) on the host side, both families; a
    // loopback service in the sandbox
    e2e::listener host_listener(net.host, probe,
                                {"10.200.0.1:3128", "10.200.0.1:8080", "[fd00:200::1]:3128", "[fd00:200::1]:8080"},
                                "10.200.0.1", "3128");
    e2e::listener lo_listener(net.sandbox, probe, {"127.0.0.1:7000", "[::1]:7000"}, "127.0.0.1", "7000");
    REQUIRE(e2e::wait_ready(net.sandbox, probe, "10.200.0.1", "3128"));
    REQUIRE(e2e::wait_ready(net.sandbox, probe, "127.0.0.1", "7000"));

    // without the fence everything is reachable, and other hosts are not refused: a
    // refusal later is the fence's doing
    REQUIRE(first_word(sb.connect("10.200.0.1", "8080")) == "ok");
    REQUIRE(first_word(sb.connect("fd00:200::1", "8080")) == "ok");
    REQUIRE(first_word(sb.connect("fd00:200::1", "3128")) == "ok");
    CHECK(first_word(sb.connect("198.51.100.1", "80", 0, 500)) != "ECONNREFUSED");
    CHECK(first_word(sb.connect("2001:db8::1", "80", 0, 500)) != "ECONNREFUSED");
    CHECK(sb.udp("10.200.0.1", "5353") == "ok");
    CHECK(sb.udp("fd00:200::1", "5353") == "ok");

    // one atomic apply (one nft process, in the namespace entered with setns), after probing what the kernel has
    const std::string prefix_text = "openshell:bypass:" + net.sandbox.name().substr(net.sandbox.name().size() - 8) + ":";
    const log_prefix prefix = log_prefix::parse(prefix_text).value();
    auto executor = net.sandbox.executor();
    const auto report = apply_with_probes(executor, ruleset(replace(fences::sandbox_fence(ipv4_addr("10.200.0.1"), port(3128), prefix))));
    INFO(report.outcome.describe());
    REQUIRE(report.outcome.ok());
    CHECK(report.skipped.empty());  // this kernel has conntrack, log and limit
    CHECK(executor.processes_per_operation() == 1);
    const std::string loaded = listing(net.sandbox, "openshell_bypass");
    CHECK(loaded.find("ip daddr 10.200.0.1 tcp dport 3128 accept") != std::string::npos);
    CHECK(loaded.find("ct state established,related accept") != std::string::npos);
    CHECK(loaded.find("flags skuid") != std::string::npos);

    CHECK(first_word(sb.connect("10.200.0.1", "3128")) == "ok");
    // another port of the proxy host, IPv4 and IPv6; the proxy port over IPv6 (the proxy is IPv4)
    CHECK_REFUSED_FAST(sb.connect("10.200.0.1", "8080"));
    CHECK_REFUSED_FAST(sb.connect("fd00:200::1", "8080"));
    CHECK_REFUSED_FAST(sb.connect("fd00:200::1", "3128"));
    // another host, through the default routes
    CHECK_REFUSED_FAST(sb.connect("198.51.100.1", "80"));
    CHECK_REFUSED_FAST(sb.connect("2001:db8::1", "443"));
    // UDP elsewhere fails at sendto, both families
    CHECK(sb.udp("10.200.0.1", "5353") == "EPERM");
    CHECK(sb.udp("198.51.100.1", "53") == "EPERM");
    CHECK(sb.udp("fd00:200::1", "5353") == "EPERM");
    CHECK(sb.udp("2001:db8::1", "53") == "EPERM");
    // loopback works
    CHECK(first_word(sb.connect("127.0.0.1", "7000")) == "ok");
    CHECK(first_word(sb.connect("::1", "7000")) == "ok");

    // the log lines of blocked attempts made as uid 1000, read back through the reader
    {
        e2e::sysctl_guard log_all(log_all_netns, "1");
        INFO(log_all.error());
        REQUIRE(log_all.ok());
        auto reader = nftpp::klog::kmsg_reader::open();
        REQUIRE(reader.has_value());
        CHECK(first_word(sb.connect("10.200.0.1", "8080", 1000)) == "ECONNREFUSED");
        CHECK(first_word(sb.connect("2001:db8::1", "443", 1000)) == "ECONNREFUSED");
        CHECK(sb.udp("fd00:200::1", "5353", 1000) == "EPERM");
        std::optional<nftpp::klog::log_event> tcp4, tcp6, udp6;
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!(tcp4 && tcp6 && udp6) && std::chrono::steady_clock::now() < deadline) {
            auto e = reader->next(prefix_text, 250ms);
            if (!e || e->uid != 1000u) continue;
            if (e->proto == "TCP" && e->dst == nftpp::klog::address(ipv4_addr("10.200.0.1"))) tcp4 = e;
            if (e->proto == "TCP" && e->dst == nftpp::klog::address(ipv6_addr("2001:db8::1"))) tcp6 = e;
            if (e->proto == "UDP" && e->dst == nftpp::klog::address(ipv6_addr("fd00:200::1"))) udp6 = e;
        }
        REQUIRE(tcp4.has_value());
        CHECK(tcp4->gid == 1000u);
        CHECK(tcp4->dpt == 8080);
        CHECK(tcp4->out == "veth-s");
        CHECK(tcp4->src == nftpp::klog::address(ipv4_addr("10.200.0.2")));
        REQUIRE(tcp6.has_value());
        CHECK(tcp6->dpt == 443);
        CHECK(tcp6->src == nftpp::klog::address(ipv6_addr("fd00:200::2")));
        REQUIRE(udp6.has_value());
        CHECK(udp6->dpt == 5353);
        CHECK(udp6->l4_len == 9u);  // 8 bytes of UDP header + 1 of data
        CHECK(udp6->len == 49u);    // + 40 of IPv6 header
        // the value is back as it was
        CHECK(log_all.restore());
        CHECK(e2e::read_first_line(log_all_netns) == log_all.old_value());
    }
    host_listener.stop();
    lo_listener.stop();
}

// These run the example programs; they exist when the examples are built.
#if defined(NFTPP_SANDBOX_FENCE) && defined(NFTPP_SIDECAR_FENCE)
TEST_CASE("sandbox_fence with an IPv6 proxy: one inet table, IPv4 refused too", "[examples][e2e][netns]") {
    if (!nftpp_test::netns_usable()) return;
    e2e::probe_binary probe;
    sandbox_pair net;
    REQUIRE(net.build());
    const prober sb{net.sandbox, probe};
    e2e::listener host_listener(net.host, probe, {"[fd00:200::1]:3128", "10.200.0.1:3128", "[fd00:200::1]:8080"},
                                "10.200.0.1", "3128");
    REQUIRE(e2e::wait_ready(net.sandbox, probe, "fd00:200::1", "3128"));
    REQUIRE(first_word(sb.connect("10.200.0.1", "3128")) == "ok");

    const auto r = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, "--apply", net.sandbox.name(), "[fd00:200::1]", "3128"}, {}, 30s});
    INFO(r.err);
    REQUIRE(r.succeeded());
    CHECK(r.out.find("ip6 daddr fd00:200::1 tcp dport 3128 accept") != std::string::npos);  // the script it loaded
    CHECK(r.err.find("(0 optional rules left out)") != std::string::npos);
    CHECK(listing(net.sandbox, "openshell_bypass").find("ip6 daddr fd00:200::1 tcp dport 3128 accept") != std::string::npos);

    CHECK(first_word(sb.connect("fd00:200::1", "3128")) == "ok");
    CHECK_REFUSED_FAST(sb.connect("fd00:200::1", "8080"));
    CHECK_REFUSED_FAST(sb.connect("10.200.0.1", "3128"));  // the proxy port, but over IPv4
    CHECK_REFUSED_FAST(sb.connect("2001:db8::1", "3128"));
    CHECK(sb.udp("fd00:200::1", "3128") == "EPERM");

    // a bad proxy address or port: nothing applied, a clear message
    const auto bad = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, "--apply", net.sandbox.name(), "fd00::zz", "3128"}, {}, 30s});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("fd00::zz") != std::string::npos);
    const auto zero = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, "--apply", net.sandbox.name(), "fd00:200::1", "0"}, {}, 30s});
    CHECK(zero.exit_code == 2);
    CHECK(zero.err.find("a proxy or gateway port is a number from 1 to 65535") != std::string::npos);
    const auto big = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, "--apply", net.sandbox.name(), "10.200.0.1", "70000"}, {}, 30s});
    CHECK(big.exit_code == 2);
    CHECK(big.err.find("a port is a number from 0 to 65535") != std::string::npos);
    const auto missing = nftpp::exec::run_process(
        {{NFTPP_SANDBOX_FENCE, "--apply", net.sandbox.name() + "-missing", "10.200.0.1", "3128"}, {}, 30s});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("network namespace does not exist") != std::string::npos);
    CHECK(missing.out.empty());  // no script claims to be loaded
    // without --apply it prints the same script (the one loaded above: nothing was left out)
    const auto printed = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, net.sandbox.name(), "fd00:200::1", "3128"}, {}, 30s});
    CHECK(printed.succeeded());
    CHECK(printed.out == r.out);
    host_listener.stop();
}

TEST_CASE("optional rules: with log assumed unsupported the fence still applies and refuses", "[examples][e2e][netns][optional]") {
    if (!nftpp_test::netns_usable()) return;
    e2e::probe_binary probe;
    sandbox_pair net;
    REQUIRE(net.build());
    const prober sb{net.sandbox, probe};
    e2e::listener host_listener(net.host, probe, {"10.200.0.1:3128", "10.200.0.1:8080"}, "10.200.0.1", "3128");
    REQUIRE(e2e::wait_ready(net.sandbox, probe, "10.200.0.1", "8080"));

    const std::string prefix_text = "openshell:bypass:opt-" + std::to_string(::getpid()) + ":";
    const auto fence = ruleset(replace(fences::sandbox_fence(ipv4_addr("10.200.0.1"), port(3128), log_prefix::parse(prefix_text).value())));
    auto executor = net.sandbox.executor();
    capabilities no_log;
    no_log.remove(feature::log);
    const auto report = apply_with_probes(executor, fence, no_log);
    INFO(report.outcome.describe());
    REQUIRE(report.outcome.ok());
    REQUIRE(report.skipped.size() == 2);  // the TCP and the UDP log rule, nothing else
    for (const auto& s : report.skipped) {
        INFO(s.describe());
        CHECK(s.describe().find("the target lacks log") != std::string::npos);
        CHECK(s.text.find("log prefix") != std::string::npos);
    }
    CHECK(report.caps.has(feature::conntrack));
    CHECK_FALSE(report.caps.has(feature::log));
    const std::string loaded = listing(net.sandbox, "openshell_bypass");
    CHECK(loaded.find("log") == std::string::npos);
    CHECK(loaded.find("reject with tcp reset") != std::string::npos);
    CHECK(loaded.find("ct state established,related accept") != std::string::npos);

    CHECK(first_word(sb.connect("10.200.0.1", "3128")) == "ok");
    CHECK_REFUSED_FAST(sb.connect("10.200.0.1", "8080"));
    CHECK_REFUSED_FAST(sb.connect("198.51.100.1", "80"));
    CHECK(sb.udp("10.200.0.1", "5353") == "EPERM");
    {
        // and nothing is logged
        e2e::sysctl_guard log_all(log_all_netns, "1");
        INFO(log_all.error());
        REQUIRE(log_all.ok());
        auto reader = nftpp::klog::kmsg_reader::open();
        REQUIRE(reader.has_value());
        CHECK(first_word(sb.connect("10.200.0.1", "8080", 1000)) == "ECONNREFUSED");
        CHECK_FALSE(reader->next(prefix_text, 1500ms));
        CHECK(log_all.restore());
    }

    // the program: conntrack and log assumed missing, three rules left out and listed
    const auto r = nftpp::exec::run_process(
        {{NFTPP_SANDBOX_FENCE, "--apply", "--assume-missing", "log,conntrack", net.sandbox.name(), "10.200.0.1", "3128"}, {}, 30s});
    INFO(r.err);
    REQUIRE(r.succeeded());
    CHECK(r.err.find("(3 optional rules left out)") != std::string::npos);
    CHECK(r.err.find("ct state established,related accept) left out: the target lacks conntrack") != std::string::npos);
    CHECK(r.out.find("log") == std::string::npos);
    CHECK(r.out.find("ct state") == std::string::npos);
    const std::string degraded = listing(net.sandbox, "openshell_bypass");
    CHECK(degraded.find("ct state") == std::string::npos);
    CHECK(degraded.find("ip daddr 10.200.0.1 tcp dport 3128 accept") != std::string::npos);
    CHECK(first_word(sb.connect("10.200.0.1", "3128")) == "ok");  // without conntrack: the proxy rule covers both directions' packets out
    CHECK_REFUSED_FAST(sb.connect("10.200.0.1", "8080"));
    const auto unknown = nftpp::exec::run_process(
        {{NFTPP_SANDBOX_FENCE, "--apply", "--assume-missing", "lgo", net.sandbox.name(), "10.200.0.1", "3128"}, {}, 30s});
    CHECK(unknown.exit_code == 2);
    host_listener.stop();
}

TEST_CASE("the sidecar fence: only the proxy's uid gets out", "[examples][e2e][netns][sidecar]") {
    if (!nftpp_test::netns_usable()) return;
    e2e::probe_binary probe;
    sandbox_pair net;
    REQUIRE(net.build());
    const prober sb{net.sandbox, probe};
    e2e::listener host_listener(net.host, probe, {"10.200.0.1:8080", "[fd00:200::1]:8080"}, "10.200.0.1", "8080");
    e2e::listener lo_listener(net.sandbox, probe, {"127.0.0.1:7000"}, "127.0.0.1", "7000");
    REQUIRE(e2e::wait_ready(net.sandbox, probe, "10.200.0.1", "8080"));
    REQUIRE(e2e::wait_ready(net.sandbox, probe, "127.0.0.1", "7000"));

    // the library's table, rendered and loaded for real
    auto executor = net.sandbox.executor();
    const auto report = apply_with_probes(executor, ruleset(replace(fences::sidecar_fence(uid(1000), "openshell:sidecar-bypass:"))));
    INFO(report.outcome.describe());
    REQUIRE(report.outcome.ok());
    CHECK(listing(net.sandbox, "openshell_sidecar_bypass").find("meta skuid 1000 accept") != std::string::npos);
    executor.delete_table(family::inet, "openshell_sidecar_bypass", exec::absent_table::is_error);

    // the program, run in the namespace as the "current" one (its host executor is the
    // namespace's nft, since ip netns exec moved it there)
    const auto r = net.sandbox.run({NFTPP_SIDECAR_FENCE, "--apply", "1000"});
    INFO(r.err);
    REQUIRE(r.succeeded());
    CHECK(r.out.find("meta skuid 1000 accept") != std::string::npos);
    CHECK(listing(net.sandbox, "openshell_sidecar_bypass").find("meta skuid 1000 accept") != std::string::npos);

    CHECK(first_word(sb.connect("10.200.0.1", "8080", 1000)) == "ok");   // the proxy's uid
    CHECK(first_word(sb.connect("fd00:200::1", "8080", 1000)) == "ok");
    CHECK_REFUSED_FAST(sb.connect("10.200.0.1", "8080"));                 // root
    CHECK_REFUSED_FAST(sb.connect("10.200.0.1", "8080", 1001));           // another uid
    CHECK_REFUSED_FAST(sb.connect("fd00:200::1", "8080", 1001));
    CHECK(sb.udp("10.200.0.1", "5353", 1001) == "EPERM");
    CHECK(sb.udp("10.200.0.1", "5353", 1000) == "ok");
    CHECK(first_word(sb.connect("127.0.0.1", "7000", 1001)) == "ok");    // loopback for everyone
    host_listener.stop();
    lo_listener.stop();
}
#endif
