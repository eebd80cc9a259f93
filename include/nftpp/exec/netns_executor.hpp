#pragma once
// netns_executor: nft inside a network namespace, entered with nsenter:
//   nsenter --net=/var/run/netns/NAME -- nft -f -      (netns_executor::named("NAME"))
//   nsenter --net=/proc/PID/ns/net -- nft -f -          (netns_executor::at_path(path))
// One process per operation: nsenter enters the namespace and execs nft (two programs,
// never one per rule). Before anything starts, the name or path is checked (see
// netns_path.hpp) and the file must be a network namespace. When nsenter itself fails
// (its stderr starts with "nsenter: ", e.g. EPERM from setns), the outcome is
// namespace_enter_failed, not `rejected`.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

protected:
    std::pair<std::vector<std::string>, outcome> prefix() override {
        if (!invalid_.ok()) return {{}, invalid_};
        if (outcome o = check_netns_file(path_); !o.ok()) return {{}, o};
        auto [nft, nft_problem] = find_nft();
        if (!nft_problem.ok()) return {{}, nft_problem};
        auto [nsenter, nsenter_problem] = find_nsenter();
        if (!nsenter_problem.ok()) return {{}, nsenter_problem};
        return {{nsenter, "--net=" + path_, "--", nft}, outcome{}};
    }
    [[nodiscard]] std::string_view target_netns_path() const noexcept override { return path_; }

private:
    explicit netns_executor(const executor_options& o) : nft_executor(o, true) {}
    std::string path_;
    outcome invalid_;
};

}  // namespace nftpp::exec
