#pragma once
// The test suite's oracle fixture: load a script for real with `nft -f` in a throwaway
// network namespace (created here, deleted afterwards even when the test fails), and
// read back `nft -j list ruleset`. Processes are spawned with argv arrays (no shell);
// output goes through temporary files.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace nftpp_test {

struct run_result {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Runs argv with stdin from `input` (if any); captures stdout and stderr.
inline run_result run(const std::vector<std::string>& argv, const std::string* input = nullptr) {
    static std::atomic<int> counter{0};
    const std::string base = "/tmp/nftpp-test-io-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    const std::string in = base + ".in", out = base + ".out", err = base + ".err";
    if (input) std::ofstream(in, std::ios::binary) << *input;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, input ? in.c_str() : "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    run_result r;
    if (posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ) == 0) {
        int st = 0;
        while (waitpid(pid, &st, 0) < 0) {
        }
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    }
    posix_spawn_file_actions_destroy(&fa);
    r.out = slurp(out);
    r.err = slurp(err);
    std::remove(in.c_str());
    std::remove(out.c_str());
    std::remove(err.c_str());
    return r;
}

inline const char* ip_tool() { return "/usr/sbin/ip"; }
inline const char* nft_tool() { return "/usr/sbin/nft"; }

// Why namespaces cannot be used here, or nothing when they can.
inline std::optional<std::string> netns_unavailable() {
    if (geteuid() != 0) return std::string("not running as root");
    struct stat st {};
    if (stat(nft_tool(), &st) != 0) return std::string("nft is not installed at /usr/sbin/nft");
    if (stat(ip_tool(), &st) != 0) return std::string("ip is not installed at /usr/sbin/ip");
    return std::nullopt;
}

// A throwaway network namespace, deleted in the destructor.
class scratch_ns {
public:
    scratch_ns() {
        static std::atomic<int> counter{0};
        name_ = "nftpp-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
        created_ = run({ip_tool(), "netns", "add", name_}).status == 0;
        if (created_) run({ip_tool(), "-n", name_, "link", "set", "lo", "up"});
    }
    ~scratch_ns() {
        if (created_) run({ip_tool(), "netns", "del", name_});
    }
    scratch_ns(const scratch_ns&) = delete;
    scratch_ns& operator=(const scratch_ns&) = delete;

    [[nodiscard]] bool ok() const { return created_; }
    [[nodiscard]] const std::string& name() const { return name_; }

    run_result nft(const std::vector<std::string>& args, const std::string* input = nullptr) const {
        std::vector<std::string> argv{ip_tool(), "netns", "exec", name_, nft_tool()};
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv, input);
    }

private:
    std::string name_;
    bool created_ = false;
};

struct load_report {
    run_result apply;
    std::string listing_json;
};

// Loads the script for real in a fresh namespace and lists the result.
inline load_report load_for_real(const std::string& text) {
    scratch_ns ns;
    load_report r;
    if (!ns.ok()) {
        r.apply.err = "could not create a network namespace";
        return r;
    }
    r.apply = ns.nft({"-f", "-"}, &text);
    r.listing_json = ns.nft({"-j", "list", "ruleset"}).out;
    return r;
}

}  // namespace nftpp_test
