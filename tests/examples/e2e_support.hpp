// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared pieces of the end-to-end tests: a sysctl that is set for a test and restored,
// the netprobe helper where any uid can run it, ip commands, veth pairs and listeners in
// scratch namespaces.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nftpp/exec/process.hpp>
#include <nftpp/exec/trust.hpp>
#include <nftpp/testing/scratch_netns.hpp>

namespace e2e {

using namespace std::chrono_literals;

// The first line of a file, without its newline; nullopt when it cannot be read.
inline std::optional<std::string> read_first_line(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line)) return std::nullopt;
    return line;
}

// Sets a sysctl (any file holding one value) for a test and puts the old value back:
// in restore(), or in the destructor when the test ends early (a failed REQUIRE throws).
// ok() is true only when the old value was read, the new one written, and read back.
class sysctl_guard {
public:
    sysctl_guard(std::string path, std::string value) : path_(std::move(path)) {
        auto old = read_first_line(path_);
        if (!old) {
            error_ = "cannot read " + path_ + ": " + std::strerror(errno);
            return;
        }
        old_ = *old;
        if (!write(value)) return;
        const auto now = read_first_line(path_);
        if (!now || *now != value) {
            error_ = path_ + " reads \"" + now.value_or("") + "\" after writing \"" + value + "\"";
            return;
        }
        ok_ = true;
    }
    ~sysctl_guard() { restore(); }
    sysctl_guard(const sysctl_guard&) = delete;
    sysctl_guard& operator=(const sysctl_guard&) = delete;

    [[nodiscard]] bool ok() const noexcept { return ok_; }
    [[nodiscard]] const std::string& error() const noexcept { return error_; }
    [[nodiscard]] const std::string& old_value() const noexcept { return old_; }

    // Writes the old value back (once) if anything may have changed; true when the file
    // now holds the old value (or was never touched).
    bool restore() {
        if (!touched_) return restored_ok_;
        restored_ok_ = write(old_) && read_first_line(path_) == old_;
        touched_ = false;  // after write(), which sets it
        return restored_ok_;
    }

private:
    bool write(const std::string& v) {
        const int fd = ::open(path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) {
            error_ = "cannot write " + path_ + ": " + std::strerror(errno);
            return false;
        }
        touched_ = true;
        const std::string text = v + "\n";
        const ssize_t n = ::write(fd, text.data(), text.size());
        const int write_errno = errno;
        const bool closed = ::close(fd) == 0;
        if (n != static_cast<ssize_t>(text.size()) || !closed) {
            error_ = "writing \"" + v + "\" to " + path_ + " failed: " + std::strerror(n < 0 ? write_errno : EIO);
            return false;
        }
        return true;
    }

    std::string path_, old_, error_;
    bool ok_ = false;
    bool touched_ = false;      // a write was opened: restore() must write the old value
    bool restored_ok_ = true;
};

