// SPDX-License-Identifier: Apache-2.0
#pragma once
// outcome: what happened when an executor ran nft. Failing to find or trust a tool, an
// invalid or missing namespace, nft refusing the ruleset and a timeout are distinct
// kinds, so a caller can degrade gracefully (start a sandbox without its fence and say
// so) instead of treating every failure alike. When nft points at a line of the script,
// the message carries the table, chain and rule that line came from.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nftpp/render/script.hpp>

namespace nftpp::exec {

// nft errors mapped back to the script by default; further ones are only counted.
inline constexpr std::size_t default_max_messages = 1000;

enum class outcome_kind {
    ok,
    nft_not_found,      // no nft at the trusted paths: run without nftables, and say so
    nft_untrusted,      // an nft exists but is not root-owned or is writable by others
    nsenter_not_found,
    nsenter_untrusted,
    namespace_invalid,  // the namespace name or path is malformed ('/', "..", empty), or names another kind of namespace
    namespace_missing,  // no network namespace there (nothing, or a plain file)
    namespace_enter_failed,  // setns (or nsenter) could not enter it, e.g. EPERM: nft never ran
    invalid_name,       // a table name that nft cannot take (not an identifier, or a keyword): nothing ran
    rejected,           // nft ran and refused: nothing was applied
    timed_out,          // nft was killed after the timeout: it may have committed first; list to verify
    status_unknown,     // nft ran but whether it committed is unknown: killed by a signal, or how it ended was lost
                        // (its runner died, or poll failed); compare ruleset_generation() or list to verify
    output_too_large,   // nft succeeded but printed more than executor_options::capture_limit
    spawn_failed,       // the process could not start: nothing ran
    table_absent,       // delete_table on a table that does not exist (when asked to report it)
};

[[nodiscard]] constexpr std::string_view to_string(outcome_kind k) noexcept {
    switch (k) {
        case outcome_kind::ok: return "ok";
        case outcome_kind::nft_not_found: return "nft not found";
        case outcome_kind::nft_untrusted: return "nft not trusted";
        case outcome_kind::nsenter_not_found: return "nsenter not found";
        case outcome_kind::nsenter_untrusted: return "nsenter not trusted";
        case outcome_kind::namespace_invalid: return "invalid network namespace";
        case outcome_kind::namespace_missing: return "network namespace does not exist";
        case outcome_kind::namespace_enter_failed: return "could not enter the network namespace";
        case outcome_kind::invalid_name: return "invalid table name";
        case outcome_kind::rejected: return "nft refused the ruleset";
        case outcome_kind::timed_out: return "nft timed out";
        case outcome_kind::status_unknown: return "whether nft applied anything is unknown";
        case outcome_kind::output_too_large: return "nft's output is too large";
        case outcome_kind::spawn_failed: return "could not start nft";
        case outcome_kind::table_absent: return "table does not exist";
    }
    return "?";
}

// One "FILE:LINE:COL: Error: MSG" of nft, mapped back to the script.
struct nft_message {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string message;
    std::optional<script_origin> origin;
    std::string source_line;
};

struct outcome {
    outcome_kind kind = outcome_kind::ok;
    int exit_code = 0;
    std::string out;   // nft's stdout (the JSON of a listing)
    std::string err;   // nft's stderr
    std::string detail;  // what nftpp knows beyond nft's words (a path, a trust problem)
    std::vector<nft_message> messages;  // at most executor_options::max_messages
    std::size_t messages_dropped = 0;   // nft's further error lines, counted but not mapped

    [[nodiscard]] bool ok() const noexcept { return kind == outcome_kind::ok; }

