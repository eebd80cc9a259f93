#pragma once
// scratch_netns: a throwaway network namespace for tests that load rules for real.
// Created with `ip netns add nftpp-test-<purpose>-<pid>-<n>` (lo brought up), deleted in
// the destructor — also when a test throws. Needs root (or CAP_SYS_ADMIN); where that is
// missing, unavailable_reason() says why, so a test can report SKIPPED honestly.
#include <unistd.h>

#include <atomic>
#include <optional>
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
        static std::atomic<unsigned> counter{0};
        name_ = "nftpp-test-" + std::string(purpose) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
        auto ip = exec::find_trusted(exec::ip_candidates);
        if (!ip.path) {
            error_ = "no trusted ip binary";
            return;
        }
        ip_ = *ip.path;
        auto r = exec::run_process({{ip_, "netns", "add", name_}, {}, std::chrono::seconds(10)});
        if (!r.succeeded()) {
            error_ = "ip netns add failed: " + r.err;
            return;
        }
        created_ = true;
        exec::run_process({{ip_, "-n", name_, "link", "set", "lo", "up"}, {}, std::chrono::seconds(10)});
    }
    ~scratch_netns() { remove(); }
    scratch_netns(const scratch_netns&) = delete;
    scratch_netns& operator=(const scratch_netns&) = delete;
    scratch_netns(scratch_netns&& o) noexcept
        : name_(std::move(o.name_)), ip_(std::move(o.ip_)), error_(std::move(o.error_)), created_(std::exchange(o.created_, false)) {}

    [[nodiscard]] bool ok() const noexcept { return created_; }
    [[nodiscard]] const std::string& error() const noexcept { return error_; }
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] std::string path() const { return "/var/run/netns/" + name_; }
    [[nodiscard]] exec::netns_executor executor(const exec::executor_options& o = {}) const {
        return exec::netns_executor::named(name_, o);
    }

    // Runs a command inside the namespace (`ip netns exec NAME argv...`).
    exec::process_result run(const std::vector<std::string>& argv, std::string input = {},
                             std::chrono::milliseconds timeout = std::chrono::seconds(30)) const {
        std::vector<std::string> full{ip_, "netns", "exec", name_};
        full.insert(full.end(), argv.begin(), argv.end());
        return exec::run_process({std::move(full), std::move(input), timeout});
    }

    // Deletes the namespace now (the destructor does it otherwise).
    void remove() {
        if (!created_) return;
        exec::run_process({{ip_, "netns", "del", name_}, {}, std::chrono::seconds(10)});
        created_ = false;
    }

    // Why scratch namespaces cannot be made here, or nothing.
    [[nodiscard]] static std::optional<std::string> unavailable_reason() {
        if (::geteuid() != 0) return std::string("not running as root");
        if (!exec::find_trusted(exec::ip_candidates).path) return std::string("no trusted ip binary");
        if (!exec::find_trusted(exec::nft_candidates).path) return std::string("no trusted nft binary");
        return std::nullopt;
    }

private:
    std::string name_;
    std::string ip_;
    std::string error_;
    bool created_ = false;
};

}  // namespace nftpp::testing