// The helper program, copied where any uid can run it.
class probe_binary {
public:
    probe_binary() : dir_(std::filesystem::temp_directory_path() / ("nftpp-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++))) {
        std::filesystem::create_directories(dir_);
        ::chmod(dir_.c_str(), 0755);
        std::filesystem::copy_file(NFTPP_NETPROBE, dir_ / "netprobe", std::filesystem::copy_options::overwrite_existing);
        ::chmod((dir_ / "netprobe").c_str(), 0755);
    }
    ~probe_binary() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    probe_binary(const probe_binary&) = delete;
    probe_binary& operator=(const probe_binary&) = delete;
    [[nodiscard]] std::string path() const { return (dir_ / "netprobe").string(); }

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
    std::filesystem::path dir_;
};

inline std::string ip_tool() {
    const auto ip = nftpp::exec::find_trusted(nftpp::exec::ip_candidates);
    return ip.path ? *ip.path : std::string("/nonexistent/ip");
}

inline nftpp::exec::process_result ip_cmd(const std::vector<std::string>& args) {
    std::vector<std::string> argv{ip_tool()};
    argv.insert(argv.end(), args.begin(), args.end());
    return nftpp::exec::run_process({argv, {}, 10s});
}

inline std::string nft_tool() {
    const auto nft = nftpp::exec::find_trusted(nftpp::exec::nft_candidates);
    return nft.path ? *nft.path : std::string("/nonexistent/nft");
}

inline std::string first_word(const std::string& s) { return s.substr(0, s.find_first_of(" \n")); }
inline long millis(const std::string& s) {
    const auto sp = s.find(' ');
    return sp == std::string::npos ? -1 : std::atol(s.c_str() + sp + 1);
}

// A netprobe listener running in a namespace (in a thread) until stop(); output() is
// what it printed ("ready", then "from <peer>" per connection).
class listener {
public:
    listener(const nftpp::testing::scratch_netns& ns, const probe_binary& probe, std::vector<std::string> specs,
             std::string quit_addr, std::string quit_port)
        : ns_(ns), probe_(probe.path()), quit_addr_(std::move(quit_addr)), quit_port_(std::move(quit_port)) {
        std::vector<std::string> argv{probe_, "listen", "60"};
        argv.insert(argv.end(), specs.begin(), specs.end());
        thread_ = std::thread([this, argv] { result_ = ns_.run(argv, {}, 70s); });
    }
    ~listener() { stop(); }
    listener(const listener&) = delete;
    listener& operator=(const listener&) = delete;

    // Asks it to exit (from inside its namespace) and waits; the output is then complete.
    void stop() {
        if (!thread_.joinable()) return;
        ns_.run({probe_, "quit", quit_addr_, quit_port_});
        thread_.join();
    }
    [[nodiscard]] const std::string& output() const { return result_.out; }

private:
    const nftpp::testing::scratch_netns& ns_;
    std::string probe_, quit_addr_, quit_port_;
    nftpp::exec::process_result result_;  // before thread_: written by the thread
    std::thread thread_;
};

// Runs netprobe connect in ns until it prints "ok" (a listener is up), at most ~5 s.
inline bool wait_ready(const nftpp::testing::scratch_netns& ns, const probe_binary& probe, const std::string& addr,
                       const std::string& port) {
    for (int i = 0; i < 50; ++i) {
        if (first_word(ns.run({probe.path(), "connect", addr, port, "3000"}).out) == "ok") return true;
        std::this_thread::sleep_for(100ms);
    }
    return false;
}

// A veth pair from a to b, with addresses ("10.200.0.2/24", "fd00:200::2/64" ...) on each
// end, both up. IPv6 addresses are added with nodad: usable at once.
inline bool veth_pair(const nftpp::testing::scratch_netns& a, const std::string& a_dev, const std::vector<std::string>& a_addrs,
                      const nftpp::testing::scratch_netns& b, const std::string& b_dev, const std::vector<std::string>& b_addrs) {
    if (!ip_cmd({"-n", a.name(), "link", "add", a_dev, "type", "veth", "peer", "name", b_dev, "netns", b.name()}).succeeded())
        return false;
    auto add = [](const nftpp::testing::scratch_netns& ns, const std::string& dev, const std::string& addr) {
        std::vector<std::string> args{"-n", ns.name(), "addr", "add", addr, "dev", dev};
        if (addr.find(':') != std::string::npos) args.push_back("nodad");
        return ip_cmd(args).succeeded();
    };
    for (const auto& x : a_addrs)
        if (!add(a, a_dev, x)) return false;
    for (const auto& x : b_addrs)
        if (!add(b, b_dev, x)) return false;
    return ip_cmd({"-n", a.name(), "link", "set", a_dev, "up"}).succeeded() &&
           ip_cmd({"-n", b.name(), "link", "set", b_dev, "up"}).succeeded();
}

}  // namespace e2e
