#pragma once
// Test support for the executor tests: a temporary directory (root-owned, mode 0755,
// removed even when a test fails) and stand-in tools copied into it (helpers/fake_tool.cpp),
// so timeouts, nsenter failures and the environment can be tested without the real nft.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
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

// The fake tools are trusted only when root owns them.
inline bool running_as_root() { return ::geteuid() == 0; }

}  // namespace nftpp_test
