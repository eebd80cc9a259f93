// SPDX-License-Identifier: Apache-2.0
#pragma once
// executor: where a script is loaded. Implementations: host_executor (`nft -f -`),
// netns_executor (`nft -f -` in a namespace the runner process entered with setns, or
// `nsenter --net=... -- nft -f -`), persistent_executor (libnftables in-process, one
// context kept open), libnftables_executor (in-process, a context per operation), and for
// tests testing::recording_executor; best_executor_for picks one. With the process
// executors every operation is one nft process, never one per rule; apply() is one
// transaction: all of the script or, on any error, none of it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nftpp/core/chrono.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/exec/nft_version.hpp>
#include <nftpp/exec/outcome.hpp>
#include <nftpp/exec/process.hpp>
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
    // `delete table F NAME`. The name must be a valid nftpp name (an identifier, not an
    // nft keyword), else invalid_name and nothing runs.
    virtual outcome delete_table(family f, std::string_view name, absent_table when_absent) = 0;
    // JSON text in outcome.out (`nft -j list ...`); the name is checked as for delete_table.
    virtual outcome list_table_json(family f, std::string_view name) = 0;
    virtual outcome list_ruleset_json() = 0;
    // `nft -j list tables`: the tables alone (family, name, handle). An executor that does
    // not override it lists the whole ruleset, whose "table" objects are the same.
    virtual outcome list_tables_json() { return list_ruleset_json(); }
    // The version of the nft found (`nft --version`), or nothing when it cannot be asked.
    virtual std::optional<nft_version> version() = 0;
    // Does the kernel here (host or namespace) support what the text uses? `nft -c` of the
    // text in this context: ok = supported, rejected = unsupported; any other kind (nft
    // missing, namespace gone, timeout) means the question could not be asked.
    virtual outcome probe(std::string_view script_text) = 0;
    // True when probe() asks the real kernel, so that its answers may be kept per boot and
    // kernel (apply.hpp's probe_cache); false for test doubles.
    [[nodiscard]] virtual bool probes_the_kernel() const noexcept { return false; }

    outcome apply(std::string_view text) { return apply(script(std::string(text))); }
    outcome check(std::string_view text) { return check(script(std::string(text))); }
};

// How a netns_executor enters its namespace (executor_options::netns_entry).
enum class netns_entry {
    setns,    // the runner process enters it with setns(2), then runs nft: one program
    nsenter,  // nsenter --net=PATH -- nft: two programs, one after the other
};

struct executor_options {
    std::optional<std::string> nft_path;      // instead of the standard paths (still must be trusted)
    std::optional<std::string> nsenter_path;  // likewise
    std::chrono::milliseconds timeout{30000};  // per operation; must be > 0 (clamped at 24 days)
    std::size_t capture_limit = default_capture_limit;  // bytes of nft's stdout and of its stderr kept
    netns_entry entry = netns_entry::setns;  // netns_executor: setns in the runner, or nsenter
    std::size_t max_messages = default_max_messages;  // nft errors mapped to origins; the rest are counted
};

}  // namespace nftpp::exec
