// SPDX-License-Identifier: Apache-2.0
#pragma once
// unchecked("..."): nft text that nftpp does not model yet, as one part of a rule.
//   tcp.flags == syn >> unchecked("tcp option maxseg size set rt mtu")
//   chain<"c">(unchecked("meter flood { ip saddr limit rate over 10/second } drop"))
// The text is placed, ordered and reported like any other part: it is rendered where it
// stands in its rule, and nft's errors about it point at the rule's origin (table,
// chain, rule index). It is unchecked: nftpp knows nothing of what it matches or does, so
// the rule's shape, hooks and families are checked for its other parts only, and the
// kernel has the last word. Its facts are a plain statement's (not a verdict, not
// terminal).
// What nftpp does check is that the text stays inside its rule: one line, no ';' (which
// would start another rule), no '#' (which would comment out the rest of the line), braces
// and quotes balanced, no control characters, at most 4096 bytes. A text that breaks this
// is refused with value_error when it is given, so it can never end its chain or inject a
// command.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

NFTPP_RULE(unchecked_text_stays_inside_its_rule,
           "unchecked(\"...\") takes one line of nft text that stays inside its rule: no newline, ';' or '#' outside "
           "quotes, balanced braces and quotes, no control characters, 1 to 4096 bytes")

namespace detail {
// Where the text breaks the rule (its offset), or npos when it is fine.
[[nodiscard]] constexpr std::size_t unchecked_text_fault(std::string_view s) noexcept {
    constexpr std::size_t npos = std::string_view::npos;
    if (s.empty() || s.size() > 4096) return 0;
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) return i;  // newline, tab, NUL ...
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (quoted) continue;
        if (c == ';' || c == '#') return i;
        if (c == '{') ++depth;
        if (c == '}' && --depth < 0) return i;
    }
    if (quoted || depth != 0) return s.size();
    return npos;
}
}  // namespace detail

struct unchecked_t {
    using statement_tag = void;
    static constexpr part_facts facts{};
    std::string text;

    template <Sink S>
    friend constexpr void write_nft(S& out, const unchecked_t& u) {
        out.put(u.text);
    }
};

[[nodiscard]] inline unchecked_t unchecked(std::string text) {
    if (const std::size_t at = detail::unchecked_text_fault(text); at != std::string_view::npos)
        throw value_error(error{&rules::unchecked_text_stays_inside_its_rule, at}, text);
    return {std::move(text)};
}

}  // namespace nftpp
