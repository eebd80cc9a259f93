// SPDX-License-Identifier: Apache-2.0
#pragma once
// run_process: run a program from an argv array (never a shell), give it stdin, capture
// stdout and stderr, wait with a timeout, and kill and reap everything it started.
//   * a runner process sits between the caller and the program: forked from the caller,
//     it is a child subreaper (PR_SET_CHILD_SUBREAPER) with a process group of its own,
//     enters the network namespace when asked (setns), starts the program and waits for
//     it. Every descendant of the program, even one that called setsid(), is reparented
//     to the runner when its parent dies, so the runner can kill and reap all of them:
//     when the program ends, whatever it left behind is killed at once (`descendants`),
//     and at the deadline (or when the caller's end of its control pipe closes, e.g. the
//     caller died) the program and all its descendants are killed. The runner reports the
//     program's wait status through a pipe, so a caller that ignores SIGCHLD still learns
//     how the program ended;
//   * the program is executed through a descriptor when one is given (exec_fd: the file
//     the trust check opened, run with execveat), so the file that runs is the file that
//     was checked, whatever happens to its path meanwhile;
//   * stdin is an in-memory file (memfd) that holds the whole input before the program
//     starts: it reads all of it even if the caller dies meanwhile (never a truncated
//     script), and no write can block the caller or raise SIGPIPE in it;
//   * descriptors: the program gets only 0, 1 and 2 (and pass_fd when asked); nothing of
//     the caller leaks into it or stays open in the runner;
//   * environment: exactly `env` when given (executors pass tool_environment()), else the
//     caller's; default signal handling and an empty signal mask;
//   * no deadlock: stdout and stderr are drained in one poll loop, so a program flooding
//     either works; each is captured up to `capture_limit` bytes, the rest is read and
//     discarded (out_truncated / err_truncated), so a flood cannot exhaust memory;
//   * a lost status (the runner was killed before it could report) is a failure
//     (wait_failed), never "exit code 0";
//   * the timeout must be positive; above max_process_timeout it is clamped;
//   * EINTR is retried everywhere.
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nftpp/core/chrono.hpp>
#include <nftpp/exec/unique_fd.hpp>

extern char** environ;

namespace nftpp::exec {

// Bytes of stdout and of stderr kept by default (each); the rest is read and dropped.
inline constexpr std::size_t default_capture_limit = std::size_t{16} << 20;
// Longer timeouts are clamped to this (24 days: it fits poll's int milliseconds).
inline constexpr std::chrono::milliseconds max_process_timeout = std::chrono::hours(24 * 24);
// How long the caller waits for the runner to kill and reap everything after the deadline.
inline constexpr std::chrono::milliseconds runner_grace = std::chrono::seconds(10);

struct process_request {
    std::vector<std::string> argv;  // argv[0] is an absolute path (with exec_fd: the path that was checked)
    std::string stdin_data;
    std::chrono::milliseconds timeout{30000};  // must be > 0
    std::optional<std::vector<std::string>> env = std::nullopt;  // the program's whole environment ("NAME=value"); unset: the caller's
    std::size_t capture_limit = default_capture_limit;  // per stream
    int exec_fd = -1;   // >= 0: run this descriptor of argv[0] (O_PATH or O_RDONLY, e.g. tool_lookup::fd) with execveat
    int netns_fd = -1;  // >= 0: the runner enters this network namespace (setns CLONE_NEWNET) before the program starts
    int pass_fd = -1;   // >= 3: stays open in the program under the same number (for nsenter to exec /proc/self/fd/N)
};

struct process_result {
    int exit_code = -1;       // when the program exited normally
    int term_signal = 0;      // when a signal ended it
    bool timed_out = false;   // still running at the deadline: it and its descendants were killed
    bool spawn_failed = false;  // nothing ran (also for an invalid request: spawn_errno EINVAL)
    int spawn_errno = 0;
    bool setns_failed = false;  // the namespace (netns_fd) could not be entered: the program never started
    int setns_errno = 0;
    bool wait_failed = false;  // the program ran but how it ended was lost (wait_errno, 0 when the runner died)
    int wait_errno = 0;
    bool io_failed = false;    // poll or read failed (io_errno): the program and its descendants were killed
    int io_errno = 0;
    bool out_truncated = false;  // more than capture_limit bytes: the rest was dropped
    bool err_truncated = false;
    bool descendants_killed = false;  // the program left processes behind (descendants > 0)
    std::size_t descendants = 0;      // processes of its tree still alive when it ended (or at the deadline): killed and reaped
    std::string failure;  // one sentence when spawn, setns, wait or I/O failed
    std::string out;
    std::string err;

