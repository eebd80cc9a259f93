// SPDX-License-Identifier: Apache-2.0
#pragma once
// Test support for the executor tests: a temporary directory (root-owned, mode 0755,
// removed even when a test fails) and stand-in tools copied into it (helpers/fake_tool.cpp),
// so timeouts, nsenter failures and the environment can be tested without the real nft.
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#endif

#include <cstddef>
#include <cstdio>
#include <initializer_list>
#include <vector>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace nftpp_test {

class temp_dir {
public:
    temp_dir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "nftpp-exec-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
        ::chmod(path_.c_str(), 0755);
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

    // Writes a file with the given mode (owned by whoever runs the test).
    std::string write(const std::string& name, const std::string& content, mode_t mode) const {
        const std::string p = file(name);
        FILE* f = std::fopen(p.c_str(), "w");
        if (!f) throw std::runtime_error("cannot write " + p);
        std::fwrite(content.data(), 1, content.size(), f);
        std::fclose(f);
        ::chmod(p.c_str(), mode);
        return p;
    }

    // Installs the fake tool under `name` (nft-sleep, nft-env, nft-mark, nsenter-eperm),
    // mode 0755: trusted when the test runs as root.
    std::string fake_tool(const std::string& name) const {
        const std::string p = file(name);
        std::filesystem::copy_file(NFTPP_TEST_FAKE_TOOL, p, std::filesystem::copy_options::overwrite_existing);
        ::chmod(p.c_str(), 0755);
        return p;
    }

private:
    std::filesystem::path path_;
};

#if defined(__x86_64__)
// In the calling thread only (seccomp filters are per thread, and inherited by the
// children it spawns): the given syscalls fail with `error`.
inline bool fail_syscalls_in_this_thread(std::initializer_list<long> nrs, int error) {
    std::vector<sock_filter> f{
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
    };
    for (long nr : nrs) {
        f.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<__u32>(nr), 0, 1));
        f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (static_cast<__u32>(error) & SECCOMP_RET_DATA)));
    }
    f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    sock_fprog prog{static_cast<unsigned short>(f.size()), f.data()};
    return ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 && ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0;
}
#endif

// The fake tools are trusted only when root owns them.
inline bool running_as_root() { return ::geteuid() == 0; }

}  // namespace nftpp_test
