#pragma once
// recording_executor: an executor for unit tests that run without root. It records every
// call (operation and script text) and answers with outcomes the test queues, or ok.
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nftpp/exec/executor.hpp>

namespace nftpp::testing {

class recording_executor final : public exec::executor {
public:
    struct call {
        std::string operation;  // "apply", "check", "delete_table", "list_table_json", "list_ruleset_json", "version", "probe"
        std::string text;       // the script, or the arguments
    };

    std::vector<call> calls;
    std::deque<exec::outcome> queued;            // answered in order, then ok
    std::vector<std::string> failing_probes;     // probe() is false when the text contains one of these
    std::optional<exec::nft_version> reported_version = exec::nft_version{1, 0, 6};

    exec::outcome apply(const script& s) override { return answer("apply", s.text()); }
    exec::outcome check(const script& s) override { return answer("check", s.text()); }
    exec::outcome delete_table(family f, std::string_view name, exec::absent_table) override {
        return answer("delete_table", std::string(keyword(f)) + " " + std::string(name));
    }
    exec::outcome list_table_json(family f, std::string_view name) override {
        return answer("list_table_json", std::string(keyword(f)) + " " + std::string(name));
    }
    exec::outcome list_ruleset_json() override { return answer("list_ruleset_json", {}); }
    std::optional<exec::nft_version> version() override {
        calls.push_back({"version", {}});
        return reported_version;
    }
    bool probe(std::string_view text) override {
        calls.push_back({"probe", std::string(text)});
        for (const auto& f : failing_probes)
            if (text.find(f) != std::string_view::npos) return false;
        return true;
    }

    // The scripts passed to apply(), in order.
    [[nodiscard]] std::vector<std::string> applied() const {
        std::vector<std::string> out;
        for (const auto& c : calls)
            if (c.operation == "apply") out.push_back(c.text);
        return out;
    }

private:
    exec::outcome answer(std::string op, std::string text) {
        calls.push_back({std::move(op), std::move(text)});
        if (queued.empty()) return {};
        exec::outcome o = std::move(queued.front());
        queued.pop_front();
        return o;
    }
};

}  // namespace nftpp::testing
