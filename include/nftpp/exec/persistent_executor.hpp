// SPDX-License-Identifier: Apache-2.0
#pragma once
// persistent_executor: one libnftables context — one netlink socket — kept open for the
// executor's lifetime, in the caller's own network namespace or in another one. No nft
// process, and no socket closes after each apply, so an apply costs what nft's parser and
// the kernel's commit cost (about 0.5 ms for a small table) instead of a process start
// plus, after any delete, an RCU grace period when the socket closes (see
// docs/performance.md).
//
//   auto ex = exec::persistent_executor::named("sandbox-1");   // ip netns add sandbox-1
//   auto ex = exec::persistent_executor::at_path("/proc/42/ns/net");
//   exec::persistent_executor ex;                              // the caller's namespace
//
// Threads. Every operation runs on one dedicated thread the executor owns. For a
// namespace, that thread enters it with setns() once and stays there; the caller's own
// threads never change namespace. The public operations may be called from any number
// of threads at once: they are serialized (one at a time, in the order they take the
// executor's lock), each is one transaction, and each returns its own outcome.
//
// Lifetime. The context opens on the first operation, not in the constructor. Before
// every operation the namespace path is checked again, as the process executors do: a
// namespace deleted since is `namespace_missing` (never the old namespace that the
// thread still holds), and one recreated under the same name is a new namespace: the
// thread and context are reopened in it. close() ends the thread and frees the context;
// the destructor calls it. Closing the socket waits for an RCU grace period when the
// context deleted anything since it opened (the replace idiom deletes; see
// fresh_tables.hpp for how an absent table is loaded without one): close() is where that
// cost is paid, once, instead of on every apply. After close(), every operation returns
// `spawn_failed` ("closed") and nothing runs. A moved-from executor is closed.
//
// What is the same as the process executors: the outcomes and their kinds, the checks of
// namespace names and paths (netns_path.hpp) and table names (table_name.hpp), and the
// error mapping: a script nft refuses is read again from a file (a memfd), so nft's
// errors carry their line and map to the rule that made it, as with `nft -f -`.
//
// Ruleset changes from outside. libnftables keeps a cache of the ruleset in the context,
// but checks the kernel's ruleset generation on every command and refills the cache when
// anything changed, and nftpp's replace idiom does not depend on what the cache holds: a
// ruleset changed by another program between two applies is replaced correctly (tested
// in tests/exec/persistent.cpp).
//
// JSON listings never run in this process: libnftables' JSON listing aborts the calling
// process (SIGABRT) on an interface name that is not UTF-8, which anyone with
// CAP_NET_ADMIN in the namespace can load. list_table_json and list_ruleset_json run in a
// child forked from the executor's thread (so inside the namespace, with a fresh context):
// an abort there is the outcome `rejected` with the signal in `detail`.
//
// Interface names. `iifname "veth0"` and `oifname` are strings the kernel compares per
// packet: nothing is resolved when loading. `iif "veth0"`, `oif` and `iface_index` sets
// are resolved to an index by nft when the script is evaluated, through a process-wide
// interface cache in libnftables that is filled once, in whichever namespace the first
// lookup ran, and freed with any context. The executor's thread is inside the target
// namespace, and before a script that names `iif`, `oif` or `iface_index` it empties
// that cache (under a process-wide lock shared by all persistent executors), so the names
// resolve in the target namespace, as they do with nsenter + nft. Prefer `iifname`: an
// index also breaks when the interface is recreated.
//
// version() is empty (libnftables does not report its version); probe() answers as
// nft -c does. No timeout and no capture limit apply: the work happens in this process.
// Available when <nftables/libnftables.h> is (Debian: libnftables-dev); link with
// -lnftables.
#if __has_include(<nftables/libnftables.h>)
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nftables/libnftables.h>

#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <nftpp/exec/executor.hpp>
#include <nftpp/exec/fresh_tables.hpp>
#include <nftpp/exec/netns_path.hpp>
#include <nftpp/exec/table_name.hpp>

#ifndef NFTPP_HAS_LIBNFTABLES
#define NFTPP_HAS_LIBNFTABLES 1
#endif

