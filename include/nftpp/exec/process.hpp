#pragma once
// run_process: spawn a program from an argv array (never a shell), give it stdin, capture
// stdout and stderr, wait with a timeout that kills and reaps it.
//   * stdin is an in-memory file (memfd) that holds the whole input before the child
//     starts: the child reads all of it even if the caller dies meanwhile (never a
//     truncated script), and no write can block the caller or raise SIGPIPE in it;
//   * descriptors: the pipes are close-on-exec and the child gets only 0, 1 and 2
//     (everything from 3 up is closed at spawn), so nothing of the caller leaks into it;
//   * environment: exactly `env` when given (executors pass tool_environment()), else the
//     caller's;
//   * no deadlock: stdout and stderr are drained in one poll loop, so a child flooding
//     either works; each is captured up to `capture_limit` bytes, the rest is read and
//     discarded (out_truncated / err_truncated), so a flood cannot exhaust memory;
//   * the child runs in its own process group: on a timeout or an I/O failure the whole
//     group is killed, so descendants that hold the pipes die too;
//   * the child's end is watched through a pidfd (a 1 ms WNOHANG loop where the kernel
//     has none); a child that exited before the deadline is reported as exited even if a
//     descendant kept the pipes open until then (descendants_killed);
//   * a lost exit status (waitpid fails, e.g. ECHILD because SIGCHLD is ignored) is a
//     failure (wait_failed), never "exit code 0";
//   * the timeout must be positive; above max_process_timeout it is clamped;
//   * EINTR is retried everywhere.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
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

extern char** environ;

namespace nftpp::exec {

// Bytes of stdout and of stderr kept by default (each); the rest is read and dropped.
inline constexpr std::size_t default_capture_limit = std::size_t{16} << 20;
// Longer timeouts are clamped to this (24 days: it fits poll's int milliseconds).
inline constexpr std::chrono::milliseconds max_process_timeout = std::chrono::hours(24 * 24);

struct process_request {
    std::vector<std::string> argv;  // argv[0] is an absolute path
    std::string stdin_data;
    std::chrono::milliseconds timeout{30000};  // must be > 0
    std::optional<std::vector<std::string>> env = std::nullopt;  // the child's whole environment ("NAME=value"); unset: the caller's
    std::size_t capture_limit = default_capture_limit;  // per stream
};

struct process_result {
    int exit_code = -1;       // when the child exited normally
    int term_signal = 0;      // when a signal ended it
    bool timed_out = false;   // still running at the deadline: its group was killed
    bool spawn_failed = false;  // nothing ran (also for an invalid request: spawn_errno EINVAL)
    int spawn_errno = 0;
    bool wait_failed = false;  // the child ran but its exit status was lost (wait_errno)
    int wait_errno = 0;
    bool io_failed = false;    // poll or read failed (io_errno): the child's group was killed
    int io_errno = 0;
    bool out_truncated = false;  // more than capture_limit bytes: the rest was dropped
    bool err_truncated = false;
    bool descendants_killed = false;  // the child exited, but descendants held its pipes until the deadline
    std::string failure;  // one sentence when spawn, wait or I/O failed
    std::string out;
    std::string err;

    [[nodiscard]] bool succeeded() const noexcept {
        return !spawn_failed && !timed_out && !wait_failed && !io_failed && term_signal == 0 && exit_code == 0;
    }
};

namespace detail {

class fd_guard {
public:
    explicit fd_guard(int fd = -1) noexcept : fd_(fd) {}
    ~fd_guard() { reset(); }
    fd_guard(const fd_guard&) = delete;
    fd_guard& operator=(const fd_guard&) = delete;
    [[nodiscard]] int get() const noexcept { return fd_; }
    void reset(int fd = -1) noexcept {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }

private:
    int fd_;
};

class spawn_setup {
public:
    spawn_setup() noexcept {
        fa_ok_ = posix_spawn_file_actions_init(&fa_) == 0;
        attr_ok_ = posix_spawnattr_init(&attr_) == 0;
    }
    ~spawn_setup() {
        if (fa_ok_) posix_spawn_file_actions_destroy(&fa_);
        if (attr_ok_) posix_spawnattr_destroy(&attr_);
    }
    spawn_setup(const spawn_setup&) = delete;
    spawn_setup& operator=(const spawn_setup&) = delete;

    // 0 or the error number of the first step that failed.
    [[nodiscard]] int prepare(int in, int out, int err) noexcept {
        if (!fa_ok_ || !attr_ok_) return ENOMEM;
        int rc = 0;
        if (!rc) rc = posix_spawn_file_actions_adddup2(&fa_, in, 0);
        if (!rc) rc = posix_spawn_file_actions_adddup2(&fa_, out, 1);
        if (!rc) rc = posix_spawn_file_actions_adddup2(&fa_, err, 2);
        if (!rc) rc = posix_spawn_file_actions_addclosefrom_np(&fa_, 3);
        // default signal handling, an empty mask, and a process group of its own
        sigset_t all, none;
        sigfillset(&all);
        sigemptyset(&none);
        if (!rc) rc = posix_spawnattr_setsigdefault(&attr_, &all);
        if (!rc) rc = posix_spawnattr_setsigmask(&attr_, &none);
        if (!rc) rc = posix_spawnattr_setpgroup(&attr_, 0);
        if (!rc) rc = posix_spawnattr_setflags(&attr_, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
        return rc;
    }
    posix_spawn_file_actions_t* actions() noexcept { return &fa_; }
    posix_spawnattr_t* attributes() noexcept { return &attr_; }

private:
    posix_spawn_file_actions_t fa_{};
    posix_spawnattr_t attr_{};
    bool fa_ok_ = false, attr_ok_ = false;
};

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

// A pidfd for the child, or -1 (no pidfd_open here: the caller polls with WNOHANG).
inline int open_pidfd(pid_t pid) noexcept {
#ifdef SYS_pidfd_open
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
    (void)pid;
    return -1;
#endif
}

inline std::string errno_text(int e) { return std::strerror(e); }

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
    const auto timeout = std::min(req.timeout, max_process_timeout);

