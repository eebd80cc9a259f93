// SPDX-License-Identifier: Apache-2.0
#pragma once
// nft_executor: the part host and namespace executors share. It checks the table name,
// finds and opens a trusted nft (and nsenter when asked for) before anything runs, builds
// argv arrays, runs the checked file through its descriptor with tool_environment(), and
// turns nft's exit status and stderr into an outcome. A death by signal is an unknown
// outcome (status_unknown), never "nothing applied".
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nftpp/exec/executor.hpp>
#include <nftpp/exec/fresh_tables.hpp>
#include <nftpp/exec/generation.hpp>
#include <nftpp/exec/process.hpp>
#include <nftpp/exec/table_name.hpp>
#include <nftpp/exec/trust.hpp>

namespace nftpp::exec {

// What an executor runs for one operation, or why nothing can run.
struct launch_plan {
    std::vector<std::string> argv;  // argv[0]: the checked path of the program
    unique_fd program;              // the checked file: run through this descriptor
    unique_fd netns;                // >= 0: enter this network namespace first (setns)
    unique_fd passed;               // nsenter: nft's checked descriptor, exec'd as /proc/self/fd/N
    int programs = 1;               // programs started when all goes well
    outcome problem;                // not ok: nothing runs
};

class nft_executor : public executor {
public:
    using executor::apply;
    using executor::check;

    // Replaces of tables that are not there are loaded without their `delete`, safe
    // against a concurrent writer (fresh_tables.hpp).
    outcome apply(const script& s) override {
        programs_started_ = 0;
        if (launch_plan p = plan(); !p.problem.ok()) return std::move(p.problem);  // nothing is looked at before the checks
        return apply_without_needless_deletes(
            s,
            [&]() -> std::optional<std::vector<table_id>> {
                const std::string_view ns = target_netns_path();
                return ns.empty() ? list_tables() : list_tables_at(std::string(ns));
            },
            [&](const script& x) { return run_script({"-f", "-"}, x); });
    }
    // Loads the script exactly as it is (the replace idiom deletes even an absent table).
    outcome apply_as_is(const script& s) { return run_script({"-f", "-"}, s); }
    outcome check(const script& s) override { return run_script({"-c", "-f", "-"}, s); }

    outcome delete_table(family f, std::string_view name, absent_table when_absent) override {
        programs_started_ = 0;
        if (outcome bad = check_table_name(name); !bad.ok()) return bad;
        const std::string text = "delete table " + std::string(keyword(f)) + " " + std::string(name) + "\n";
        outcome o = run_script({"-f", "-"}, script(text));
        if (o.kind == outcome_kind::rejected && o.err.find("No such file or directory") != std::string::npos) {
            if (when_absent == absent_table::is_success) {
                o = outcome{};
            } else {
                o.kind = outcome_kind::table_absent;
            }
        }
        return o;
    }
    outcome list_table_json(family f, std::string_view name) override {
        programs_started_ = 0;
        if (outcome bad = check_table_name(name); !bad.ok()) return bad;
        return run({"-j", "list", "table", std::string(keyword(f)), std::string(name)}, {}, nullptr);
    }
    outcome list_ruleset_json() override { return run({"-j", "list", "ruleset"}, {}, nullptr); }
    outcome list_tables_json() override { return run({"-j", "list", "tables"}, {}, nullptr); }

    std::optional<nft_version> version() override {
        outcome o = run({"--version"}, {}, nullptr);
        if (!o.ok()) return std::nullopt;
        return nft_version::parse(o.out);
    }
    outcome probe(std::string_view text) override { return run_script({"-c", "-f", "-"}, script(std::string(text))); }
    [[nodiscard]] bool probes_the_kernel() const noexcept override { return true; }

    // The ruleset generation of the target (see generation.hpp): read it before an apply,
    // and again when the outcome is unknown (status_unknown, timed_out) — unchanged means
    // nothing committed. Empty when it cannot be read.
    [[nodiscard]] virtual std::optional<std::uint32_t> ruleset_generation() = 0;

    // The programs the last operation started: 1 (nft) on the host and in a namespace
    // entered with setns; 2 with netns_entry::nsenter (nsenter, which then execs nft in
    // the same process); 1 when nsenter could not enter the namespace (nft never
    // started); 0 when nothing could start (a tool missing or untrusted, a bad name, the
    // namespace missing, setns refused). Never one per rule.
    [[nodiscard]] int processes_per_operation() const noexcept { return programs_started_; }

protected:
    explicit nft_executor(const executor_options& o) : opts_(o) {}

    // The program to run before nft's own arguments, or why nothing can run.
    virtual launch_plan plan() = 0;
    // The network namespace file nft runs in, or empty for the caller's own namespace
    // (where apply() looks at the tables before loading).
    [[nodiscard]] virtual std::string_view target_netns_path() const noexcept { return {}; }

    // Finds nft at the trusted paths (or the explicit one), opened for execution.
    std::pair<tool_lookup, outcome> find_nft() const {
        return find_tool(opts_.nft_path, nft_candidates, outcome_kind::nft_not_found, outcome_kind::nft_untrusted, "nft");
    }
    // Finds nsenter likewise.
    std::pair<tool_lookup, outcome> find_nsenter() const {
        return find_tool(opts_.nsenter_path, nsenter_candidates, outcome_kind::nsenter_not_found,
                         outcome_kind::nsenter_untrusted, "nsenter");
    }

