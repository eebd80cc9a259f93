// SPDX-License-Identifier: Apache-2.0
// bypass_monitor end to end: a sandbox namespace with the fence, the monitor following it,
// and real blocked connections from uid 1000 inside it. Once with nflog (the fence logs to
// a group, the monitor reads it inside the namespace), once with /dev/kmsg (the fence logs
// to the kernel log; net.netfilter.nf_log_all_netns is set for the test and restored).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e_support.hpp"
#include "golden.hpp"

using namespace std::chrono_literals;
using nftpp::testing::scratch_netns;
using e2e::first_word;

#if defined(NFTPP_BYPASS_MONITOR) && defined(NFTPP_SANDBOX_FENCE)
namespace {

constexpr const char* log_all_netns = "/proc/sys/net/netfilter/nf_log_all_netns";

// A program running while the test reads its output line by line.
class live_process {
public:
    explicit live_process(const std::vector<std::string>& argv) {
        int out[2], err[2];
        if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], 1);
            ::dup2(err[1], 2);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        ::close(out[1]);
        ::close(err[1]);
        out_ = out[0];
        err_ = err[0];
    }
    ~live_process() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            wait();
        }
        if (out_ >= 0) ::close(out_);
        if (err_ >= 0) ::close(err_);
    }
    live_process(const live_process&) = delete;
    live_process& operator=(const live_process&) = delete;

    // The next line on stdout (or stderr), or nothing after `timeout` or at its end.
    std::optional<std::string> out_line(std::chrono::milliseconds timeout) { return line(out_, out_buf_, timeout); }
    std::optional<std::string> err_line(std::chrono::milliseconds timeout) { return line(err_, err_buf_, timeout); }
    // Waits for the exit; its status (-1 when killed by a signal).
    int wait() {
        if (pid_ <= 0) return status_;
        int st = 0;
        ::waitpid(pid_, &st, 0);
        pid_ = -1;
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        return status_;
    }

private:
    static std::optional<std::string> line(int fd, std::string& buf, std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (const auto nl = buf.find('\n'); nl != std::string::npos) {
                std::string l = buf.substr(0, nl);
                buf.erase(0, nl + 1);
                return l;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || fd < 0) return std::nullopt;
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
            char tmp[4096];
            const ssize_t n = ::read(fd, tmp, sizeof tmp);
            if (n <= 0) return std::nullopt;
            buf.append(tmp, static_cast<std::size_t>(n));
        }
    }
    pid_t pid_ = -1;
    int out_ = -1, err_ = -1;
    int status_ = -1;
    std::string out_buf_, err_buf_;
};

// sandbox (veth-s 10.200.0.2/24, fd00:200::2/64, default routes) <-> host (veth-h .1)
struct sandbox_pair {
    scratch_netns sandbox{"mon"};
    scratch_netns host{"monhost"};
    [[nodiscard]] bool build() const {
        return sandbox.ok() && host.ok() &&
               e2e::veth_pair(sandbox, "veth-s", {"10.200.0.2/24", "fd00:200::2/64"}, host, "veth-h",
                              {"10.200.0.1/24", "fd00:200::1/64"}) &&
               e2e::ip_cmd({"-n", sandbox.name(), "route", "add", "default", "via", "10.200.0.1"}).succeeded() &&
               e2e::ip_cmd({"-n", sandbox.name(), "-6", "route", "add", "default", "via", "fd00:200::1"}).succeeded();
    }
};

std::vector<std::string> as_uid(int id, std::vector<std::string> argv) {
    argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=" + std::to_string(id), "--regid=" + std::to_string(id),
                               "--clear-groups"});
    return argv;
}

// Drives three blocked attempts as uid 1000 (TCP over IPv4, DNS over UDP, other UDP over
// IPv6) and checks the three lines the monitor prints.
void check_three_events(live_process& monitor, const scratch_netns& sandbox, const e2e::probe_binary& probe,
                        const std::string& source) {
    // the monitor says when it follows; only then are the attempts made
    std::optional<std::string> ready;
    while ((ready = monitor.err_line(10s)) && ready->find("following") == std::string::npos) {
    }
    REQUIRE(ready.has_value());
    INFO("monitor: " << *ready);

    CHECK(first_word(sandbox.run(as_uid(1000, {probe.path(), "connect", "10.200.0.1", "8080", "2000"})).out) ==
          "ECONNREFUSED");
    // the UDP sockets stay open for a while: the monitor can find their owner
    CHECK(first_word(sandbox.run(as_uid(1000, {probe.path(), "udp", "198.51.100.53", "53", "1500"})).out) == "EPERM");
    CHECK(first_word(sandbox.run(as_uid(1000, {probe.path(), "udp", "fd00:200::1", "5353", "1500"})).out) == "EPERM");

    std::vector<nlohmann::json> events;
    while (events.size() < 3) {
        const auto l = monitor.out_line(10s);
        if (!l) break;
        INFO("line: " << *l);
        const auto j = nlohmann::json::parse(*l, nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        events.push_back(j);
    }
    REQUIRE(events.size() == 3u);
    CHECK(monitor.wait() == 0);  // --count 3
    for (const auto& e : events) {
        INFO(e.dump());
        CHECK(e["namespace"] == sandbox.name());
        CHECK(e["source"] == source);
        CHECK(e["uid"] == 1000);
        CHECK(e["gid"] == 1000);
        CHECK(e["time"].get<std::string>().size() == 24u);  // 2026-12-01T23:40:00.123Z
        CHECK(e["time"].get<std::string>().back() == 'Z');
    }
    const auto& tcp = events[0];
    CHECK(tcp["destination"] == "10.200.0.1");
    CHECK(tcp["port"] == 8080);
    CHECK(tcp["protocol"] == "tcp");
    CHECK(tcp["hint"].get<std::string>().find("use the proxy") == 0);
    const auto& dns = events[1];
    CHECK(dns["destination"] == "198.51.100.53");
    CHECK(dns["port"] == 53);
    CHECK(dns["protocol"] == "udp");
    CHECK(dns["hint"].get<std::string>().find("DNS over UDP") == 0);
    REQUIRE(dns["process"].is_object());
    CHECK(dns["process"]["comm"] == "netprobe");
    CHECK(dns["process"]["pid"].get<long>() > 1);
    const auto& udp = events[2];
    CHECK(udp["destination"] == "fd00:200::1");
    CHECK(udp["port"] == 5353);
    CHECK(udp["protocol"] == "udp");
    CHECK(udp["hint"].get<std::string>().find("UDP is blocked") == 0);
    REQUIRE(udp["process"].is_object());
    CHECK(udp["process"]["comm"] == "netprobe");
}

}  // namespace

