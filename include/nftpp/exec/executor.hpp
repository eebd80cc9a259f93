#pragma once
// executor: where a script is loaded. Implementations: host_executor (`nft -f -`),
// netns_executor (`nsenter --net=... -- nft -f -`), and for tests
// testing::recording_executor. Every operation is one nft process (two with nsenter);
// apply() is one transaction: all of the script or, on any error, none of it.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <nftpp/core/family.hpp>
#include <nftpp/exec/nft_version.hpp>
#include <nftpp/exec/outcome.hpp>
#include <nftpp/render/script.hpp>

namespace nftpp::exec {

// What delete_table reports when the table does not exist.
enum class absent_table { is_success, is_error };

class executor {
public:
    virtual ~executor() = default;

    // Load the script in one transaction (`nft -f -`).
    virtual outcome apply(const script& s) = 0;
    // Check it (`nft -c -f -`). The kernel checks more at commit than nft -c sees: hook
    // rules for NAT and reject, jump loops and depth are only refused by a real apply.
    // nftpp's compile-time checks cover those.
    virtual outcome check(const script& s) = 0;
    virtual outcome delete_table(family f, std::string_view name, absent_table when_absent) = 0;
    // JSON text in outcome.out (`nft -j list ...`).
    virtual outcome list_table_json(family f, std::string_view name) = 0;
    virtual outcome list_ruleset_json() = 0;
    virtual std::optional<nft_version> version() = 0;
    // True when `nft -c` accepts the text in this context (host or namespace): does the
    // kernel here support what the text uses?
    virtual bool probe(std::string_view script_text) = 0;

    outcome apply(std::string_view text) { return apply(script(std::string(text))); }
    outcome check(std::string_view text) { return check(script(std::string(text))); }
};

struct executor_options {
    std::optional<std::string> nft_path;      // instead of the standard paths (still must be trusted)
    std::optional<std::string> nsenter_path;  // likewise
    std::chrono::milliseconds timeout{30000};
};

}  // namespace nftpp::exec
