// SPDX-License-Identifier: Apache-2.0
#pragma once
// libnftables_executor: loads scripts through libnftables inside the calling process — no
// nft process at all, one netlink transaction. For a network namespace, each operation
// runs on a dedicated thread that enters the namespace (setns affects only that thread),
// so the caller's own threads never change namespace. Same outcomes as the process
// executors. Available when <nftables/libnftables.h> is (Debian: libnftables-dev); link
// with -lnftables (CMake: the nftables library). libnftables does not report its version:
// version() is empty — use probe() to ask what the kernel supports. Its errors carry no
// line number when it reads a buffer, so messages have no origin (the process executors
// map each error to its rule). Names and paths are checked as for netns_executor
// (netns_path.hpp), table names as for every executor (table_name.hpp). No timeout and
// no capture limit apply: the work happens in the calling process. Each operation makes
// and frees a context (and so closes a netlink socket); persistent_executor.hpp keeps one.
#if __has_include(<nftables/libnftables.h>)
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <nftables/libnftables.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include <nftpp/exec/executor.hpp>
#include <nftpp/exec/fresh_tables.hpp>
#include <nftpp/exec/netns_path.hpp>
#include <nftpp/exec/persistent_executor.hpp>
#include <nftpp/exec/table_name.hpp>

#ifndef NFTPP_HAS_LIBNFTABLES
#define NFTPP_HAS_LIBNFTABLES 1
#endif

namespace nftpp::exec {

class libnftables_executor final : public executor {
public:
    using executor::apply;
    using executor::check;

    // In the caller's own network namespace.
    libnftables_executor() = default;
    // Inside the namespace at `path` (/var/run/netns/NAME, /proc/PID/ns/net).
    [[nodiscard]] static libnftables_executor at_path(std::string path) {
        libnftables_executor e;
        e.invalid_ = check_netns_path(path);
        e.netns_path_ = std::move(path);
        return e;
    }
    // A namespace created with `ip netns add NAME`.
    [[nodiscard]] static libnftables_executor named(std::string_view name) {
        libnftables_executor e;
        e.invalid_ = check_netns_name(name);
        e.netns_path_ = std::string(netns_directory) + std::string(name);
        return e;
    }

    // Replaces of tables that are not there are loaded without their `delete`, safe
    // against a concurrent writer (fresh_tables.hpp).
    outcome apply(const script& s) override {
        if (!invalid_.ok()) return invalid_;
        if (!netns_path_.empty())
            if (outcome bad = check_netns_file(netns_path_); !bad.ok()) return bad;
        return apply_without_needless_deletes(
            s,
            [&]() -> std::optional<std::vector<table_id>> {
                return netns_path_.empty() ? list_tables() : list_tables_at(netns_path_);
            },
            [&](const script& x) { return run(x.text(), false, false, &x); });
    }
    // Loads the script exactly as it is (the replace idiom deletes even an absent table).
    outcome apply_as_is(const script& s) { return run(s.text(), false, false, &s); }
    outcome check(const script& s) override { return run(s.text(), true, false, &s); }
    outcome delete_table(family f, std::string_view name, absent_table when_absent) override {
        if (outcome bad = check_table_name(name); !bad.ok()) return bad;
        outcome o = run("delete table " + std::string(keyword(f)) + " " + std::string(name) + "\n", false, false, nullptr);
        if (o.kind == outcome_kind::rejected && o.err.find("No such file or directory") != std::string::npos) {
            if (when_absent == absent_table::is_success) o = outcome{};
            else o.kind = outcome_kind::table_absent;
        }
        return o;
    }
    outcome list_table_json(family f, std::string_view name) override {
        if (outcome bad = check_table_name(name); !bad.ok()) return bad;
        return run("list table " + std::string(keyword(f)) + " " + std::string(name), false, true, nullptr);
    }
    outcome list_ruleset_json() override { return run("list ruleset", false, true, nullptr); }
    outcome list_tables_json() override { return run("list tables", false, true, nullptr); }
    std::optional<nft_version> version() override { return std::nullopt; }
    outcome probe(std::string_view text) override { return run(std::string(text), true, false, nullptr); }
    [[nodiscard]] bool probes_the_kernel() const noexcept override { return true; }

private:
    outcome run(const std::string& text, bool dry_run, bool json, const script* s) {
        outcome o;
        auto body = [&] {
            if (json) {  // in a child: libnftables' JSON listing aborts on a name that is not UTF-8
                o = detail::list_json_in_child(text);
                return;
            }
            nft_ctx* ctx = nft_ctx_new(NFT_CTX_DEFAULT);
            if (!ctx) {
                o.kind = outcome_kind::spawn_failed;
                o.detail = "nft_ctx_new failed";
                return;
            }
            nft_ctx_buffer_output(ctx);
            nft_ctx_buffer_error(ctx);
            if (dry_run) nft_ctx_set_dry_run(ctx, true);
            if (json) nft_ctx_output_set_flags(ctx, NFT_CTX_OUTPUT_JSON);
            const int rc = nft_run_cmd_from_buffer(ctx, text.c_str());
            o.out = nft_ctx_get_output_buffer(ctx);
            o.err = nft_ctx_get_error_buffer(ctx);
            o.exit_code = rc == 0 ? 0 : 1;
            if (rc != 0) {
                o.kind = outcome_kind::rejected;
                o.messages = parse_nft_errors(o.err, s);
            }
            nft_ctx_free(ctx);
        };
        if (!invalid_.ok()) return invalid_;
        if (netns_path_.empty()) {
            body();
            return o;
        }
        if (outcome bad = check_netns_file(netns_path_); !bad.ok()) return bad;
        const int fd = ::open(netns_path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (fd < 0) {
            o.kind = outcome_kind::namespace_missing;
            o.detail = netns_path_ + ": " + std::strerror(errno);
            return o;
        }
        std::thread worker([&] {
            if (::setns(fd, CLONE_NEWNET) != 0) {
                o.kind = outcome_kind::namespace_enter_failed;
                o.detail = "setns into " + netns_path_ + " failed: " + std::strerror(errno);
                return;
            }
            body();
        });
        worker.join();
        ::close(fd);
        return o;
    }

    std::string netns_path_;
    outcome invalid_;
};

}  // namespace nftpp::exec
#endif