    [[nodiscard]] bool succeeded() const noexcept {
        return !spawn_failed && !setns_failed && !timed_out && !wait_failed && !io_failed && term_signal == 0 && exit_code == 0;
    }
};

namespace detail {

using fd_guard = unique_fd;

// A memfd holding `data`, positioned at its start; -1 with errno on failure.
inline int stdin_file(std::string_view data) noexcept {
    const int fd = ::memfd_create("nftpp-stdin", MFD_CLOEXEC);
    if (fd < 0) return -1;
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t w = ::write(fd, data.data() + done, data.size() - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            const int e = w < 0 ? errno : EIO;
            ::close(fd);
            errno = e;
            return -1;
        }
        done += static_cast<std::size_t>(w);
    }
    if (::lseek(fd, 0, SEEK_SET) != 0) {
        const int e = errno;
        ::close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

inline std::string errno_text(int e) { return std::strerror(e); }

// What the runner tells the caller, in one write.
struct runner_report {
    enum stage_t : int { ran = 1, setns_failed = 2, exec_failed = 3, fork_failed = 4, setup_failed = 5 };
    int stage = 0;
    int error = 0;          // errno of a failed stage
    int status = 0;         // the program's wait status (stage ran)
    int stopped = 0;        // 1: the program was still running when the runner was told to stop
    unsigned descendants = 0;
};

// Everything below runs in the runner, a fork of a possibly multithreaded caller: only
// async-signal-safe system calls, no allocation.

inline void runner_close_range(unsigned lo, unsigned hi) noexcept {
    if (lo > hi) return;
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, lo, hi, 0) == 0) return;
#endif
    for (unsigned fd = lo; fd <= hi && fd < 65536; ++fd) ::close(static_cast<int>(fd));
}

// Closes every descriptor from 3 up except those in keep (n <= 8).
inline void runner_close_all_except(const int* keep, int n) noexcept {
    int k[8];
    int m = 0;
    for (int i = 0; i < n && m < 8; ++i)
        if (keep[i] >= 3) k[m++] = keep[i];
    for (int i = 1; i < m; ++i)
        for (int j = i; j > 0 && k[j - 1] > k[j]; --j) std::swap(k[j - 1], k[j]);
    unsigned lo = 3;
    for (int i = 0; i < m; ++i) {
        const unsigned f = static_cast<unsigned>(k[i]);
        if (f < lo) continue;  // a duplicate
        if (f > lo) runner_close_range(lo, f - 1);
        lo = f + 1;
    }
    runner_close_range(lo, ~0U);
}

inline bool runner_write_all(int fd, const void* p, std::size_t n) noexcept {
    const char* c = static_cast<const char*>(p);
    while (n > 0) {
        const ssize_t w = ::write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        c += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// Parses decimal pids from text and sends each SIGKILL; the number of pids seen.
inline int runner_kill_listed(const char* text, std::size_t n) noexcept {
    int seen = 0;
    long v = -1;
    for (std::size_t i = 0; i <= n; ++i) {
        const char c = i < n ? text[i] : ' ';
        if (c >= '0' && c <= '9') {
            v = (v < 0 ? 0 : v * 10) + (c - '0');
        } else if (v > 0) {
            ::kill(static_cast<pid_t>(v), SIGKILL);
            ++seen;
            v = -1;
        } else {
            v = -1;
        }
    }
    return seen;
}

// SIGKILL to every direct child of the runner: from /proc/self/task/TID/children where
// the kernel has it, else by scanning /proc/*/stat for our pid as the parent.
inline void runner_kill_children() noexcept {
    char path[64] = "/proc/thread-self/children";
    int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char buf[4096];
        ssize_t r;
        while ((r = ::read(fd, buf, sizeof buf)) > 0) {
            // a pid cut at the buffer's end is killed on the next round (the caller loops)
            std::size_t n = static_cast<std::size_t>(r);
            if (static_cast<std::size_t>(r) == sizeof buf) while (n > 0 && buf[n - 1] != ' ') --n;
            runner_kill_listed(buf, n);
            if (static_cast<std::size_t>(r) == sizeof buf) break;
        }
        ::close(fd);
        return;
    }
    const pid_t self = ::getpid();
    fd = ::open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    alignas(8) char dents[8192];
    for (;;) {
        const long n = ::syscall(SYS_getdents64, fd, dents, sizeof dents);
        if (n <= 0) break;
        for (long off = 0; off < n;) {
            const auto* d = reinterpret_cast<const unsigned char*>(dents + off);
            unsigned short reclen;
            std::memcpy(&reclen, d + 16, sizeof reclen);
            const char* name = reinterpret_cast<const char*>(d + 19);
            off += reclen;
            if (name[0] < '1' || name[0] > '9') continue;
            char stat_path[64] = "/proc/";
            std::size_t len = 6;
            for (const char* c = name; *c && len < 50; ++c) stat_path[len++] = *c;
            std::memcpy(stat_path + len, "/stat", 6);
            const int sfd = ::open(stat_path, O_RDONLY | O_CLOEXEC);
            if (sfd < 0) continue;
            char st[512];
            const ssize_t r = ::read(sfd, st, sizeof st - 1);
            ::close(sfd);
            if (r <= 0) continue;
            // "pid (comm) S ppid ...": the ppid follows the last ')'
            ssize_t close_paren = r - 1;
            while (close_paren > 0 && st[close_paren] != ')') --close_paren;
            ssize_t i = close_paren + 4;  // ") S "
            long ppid = 0;
            for (; i < r && st[i] >= '0' && st[i] <= '9'; ++i) ppid = ppid * 10 + (st[i] - '0');
            if (ppid != self) continue;
            long pid = 0;
            for (const char* c = name; *c >= '0' && *c <= '9'; ++c) pid = pid * 10 + (*c - '0');
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
    }
    ::close(fd);
}

struct runner_args {
    char* const* argv;
    char* const* envp;
    int in, out, err, report, control, exec_fd, netns_fd, pass_fd;
};

struct program_args {
    const runner_args* a;
    int exec_errno;  // set by the program's process when exec fails (shared memory)
};

// The program's process, until exec: default signals, an empty mask, 0-2 from the pipes.
inline int program_main(void* arg) noexcept {
    auto* pa = static_cast<program_args*>(arg);
    const runner_args& a = *pa->a;
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    for (int s = 1; s < NSIG; ++s) ::sigaction(s, &dfl, nullptr);
    int fds[3] = {a.in, a.out, a.err};
    for (int& f : fds)
        if (f < 3) f = ::fcntl(f, F_DUPFD_CLOEXEC, 3);
    int e = 0;
    for (int i = 0; i < 3 && !e; ++i)
        if (fds[i] < 0 || ::dup2(fds[i], i) < 0) e = errno ? errno : EBADF;
    if (!e && a.pass_fd >= 3 && ::fcntl(a.pass_fd, F_SETFD, 0) != 0) e = errno;
    if (!e && a.exec_fd >= 0) ::fcntl(a.exec_fd, F_SETFD, FD_CLOEXEC);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (!e) {
        if (a.exec_fd >= 0) ::syscall(SYS_execveat, a.exec_fd, "", a.argv, a.envp, AT_EMPTY_PATH);
        else ::execve(a.argv[0], a.argv, a.envp);
        e = errno ? errno : ENOEXEC;
    }
    pa->exec_errno = e;
    ::_exit(127);
}

[[noreturn]] inline void runner_main(runner_args a) noexcept {
    runner_report rep;
    const auto finish = [&]() noexcept {
        runner_write_all(a.report, &rep, sizeof rep);
        ::_exit(0);
    };
    // The runner's own signal handlers (the caller's, copied by fork) must never run.
    sigset_t all;
    sigfillset(&all);
    ::sigprocmask(SIG_SETMASK, &all, nullptr);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    ::sigaction(SIGCHLD, &dfl, nullptr);  // not ignored, even if the caller ignores it: we reap
    ::setpgid(0, 0);
    const int keep[] = {a.in, a.out, a.err, a.report, a.control, a.exec_fd, a.netns_fd, a.pass_fd};
    runner_close_all_except(keep, 8);
    if (::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
        rep.stage = runner_report::setup_failed;
        rep.error = errno;
        finish();
    }
    if (a.netns_fd >= 0) {
        if (::setns(a.netns_fd, CLONE_NEWNET) != 0) {
            rep.stage = runner_report::setns_failed;
            rep.error = errno;
            finish();
        }
        ::close(a.netns_fd);
    }
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    const int sfd = ::signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
    if (sfd < 0) {
        rep.stage = runner_report::setup_failed;
        rep.error = errno;
        finish();
    }
    // The program is started the way posix_spawn does it: a child that shares our memory
    // (CLONE_VM) on a stack of its own while we are suspended (CLONE_VFORK) until it has
    // exec'd or failed; no page tables are copied, and its exec error comes back in memory.
    constexpr std::size_t stack_size = std::size_t{256} << 10;
    void* stack = ::mmap(nullptr, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        rep.stage = runner_report::setup_failed;
        rep.error = errno;
        finish();
    }
    program_args pa{&a, 0};
    const pid_t g = ::clone(program_main, static_cast<char*>(stack) + stack_size, CLONE_VM | CLONE_VFORK | SIGCHLD, &pa);
    const int clone_errno = errno;
    ::munmap(stack, stack_size);
    if (g < 0) {
        rep.stage = runner_report::fork_failed;
        rep.error = clone_errno;
        finish();
    }
    ::close(a.in);
    ::close(a.out);
    ::close(a.err);
    if (a.exec_fd >= 0) ::close(a.exec_fd);
    if (a.pass_fd >= 0) ::close(a.pass_fd);
    bool g_done = false;
    int g_status = 0;
    if (pa.exec_errno != 0) {
        while (::waitpid(g, &g_status, 0) < 0 && errno == EINTR) {
        }
        rep.stage = runner_report::exec_failed;
        rep.error = pa.exec_errno;
        finish();
    }
    pollfd p[2] = {{a.control, POLLIN, 0}, {sfd, POLLIN, 0}};
    bool stop = false;
    while (!g_done && !stop) {
        const int n = ::poll(p, 2, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            stop = true;  // cannot wait: end it now
            break;
        }
        if (p[1].revents) {
            signalfd_siginfo si;
            while (::read(sfd, &si, sizeof si) > 0) {
            }
            int st = 0;
            pid_t w;
            while ((w = ::waitpid(-1, &st, WNOHANG)) > 0)
                if (w == g) {
                    g_done = true;
                    g_status = st;
                }
        }
        if (!g_done && p[0].revents) stop = true;  // the deadline, or the caller is gone
    }
    rep.stopped = g_done ? 0 : 1;
    // Kill and reap everything left: each killed process's children come to us (we are
    // their subreaper), so repeat until there are no children at all.
    for (;;) {
        runner_kill_children();
        int st = 0;
        const pid_t w = ::waitpid(-1, &st, 0);
        if (w < 0) {
            if (errno == EINTR) continue;
            break;  // ECHILD: nothing left
        }
        if (w == g) {
            g_done = true;
            g_status = st;
        } else {
            ++rep.descendants;
        }
    }
    rep.stage = runner_report::ran;
    rep.status = g_status;
    finish();
    ::_exit(0);  // (finish does not return)
}

}  // namespace detail

inline process_result run_process(const process_request& req) {
    using clock = std::chrono::steady_clock;
    process_result res;
    const auto refuse = [&](int e, std::string why) {
        res.spawn_failed = true;
        res.spawn_errno = e;
        res.failure = std::move(why);
        return res;
    };
    if (req.argv.empty() || req.argv[0].empty())
        return refuse(EINVAL, "argv is empty: give the program's absolute path as argv[0]");
    if (req.argv[0][0] != '/')
        return refuse(EINVAL, "argv[0] \"" + req.argv[0] +
                                  "\" is not an absolute path: give the full path (run_process never searches PATH)");
    if (req.timeout <= std::chrono::milliseconds::zero())
        return refuse(EINVAL, "the timeout must be greater than 0 ms (got " + std::to_string(req.timeout.count()) + " ms)");
    if (req.pass_fd >= 0 && req.pass_fd < 3)
        return refuse(EINVAL, "pass_fd " + std::to_string(req.pass_fd) + " would replace stdin, stdout or stderr: give a descriptor from 3 up");
    const auto timeout = std::min(req.timeout, max_process_timeout);

    const auto refuse_errno = [&](std::string_view what) {
        const int e = errno;
        return refuse(e, std::string(what) + ": " + detail::errno_text(e));
    };
    unique_fd in(detail::stdin_file(req.stdin_data));
    if (in.get() < 0) return refuse_errno("could not create the child's stdin (memfd_create)");
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return refuse_errno("pipe2 failed");
    unique_fd out_r(fds[0]), out_w(fds[1]);
    if (::pipe2(fds, O_CLOEXEC) != 0) return refuse_errno("pipe2 failed");
    unique_fd err_r(fds[0]), err_w(fds[1]);
    if (::pipe2(fds, O_CLOEXEC) != 0) return refuse_errno("pipe2 failed");
    unique_fd rep_r(fds[0]), rep_w(fds[1]);
    if (::pipe2(fds, O_CLOEXEC) != 0) return refuse_errno("pipe2 failed");
    unique_fd ctl_r(fds[0]), ctl_w(fds[1]);

    std::vector<char*> args;
    args.reserve(req.argv.size() + 1);
    for (const auto& a : req.argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<char*> envp;
    if (req.env) {
        envp.reserve(req.env->size() + 1);
        for (const auto& e : *req.env) envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
    }
    // the program's 0-2 are replaced in the runner's child: descriptors to keep must be above them
    unique_fd exec_copy, netns_copy;
    int exec_fd = req.exec_fd, netns_fd = req.netns_fd;
    if (exec_fd >= 0 && exec_fd < 3) {
        exec_copy.reset(::fcntl(exec_fd, F_DUPFD_CLOEXEC, 3));
        if (!exec_copy) return refuse_errno("could not move exec_fd above 2");
        exec_fd = exec_copy.get();
    }
    if (netns_fd >= 0 && netns_fd < 3) {
        netns_copy.reset(::fcntl(netns_fd, F_DUPFD_CLOEXEC, 3));
        if (!netns_copy) return refuse_errno("could not move netns_fd above 2");
        netns_fd = netns_copy.get();
    }
    const detail::runner_args ra{args.data(), req.env ? envp.data() : environ, in.get(), out_w.get(), err_w.get(),
                                 rep_w.get(), ctl_r.get(), exec_fd, netns_fd, req.pass_fd};
    const pid_t pid = ::fork();
    if (pid < 0) return refuse_errno("could not start " + req.argv[0] + " (fork failed)");
    if (pid == 0) detail::runner_main(ra);
    in.reset();
    out_w.reset();
    err_w.reset();
    rep_w.reset();
    // ctl_r stays open here: with a reader on our side, the byte written at the deadline
    // can never raise SIGPIPE, even when the runner has already gone

    const auto deadline = clock::now() + timeout;
    auto give_up = clock::time_point::max();  // after the deadline: when to stop waiting for the runner
    bool out_open = true, err_open = true, rep_open = true;
    bool deadline_hit = false;
    detail::runner_report rep;
    std::size_t rep_got = 0;

    char buf[65536];
    const auto drain = [&](int fd, bool& open, std::string& sink, bool& truncated) {
        const ssize_t r = ::read(fd, buf, sizeof buf);
        if (r > 0) {
            const std::size_t n = static_cast<std::size_t>(r);
            const std::size_t room = sink.size() < req.capture_limit ? req.capture_limit - sink.size() : 0;
            sink.append(buf, std::min(n, room));
            if (n > room) truncated = true;
        } else if (r == 0) {
            open = false;
        } else if (errno != EINTR && errno != EAGAIN) {
            res.io_failed = true;
            res.io_errno = errno;
            res.failure = "reading the child's output failed: " + detail::errno_text(res.io_errno);
        }
    };
    const auto read_report = [&] {
        const ssize_t r = ::read(rep_r.get(), reinterpret_cast<char*>(&rep) + rep_got, sizeof rep - rep_got);
        if (r > 0) rep_got += static_cast<std::size_t>(r);
        else if (r == 0 || (errno != EINTR && errno != EAGAIN)) rep_open = false;
        if (rep_got == sizeof rep) rep_open = false;
    };

    while ((out_open || err_open || rep_open) && !res.io_failed) {
        const auto now = clock::now();
        if (now >= give_up) break;
        if (now >= deadline && !deadline_hit) {
            deadline_hit = true;
            // the runner kills the program and everything it started: a byte wakes it even
            // if a stray fork elsewhere in the caller holds a copy of this end
            if (::write(ctl_w.get(), "x", 1) < 0) {
                // closing is the signal then
            }
            ctl_w.reset();
            if (!rep_open) break;  // the runner is gone already: whoever holds the pipes is not ours to wait for
            give_up = now + runner_grace;
        }
        const auto until = deadline_hit ? give_up : deadline;
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(until - now);
        pollfd p[3];
        nfds_t n = 0;
        int out_i = -1, err_i = -1, rep_i = -1;
        if (out_open) { out_i = static_cast<int>(n); p[n++] = {out_r.get(), POLLIN, 0}; }
        if (err_open) { err_i = static_cast<int>(n); p[n++] = {err_r.get(), POLLIN, 0}; }
        if (rep_open) { rep_i = static_cast<int>(n); p[n++] = {rep_r.get(), POLLIN, 0}; }
        const int ready = ::poll(p, n, static_cast<int>(std::max<std::chrono::milliseconds::rep>(wait.count(), 0)));
        if (ready < 0) {
            if (errno == EINTR) continue;
            res.io_failed = true;
            res.io_errno = errno;
            res.failure = "poll failed: " + detail::errno_text(res.io_errno);
            break;
        }
        if (out_i >= 0 && p[out_i].revents) drain(out_r.get(), out_open, res.out, res.out_truncated);
        if (err_i >= 0 && p[err_i].revents && !res.io_failed) drain(err_r.get(), err_open, res.err, res.err_truncated);
        if (rep_i >= 0 && p[rep_i].revents) read_report();
    }
    if (res.io_failed || rep_open) {
        // stop everything now, then take the runner's word (it comes at once)
        if (ctl_w && ::write(ctl_w.get(), "x", 1) < 0) {
            // closing is the signal then
        }
        ctl_w.reset();
        if (clock::now() >= give_up) {  // the runner did not finish within runner_grace: end it
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
        }
        while (rep_open && rep_got < sizeof rep) {
            const ssize_t r = ::read(rep_r.get(), reinterpret_cast<char*>(&rep) + rep_got, sizeof rep - rep_got);
            if (r > 0) rep_got += static_cast<std::size_t>(r);
            else if (r == 0 || errno != EINTR) break;
        }
        if (rep_got < sizeof rep) ::kill(-pid, SIGKILL);  // the runner does not answer: its group at least
    }
    int status = 0;
    pid_t w;
    while ((w = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
    }
    const int runner_wait_errno = w == pid ? 0 : errno;

    if (rep_got < sizeof rep) {
        res.wait_failed = true;
        res.wait_errno = runner_wait_errno;
        if (!res.failure.empty()) res.failure += "; ";
        res.failure += "the runner process ended before it reported how " + req.argv[0] + " ended";
        if (w == pid && WIFSIGNALED(status))
            res.failure += " (it was killed by signal " + std::to_string(WTERMSIG(status)) + ")";
        res.failure += ": its exit status is unknown";
        return res;
    }
    switch (rep.stage) {
        case detail::runner_report::ran:
            if (WIFEXITED(rep.status)) res.exit_code = WEXITSTATUS(rep.status);
            else if (WIFSIGNALED(rep.status)) res.term_signal = WTERMSIG(rep.status);
            res.timed_out = rep.stopped && deadline_hit && !res.io_failed;
            res.descendants = rep.descendants;
            res.descendants_killed = rep.descendants > 0;
            return res;
        case detail::runner_report::setns_failed:
            res.setns_failed = true;
            res.setns_errno = rep.error;
            res.failure = "setns(CLONE_NEWNET) failed: " + detail::errno_text(rep.error);
            return res;
        case detail::runner_report::exec_failed:
            return refuse(rep.error, "could not start " + req.argv[0] + ": " + detail::errno_text(rep.error));
        case detail::runner_report::fork_failed:
            return refuse(rep.error, "could not start " + req.argv[0] + " (fork failed): " + detail::errno_text(rep.error));
        default:
            return refuse(rep.error, "could not prepare the runner process: " + detail::errno_text(rep.error));
    }
}

}  // namespace nftpp::exec