    const auto refuse_errno = [&](std::string_view what) {
        const int e = errno;
        return refuse(e, std::string(what) + ": " + detail::errno_text(e));
    };
    detail::fd_guard in(detail::stdin_file(req.stdin_data));
    if (in.get() < 0) return refuse_errno("could not create the child's stdin (memfd_create)");
    int out_fds[2], err_fds[2];
    if (::pipe2(out_fds, O_CLOEXEC) != 0) return refuse_errno("pipe2 failed");
    detail::fd_guard out_r(out_fds[0]), out_w(out_fds[1]);
    if (::pipe2(err_fds, O_CLOEXEC) != 0) return refuse_errno("pipe2 failed");
    detail::fd_guard err_r(err_fds[0]), err_w(err_fds[1]);

    detail::spawn_setup setup;
    if (const int rc = setup.prepare(in.get(), out_w.get(), err_w.get()); rc != 0)
        return refuse(rc, "could not prepare posix_spawn: " + detail::errno_text(rc));

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

    pid_t pid = -1;
    const int rc = posix_spawn(&pid, args[0], setup.actions(), setup.attributes(), args.data(), req.env ? envp.data() : environ);
    if (rc != 0) return refuse(rc, "could not start " + req.argv[0] + ": " + detail::errno_text(rc));
    in.reset();
    out_w.reset();
    err_w.reset();

    detail::fd_guard pidfd(detail::open_pidfd(pid));
    const auto deadline = clock::now() + timeout;
    bool out_open = true, err_open = true;
    bool child_done = false;  // exited (a zombie we still have to reap) or lost (wait_failed)
    bool deadline_hit = false;

    // Has the child ended? Peeks without reaping, so its pid (and process group) stay ours.
    const auto peek = [&] {
        siginfo_t si{};
        for (;;) {
            if (::waitid(P_PID, static_cast<id_t>(pid), &si, WEXITED | WNOHANG | WNOWAIT) == 0) {
                if (si.si_pid == pid) child_done = true;
                return;
            }
            if (errno == EINTR) continue;
            res.wait_failed = true;
            res.wait_errno = errno;
            child_done = true;
            return;
        }
    };

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

    while ((out_open || err_open || !child_done) && !res.io_failed) {
        const auto now = clock::now();
        if (now >= deadline) {
            deadline_hit = true;
            break;
        }
        auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
        if (!child_done && pidfd.get() < 0)  // no pidfd: look again soon
            wait = std::min(wait, std::chrono::milliseconds(out_open || err_open ? 10 : 1));
        pollfd p[3];
        nfds_t n = 0;
        int out_i = -1, err_i = -1, pid_i = -1;
        if (out_open) { out_i = static_cast<int>(n); p[n++] = {out_r.get(), POLLIN, 0}; }
        if (err_open) { err_i = static_cast<int>(n); p[n++] = {err_r.get(), POLLIN, 0}; }
        if (!child_done && pidfd.get() >= 0) { pid_i = static_cast<int>(n); p[n++] = {pidfd.get(), POLLIN, 0}; }
        const int ready = ::poll(p, n, static_cast<int>(wait.count()));
        if (ready < 0) {
            if (errno == EINTR) continue;
            res.io_failed = true;
            res.io_errno = errno;
            res.failure = "poll failed: " + detail::errno_text(res.io_errno);
            break;
        }
        if (out_i >= 0 && p[out_i].revents) drain(out_r.get(), out_open, res.out, res.out_truncated);
        if (err_i >= 0 && p[err_i].revents && !res.io_failed) drain(err_r.get(), err_open, res.err, res.err_truncated);
        if (!child_done && (pid_i < 0 || p[pid_i].revents)) peek();
    }
    if (!child_done) peek();  // it may have ended just as the deadline passed
    if (!child_done) {
        res.timed_out = deadline_hit;
        if (::kill(-pid, SIGKILL) != 0) ::kill(pid, SIGKILL);
    } else if (out_open || err_open) {
        // the child is gone, but descendants still hold its pipes
        if (!res.wait_failed) ::kill(-pid, SIGKILL);  // the zombie keeps the group id ours
        res.descendants_killed = deadline_hit;
    }
    if (!res.wait_failed) {
        int status = 0;
        pid_t w;
        while ((w = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
        }
        if (w == pid) {
            if (WIFEXITED(status)) {
                res.exit_code = WEXITSTATUS(status);
                res.timed_out = false;  // it exited by itself after all
            } else if (WIFSIGNALED(status)) {
                res.term_signal = WTERMSIG(status);
            }
        } else {
            res.wait_failed = true;
            res.wait_errno = errno;
        }
    }
    if (res.wait_failed) {
        if (!res.failure.empty()) res.failure += "; ";
        res.failure += "waitpid failed: " + detail::errno_text(res.wait_errno) +
                       " (is SIGCHLD ignored, or did another part of the program reap the child?): its exit status is unknown";
    }
    return res;
}

}  // namespace nftpp::exec