TEST_CASE("bypass_monitor with nflog: the events of one namespace, no sysctl", "[examples][e2e][netns][monitor]") {
    if (!nftpp_test::netns_usable()) return;
    e2e::probe_binary probe;
    sandbox_pair net;
    REQUIRE(net.build());
    e2e::listener host_listener(net.host, probe, {"10.200.0.1:3128"}, "10.200.0.1", "3128");
    REQUIRE(e2e::wait_ready(net.sandbox, probe, "10.200.0.1", "3128"));
    const auto fence = nftpp::exec::run_process(
        {{NFTPP_SANDBOX_FENCE, "--apply", "--nflog-group", "7", net.sandbox.name(), "10.200.0.1", "3128"}, {}, 30s});
    INFO(fence.err);
    REQUIRE(fence.succeeded());
    CHECK(fence.out.find("\" group 7") != std::string::npos);
    CHECK(fence.out.find("flags skuid") == std::string::npos);
    // nothing reaches the kernel log of the host for this: the sysctl stays as it is
    const auto sysctl_before = e2e::read_first_line(log_all_netns);

    live_process monitor({NFTPP_BYPASS_MONITOR, "--nflog-group", "7", "--count", "3", "--for-ms", "30000", net.sandbox.name()});
    check_three_events(monitor, net.sandbox, probe, "nflog");
    CHECK(e2e::read_first_line(log_all_netns) == sysctl_before);
    // the proxy is not an event
    CHECK(first_word(net.sandbox.run(as_uid(1000, {probe.path(), "connect", "10.200.0.1", "3128", "2000"})).out) == "ok");

    // bad arguments: a clear sentence, exit 2; a group another reader holds: exit 1
    const auto bad_group = nftpp::exec::run_process({{NFTPP_BYPASS_MONITOR, "--nflog-group", "70000", net.sandbox.name()}, {}, 10s});
    CHECK(bad_group.exit_code == 2);
    CHECK(bad_group.err.find("70000") != std::string::npos);
    const auto bad_ns = nftpp::exec::run_process({{NFTPP_BYPASS_MONITOR, "../x"}, {}, 10s});
    CHECK(bad_ns.exit_code == 2);
    {
        live_process holder({NFTPP_BYPASS_MONITOR, "--nflog-group", "8", "--for-ms", "20000", net.sandbox.name()});
        REQUIRE(holder.err_line(10s).value_or("").find("following") != std::string::npos);
        const auto busy = nftpp::exec::run_process({{NFTPP_BYPASS_MONITOR, "--nflog-group", "8", "--for-ms", "1000", net.sandbox.name()}, {}, 10s});
        CHECK(busy.exit_code == 1);
        CHECK(busy.err.find("cannot bind nflog group 8") != std::string::npos);
    }
    host_listener.stop();
}

TEST_CASE("bypass_monitor with --kmsg: the kernel log, with nf_log_all_netns set and restored", "[examples][e2e][netns][monitor]") {
    if (!nftpp_test::netns_usable()) return;
    e2e::probe_binary probe;
    sandbox_pair net;
    REQUIRE(net.build());
    const auto fence = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, "--apply", net.sandbox.name(), "10.200.0.1", "3128"}, {}, 30s});
    INFO(fence.err);
    REQUIRE(fence.succeeded());
    CHECK(fence.out.find("flags skuid") != std::string::npos);
    {
        e2e::sysctl_guard log_all(log_all_netns, "1");
        INFO(log_all.error());
        REQUIRE(log_all.ok());
        live_process monitor({NFTPP_BYPASS_MONITOR, "--kmsg", "--count", "3", "--for-ms", "30000", net.sandbox.name()});
        check_three_events(monitor, net.sandbox, probe, "kmsg");
        CHECK(log_all.restore());
        CHECK(e2e::read_first_line(log_all_netns) == log_all.old_value());
    }
}
#endif