    // One readable paragraph: the kind, then each nft error with the rule it points at.
    [[nodiscard]] std::string describe() const {
        std::string d(to_string(kind));
        if (!detail.empty()) d += ": " + detail;
        for (const auto& m : messages) {
            d += "\n  line " + std::to_string(m.line) + ": " + m.message;
            if (m.origin) d += "\n    in " + m.origin->describe();
            else if (!m.source_line.empty()) d += "\n    at: " + m.source_line;
        }
        if (messages_dropped)
            d += "\n  ... and " + std::to_string(messages_dropped) + " more error(s) of nft, not mapped (executor_options::max_messages)";
        if (messages.empty() && !err.empty() && kind != outcome_kind::ok) d += "\n" + err;
        return d;
    }
};

// nft's errors, mapped: at most `max` messages are kept, the others only counted.
struct nft_errors {
    std::vector<nft_message> messages;
    std::size_t dropped = 0;  // error lines beyond the limit
};

namespace detail {

// The innermost origin covering each of the sorted `lines` (nullptr where none does), in
// one sweep: origins enter a heap ordered by length when the sweep reaches their first
// line and leave it lazily once it has passed their last. O((origins + lines) log origins).
// Among origins of equal length, the later one wins, as script::origin_of_line does.
inline std::vector<const script_origin*> innermost_origins(const std::vector<script_origin>& origins,
                                                           const std::vector<std::size_t>& lines) {
    std::vector<const script_origin*> out(lines.size(), nullptr);
    std::vector<std::size_t> by_first(origins.size());
    for (std::size_t i = 0; i < by_first.size(); ++i) by_first[i] = i;
    std::sort(by_first.begin(), by_first.end(),
              [&](std::size_t a, std::size_t b) { return origins[a].first_line < origins[b].first_line; });
    const auto length = [&](std::size_t i) { return origins[i].last_line - origins[i].first_line; };
    // a max-heap whose top is the shortest origin, the later one among equals
    const auto after = [&](std::size_t a, std::size_t b) { return length(a) != length(b) ? length(a) > length(b) : a < b; };
    std::vector<std::size_t> heap;
    std::size_t next = 0;
    for (std::size_t q = 0; q < lines.size(); ++q) {
        const std::size_t line = lines[q];
        while (next < by_first.size() && origins[by_first[next]].first_line <= line) {
            heap.push_back(by_first[next++]);
            std::push_heap(heap.begin(), heap.end(), after);
        }
        while (!heap.empty() && origins[heap.front()].last_line < line) {
            std::pop_heap(heap.begin(), heap.end(), after);
            heap.pop_back();
        }
        if (!heap.empty()) out[q] = &origins[heap.front()];
    }
    return out;
}

}  // namespace detail

// Parses nft's error lines ("/dev/stdin:17:5-14: Error: ...") and maps them to origins:
// one pass over the messages, one over the script's text (an index of line starts) and
// one sweep over its origins, so the cost is linear in the input (and n log n in the
// origins), however many errors nft prints. At most `max` messages are kept.
[[nodiscard]] inline nft_errors map_nft_errors(std::string_view err, const script* s, std::size_t max = default_max_messages) {
    nft_errors out;
    while (!err.empty()) {
        const auto eol = err.find('\n');
        std::string_view line = err.substr(0, eol);
        err = eol == std::string_view::npos ? std::string_view{} : err.substr(eol + 1);
        const bool bare = line.rfind("Error: ", 0) == 0;  // no location (libnftables reading a buffer)
        const auto e = bare ? std::string_view::npos : line.find(": Error: ");
        if (!bare && e == std::string_view::npos) continue;
        if (out.messages.size() >= max) {
            ++out.dropped;
            continue;
        }
        nft_message m;
        if (bare) {
            m.message = std::string(line.substr(7));
            out.messages.push_back(std::move(m));
            continue;
        }
        m.message = std::string(line.substr(e + 9));
        // FILE:LINE:COL[-COL]
        std::string_view loc = line.substr(0, e);
        const auto c1 = loc.find(':');
        if (c1 != std::string_view::npos) {
            std::string_view rest = loc.substr(c1 + 1);
            std::size_t n = 0, i = 0;
            while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9' && n < (std::size_t{1} << 40))
                n = n * 10 + static_cast<std::size_t>(rest[i++] - '0');
            if (i > 0) {
                m.line = n;
                if (i < rest.size() && rest[i] == ':') {
                    std::size_t col = 0, j = i + 1;
                    while (j < rest.size() && rest[j] >= '0' && rest[j] <= '9' && col < (std::size_t{1} << 40))
                        col = col * 10 + static_cast<std::size_t>(rest[j++] - '0');
                    m.column = col;
                }
            }
        }
        out.messages.push_back(std::move(m));
    }
    if (!s) return out;
    // the lines asked about, in order
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < out.messages.size(); ++i)
        if (out.messages[i].line > 0) order.push_back(i);
    if (order.empty()) return out;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return out.messages[a].line < out.messages[b].line; });
    std::vector<std::size_t> lines(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) lines[i] = out.messages[order[i]].line;
    const std::vector<const script_origin*> origin = detail::innermost_origins(s->origins(), lines);
    // line starts, up to the last line asked about
    const std::string& text = s->text();
    std::vector<std::size_t> starts{0};
    for (std::size_t p = 0; starts.size() < lines.back() && (p = text.find('\n', p)) != std::string::npos; ++p)
        starts.push_back(p + 1);
    for (std::size_t i = 0; i < order.size(); ++i) {
        nft_message& m = out.messages[order[i]];
        if (origin[i]) m.origin = *origin[i];
        if (m.line <= starts.size()) {
            const std::size_t b = starts[m.line - 1];
            const std::size_t nl = text.find('\n', b);
            m.source_line = text.substr(b, nl == std::string::npos ? std::string::npos : nl - b);
        }
    }
    return out;
}

// The kept messages of map_nft_errors (at most default_max_messages).
[[nodiscard]] inline std::vector<nft_message> parse_nft_errors(std::string_view err, const script* s) {
    return map_nft_errors(err, s).messages;
}

}  // namespace nftpp::exec
