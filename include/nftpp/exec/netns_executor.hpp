#pragma once
// netns_executor: nft inside a network namespace, entered with nsenter:
//   nsenter --net=/var/run/netns/NAME -- nft -f -      (netns_executor::named("NAME"))
//   nsenter --net=/proc/PID/ns/net -- nft -f -          (netns_executor::at_path(path))
// Two processes per operation, never one per rule. The name is checked (no '/', not "."
// or "..") and the namespace must exist before anything is started.
#include <sys/stat.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nftpp/exec/nft_executor.hpp>

namespace nftpp::exec {

class netns_executor final : public nft_executor {
public:
    // A namespace created with `ip netns add NAME`.
    [[nodiscard]] static netns_executor named(std::string_view name, const executor_options& o = {}) {
        netns_executor e(o);
        e.name_ = std::string(name);
        if (!valid_name(name)) e.invalid_ = "namespace name \"" + std::string(name) + "\" must be 1-255 bytes without '/' and not \".\" or \"..\"";
        e.path_ = "/var/run/netns/" + std::string(name);
        return e;
    }
    // Any namespace file, e.g. /proc/PID/ns/net.
    [[nodiscard]] static netns_executor at_path(std::string_view path, const executor_options& o = {}) {
        netns_executor e(o);
        e.path_ = std::string(path);
        if (path.empty() || path[0] != '/' || path.find("/../") != std::string_view::npos ||
            path.find('\0') != std::string_view::npos)
            e.invalid_ = "namespace path \"" + std::string(path) + "\" must be absolute, without \"..\"";
        return e;
    }

    [[nodiscard]] static constexpr bool valid_name(std::string_view n) noexcept {
        if (n.empty() || n.size() > 255 || n == "." || n == "..") return false;
        for (char c : n)
            if (c == '/' || c == '\0' || c == '\n') return false;
        return true;
    }

    [[nodiscard]] const std::string& path() const noexcept { return path_; }

protected:
    std::pair<std::vector<std::string>, outcome> prefix() override {
        outcome o;
        if (!invalid_.empty()) {
            o.kind = outcome_kind::namespace_invalid;
            o.detail = invalid_;
            return {{}, o};
        }
        struct stat st {};
        if (::stat(path_.c_str(), &st) != 0) {
            o.kind = outcome_kind::namespace_missing;
            o.detail = "no namespace at " + path_;
            return {{}, o};
        }
        auto [nft, problem] = find_nft();
        if (!problem.ok()) return {{}, problem};
        tool_lookup ns = options().nsenter_path ? tool_lookup{} : find_trusted(nsenter_candidates);
        if (options().nsenter_path) {
            ns.status = check_trusted_binary(*options().nsenter_path);
            ns.rejected = *options().nsenter_path;
            if (ns.status == trust_status::trusted) ns.path = *options().nsenter_path;
        }
        if (!ns.path) {
            o.kind = ns.status == trust_status::not_found ? outcome_kind::nsenter_not_found : outcome_kind::nsenter_untrusted;
            o.detail = ns.rejected.empty() ? "no nsenter at the standard paths" : ns.rejected + " is " + std::string(to_string(ns.status));
            return {{}, o};
        }
        return {{*ns.path, "--net=" + path_, "--", nft}, outcome{}};
    }

private:
    explicit netns_executor(const executor_options& o) : nft_executor(o, true) {}
    std::string name_;
    std::string path_;
    std::string invalid_;
};

}  // namespace nftpp::exec
