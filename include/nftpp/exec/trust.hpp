// SPDX-License-Identifier: Apache-2.0
#pragma once
// Finding tools we are willing to run as root: only at fixed absolute paths (never through
// PATH), and only if every step of the way is root's:
//   * every directory from "/" down is owned by root and writable by neither its group nor
//     others — except a root-owned sticky directory such as /tmp, and then only when the
//     entry taken from it is itself a root-owned directory (in a sticky directory nobody
//     but root can rename or remove root's entries);
//   * every symbolic link on the way is owned by root, is read once and its target is
//     checked the same way, component by component (at most 40 links);
//   * the file is a regular file owned by root that neither its group nor others can write.
// The walk opens each component with O_PATH|O_NOFOLLOW relative to the directory checked
// before it, and the result is a descriptor of the very file that was checked: the
// executors run that descriptor (execveat), never the path again, so a path swapped after
// the check changes nothing. Each refusal has its own status and names the component.
// The tools run with tool_environment(), not the caller's environment.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nftpp/exec/unique_fd.hpp>

namespace nftpp::exec {

enum class trust_status { trusted, not_found, not_absolute, not_regular, not_root_owned, writable_by_others, too_many_links };

[[nodiscard]] constexpr std::string_view to_string(trust_status s) noexcept {
    switch (s) {
        case trust_status::trusted: return "trusted";
        case trust_status::not_found: return "not found";
        case trust_status::not_absolute: return "not an absolute path";
        case trust_status::not_regular: return "not a regular file";
        case trust_status::not_root_owned: return "not owned by root";
        case trust_status::writable_by_others: return "writable by its group or by others";
        case trust_status::too_many_links: return "reached through more than 40 symbolic links";
    }
    return "?";
}

// A checked binary: an O_PATH descriptor of the file that passed (when trusted), or why not.
struct trusted_binary {
    trust_status status = trust_status::not_found;
    unique_fd fd;            // when trusted: the file that was checked, to be run through this descriptor
    std::string component;   // the file, directory or link that failed (the file itself when trusted)
    std::string resolved;    // when trusted: the file's path with every link resolved

    [[nodiscard]] bool trusted() const noexcept { return status == trust_status::trusted; }
};

namespace detail {

inline void split_path(std::string_view p, std::deque<std::string>& into_front) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= p.size()) {
        std::size_t end = p.find('/', start);
        if (end == std::string_view::npos) end = p.size();
        if (end > start) parts.emplace_back(p.substr(start, end - start));
        start = end + 1;
    }
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) into_front.push_front(*it);
}

inline std::string parent_of(const std::string& p) {
    const auto s = p.rfind('/');
    return s == std::string::npos || s == 0 ? std::string() : p.substr(0, s);
}

}  // namespace detail

