// SPDX-License-Identifier: Apache-2.0
#pragma once
// comment("..."): a rule comment (at most 128 bytes, no '"', NUL or newline). nft wants
// it last in the rule, once; the chain checks that. The same comment("...") is a
// declaration's comment when given to a table, a chain (an argument beside its rules), a
// set or a map (with its flags: set_flag::interval | comment("...")): once each.
#include <string_view>
#include <type_traits>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/text.hpp>

namespace nftpp {

NFTPP_CHECK(one_comment_per_declaration,
    "a table, chain, set or map takes at most one comment(\"...\") (nft: You can only specify this once. This statement is duplicated.): join the texts into one")

struct comment_t {
    using statement_tag = void;
    static constexpr part_facts facts{.last = true};
    comment_text text;

    template <Sink S>
    friend constexpr void write_nft(S& out, const comment_t& c) {
        out.put("comment ");
        write_nft(out, c.text);
    }
};

[[nodiscard]] constexpr comment_t comment(comment_text text) noexcept { return {text}; }

template <class T>
inline constexpr bool is_comment_v = std::is_same_v<T, comment_t>;

// A declaration's `comment "..."` line (a table's or a chain's).
template <Sink S>
constexpr void write_comment_line(S& out, const comment_text& c, std::string_view indent) {
    out.put(indent);
    out.put("comment ");
    write_nft(out, c);
    out.put('\n');
}

}  // namespace nftpp
