// SPDX-License-Identifier: Apache-2.0
// The process runner against a helper program: big input, floods on stderr, timeouts,
// early exits, missing binaries, leaked descriptors, EINTR, a lost exit status, process
// groups, descendants in sessions of their own, running through a descriptor, capture
// limits, timeout edge cases, the environment, poll failures and running without pidfd.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>

#include "tools.hpp"

#include <catch2/catch.hpp>

#include <nftpp/exec/process.hpp>

using namespace nftpp::exec;
using namespace std::chrono_literals;

namespace {
const std::string child = NFTPP_TEST_CHILD;

process_result run_child(std::vector<std::string> args, std::string input = {}, std::chrono::milliseconds timeout = 20s) {
    args.insert(args.begin(), child);
    return run_process({std::move(args), std::move(input), timeout});
}
}  // namespace

TEST_CASE("stdin larger than a pipe buffer is delivered whole", "[exec][process]") {
    const std::string big(8u << 20, 'x');
    const auto r = run_child({"count_stdin"}, big);
    REQUIRE(r.succeeded());
    CHECK(r.out == std::to_string(big.size()) + "\n");
}

TEST_CASE("a child flooding stderr before reading stdin does not deadlock", "[exec][process]") {
    const std::string input(1u << 20, 'y');
    const auto r = run_child({"flood_stderr", std::to_string(4u << 20)}, input);
    REQUIRE(r.succeeded());
    CHECK(r.err.size() == (4u << 20));
    CHECK(r.out == std::to_string(input.size()) + "\n");
}

TEST_CASE("a timeout kills and reaps the child", "[exec][process]") {
    const auto start = std::chrono::steady_clock::now();
    const auto r = run_child({"sleep_ms", "-1"}, {}, 300ms);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(r.timed_out);
    CHECK_FALSE(r.succeeded());
    CHECK(r.term_signal == SIGKILL);
    CHECK(elapsed < 5s);
    // reaped: no child of ours is left
    errno = 0;
    CHECK(waitpid(-1, nullptr, WNOHANG) == -1);
    CHECK(errno == ECHILD);
}

TEST_CASE("exit status is reported", "[exec][process]") {
    const auto r = run_child({"exit", "3"});
    CHECK_FALSE(r.succeeded());
    CHECK(r.exit_code == 3);
    CHECK_FALSE(r.timed_out);
}

TEST_CASE("a child that exits without reading its input does not kill the caller", "[exec][process]") {
    const std::string big(8u << 20, 'z');
    const auto r = run_child({"ignore_stdin"}, big);  // we write into a closed pipe: EPIPE, not SIGPIPE
    CHECK(r.exit_code == 0);
    sigset_t pending;
    sigpending(&pending);
    CHECK(sigismember(&pending, SIGPIPE) == 0);  // and no SIGPIPE is left pending for the caller
}

TEST_CASE("a missing or relative binary is a spawn failure", "[exec][process]") {
    auto r = run_process({{"/nonexistent/nft"}, {}, 5s});
    CHECK(r.spawn_failed);
    CHECK(r.spawn_errno == ENOENT);
    r = run_process({{"nft", "--version"}, {}, 5s});
    CHECK(r.spawn_failed);
    CHECK(r.spawn_errno == EINVAL);
}

TEST_CASE("no descriptor of the caller leaks into the child", "[exec][process]") {
    const int leaky = ::open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
    REQUIRE(leaky > 2);
    const auto r = run_child({"list_fds"});
    ::close(leaky);
    REQUIRE(r.succeeded());
    CHECK(r.out == "0\n1\n2\n");
}

namespace {
volatile sig_atomic_t alarms = 0;
void on_alarm(int) { alarms = alarms + 1; }
}  // namespace