namespace nftpp::exec {

namespace detail {
// libnftables' interface cache is one per process: contexts are made, freed and asked to
// resolve interface names under this lock.
inline std::mutex& libnftables_global_lock() {
    static std::mutex m;
    return m;
}

// Does the script make nft resolve an interface name to an index?
[[nodiscard]] inline bool resolves_interfaces(std::string_view text) {
    for (std::string_view word : {std::string_view("iif"), std::string_view("oif"), std::string_view("iface_index")}) {
        for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
            const auto boundary = [](char c) { return !(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')); };
            const bool before = at == 0 || boundary(text[at - 1]);
            const bool after = at + word.size() == text.size() || boundary(text[at + word.size()]);
            if (before && after) return true;
        }
    }
    return false;
}

// Frees libnftables' process-wide interface cache (nft_ctx_free does; there is no other
// way to reach it). Call with libnftables_global_lock() held.
inline void drop_interface_cache() {
    if (nft_ctx* c = nft_ctx_new(NFT_CTX_DEFAULT)) nft_ctx_free(c);
}
inline bool write_all_to(int fd, std::string_view t) {
    while (!t.empty()) {
        const ssize_t n = ::write(fd, t.data(), t.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        t.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// A JSON listing in a child forked from the calling thread (so inside its namespace), so
// that libnftables aborting on a name that is not UTF-8 cannot end this process.
inline outcome list_json_in_child(const std::string& cmd) {
    outcome o;
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0) {
        o.kind = outcome_kind::spawn_failed;
        o.detail = std::string("pipe2 failed: ") + std::strerror(errno);
        return o;
    }
    std::unique_lock<std::mutex> global(detail::libnftables_global_lock());  // no context is made or freed while forking
    const pid_t pid = ::fork();
    if (pid == 0) {
        // the caller's signal handlers (a test framework's, a crash reporter's) are not
        // this child's: an abort here must end it plainly
        for (int sig = 1; sig < NSIG; ++sig)
            if (sig != SIGKILL && sig != SIGSTOP) ::signal(sig, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::close(p[0]);
        if (const int devnull = ::open("/dev/null", O_WRONLY | O_CLOEXEC); devnull >= 0) ::dup2(devnull, 2);  // libnftables' assertion text
        detail::drop_interface_cache();  // the copy inherited from this process may name another namespace's interfaces
        int rc = 1;
        std::string out, err;
        if (nft_ctx* c = nft_ctx_new(NFT_CTX_DEFAULT)) {
            nft_ctx_buffer_output(c);
            nft_ctx_buffer_error(c);
            nft_ctx_output_set_flags(c, NFT_CTX_OUTPUT_JSON);
            rc = nft_run_cmd_from_buffer(c, cmd.c_str());
            out = nft_ctx_get_output_buffer(c);
            err = nft_ctx_get_error_buffer(c);
        } else {
            err = "nft_ctx_new failed";
        }
        const std::uint64_t head[3] = {static_cast<std::uint64_t>(rc == 0 ? 0 : 1), out.size(), err.size()};
        (void)!write_all_to(p[1], std::string_view(reinterpret_cast<const char*>(head), sizeof(head)));
        (void)!write_all_to(p[1], out);
        (void)!write_all_to(p[1], err);
        ::_exit(0);
    }
    global.unlock();
    ::close(p[1]);
    if (pid < 0) {
        ::close(p[0]);
        o.kind = outcome_kind::spawn_failed;
        o.detail = std::string("fork failed: ") + std::strerror(errno);
        return o;
    }
    std::string bytes;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(p[0], buf, sizeof(buf));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        bytes.append(buf, static_cast<std::size_t>(n));
    }
    ::close(p[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        o.kind = outcome_kind::rejected;
        o.exit_code = 128 + sig;
        o.detail = "nft was killed by signal " + std::to_string(sig) + " (" + ::strsignal(sig) +
                   "): libnftables' JSON listing aborts on a name that is not UTF-8 (an interface name "
                   "loaded by another program?); this process is unharmed";
        return o;
    }
    std::uint64_t head[3] = {1, 0, 0};
    if (bytes.size() < sizeof(head)) {
        o.kind = outcome_kind::status_unknown;
        o.detail = "the listing child ended without an answer";
        return o;
    }
    std::memcpy(head, bytes.data(), sizeof(head));
    if (bytes.size() != sizeof(head) + head[1] + head[2]) {
        o.kind = outcome_kind::status_unknown;
        o.detail = "the listing child's answer was cut short";
        return o;
    }
    o.out = bytes.substr(sizeof(head), head[1]);
    o.err = bytes.substr(sizeof(head) + head[1], head[2]);
    o.exit_code = static_cast<int>(head[0]);
    if (head[0] != 0) {
        o.kind = outcome_kind::rejected;
        o.messages = parse_nft_errors(o.err, nullptr);
    }
    return o;
}

}  // namespace detail

class persistent_executor final : public executor {
public:
    using executor::apply;
    using executor::check;

    // In the network namespace of the thread that makes the first call.
    persistent_executor() : s_(std::make_unique<state>()) {}
    // Inside the namespace at `path` (/var/run/netns/NAME, /proc/PID/ns/net).
    [[nodiscard]] static persistent_executor at_path(std::string path) {
        persistent_executor e;
        e.s_->invalid = check_netns_path(path);
        e.s_->path = std::move(path);
        return e;
    }
    // A namespace created with `ip netns add NAME`.
    [[nodiscard]] static persistent_executor named(std::string_view name) {
        persistent_executor e;
        e.s_->invalid = check_netns_name(name);
        e.s_->path = std::string(netns_directory) + std::string(name);
        return e;
    }

    persistent_executor(persistent_executor&&) noexcept = default;
    persistent_executor& operator=(persistent_executor&& o) noexcept {
        if (this != &o) {
            close();
            s_ = std::move(o.s_);
        }
        return *this;
    }
    ~persistent_executor() override { close(); }

    // Ends the executor's thread and frees its context (closing its netlink socket, which
    // waits for an RCU grace period when the context deleted anything). Blocks until an
    // operation running in another thread has finished; operations called later return
    // `spawn_failed` and run nothing. Idempotent; the destructor calls it.
    void close() {
        if (!s_) return;
        std::lock_guard lk(s_->call);
        s_->stop_worker();
        s_->closed = true;
    }
    [[nodiscard]] bool is_closed() const {
        if (!s_) return true;
        std::lock_guard lk(s_->call);
        return s_->closed;
    }

    // Loads the script in one transaction. Replaces of tables that are not there are loaded
    // without their `delete` (fresh_tables.hpp), safe against a concurrent writer.
    outcome apply(const script& s) override {
        return call([&](worker& w) {
            return apply_without_needless_deletes(
                s, [&] { return w.look(); }, [&](const script& x) { return w.run(x.text(), false, &x); },
                between_look_and_load_);
        });
    }
    // Loads the script exactly as it is (the replace idiom deletes even an absent table).
    outcome apply_as_is(const script& s) {
        return call([&](worker& w) { return w.run(s.text(), false, &s); });
    }
    outcome check(const script& s) override {
        return call([&](worker& w) { return w.run(s.text(), true, &s); });
    }
    outcome delete_table(family f, std::string_view name, absent_table when_absent) override {
        if (outcome bad = check_table_name(name); !bad.ok()) return bad;
        const std::string text = "delete table " + std::string(keyword(f)) + " " + std::string(name) + "\n";
        outcome o = call([&](worker& w) { return w.run(text, false, nullptr); });
        if (o.kind == outcome_kind::rejected && o.err.find("No such file or directory") != std::string::npos) {
            if (when_absent == absent_table::is_success) o = outcome{};
            else o.kind = outcome_kind::table_absent;
        }
        return o;
    }
    outcome list_table_json(family f, std::string_view name) override {
        if (outcome bad = check_table_name(name); !bad.ok()) return bad;
        const std::string cmd = "list table " + std::string(keyword(f)) + " " + std::string(name);
        return call([&](worker&) { return detail::list_json_in_child(cmd); });
    }
    outcome list_ruleset_json() override {
        return call([&](worker&) { return detail::list_json_in_child("list ruleset"); });
    }
    outcome list_tables_json() override {
        return call([&](worker&) { return detail::list_json_in_child("list tables"); });
    }
    std::optional<nft_version> version() override { return std::nullopt; }
    outcome probe(std::string_view text) override {
        const std::string t(text);
        return call([&](worker& w) { return w.run(t, true, nullptr); });
    }
    [[nodiscard]] bool probes_the_kernel() const noexcept override { return true; }

    // The tables there now (the look apply() does before loading), or nothing.
    std::optional<std::vector<table_id>> tables() {
        std::optional<std::vector<table_id>> out;
        call([&](worker& w) {
            out = w.look();
            return outcome{};
        });
        return out;
    }

    // For tests of the race between apply()'s look and its load: runs on the executor's
    // thread after the look, before the load (only when a delete is being left out).
    void set_between_look_and_load(std::function<void()> f) { between_look_and_load_ = std::move(f); }

    // How many times a context was opened: 1 for the executor's whole life, plus one each
    // time the namespace was found recreated (or deleted, then made again).
    [[nodiscard]] int contexts_opened() const {
        if (!s_) return 0;
        std::lock_guard lk(s_->call);
        return s_->opened;
    }

private:
    // One thread, in the target namespace, holding one context.
    class worker {
    public:
        explicit worker(int netns_fd) {
            thread_ = std::thread([this, netns_fd] { main(netns_fd); });
            std::unique_lock lk(m_);
            cv_.wait(lk, [&] { return ready_; });
        }
        ~worker() {
            {
                std::lock_guard lk(m_);
                stop_ = true;
            }
            cv_.notify_all();
            thread_.join();
        }
        worker(const worker&) = delete;
        worker& operator=(const worker&) = delete;

        [[nodiscard]] const outcome& opened() const noexcept { return open_; }

        // Runs f on the worker thread and waits for it.
        outcome post(const std::function<outcome(worker&)>& f) {
            std::unique_lock lk(m_);
            job_ = &f;
            done_ = false;
            cv_.notify_all();
            cv_.wait(lk, [&] { return done_; });
            return std::move(result_);
        }

        // On the worker thread: one nft command text through the kept context.
        outcome run(const std::string& text, bool dry_run, const script* s) {
            outcome o;
            const bool ifaces = detail::resolves_interfaces(text);
            std::unique_lock<std::mutex> global(detail::libnftables_global_lock(), std::defer_lock);
            if (ifaces) {
                global.lock();
                detail::drop_interface_cache();
            }
            nft_ctx_set_dry_run(ctx_, dry_run);
            // From a buffer first (the fastest way in); nft's errors then point at no line,
            // so a refused script is read once more from a file (a memfd), where they carry
            // "FILE:LINE:COL" as with -f. Refused means nothing was applied; should the
            // second run pass (the ruleset changed in between), its outcome is the answer.
            int rc = nft_run_cmd_from_buffer(ctx_, text.c_str());
            if (rc != 0) {
                (void)nft_ctx_get_output_buffer(ctx_);
                (void)nft_ctx_get_error_buffer(ctx_);
                const int fd = ::memfd_create("nftpp-script", MFD_CLOEXEC);
                if (fd >= 0 && detail::write_all_to(fd, text)) {
                    const std::string file = "/proc/self/fd/" + std::to_string(fd);
                    rc = nft_run_cmd_from_filename(ctx_, file.c_str());
                } else {
                    rc = nft_run_cmd_from_buffer(ctx_, text.c_str());
                }
                if (fd >= 0) ::close(fd);
            }
            if (ifaces) detail::drop_interface_cache();  // leave no index from this namespace behind
            nft_ctx_set_dry_run(ctx_, false);
            o.out = nft_ctx_get_output_buffer(ctx_);
            o.err = nft_ctx_get_error_buffer(ctx_);
            o.exit_code = rc == 0 ? 0 : 1;
            if (rc != 0) {
                o.kind = outcome_kind::rejected;
                o.messages = parse_nft_errors(o.err, s);
            }
            return o;
        }

        // On the worker thread: the tables there, on a socket kept for the worker's life
        // (a socket closed per look would wait for others' deletes to be freed).
        std::optional<std::vector<table_id>> look() {
            if (look_fd_ < 0) look_fd_ = open_nf_netlink_socket();
            if (look_fd_ < 0) return std::nullopt;
            auto t = list_tables(look_fd_);
            if (!t) {  // a broken dump leaves the socket in an unknown state: start afresh next time
                ::close(look_fd_);
                look_fd_ = -1;
            }
            return t;
        }

        dev_t dev = 0;
        ino_t ino = 0;

    private:
        void main(int netns_fd) {
            if (netns_fd >= 0 && ::setns(netns_fd, CLONE_NEWNET) != 0) {
                open_.kind = outcome_kind::namespace_enter_failed;
                open_.detail = std::string("setns failed: ") + std::strerror(errno);
            } else {
                std::lock_guard g(detail::libnftables_global_lock());
                ctx_ = nft_ctx_new(NFT_CTX_DEFAULT);
                if (!ctx_) {
                    open_.kind = outcome_kind::spawn_failed;
                    open_.detail = "nft_ctx_new failed";
                } else {
                    nft_ctx_buffer_output(ctx_);
                    nft_ctx_buffer_error(ctx_);
                }
            }
            std::unique_lock lk(m_);
            ready_ = true;
            cv_.notify_all();
            for (;;) {
                cv_.wait(lk, [&] { return stop_ || job_; });
                if (job_) {
                    const auto* f = job_;
                    job_ = nullptr;
                    lk.unlock();
                    outcome r;
                    try {
                        r = (*f)(*this);
                    } catch (const std::exception& e) {  // e.g. bad_alloc: an outcome, not std::terminate
                        r.kind = outcome_kind::spawn_failed;
                        r.detail = std::string("the persistent executor's thread failed: ") + e.what();
                    }
                    lk.lock();
                    result_ = std::move(r);
                    done_ = true;
                    cv_.notify_all();
                    continue;
                }
                if (stop_) break;
            }
            lk.unlock();
            if (look_fd_ >= 0) ::close(look_fd_);
            if (ctx_) {
                std::lock_guard g(detail::libnftables_global_lock());
                nft_ctx_free(ctx_);
            }
        }

        std::thread thread_;
        std::mutex m_;
        std::condition_variable cv_;
        bool ready_ = false, stop_ = false, done_ = true;
        const std::function<outcome(worker&)>* job_ = nullptr;
        outcome result_;
        outcome open_;
        nft_ctx* ctx_ = nullptr;
        int look_fd_ = -1;
    };

    struct state {
        mutable std::mutex call;
        std::string path;  // empty: the namespace of the first caller
        outcome invalid;
        std::unique_ptr<worker> w;
        bool closed = false;
        int opened = 0;

        void stop_worker() { w.reset(); }

        // A worker in the namespace at `path` now, or the outcome saying why there is none.
        outcome ensure() {
            if (closed) {
                outcome o;
                o.kind = outcome_kind::spawn_failed;
                o.detail = "the persistent executor was closed; nothing ran";
                return o;
            }
            if (!invalid.ok()) return invalid;
            if (path.empty()) {
                if (!w) open(-1, 0, 0);
                return w->opened();
            }
            if (outcome bad = check_netns_file(path); !bad.ok()) {
                stop_worker();  // do not hold a deleted namespace alive
                return bad;
            }
            const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
            if (fd < 0) {
                outcome o;
                o.kind = outcome_kind::namespace_missing;
                o.detail = path + ": " + std::strerror(errno);
                stop_worker();
                return o;
            }
            struct stat st {};
            ::fstat(fd, &st);
            if (w && (w->dev != st.st_dev || w->ino != st.st_ino)) stop_worker();  // recreated: a new namespace
            if (!w) open(fd, st.st_dev, st.st_ino);
            ::close(fd);
            if (!w->opened().ok()) {
                outcome o = w->opened();
                o.detail = "into " + path + ": " + o.detail;
                stop_worker();
                return o;
            }
            return outcome{};
        }
        void open(int fd, dev_t dev, ino_t ino) {
            w = std::make_unique<worker>(fd);
            w->dev = dev;
            w->ino = ino;
            ++opened;
        }
    };

    outcome call(const std::function<outcome(worker&)>& f) {
        if (!s_) {
            outcome o;
            o.kind = outcome_kind::spawn_failed;
            o.detail = "the persistent executor was moved from; nothing ran";
            return o;
        }
        std::lock_guard lk(s_->call);
        if (outcome bad = s_->ensure(); !bad.ok()) return bad;
        return s_->w->post(f);
    }


    std::unique_ptr<state> s_;
    std::function<void()> between_look_and_load_;
};

}  // namespace nftpp::exec
#endif
