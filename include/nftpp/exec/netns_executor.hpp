// SPDX-License-Identifier: Apache-2.0
#pragma once
// netns_executor: nft inside a network namespace:
//   netns_executor::named("NAME")   the namespace at /var/run/netns/NAME (`ip netns add NAME`)
//   netns_executor::at_path(path)   any network namespace file, e.g. /proc/PID/ns/net
// Before anything starts, the name or path is checked (see netns_path.hpp), the file is
// opened once and must be a network namespace, and nft is found and opened (trust.hpp).
// By default the runner process (process.hpp) enters that very namespace descriptor with
// setns(CLONE_NEWNET) and then runs the checked nft through its descriptor: one program
// per operation. A refused setns (EPERM, ...) is namespace_enter_failed, and nft never
// runs. With executor_options::entry = netns_entry::nsenter it runs
//   nsenter --net=PATH -- /proc/self/fd/N -f -
// instead (N: the checked nft, passed to nsenter open): two programs, one after the other;
// when nsenter itself fails (its stderr starts with "nsenter: ") the outcome is
// namespace_enter_failed too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nftpp/exec/generation.hpp>
#include <nftpp/exec/netns_path.hpp>
#include <nftpp/exec/nft_executor.hpp>

namespace nftpp::exec {

class netns_executor final : public nft_executor {
public:
    // A namespace created with `ip netns add NAME`.
    [[nodiscard]] static netns_executor named(std::string_view name, const executor_options& o = {}) {
        netns_executor e(o);
        e.invalid_ = check_netns_name(name);
        e.path_ = std::string(netns_directory) + std::string(name);
        return e;
    }
    // Any network namespace file, e.g. /proc/PID/ns/net.
    [[nodiscard]] static netns_executor at_path(std::string_view path, const executor_options& o = {}) {
        netns_executor e(o);
        e.invalid_ = check_netns_path(path);
        e.path_ = std::string(path);
        return e;
    }

    [[nodiscard]] static constexpr bool valid_name(std::string_view n) noexcept { return valid_netns_name(n); }

    [[nodiscard]] const std::string& path() const noexcept { return path_; }

    [[nodiscard]] std::optional<std::uint32_t> ruleset_generation() override {
        if (!invalid_.ok()) return std::nullopt;
        unique_fd ns;
        if (!open_netns_file(path_, ns).ok()) return std::nullopt;
        return exec::ruleset_generation(ns.get());
    }

protected:
    launch_plan plan() override {
        launch_plan p;
        if (!invalid_.ok()) {
            p.problem = invalid_;
            return p;
        }
        if (outcome o = open_netns_file(path_, p.netns); !o.ok()) {
            p.problem = std::move(o);
            return p;
        }
        auto [nft, nft_problem] = find_nft();
        if (!nft_problem.ok()) {
            p.problem = std::move(nft_problem);
            return p;
        }
        if (options().entry == netns_entry::setns) {
            p.argv = {*nft.path};
            p.program = std::move(nft.fd);
            return p;
        }
        auto [nsenter, nsenter_problem] = find_nsenter();
        if (!nsenter_problem.ok()) {
            p.problem = std::move(nsenter_problem);
            return p;
        }
        p.netns.reset();  // nsenter enters it
        p.passed = std::move(nft.fd);
        p.argv = {*nsenter.path, "--net=" + path_, "--", "/proc/self/fd/" + std::to_string(p.passed.get())};
        p.program = std::move(nsenter.fd);
        p.programs = 2;
        return p;
    }
    [[nodiscard]] std::string_view target_netns_path() const noexcept override { return path_; }

private:
    explicit netns_executor(const executor_options& o) : nft_executor(o) {}
    std::string path_;
    outcome invalid_;
};

}  // namespace nftpp::exec