TEST_CASE("signals interrupting the wait are handled (EINTR)", "[exec][process]") {
    struct sigaction sa {};
    sa.sa_handler = on_alarm;  // no SA_RESTART: poll, read and waitpid see EINTR
    sigemptyset(&sa.sa_mask);
    struct sigaction old {};
    sigaction(SIGALRM, &sa, &old);
    itimerval every_5ms{{0, 5000}, {0, 5000}};
    setitimer(ITIMER_REAL, &every_5ms, nullptr);
    const auto r = run_child({"flood_stderr", std::to_string(1u << 20)}, std::string(1u << 20, 'q'));
    const auto r2 = run_child({"sleep_ms", "200"});
    itimerval off{};
    setitimer(ITIMER_REAL, &off, nullptr);
    sigaction(SIGALRM, &old, nullptr);
    CHECK(alarms > 0);
    CHECK(r.succeeded());
    CHECK(r.err.size() == (1u << 20));
    CHECK(r2.succeeded());
}

namespace {
// Restores a signal's disposition when the test ends, also when it fails.
struct signal_disposition {
    int sig;
    struct sigaction old {};
    signal_disposition(int s, void (*handler)(int)) : sig(s) {
        struct sigaction sa {};
        sa.sa_handler = handler;
        sigemptyset(&sa.sa_mask);
        sigaction(sig, &sa, &old);
    }
    ~signal_disposition() { sigaction(sig, &old, nullptr); }
};

// True when the process `pid` ends within `limit`; kills it otherwise (no stray processes).
bool ends_within(pid_t pid, std::chrono::milliseconds limit) {
    const int fd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    if (fd < 0) return errno == ESRCH;  // already gone
    pollfd p{fd, POLLIN, 0};
    int r;
    while ((r = ::poll(&p, 1, static_cast<int>(limit.count()))) < 0 && errno == EINTR) {
    }
    ::close(fd);
    if (r == 1) return true;
    ::kill(pid, SIGKILL);
    return false;
}

pid_t first_line_pid(const std::string& out) { return static_cast<pid_t>(std::atoi(out.c_str())); }
}  // namespace

TEST_CASE("a caller that ignores SIGCHLD still learns how the program ended", "[exec][process]") {
    // the runner reaps the program itself and reports its status through a pipe
    process_result ok, three;
    {
        signal_disposition ignore(SIGCHLD, SIG_IGN);  // the kernel reaps our children itself
        ok = run_child({"exit", "0"});
        three = run_child({"exit", "3"});
    }
    CHECK(ok.succeeded());
    CHECK_FALSE(ok.wait_failed);
    CHECK(three.exit_code == 3);
}

TEST_CASE("a lost exit status is a failure, not exit code 0 (the runner killed)", "[exec][process]") {
    const auto r = run_child({"kill_parent"});  // the program kills the runner, then exits 0
    CHECK(r.wait_failed);
    CHECK_FALSE(r.succeeded());
    CHECK_FALSE(r.timed_out);
    CHECK(r.failure.find("runner process ended before it reported") != std::string::npos);
    CHECK(r.failure.find("signal 9") != std::string::npos);
}

TEST_CASE("a timeout kills the child's whole process group", "[exec][process][group]") {
    // the grandchild holds stdout and stderr open; killing only the child would leave it
    const auto r = run_child({"grandchild_sleep"}, {}, 1s);
    CHECK(r.timed_out);
    CHECK(r.term_signal == SIGKILL);
    REQUIRE_FALSE(r.out.empty());
    CHECK(ends_within(first_line_pid(r.out), 5s));
}

TEST_CASE("a child that exited before the deadline is not reported as timed out", "[exec][process][group]") {
    // the child exits 0 at once; its grandchild keeps the pipes open past the deadline
    const auto start = std::chrono::steady_clock::now();
    const auto r = run_child({"grandchild_exit"}, {}, 1s);
    CHECK(std::chrono::steady_clock::now() - start < 10s);
    CHECK_FALSE(r.timed_out);
    CHECK(r.exit_code == 0);
    CHECK(r.descendants_killed);
    CHECK(r.succeeded());
    REQUIRE_FALSE(r.out.empty());
    CHECK(ends_within(first_line_pid(r.out), 5s));
}

