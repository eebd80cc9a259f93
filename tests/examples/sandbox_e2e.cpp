// End to end, as the seed describes it: a sandbox namespace joined by a veth pair to a
// namespace playing the host, which runs the proxy. With the fence applied (one atomic
// apply), the proxy is reachable, any other TCP connect is refused at once, UDP elsewhere
// fails, loopback works, and a blocked connect made as uid 1000 is logged with that uid.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <fstream>
#include <string>
#include <thread>

#include "fences.hpp"
#include "golden.hpp"

#include <nftpp/log/log.hpp>

using namespace nftpp;
using namespace std::chrono_literals;
using nftpp::testing::scratch_netns;

namespace {

// Sets a sysctl for the test's duration and restores it, also on failure.
class sysctl_guard {
public:
    sysctl_guard(std::string path, const std::string& value) : path_(std::move(path)) {
        std::ifstream in(path_);
        ok_ = static_cast<bool>(std::getline(in, old_));
        if (ok_) std::ofstream(path_) << value << "\n";
    }
    ~sysctl_guard() {
        if (ok_) std::ofstream(path_) << old_ << "\n";
    }
    [[nodiscard]] bool ok() const { return ok_; }

private:
    std::string path_, old_;
    bool ok_ = false;
};

// The helper program, copied where any uid can run it.
class probe_binary {
public:
    probe_binary() : dir_(std::filesystem::temp_directory_path() / ("nftpp-e2e-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(dir_);
        ::chmod(dir_.c_str(), 0755);
        std::filesystem::copy_file(NFTPP_NETPROBE, dir_ / "netprobe", std::filesystem::copy_options::overwrite_existing);
        ::chmod((dir_ / "netprobe").c_str(), 0755);
    }
    ~probe_binary() { std::filesystem::remove_all(dir_); }
    [[nodiscard]] std::string path() const { return (dir_ / "netprobe").string(); }

private:
    std::filesystem::path dir_;
};

std::string ip_tool() { return *exec::find_trusted(exec::ip_candidates).path; }

exec::process_result ip_cmd(const std::vector<std::string>& args) {
    std::vector<std::string> argv{ip_tool()};
    argv.insert(argv.end(), args.begin(), args.end());
    return exec::run_process({argv, {}, 10s});
}

std::string first_word(const std::string& s) { return s.substr(0, s.find_first_of(" \n")); }
long millis(const std::string& s) { return std::atol(s.c_str() + s.find(' ') + 1); }

}  // namespace

TEST_CASE("the sandbox fence, end to end", "[examples][e2e][netns]") {
    if (!nftpp_test::netns_usable()) return;
    probe_binary probe;
    scratch_netns sandbox("sb"), host("host");
    REQUIRE(sandbox.ok());
    REQUIRE(host.ok());
    REQUIRE(ip_cmd({"-n", sandbox.name(), "link", "add", "veth-s", "type", "veth", "peer", "name", "veth-h", "netns", host.name()}).succeeded());
    REQUIRE(ip_cmd({"-n", sandbox.name(), "addr", "add", "10.200.0.2/24", "dev", "veth-s"}).succeeded());
    REQUIRE(ip_cmd({"-n", host.name(), "addr", "add", "10.200.0.1/24", "dev", "veth-h"}).succeeded());
    REQUIRE(ip_cmd({"-n", sandbox.name(), "link", "set", "veth-s", "up"}).succeeded());
    REQUIRE(ip_cmd({"-n", host.name(), "link", "set", "veth-h", "up"}).succeeded());
    REQUIRE(ip_cmd({"-n", sandbox.name(), "route", "add", "default", "via", "10.200.0.1"}).succeeded());

    // the proxy (3128) and another service (8080) on the host side; a loopback service in the sandbox
    std::thread host_listener([&] { host.run({probe.path(), "listen", "30", "10.200.0.1:3128", "10.200.0.1:8080"}, {}, 40s); });
    std::thread lo_listener([&] { sandbox.run({probe.path(), "listen", "30", "127.0.0.1:7000"}, {}, 40s); });
    auto connect = [&](const std::string& addr, const std::string& port, bool as_user = false) {
        std::vector<std::string> argv{probe.path(), "connect", addr, port, "3000"};
        if (as_user) argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=1000", "--regid=1000", "--clear-groups"});
        return sandbox.run(argv).out;
    };
    auto wait_ready = [&](const std::string& addr, const std::string& port) {
        for (int i = 0; i < 50; ++i) {
            if (first_word(connect(addr, port)) == "ok") return true;
            std::this_thread::sleep_for(100ms);
        }
        return false;
    };
    struct stopper {
        std::function<void()> f;
        ~stopper() { f(); }
    } stop_listeners{[&] {
        host.run({probe.path(), "quit", "10.200.0.1", "3128"});
        sandbox.run({probe.path(), "quit", "127.0.0.1", "7000"});
        host_listener.join();
        lo_listener.join();
    }};
    REQUIRE(wait_ready("10.200.0.1", "3128"));
    REQUIRE(wait_ready("127.0.0.1", "7000"));
    // without the fence, 8080 is reachable: a refusal later is the fence's doing
    REQUIRE(first_word(connect("10.200.0.1", "8080")) == "ok");

    // one atomic apply, one nft process behind nsenter
    const std::string prefix_text = "openshell:bypass:" + sandbox.name().substr(sandbox.name().size() - 8) + ":";
    const log_prefix prefix = log_prefix::parse(prefix_text).value();
    const auto fence = fences::sandbox_fence(ipv4_addr("10.200.0.1"), port(3128), prefix);
    auto executor = sandbox.executor();
    const auto applied = executor.apply(render(ruleset(replace(fence))));
    INFO(applied.describe());
    REQUIRE(applied.ok());
    CHECK(executor.processes_per_operation() == 2);

    const std::string to_proxy = connect("10.200.0.1", "3128");
    CHECK(first_word(to_proxy) == "ok");
    const std::string elsewhere = connect("10.200.0.1", "8080");
    CHECK(first_word(elsewhere) == "ECONNREFUSED");
    CHECK(millis(elsewhere) < 1000);
    CHECK(first_word(sandbox.run({probe.path(), "udp", "10.200.0.1", "5353"}).out) == "EPERM");
    CHECK(first_word(connect("127.0.0.1", "7000")) == "ok");

    // the log line of a blocked connect made as uid 1000
    sysctl_guard log_all("/proc/sys/net/netfilter/nf_log_all_netns", "1");
    REQUIRE(log_all.ok());
    auto reader = nftpp::klog::kmsg_reader::open();
    REQUIRE(reader.has_value());
    CHECK(first_word(connect("10.200.0.1", "8080", true)) == "ECONNREFUSED");
    std::optional<nftpp::klog::log_event> event;
    for (int i = 0; i < 20 && !event; ++i) {
        event = reader->next(prefix_text, 250ms);
        if (event && event->uid != 1000u) event.reset();  // an earlier root connect may be logged too
    }
    REQUIRE(event.has_value());
    CHECK(event->uid == 1000u);
    CHECK(event->gid == 1000u);
    CHECK(event->proto == "TCP");
    CHECK(event->dpt == 8080);
    CHECK(event->dst == nftpp::klog::address(ipv4_addr("10.200.0.1")));
    CHECK(event->out == "veth-s");
}
