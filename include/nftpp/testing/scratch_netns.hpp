// SPDX-License-Identifier: Apache-2.0
#pragma once
// scratch_netns: a throwaway network namespace for tests that load rules for real.
// Created with `ip netns add nftpp-test-<purpose>-<pid>-<n>` (lo brought up), deleted in
// the destructor — also when a test throws. `purpose` is 1-32 letters, digits, '-' or
// '_' (std::invalid_argument otherwise). Needs root (or CAP_SYS_ADMIN); where that is
// missing, unavailable_reason() says why, so a test can report SKIPPED honestly. If the
// namespace cannot be made ready (ip fails, lo does not come up), ok() is false and
// error() says why; nothing is left behind. If deleting it fails, remove() returns false
// with the reason in error(); the destructor prints it on stderr (it cannot throw).
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nftpp/exec/netns_executor.hpp>
#include <nftpp/exec/process.hpp>
#include <nftpp/exec/trust.hpp>

namespace nftpp::testing {

class scratch_netns {
public:
    explicit scratch_netns(std::string_view purpose = "t") {
        if (!valid_purpose(purpose))
            throw std::invalid_argument("scratch_netns: purpose \"" + std::string(purpose) +
                                        "\" must be 1 to 32 letters, digits, '-' or '_'");
        static std::atomic<unsigned> counter{0};
        name_ = "nftpp-test-" + std::string(purpose) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
        auto ip = exec::find_trusted(exec::ip_candidates);
        if (!ip.path) {
            error_ = "no trusted ip binary";
            return;
        }
        ip_ = *ip.path;
        const auto added = ip_run({"netns", "add", name_});
        if (!added.succeeded()) {
            error_ = "ip netns add " + name_ + " failed: " + failure_text(added);
            return;
        }
        created_ = true;
        const auto lo = ip_run({"-n", name_, "link", "set", "lo", "up"});
        if (!lo.succeeded()) {
            const std::string why = "ip -n " + name_ + " link set lo up failed: " + failure_text(lo);
            remove();
            error_ = why + (error_.empty() ? "" : "; " + error_);
            return;
        }
        ready_ = true;
    }
    ~scratch_netns() {
        if (!remove()) std::fprintf(stderr, "nftpp::testing::scratch_netns: %s\n", error_.c_str());
    }
    scratch_netns(const scratch_netns&) = delete;
    scratch_netns& operator=(const scratch_netns&) = delete;
    scratch_netns(scratch_netns&& o) noexcept
        : name_(std::move(o.name_)),
          ip_(std::move(o.ip_)),
          error_(std::move(o.error_)),
          created_(std::exchange(o.created_, false)),
          ready_(std::exchange(o.ready_, false)) {}

    // True when the namespace exists with lo up.
    [[nodiscard]] bool ok() const noexcept { return ready_; }
    [[nodiscard]] const std::string& error() const noexcept { return error_; }
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] std::string path() const { return std::string(exec::netns_directory) + name_; }
    [[nodiscard]] exec::netns_executor executor(const exec::executor_options& o = {}) const {
        return exec::netns_executor::named(name_, o);
    }

    // Runs a command inside the namespace (`ip netns exec NAME argv...`), with the caller's
    // environment.
    exec::process_result run(const std::vector<std::string>& argv, std::string input = {},
                             std::chrono::milliseconds timeout = std::chrono::seconds(30)) const {
        std::vector<std::string> full{ip_, "netns", "exec", name_};
        full.insert(full.end(), argv.begin(), argv.end());
        return exec::run_process({std::move(full), std::move(input), timeout});
    }

    // Deletes the namespace now (the destructor does it otherwise). True when it is gone
    // (or was never made); false with the reason in error() when `ip netns del` failed.
    bool remove() {
        ready_ = false;
        if (!created_) return true;
        const auto r = ip_run({"netns", "del", name_});
        if (!r.succeeded()) {
            error_ = "ip netns del " + name_ + " failed: " + failure_text(r) + "; delete it by hand";
            return false;
        }
        created_ = false;
        return true;
    }

    // Why scratch namespaces cannot be made here, or nothing.
    [[nodiscard]] static std::optional<std::string> unavailable_reason() {
        if (::geteuid() != 0) return std::string("not running as root");
        if (!exec::find_trusted(exec::ip_candidates).path) return std::string("no trusted ip binary");
        if (!exec::find_trusted(exec::nft_candidates).path) return std::string("no trusted nft binary");
        return std::nullopt;
    }

    [[nodiscard]] static constexpr bool valid_purpose(std::string_view p) noexcept {
        if (p.empty() || p.size() > 32) return false;
        for (char c : p)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                return false;
        return true;
    }

private:
    exec::process_result ip_run(std::vector<std::string> args) const {
        args.insert(args.begin(), ip_);
        return exec::run_process({std::move(args), {}, std::chrono::seconds(10), exec::tool_environment()});
    }
    static std::string failure_text(const exec::process_result& r) {
        if (!r.failure.empty()) return r.failure;
        if (r.timed_out) return "timed out";
        std::string s = r.err.empty() ? "exit status " + std::to_string(r.exit_code) : r.err;
        while (!s.empty() && s.back() == '\n') s.pop_back();
        return s;
    }

    std::string name_;
    std::string ip_;
    std::string error_;
    bool created_ = false;  // `ip netns add` succeeded and it is not deleted yet
    bool ready_ = false;    // created, and lo is up
};

}  // namespace nftpp::testing
