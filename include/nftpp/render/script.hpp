// SPDX-License-Identifier: Apache-2.0
#pragma once
// script: the text of one nft transaction plus where each line came from.
// This is the only thing the executors know about the DSL: they load `text` with
// `nft -f -` and, when nft points at a line, ask `origin_of_line` what it was.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nftpp {

// A run of lines [first_line, last_line] (1-based, inclusive) that one node rendered.
struct script_origin {
    std::size_t first_line = 0;
    std::size_t last_line = 0;
    std::string command;  // "replace table inet t", "delete table ip x", "add element ..."
    std::string table;    // "inet t"
    std::string chain;    // empty when the lines are not inside a chain
    long rule = -1;       // 0-based index of the rule in its chain, -1 when not a rule
    std::string text;     // the rendered rule or declaration (first line of it)

    // "table inet t, chain output, rule #3: tcp dport 22 accept"
    [[nodiscard]] std::string describe() const {
        std::string d;
        if (!table.empty()) d += "table " + table;
        if (!chain.empty()) d += (d.empty() ? "" : ", ") + std::string("chain ") + chain;
        if (rule >= 0) d += (d.empty() ? "" : ", ") + std::string("rule #") + std::to_string(rule);
        if (!text.empty()) d += (d.empty() ? "" : ": ") + text;
        if (d.empty()) d = command;
        return d;
    }
};

// The text of a 1-based line of `text`, without its newline.
[[nodiscard]] inline std::string_view script_line(std::string_view text, std::size_t n) noexcept {
    for (std::size_t i = 1; i < n; ++i) {
        auto p = text.find('\n');
        if (p == std::string_view::npos) return {};
        text.remove_prefix(p + 1);
    }
    return text.substr(0, text.find('\n'));
}

class script {
public:
    script() = default;
    explicit script(std::string text, std::vector<script_origin> origins = {})
        : text_(std::move(text)), origins_(std::move(origins)) {}

    [[nodiscard]] const std::string& text() const noexcept { return text_; }
    [[nodiscard]] const std::vector<script_origin>& origins() const noexcept { return origins_; }
    [[nodiscard]] bool empty() const noexcept { return text_.empty(); }

    // The innermost origin covering a 1-based line, or nullptr.
    [[nodiscard]] const script_origin* origin_of_line(std::size_t line) const noexcept {
        const script_origin* best = nullptr;
        for (const auto& o : origins_) {
            if (o.first_line <= line && line <= o.last_line) {
                if (!best || (o.last_line - o.first_line) <= (best->last_line - best->first_line))
                    best = &o;
            }
        }
        return best;
    }

    // The text of a 1-based line, without its newline.
    [[nodiscard]] std::string_view line(std::size_t n) const noexcept { return script_line(text_, n); }

private:
    std::string text_;
    std::vector<script_origin> origins_;
};

}  // namespace nftpp