// Walks `path` from "/" and opens the file it leads to, checking every component.
[[nodiscard]] inline trusted_binary open_trusted_binary(const std::string& path) {
    trusted_binary r;
    if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos) {
        r.status = trust_status::not_absolute;
        r.component = path;
        return r;
    }
    const auto fail = [&](trust_status s, std::string where) {
        r.status = s;
        r.component = where.empty() ? "/" : std::move(where);
        r.fd.reset();
        return std::move(r);
    };
    const auto dir_ok = [](const struct stat& st) { return st.st_uid == 0 && !(st.st_mode & (S_IWGRP | S_IWOTH)); };
    const auto open_root = [] { return unique_fd(::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC)); };

    unique_fd dir = open_root();
    std::string dir_path;  // "" is "/"
    struct stat st {};
    if (!dir || ::fstat(dir.get(), &st) != 0) return fail(trust_status::not_found, "/");
    if (st.st_uid != 0) return fail(trust_status::not_root_owned, "/");
    bool dir_sticky_shared = !dir_ok(st);  // writable by others: only root's directories may be taken from it
    if (dir_sticky_shared && !(st.st_mode & S_ISVTX)) return fail(trust_status::writable_by_others, "/");

    std::deque<std::string> todo;
    detail::split_path(path, todo);
    int links = 0;
    while (!todo.empty()) {
        const std::string comp = todo.front();
        todo.pop_front();
        if (comp == ".") continue;
        const std::string here = comp == ".." ? detail::parent_of(dir_path) : dir_path + "/" + comp;
        unique_fd fd(::openat(dir.get(), comp.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
        if (!fd) return fail(trust_status::not_found, here);
        if (::fstat(fd.get(), &st) != 0) return fail(trust_status::not_found, here);
        if (st.st_uid != 0) return fail(trust_status::not_root_owned, here);
        if (dir_sticky_shared && comp != ".." && !S_ISDIR(st.st_mode))
            return fail(trust_status::writable_by_others, dir_path);  // a file or link in a shared directory
        if (S_ISLNK(st.st_mode)) {
            if (++links > 40) return fail(trust_status::too_many_links, here);
            std::string target(4096, '\0');
            const ssize_t n = ::readlinkat(fd.get(), "", target.data(), target.size());
            if (n <= 0 || static_cast<std::size_t>(n) >= target.size()) return fail(trust_status::not_found, here);
            target.resize(static_cast<std::size_t>(n));
            detail::split_path(target, todo);
            if (target[0] == '/') {
                dir = open_root();
                dir_path.clear();
                if (!dir || ::fstat(dir.get(), &st) != 0) return fail(trust_status::not_found, "/");
                dir_sticky_shared = !dir_ok(st);
                if (dir_sticky_shared && !(st.st_mode & S_ISVTX)) return fail(trust_status::writable_by_others, "/");
            }
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            const bool shared = !dir_ok(st);
            if (shared && !(st.st_mode & S_ISVTX)) return fail(trust_status::writable_by_others, here);
            if (todo.empty()) return fail(trust_status::not_regular, here);
            dir = std::move(fd);
            dir_path = here;
            dir_sticky_shared = shared;
            continue;
        }
        if (!todo.empty()) return fail(trust_status::not_found, here);  // a file where a directory should be
        if (!S_ISREG(st.st_mode)) return fail(trust_status::not_regular, here);
        if (st.st_mode & (S_IWGRP | S_IWOTH)) return fail(trust_status::writable_by_others, here);
        r.status = trust_status::trusted;
        r.fd = std::move(fd);
        r.component = here;
        r.resolved = here;
        return r;
    }
    return fail(trust_status::not_regular, dir_path);  // the path ends in a directory ("/usr/sbin/.")
}

// The status of open_trusted_binary(path).
[[nodiscard]] inline trust_status check_trusted_binary(const std::string& path) { return open_trusted_binary(path).status; }

struct tool_lookup {
    std::optional<std::string> path;                // the trusted path, when found
    trust_status status = trust_status::not_found;  // why not, otherwise (of the first that exists)
    std::string rejected;                           // the path that was refused, if any
    std::string component;                          // the file, directory or link of it that failed
    unique_fd fd;                                   // when found: the checked file, to run through it

    // "PATH is STATUS" or "COMPONENT is STATUS (on the way to PATH)".
    [[nodiscard]] std::string why_rejected() const {
        std::string d = component.empty() || component == rejected ? rejected : component;
        d += " is " + std::string(to_string(status));
        if (!component.empty() && component != rejected) d += " (on the way to " + rejected + ")";
        return d;
    }
};

// One path, checked and opened.
[[nodiscard]] inline tool_lookup find_trusted_at(const std::string& path) {
    tool_lookup out;
    trusted_binary b = open_trusted_binary(path);
    out.status = b.status;
    out.rejected = path;
    out.component = b.component;
    if (b.trusted()) {
        out.path = path;
        out.rejected.clear();
        out.fd = std::move(b.fd);
    }
    return out;
}

// The first trusted candidate. If none is trusted, the status of the first that exists.
[[nodiscard]] inline tool_lookup find_trusted(std::span<const std::string_view> candidates) {
    tool_lookup out;
    for (std::string_view c : candidates) {
        tool_lookup t = find_trusted_at(std::string(c));
        if (t.path) return t;
        if (t.status != trust_status::not_found && out.rejected.empty()) out = std::move(t);
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
