#pragma once
// Finding tools we are willing to run as root: only at fixed absolute paths (never through
// PATH), and only if the file is a regular file owned by root that neither its group nor
// others can write. Anything else is refused, each case with its own status. The tools
// run with tool_environment(), not the caller's environment.
#include <sys/stat.h>

#include <array>
#include <span>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nftpp::exec {

enum class trust_status { trusted, not_found, not_absolute, not_regular, not_root_owned, writable_by_others };

[[nodiscard]] constexpr std::string_view to_string(trust_status s) noexcept {
    switch (s) {
        case trust_status::trusted: return "trusted";
        case trust_status::not_found: return "not found";
        case trust_status::not_absolute: return "not an absolute path";
        case trust_status::not_regular: return "not a regular file";
        case trust_status::not_root_owned: return "not owned by root";
        case trust_status::writable_by_others: return "writable by its group or by others";
    }
    return "?";
}

// Follows symbolic links (as exec would) and checks the file they lead to.
[[nodiscard]] inline trust_status check_trusted_binary(const std::string& path) {
    if (path.empty() || path[0] != '/') return trust_status::not_absolute;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return trust_status::not_found;
    if (!S_ISREG(st.st_mode)) return trust_status::not_regular;
    if (st.st_uid != 0) return trust_status::not_root_owned;
    if (st.st_mode & (S_IWGRP | S_IWOTH)) return trust_status::writable_by_others;
    return trust_status::trusted;
}

struct tool_lookup {
    std::optional<std::string> path;             // the trusted path, when found
    trust_status status = trust_status::not_found;  // why not, otherwise (of the first that exists)
    std::string rejected;                         // the path that was refused, if any
};

// The first trusted candidate. If none is trusted, the status of the first that exists.
[[nodiscard]] inline tool_lookup find_trusted(std::span<const std::string_view> candidates) {
    tool_lookup out;
    for (std::string_view c : candidates) {
        const std::string p(c);
        const trust_status s = check_trusted_binary(p);
        if (s == trust_status::trusted) {
            out.path = p;
            out.status = s;
            return out;
        }
        if (s != trust_status::not_found && out.rejected.empty()) {
            out.status = s;
            out.rejected = p;
        }
    }
    return out;
}

inline constexpr std::array<std::string_view, 3> nft_candidates{"/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft"};
inline constexpr std::array<std::string_view, 4> nsenter_candidates{"/usr/bin/nsenter", "/bin/nsenter", "/usr/sbin/nsenter",
                                                                    "/sbin/nsenter"};
inline constexpr std::array<std::string_view, 4> ip_candidates{"/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"};

// The whole environment nft, nsenter and ip get: a fixed PATH and the C locale, so their
// messages are stable (the executors read them) and nothing such as LD_PRELOAD or
// NFT_* of the caller reaches a tool that runs as root.
[[nodiscard]] inline std::vector<std::string> tool_environment() {
    return {"PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C"};
}

}  // namespace nftpp::exec