    const executor_options& options() const noexcept { return opts_; }

private:
    static std::string joined(std::span<const std::string_view> paths) {
        std::string s;
        for (std::size_t i = 0; i < paths.size(); ++i) s += (i == 0 ? "" : i + 1 == paths.size() ? " or " : ", ") + std::string(paths[i]);
        return s;
    }

    static std::pair<tool_lookup, outcome> find_tool(const std::optional<std::string>& explicit_path,
                                                     std::span<const std::string_view> candidates, outcome_kind missing,
                                                     outcome_kind untrusted, std::string_view tool) {
        tool_lookup t = explicit_path ? find_trusted_at(*explicit_path) : find_trusted(candidates);
        if (t.path) return {std::move(t), outcome{}};
        outcome o;
        if (t.status == trust_status::not_found && (t.component.empty() || !explicit_path || t.component == *explicit_path)) {
            o.kind = missing;
            o.detail = explicit_path ? "no file at " + *explicit_path : "no " + std::string(tool) + " at " + joined(candidates);
        } else if (t.status == trust_status::not_found) {
            o.kind = missing;
            o.detail = "no file at " + *explicit_path + " (" + t.component + " does not exist or is not a directory)";
        } else {
            o.kind = untrusted;
            o.detail = t.why_rejected() +
                       ": only a regular file owned by root that its group and others cannot write, reached through "
                       "root-owned directories and links that only root can change, is run";
        }
        return {std::move(t), o};
    }

    outcome run_script(std::vector<std::string> args, const script& s) { return run(std::move(args), s.text(), &s); }

    outcome run(std::vector<std::string> args, const std::string& input, const script* s) {
        programs_started_ = 0;
        launch_plan p = plan();
        if (!p.problem.ok()) return std::move(p.problem);
        p.argv.insert(p.argv.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
        process_request req{std::move(p.argv), input, opts_.timeout, tool_environment(), opts_.capture_limit};
        req.exec_fd = p.program.get();
        req.netns_fd = p.netns.get();
        req.pass_fd = p.passed.get();
        const process_result r = run_process(req);
        outcome o;
        o.out = r.out;
        o.err = r.err;
        o.exit_code = r.exit_code;
        if (r.spawn_failed) {
            o.kind = outcome_kind::spawn_failed;
            o.detail = r.failure;
            return o;
        }
        if (r.setns_failed) {
            o.kind = outcome_kind::namespace_enter_failed;
            o.detail = "could not enter the network namespace: " + r.failure + "; nft never ran";
            return o;
        }
        programs_started_ = p.programs;
        const std::string left_behind =
            r.descendants ? "; " + std::to_string(r.descendants) + " process(es) it left behind were killed" : std::string();
        if (r.timed_out) {
            o.kind = outcome_kind::timed_out;
            o.detail = "killed after " + std::to_string(std::min(opts_.timeout, max_process_timeout).count()) + " ms" +
                       "; nft may have committed the transaction before it was killed: compare ruleset_generation() "
                       "from before the apply, or list the ruleset to see" + left_behind;
        } else if (r.wait_failed || r.io_failed) {
            o.kind = outcome_kind::status_unknown;
            o.detail = r.failure + "; nft may have applied the script: compare ruleset_generation() from before the "
                       "apply, or list the ruleset to see" + left_behind;
        } else if (p.programs == 2 && r.exit_code != 0 && o.err.rfind("nsenter: ", 0) == 0) {
            programs_started_ = 1;  // nsenter failed before it could exec nft
            o.kind = outcome_kind::namespace_enter_failed;
            o.detail = o.err.substr(0, o.err.find('\n'));
        } else if (r.term_signal != 0) {
            // the kernel may have committed before nft died: never "nothing applied"
            o.kind = outcome_kind::status_unknown;
            o.detail = "nft was killed by signal " + std::to_string(r.term_signal) + " (" + ::strsignal(r.term_signal) +
                       "); it may have committed the transaction before it died: compare ruleset_generation() from "
                       "before the apply, or list the ruleset to see" + left_behind;
        } else if (r.exit_code != 0) {
            o.kind = outcome_kind::rejected;
            nft_errors e = map_nft_errors(o.err, s, opts_.max_messages);
            o.messages = std::move(e.messages);
            o.messages_dropped = e.dropped;
        } else if (r.out_truncated) {
            o.kind = outcome_kind::output_too_large;
            o.detail = "nft printed more than " + std::to_string(opts_.capture_limit) +
                       " bytes; raise executor_options::capture_limit";
        }
        if (r.err_truncated) o.detail += (o.detail.empty() ? "" : "; ") + std::string("nft's stderr was cut after ") +
                                         std::to_string(opts_.capture_limit) + " bytes";
        if (r.descendants && o.kind != outcome_kind::timed_out && o.kind != outcome_kind::status_unknown)
            o.detail += (o.detail.empty() ? "" : "; ") + std::to_string(r.descendants) +
                        " process(es) nft left behind were killed";
        return o;
    }

    executor_options opts_;
    int programs_started_ = 0;
};

}  // namespace nftpp::exec
