#pragma once
// run_process: spawn a program from an argv array (never a shell), feed it stdin, capture
// stdout and stderr, wait with a timeout that kills and reaps it.
//   * descriptors: the pipes are close-on-exec and the child gets only 0, 1 and 2
//     (everything from 3 up is closed at spawn), so nothing of the caller leaks into it;
//   * no deadlock: stdin is written while stdout and stderr are drained, in one poll loop,
//     so a script larger than a pipe buffer and a child flooding stderr both work;
//   * a child that exits without reading its stdin does not kill the caller with SIGPIPE:
//     SIGPIPE is blocked in the calling thread while writing and any pending one is
//     consumed before the mask is restored; the caller's disposition never changes;
//   * EINTR is retried everywhere.
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace nftpp::exec {

struct process_request {
    std::vector<std::string> argv;  // argv[0] is an absolute path
    std::string stdin_data;
    std::chrono::milliseconds timeout{30000};
};

struct process_result {
    int exit_code = -1;       // when the child exited normally
    int term_signal = 0;      // when a signal ended it
    bool timed_out = false;   // killed after the timeout
    bool spawn_failed = false;
    int spawn_errno = 0;
    std::string out;
    std::string err;

    [[nodiscard]] bool succeeded() const noexcept { return !spawn_failed && !timed_out && term_signal == 0 && exit_code == 0; }
};

namespace detail {

class fd_guard {
public:
    explicit fd_guard(int fd = -1) noexcept : fd_(fd) {}
    ~fd_guard() { reset(); }
    fd_guard(const fd_guard&) = delete;
    fd_guard& operator=(const fd_guard&) = delete;
    [[nodiscard]] int get() const noexcept { return fd_; }
    void reset() noexcept {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

// Blocks SIGPIPE in this thread for its lifetime; consumes a pending one before restoring.
class sigpipe_blocker {
public:
    sigpipe_blocker() noexcept {
        sigemptyset(&pipe_);
        sigaddset(&pipe_, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        was_pending_ = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
    }
    ~sigpipe_blocker() {
        if (!was_pending_) {
            const timespec zero{0, 0};
            while (sigtimedwait(&pipe_, nullptr, &zero) < 0 && errno == EINTR) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    sigpipe_blocker(const sigpipe_blocker&) = delete;
    sigpipe_blocker& operator=(const sigpipe_blocker&) = delete;

private:
    sigset_t pipe_{}, old_{};
    bool was_pending_ = false;
};

inline bool make_pipe(int fds[2]) noexcept { return ::pipe2(fds, O_CLOEXEC) == 0; }

}  // namespace detail

inline process_result run_process(const process_request& req) {
    using clock = std::chrono::steady_clock;
    process_result res;
    if (req.argv.empty() || req.argv[0].empty() || req.argv[0][0] != '/') {
        res.spawn_failed = true;
        res.spawn_errno = EINVAL;
        return res;
    }
    int in_fds[2], out_fds[2], err_fds[2];
    if (!detail::make_pipe(in_fds)) {
        res.spawn_failed = true;
        res.spawn_errno = errno;
        return res;
    }
    detail::fd_guard in_r(in_fds[0]), in_w(in_fds[1]);
    if (!detail::make_pipe(out_fds)) {
        res.spawn_failed = true;
        res.spawn_errno = errno;
        return res;
    }
    detail::fd_guard out_r(out_fds[0]), out_w(out_fds[1]);
    if (!detail::make_pipe(err_fds)) {
        res.spawn_failed = true;
        res.spawn_errno = errno;
        return res;
    }
    detail::fd_guard err_r(err_fds[0]), err_w(err_fds[1]);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in_r.get(), 0);
    posix_spawn_file_actions_adddup2(&fa, out_w.get(), 1);
    posix_spawn_file_actions_adddup2(&fa, err_w.get(), 2);
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // the child starts with default signal handling and an empty mask
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    std::vector<char*> args;
    args.reserve(req.argv.size() + 1);
    for (const auto& a : req.argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    pid_t pid = -1;
    const int rc = posix_spawn(&pid, args[0], &fa, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        res.spawn_failed = true;
        res.spawn_errno = rc;
        return res;
    }
    in_r.reset();
    out_w.reset();
    err_w.reset();
    ::fcntl(in_w.get(), F_SETFL, ::fcntl(in_w.get(), F_GETFL) | O_NONBLOCK);

    const auto deadline = clock::now() + req.timeout;
    std::size_t written = 0;
    bool in_open = true, out_open = true, err_open = true;
    if (req.stdin_data.empty()) {
        in_w.reset();
        in_open = false;
    }
    {
        detail::sigpipe_blocker block;
        char buf[65536];
        while (out_open || err_open || in_open) {
            const auto now = clock::now();
            if (now >= deadline) {
                res.timed_out = true;
                break;
            }
            const int wait_ms = static_cast<int>(
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1);
            pollfd p[3];
            nfds_t n = 0;
            int in_i = -1, out_i = -1, err_i = -1;
            if (in_open) { in_i = static_cast<int>(n); p[n++] = {in_w.get(), POLLOUT, 0}; }
            if (out_open) { out_i = static_cast<int>(n); p[n++] = {out_r.get(), POLLIN, 0}; }
            if (err_open) { err_i = static_cast<int>(n); p[n++] = {err_r.get(), POLLIN, 0}; }
            const int ready = ::poll(p, n, wait_ms);
            if (ready < 0) {
                if (errno == EINTR) continue;
                break;
            }
            if (in_i >= 0 && p[in_i].revents) {
                const ssize_t w = ::write(in_w.get(), req.stdin_data.data() + written, req.stdin_data.size() - written);
                if (w > 0) written += static_cast<std::size_t>(w);
                if ((w < 0 && errno != EINTR && errno != EAGAIN) || written == req.stdin_data.size() ||
                    (p[in_i].revents & (POLLERR | POLLHUP))) {
                    in_w.reset();  // done, or the child stopped reading (EPIPE): close our end
                    in_open = false;
                }
            }
            auto drain = [&](int idx, detail::fd_guard& fd, bool& open, std::string& sink) {
                if (idx < 0 || !p[idx].revents) return;
                const ssize_t r = ::read(fd.get(), buf, sizeof buf);
                if (r > 0) sink.append(buf, static_cast<std::size_t>(r));
                else if (r == 0 || (errno != EINTR && errno != EAGAIN)) open = false;
            };
            drain(out_i, out_r, out_open, res.out);
            drain(err_i, err_r, err_open, res.err);
        }
    }
    in_w.reset();
    // Reap: wait until the deadline, then kill.
    int status = 0;
    for (;;) {
        if (res.timed_out) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        const pid_t w = ::waitpid(pid, &status, WNOHANG);
        if (w == pid) break;
        if (w < 0 && errno != EINTR) break;
        if (clock::now() >= deadline) {
            res.timed_out = true;
            continue;
        }
        const timespec pause{0, 1'000'000};  // 1 ms
        ::nanosleep(&pause, nullptr);
    }
    if (!res.timed_out) {
        if (WIFEXITED(status)) res.exit_code = WEXITSTATUS(status);
        else if (WIFSIGNALED(status)) res.term_signal = WTERMSIG(status);
    } else {
        res.term_signal = SIGKILL;
    }
    return res;
}

}  // namespace nftpp::exec
