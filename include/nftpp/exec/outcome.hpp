#pragma once
// outcome: what happened when an executor ran nft. Failing to find or trust a tool, an
// invalid or missing namespace, nft refusing the ruleset and a timeout are distinct
// kinds, so a caller can degrade gracefully (start a sandbox without its fence and say
// so) instead of treating every failure alike. When nft points at a line of the script,
// the message carries the table, chain and rule that line came from.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nftpp/render/script.hpp>

namespace nftpp::exec {

enum class outcome_kind {
    ok,
    nft_not_found,      // no nft at the trusted paths: run without nftables, and say so
    nft_untrusted,      // an nft exists but is not root-owned or is writable by others
    nsenter_not_found,
    nsenter_untrusted,
    namespace_invalid,  // the namespace name or path is malformed ('/', "..", empty), or names another kind of namespace
    namespace_missing,  // no network namespace there (nothing, or a plain file)
    namespace_enter_failed,  // nsenter (or setns) could not enter it, e.g. EPERM: nft never ran
    invalid_name,       // a table name that nft cannot take (not an identifier, or a keyword): nothing ran
    rejected,           // nft ran and refused: nothing was applied
    timed_out,          // nft was killed after the timeout: it may have committed first; list to verify
    status_unknown,     // nft ran but how it ended was lost (waitpid or poll failed): list to verify
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
        case outcome_kind::status_unknown: return "nft's exit status is unknown";
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
    std::vector<nft_message> messages;

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
        if (messages.empty() && !err.empty() && kind != outcome_kind::ok) d += "\n" + err;
        return d;
    }
};

// Parses nft's error lines ("/dev/stdin:17:5-14: Error: ...") and maps them to origins.
[[nodiscard]] inline std::vector<nft_message> parse_nft_errors(std::string_view err, const script* s) {
    std::vector<nft_message> out;
    while (!err.empty()) {
        const auto eol = err.find('\n');
        std::string_view line = err.substr(0, eol);
        err = eol == std::string_view::npos ? std::string_view{} : err.substr(eol + 1);
        nft_message m;
        if (line.rfind("Error: ", 0) == 0) {  // no location (libnftables reading a buffer)
            m.message = std::string(line.substr(7));
            out.push_back(std::move(m));
            continue;
        }
        const auto e = line.find(": Error: ");
        if (e == std::string_view::npos) continue;
        m.message = std::string(line.substr(e + 9));
        // FILE:LINE:COL[-COL]
        std::string_view loc = line.substr(0, e);
        const auto c1 = loc.find(':');
        if (c1 != std::string_view::npos) {
            std::string_view rest = loc.substr(c1 + 1);
            std::size_t n = 0, i = 0;
            while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') n = n * 10 + static_cast<std::size_t>(rest[i++] - '0');
            if (i > 0) {
                m.line = n;
                if (i < rest.size() && rest[i] == ':') {
                    std::size_t col = 0, j = i + 1;
                    while (j < rest.size() && rest[j] >= '0' && rest[j] <= '9') col = col * 10 + static_cast<std::size_t>(rest[j++] - '0');
                    m.column = col;
                }
            }
        }
        if (s && m.line > 0) {
            if (const script_origin* o = s->origin_of_line(m.line)) m.origin = *o;
            m.source_line = std::string(s->line(m.line));
        }
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace nftpp::exec