namespace {
std::pair<pid_t, pid_t> two_pids(const std::string& out) {
    pid_t a = 0, b = 0;
    if (std::sscanf(out.c_str(), "%d %d", &a, &b) != 2) return {0, 0};
    return {a, b};
}
// True when the process is gone (or a zombie nobody will reap: not ours), without waiting.
bool gone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }
}  // namespace

TEST_CASE("descendants that called setsid() are killed and reaped when the program ends", "[exec][process][group]") {
    // the program exits 0 at once; a grandchild and a great-grandchild, each in a session of
    // its own (out of reach of a process-group kill), hold its pipes for 30 s
    const auto r = run_child({"setsid_exit"}, {}, 20s);
    CHECK(r.succeeded());
    CHECK_FALSE(r.timed_out);
    CHECK(r.descendants == 2);
    CHECK(r.descendants_killed);
    const auto [g, gg] = two_pids(r.out);
    REQUIRE(g > 0);
    REQUIRE(gg > 0);
    // reaped by the runner before run_process returned: not merely dying
    CHECK(gone(g));
    CHECK(gone(gg));
    if (!gone(g)) ::kill(g, SIGKILL);
    if (!gone(gg)) ::kill(gg, SIGKILL);
}

TEST_CASE("a timeout kills descendants that called setsid() too", "[exec][process][group]") {
    const auto r = run_child({"setsid_sleep"}, {}, 500ms);
    CHECK(r.timed_out);
    CHECK(r.term_signal == SIGKILL);
    CHECK(r.descendants == 2);
    const auto [g, gg] = two_pids(r.out);
    REQUIRE(g > 0);
    CHECK(gone(g));
    CHECK(gone(gg));
    if (!gone(g)) ::kill(g, SIGKILL);
    if (!gone(gg)) ::kill(gg, SIGKILL);
}

TEST_CASE("the program runs through the descriptor it was checked by, whatever its path becomes", "[exec][process][trust]") {
    nftpp_test::temp_dir dir;
    const std::string path = dir.file("tool");
    std::filesystem::copy_file(child, path);
    ::chmod(path.c_str(), 0755);
    const nftpp::exec::unique_fd fd(::open(path.c_str(), O_PATH | O_CLOEXEC));
    REQUIRE(fd);
    // the path now names another program (one that fails at once)
    const std::string other = dir.write("other", "not a program\n", 0755);
    REQUIRE(::rename(other.c_str(), path.c_str()) == 0);
    process_request req{{path, "exit", "7"}, {}, 10s};
    CHECK(run_process(req).spawn_failed);  // by path: the new file (ENOEXEC)
    req.exec_fd = fd.get();
    const auto r = run_process(req);
    CHECK(r.exit_code == 7);  // by descriptor: the file that was opened
}

TEST_CASE("captured output is capped, the rest drained and dropped", "[exec][process][cap]") {
    process_request req{{child, "flood_stderr", std::to_string(4u << 20)}, std::string(1u << 20, 'c'), 20s};
    req.capture_limit = 1u << 20;
    const auto r = run_process(req);
    REQUIRE(r.succeeded());  // the child could write all of it: it was drained
    CHECK(r.err.size() == (1u << 20));
    CHECK(r.err_truncated);
    CHECK(r.out == std::to_string(1u << 20) + "\n");
    CHECK_FALSE(r.out_truncated);

    const auto flood = run_child({"flood_stdout", std::to_string(20u << 20)});  // the default: 16 MiB each
    REQUIRE(flood.succeeded());
    CHECK(flood.out.size() == default_capture_limit);
    CHECK(flood.out_truncated);
    CHECK_FALSE(flood.err_truncated);
}

