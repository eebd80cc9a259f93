// SPDX-License-Identifier: Apache-2.0
#pragma once
// recording_executor: an executor for unit tests that run without root. It records every
// call (operation, script text or arguments, and delete_table's absent_table choice) and
// answers with outcomes the test queues, or ok. probe() and version() answer what the
// test configures.
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nftpp/exec/executor.hpp>

namespace nftpp::testing {

class recording_executor final : public exec::executor {
public:
    struct call {
        std::string operation;  // "apply", "check", "delete_table", "list_table_json", "list_ruleset_json",
                                // "list_tables_json", "version", "probe"
        std::string text;       // the script, or the arguments ("inet t")
        std::optional<exec::absent_table> when_absent = std::nullopt;  // delete_table only
    };

    std::vector<call> calls;
    std::deque<exec::outcome> queued;  // answers of apply, check, delete_table and the listings, in order; then ok
    // probe(): probe_answer(text) when set; else `rejected` when the text contains one of
    // failing_probes (the feature is missing); else ok.
    std::function<exec::outcome(std::string_view)> probe_answer;
    std::vector<std::string> failing_probes;
    std::optional<exec::nft_version> reported_version = exec::nft_version{1, 0, 6};  // what version() answers
    // What probes_the_kernel() answers: true lets apply_with_probes keep this double's
    // probe answers in the probe_cache it is given (tests of the cache itself).
    bool answers_for_kernel = false;

    exec::outcome apply(const script& s) override { return answer("apply", s.text()); }
    exec::outcome check(const script& s) override { return answer("check", s.text()); }
    exec::outcome delete_table(family f, std::string_view name, exec::absent_table when_absent) override {
        return answer("delete_table", std::string(keyword(f)) + " " + std::string(name), when_absent);
    }
    exec::outcome list_table_json(family f, std::string_view name) override {
        return answer("list_table_json", std::string(keyword(f)) + " " + std::string(name));
    }
    exec::outcome list_ruleset_json() override { return answer("list_ruleset_json", {}); }
    exec::outcome list_tables_json() override { return answer("list_tables_json", {}); }
    std::optional<exec::nft_version> version() override {
        calls.push_back({"version", {}});
        return reported_version;
    }
    [[nodiscard]] bool probes_the_kernel() const noexcept override { return answers_for_kernel; }
    exec::outcome probe(std::string_view text) override {
        calls.push_back({"probe", std::string(text)});
        if (probe_answer) return probe_answer(text);
        exec::outcome o;
        for (const auto& f : failing_probes) {
            if (text.find(f) != std::string_view::npos) {
                o.kind = exec::outcome_kind::rejected;
                o.detail = "recording_executor: the probe contains \"" + f + "\"";
                break;
            }
        }
        return o;
    }

    using exec::executor::apply;
    using exec::executor::check;

    // The scripts passed to apply(), in order.
    [[nodiscard]] std::vector<std::string> applied() const {
        std::vector<std::string> out;
        for (const auto& c : calls)
            if (c.operation == "apply") out.push_back(c.text);
        return out;
    }

private:
    exec::outcome answer(std::string op, std::string text, std::optional<exec::absent_table> when_absent = std::nullopt) {
        calls.push_back({std::move(op), std::move(text), when_absent});
        if (queued.empty()) return {};
        exec::outcome o = std::move(queued.front());
        queued.pop_front();
        return o;
    }
};

}  // namespace nftpp::testing
