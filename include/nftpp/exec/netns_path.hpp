// SPDX-License-Identifier: Apache-2.0
#pragma once
// Network namespace names and paths, checked before anything runs:
//   * a name (`ip netns add NAME`, found at /var/run/netns/NAME) is 1-255 bytes without
//     '/', NUL or newline, and not "." or "..";
//   * a path is absolute, has no ".." component and no NUL;
//   * the file there must be a network namespace: on nsfs (statfs f_type NSFS_MAGIC) and,
//     where the kernel can tell (NS_GET_NSTYPE, Linux 4.11), of type CLONE_NEWNET. A plain
//     file (what /var/run/netns/NAME is when nothing is mounted on it) is "missing", a
//     namespace of another kind (/proc/PID/ns/mnt) is "invalid".
// Both the process executor and the in-process libnftables executor use these checks.
#include <fcntl.h>
#include <linux/magic.h>
#include <linux/nsfs.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include <nftpp/exec/outcome.hpp>
#include <nftpp/exec/unique_fd.hpp>

namespace nftpp::exec {

inline constexpr std::string_view netns_directory = "/var/run/netns/";

[[nodiscard]] constexpr bool valid_netns_name(std::string_view n) noexcept {
    if (n.empty() || n.size() > 255 || n == "." || n == "..") return false;
    for (char c : n)
        if (c == '/' || c == '\0' || c == '\n') return false;
    return true;
}

// True when the path is absolute and none of its components is "..".
[[nodiscard]] constexpr bool valid_netns_path(std::string_view p) noexcept {
    if (p.empty() || p[0] != '/' || p.find('\0') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= p.size()) {
        std::size_t end = p.find('/', start);
        if (end == std::string_view::npos) end = p.size();
        if (p.substr(start, end - start) == "..") return false;
        start = end + 1;
    }
    return true;
}

// The outcome for a malformed name or path (ok when it is well formed).
[[nodiscard]] inline outcome check_netns_name(std::string_view name) {
    outcome o;
    if (!valid_netns_name(name)) {
        o.kind = outcome_kind::namespace_invalid;
        o.detail = "namespace name \"" + std::string(name) + "\" must be 1-255 bytes without '/' or newline, and not \".\" or \"..\"";
    }
    return o;
}
[[nodiscard]] inline outcome check_netns_path(std::string_view path) {
    outcome o;
    if (!valid_netns_path(path)) {
        o.kind = outcome_kind::namespace_invalid;
        o.detail = "namespace path \"" + std::string(path) + "\" must be absolute, without a \"..\" component";
    }
    return o;
}

// Opens `path` once and checks the descriptor: ok (with `fd` set) when it is a network
// namespace; namespace_missing or namespace_invalid otherwise. The descriptor is what the
// process executor enters with setns, so the namespace checked is the namespace entered.
[[nodiscard]] inline outcome open_netns_file(const std::string& path, unique_fd& fd) {
    outcome o;
    fd.reset(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!fd) {
        const int e = errno;
        o.kind = outcome_kind::namespace_missing;
        o.detail = e == ENOENT || e == ENOTDIR ? "no network namespace at " + path : path + ": " + std::strerror(e);
        return o;
    }
    struct statfs fs {};
    if (::fstatfs(fd.get(), &fs) != 0) {
        const int e = errno;
        fd.reset();
        o.kind = outcome_kind::namespace_missing;
        o.detail = path + ": " + std::strerror(e);
        return o;
    }
    if (fs.f_type != static_cast<decltype(fs.f_type)>(NSFS_MAGIC)) {
        fd.reset();
        o.kind = outcome_kind::namespace_missing;
        o.detail = path + " is not a namespace (a plain file or directory, not nsfs): no network namespace is mounted there";
        return o;
    }
    const int type = ::ioctl(fd.get(), NS_GET_NSTYPE);  // -1 on kernels before 4.11: nsfs is all we know
    if (type >= 0 && type != CLONE_NEWNET) {
        fd.reset();
        o.kind = outcome_kind::namespace_invalid;
        o.detail = path + " is a namespace, but not a network namespace";
    }
    return o;
}

// ok when `path` is a network namespace; namespace_missing or namespace_invalid otherwise.
[[nodiscard]] inline outcome check_netns_file(const std::string& path) {
    unique_fd fd;
    return open_netns_file(path, fd);
}

}  // namespace nftpp::exec