TEST_CASE("a zero or negative timeout is a caller error, and nothing runs", "[exec][process][timeout]") {
    nftpp_test::temp_dir dir;
    const std::string mark = dir.file("ran");
    for (const auto t : {0ms, -1ms, std::chrono::milliseconds::min()}) {
        const auto r = run_child({"touch", mark}, {}, t);
        CHECK(r.spawn_failed);
        CHECK(r.spawn_errno == EINVAL);
        CHECK(r.failure.find("timeout must be greater than 0") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(mark));
    CHECK(run_child({"touch", mark}, {}, 10s).succeeded());  // the same request with a timeout runs
    CHECK(std::filesystem::exists(mark));
}

TEST_CASE("huge timeouts are clamped, not overflowed", "[exec][process][timeout]") {
    // deadline = now + timeout would overflow steady_clock: the child would look timed out at once
    for (const auto t : {std::chrono::milliseconds::max(), std::chrono::milliseconds(std::chrono::hours(24 * 365 * 100))}) {
        const auto r = run_child({"sleep_ms", "50"}, {}, t);
        CHECK_FALSE(r.timed_out);
        CHECK(r.succeeded());
    }
}

TEST_CASE("the child gets exactly the environment asked for", "[exec][process][env]") {
    ::setenv("NFTPP_TEST_INHERITED", "yes", 1);
    process_request req{{child, "print_env"}, {}, 10s};
    const auto inherited = run_process(req);
    req.env = std::vector<std::string>{"PATH=/usr/bin", "LC_ALL=C"};
    const auto clean = run_process(req);
    req.env = std::vector<std::string>{};
    const auto empty = run_process(req);
    ::unsetenv("NFTPP_TEST_INHERITED");
    REQUIRE(inherited.succeeded());
    CHECK(inherited.out.find("NFTPP_TEST_INHERITED=yes\n") != std::string::npos);
    REQUIRE(clean.succeeded());
    CHECK(clean.out == "PATH=/usr/bin\nLC_ALL=C\n");
    REQUIRE(empty.succeeded());
    CHECK(empty.out.empty());
}

#if defined(__x86_64__)
using nftpp_test::fail_syscalls_in_this_thread;

TEST_CASE("a poll error kills the child at once and is reported", "[exec][process][poll]") {
    bool filtered = false;
    process_result r;
    auto elapsed = std::chrono::steady_clock::duration{};
    std::thread t([&] {
        filtered = fail_syscalls_in_this_thread({SYS_poll, SYS_ppoll}, ENOMEM);
        if (!filtered) return;
        const auto start = std::chrono::steady_clock::now();
        r = run_child({"sleep_ms", "-1"}, {}, 20s);
        elapsed = std::chrono::steady_clock::now() - start;
    });
    t.join();
    REQUIRE(filtered);
    CHECK(r.io_failed);
    CHECK(r.io_errno == ENOMEM);
    CHECK_FALSE(r.timed_out);
    CHECK(r.term_signal == SIGKILL);
    CHECK_FALSE(r.succeeded());
    CHECK(r.failure.find("poll failed") != std::string::npos);
    CHECK(elapsed < 5s);  // not left running until the 20 s deadline
}

TEST_CASE("without pidfd_open the runner works alike", "[exec][process][pidfd]") {
    bool filtered = false;
    process_result exited, slept, killed, lost;
    std::thread t([&] {
        filtered = fail_syscalls_in_this_thread({SYS_pidfd_open}, ENOSYS);
        if (!filtered) return;
        exited = run_child({"exit", "3"});
        slept = run_child({"sleep_ms", "100"});
        killed = run_child({"sleep_ms", "-1"}, {}, 300ms);
        lost = run_child({"kill_parent"});
    });
    t.join();
    REQUIRE(filtered);
    CHECK(exited.exit_code == 3);
    CHECK(slept.succeeded());
    CHECK(killed.timed_out);
    CHECK(killed.term_signal == SIGKILL);
    CHECK(lost.wait_failed);
    CHECK_FALSE(lost.succeeded());
}
#endif
