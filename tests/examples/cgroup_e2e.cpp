// SPDX-License-Identifier: Apache-2.0
// sock.cgroupv2<Level>, end to end: a rule in a scratch namespace refuses the connections of
// processes in one scratch cgroup v2 and lets those of another cgroup and of the test
// itself through. The cgroups are made for the test below the cgroup v2 mount and removed
// after it (with the processes gone). Also the kernel refusing a level over 255, which
// needs a path that exists.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include "e2e_support.hpp"
#include "golden.hpp"

using namespace nftpp;
using e2e::first_word;

namespace {

// Where the cgroup v2 hierarchy is mounted below /sys/fs/cgroup (nft resolves cgroupv2
// paths under /sys/fs/cgroup): "" for /sys/fs/cgroup itself, "unified" for a hybrid
// layout; nullopt when it is not mounted there.
std::optional<std::string> cgroup2_below_sys_fs_cgroup() {
    std::ifstream in("/proc/self/mountinfo");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string id, parent, dev, root, point, field;
        f >> id >> parent >> dev >> root >> point;
        while (f >> field && field != "-") {
        }
        std::string type;
        f >> type;
        if (type != "cgroup2" || root != "/") continue;
        const std::string base = "/sys/fs/cgroup";
        if (point == base) return std::string();
        if (point.rfind(base + "/", 0) == 0) return point.substr(base.size() + 1);
    }
    return std::nullopt;
}

// A cgroup made for the test at level 1 of the hierarchy, removed in the destructor.
class scratch_cgroup {
public:
    scratch_cgroup(const std::string& below, const std::string& name)
        : nft_path_(below.empty() ? name : below + "/" + name), dir_("/sys/fs/cgroup/" + nft_path_) {
        made_ = ::mkdir(dir_.c_str(), 0755) == 0;
    }
    ~scratch_cgroup() {
        if (!made_) return;
        for (int i = 0; i < 50 && ::rmdir(dir_.c_str()) != 0 && errno == EBUSY; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    scratch_cgroup(const scratch_cgroup&) = delete;
    scratch_cgroup& operator=(const scratch_cgroup&) = delete;
    [[nodiscard]] bool ok() const { return made_; }
    [[nodiscard]] const std::string& nft_path() const { return nft_path_; }
    [[nodiscard]] const std::string& dir() const { return dir_; }

private:
    std::string nft_path_, dir_;
    bool made_ = false;
};

// netprobe connect from a process that first moves itself into `cg` (none: stays in the
// test's cgroup), inside the namespace.
std::string connect_from(const nftpp::testing::scratch_netns& ns, const e2e::probe_binary& probe, const scratch_cgroup* cg,
                         const std::string& port) {
    const int fd = ::open(ns.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "cannot open the namespace";
    std::string script = "exec \"$0\" connect 127.0.0.1 " + port + " 2000";
    if (cg) script = "echo $$ > '" + cg->dir() + "/cgroup.procs' && " + script;
    nftpp::exec::process_request req;
    req.argv = {"/bin/sh", "-c", script, probe.path()};
    req.netns_fd = fd;
    const auto r = nftpp::exec::run_process(req);
    ::close(fd);
    return r.out + r.err;
}

}  // namespace

TEST_CASE("sock.cgroupv2 matches the sockets of the processes in a cgroup", "[examples][socket][e2e][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto below = cgroup2_below_sys_fs_cgroup();
    if (!below) {
        const char* req = std::getenv("NFTPP_REQUIRE_NETNS");
        if (req && std::string_view(req) == "1") FAIL("no cgroup v2 hierarchy mounted below /sys/fs/cgroup");
        WARN("SKIPPED (no cgroup v2 hierarchy mounted below /sys/fs/cgroup)");
        return;
    }
    const std::string pid = std::to_string(::getpid());
    scratch_cgroup blocked(*below, "nftpp-test-blocked-" + pid), other(*below, "nftpp-test-other-" + pid);
    REQUIRE(blocked.ok());
    REQUIRE(other.ok());

    nftpp::testing::scratch_netns ns("cgroup");
    REQUIRE(ns.ok());
    e2e::probe_binary probe;
    e2e::listener l(ns, probe, {"127.0.0.1:7100", "127.0.0.1:7101"}, "127.0.0.1", "7100");
    REQUIRE(e2e::wait_ready(ns, probe, "127.0.0.1", "7100"));
    // without rules, every process connects
    REQUIRE(first_word(connect_from(ns, probe, &blocked, "7101")) == "ok");

    // the path is data (bound at run time, checked when bound)
    const cgroup_path path = cgroup_path::parse(blocked.nft_path()).value();
    const auto t = table<family::inet>(
        "t", base_chain<"out", filter_chain(hook::output)>(tcp.dport == 7101 && sock.cgroupv2<1> == path >> reject(tcp_reset)));
    const auto applied = ns.executor().apply(render(ruleset(replace(t))));
    INFO(applied.describe());
    REQUIRE(applied.ok());

    CHECK(first_word(connect_from(ns, probe, &blocked, "7101")) == "ECONNREFUSED");
    CHECK(first_word(connect_from(ns, probe, &blocked, "7100")) == "ok");  // another port: the rule's tcp.dport
    CHECK(first_word(connect_from(ns, probe, &other, "7101")) == "ok");
    CHECK(first_word(connect_from(ns, probe, nullptr, "7101")) == "ok");

    // the kernel's range of levels (a_cgroupv2_level_is_0_to_255 refuses 256 at compile time)
    nftpp_test::require_refused({"inet", "socket cgroupv2 level 256 \"" + blocked.nft_path() + "\" accept",
                                 "Numerical result out of range", "output"});
    nftpp_test::require_loads(render(ruleset(replace(table<family::inet>(
        "t", base_chain<"out", filter_chain(hook::output)>(sock.cgroupv2<255> == path >> accept))))));
    // a path that does not exist is refused when it loads, and nothing is loaded
    const auto missing = ns.executor().apply(render(ruleset(replace(table<family::inet>(
        "u", base_chain<"out", filter_chain(hook::output)>(sock.cgroupv2<1> == cgroup_path::parse(blocked.nft_path() + "-gone").value() >> accept))))));
    CHECK(missing.kind == nftpp::exec::outcome_kind::rejected);
    CHECK(missing.err.find("cgroupv2 path fails: No such file or directory") != std::string::npos);
    l.stop();
}
