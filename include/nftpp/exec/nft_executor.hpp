#pragma once
// nft_executor: the part host and namespace executors share. It finds a trusted nft (and
// nsenter when needed) before anything runs, builds argv arrays, and turns nft's exit
// status and stderr into an outcome.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nftpp/exec/executor.hpp>
#include <nftpp/exec/process.hpp>
#include <nftpp/exec/trust.hpp>

namespace nftpp::exec {

class nft_executor : public executor {
public:
    using executor::apply;
    using executor::check;

    outcome apply(const script& s) override { return run_script({"-f", "-"}, s); }
    outcome check(const script& s) override { return run_script({"-c", "-f", "-"}, s); }

    outcome delete_table(family f, std::string_view name, absent_table when_absent) override {
        const std::string text = "delete table " + std::string(keyword(f)) + " " + std::string(name) + "\n";
        outcome o = run_script({"-f", "-"}, script(text));
        if (!o.ok() && o.kind == outcome_kind::rejected && o.err.find("No such file or directory") != std::string::npos) {
            if (when_absent == absent_table::is_success) {
                o = outcome{};
            } else {
                o.kind = outcome_kind::table_absent;
            }
        }
        return o;
    }
    outcome list_table_json(family f, std::string_view name) override {
        return run({"-j", "list", "table", std::string(keyword(f)), std::string(name)}, {}, nullptr);
    }
    outcome list_ruleset_json() override { return run({"-j", "list", "ruleset"}, {}, nullptr); }

    std::optional<nft_version> version() override {
        outcome o = run({"--version"}, {}, nullptr);
        if (!o.ok()) return std::nullopt;
        return nft_version::parse(o.out);
    }
    bool probe(std::string_view text) override { return run_script({"-c", "-f", "-"}, script(std::string(text))).ok(); }

    // How many processes the last operation started (1 for the host, 2 with nsenter).
    [[nodiscard]] int processes_per_operation() const noexcept { return uses_nsenter_ ? 2 : 1; }

protected:
    explicit nft_executor(const executor_options& o, bool uses_nsenter) : opts_(o), uses_nsenter_(uses_nsenter) {}

    // The argv before nft's own arguments, or an outcome explaining why nothing can run.
    virtual std::pair<std::vector<std::string>, outcome> prefix() = 0;

    // Finds nft at the trusted paths (or the explicit one).
    std::pair<std::string, outcome> find_nft() const {
        tool_lookup t = opts_.nft_path ? tool_lookup{} : find_trusted(nft_candidates);
        if (opts_.nft_path) {
            const trust_status s = check_trusted_binary(*opts_.nft_path);
            if (s == trust_status::trusted) t.path = *opts_.nft_path;
            t.status = s;
            t.rejected = *opts_.nft_path;
        }
        if (t.path) return {*t.path, outcome{}};
        outcome o;
        if (t.status == trust_status::not_found) {
            o.kind = outcome_kind::nft_not_found;
            o.detail = opts_.nft_path ? "no file at " + *opts_.nft_path : "no nft at /usr/sbin/nft, /sbin/nft or /usr/bin/nft";
        } else {
            o.kind = outcome_kind::nft_untrusted;
            o.detail = t.rejected + " is " + std::string(to_string(t.status));
        }
        return {{}, o};
    }

    const executor_options& options() const noexcept { return opts_; }

private:
    outcome run_script(std::vector<std::string> args, const script& s) { return run(std::move(args), s.text(), &s); }

    outcome run(std::vector<std::string> args, const std::string& input, const script* s) {
        auto [argv, problem] = prefix();
        if (!problem.ok()) return problem;
        argv.insert(argv.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
        const process_result r = run_process(process_request{std::move(argv), input, opts_.timeout});
        outcome o;
        o.out = r.out;
        o.err = r.err;
        o.exit_code = r.exit_code;
        if (r.spawn_failed) {
            o.kind = outcome_kind::spawn_failed;
            o.detail = std::string(std::strerror(r.spawn_errno));
        } else if (r.timed_out) {
            o.kind = outcome_kind::timed_out;
            o.detail = "killed after " + std::to_string(opts_.timeout.count()) + " ms";
        } else if (r.term_signal != 0) {
            o.kind = outcome_kind::rejected;
            o.detail = "nft was killed by signal " + std::to_string(r.term_signal);
        } else if (r.exit_code != 0) {
            o.kind = outcome_kind::rejected;
            o.messages = parse_nft_errors(o.err, s);
        }
        return o;
    }

    executor_options opts_;
    bool uses_nsenter_;
};

}  // namespace nftpp::exec
