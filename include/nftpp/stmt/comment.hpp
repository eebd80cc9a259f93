// SPDX-License-Identifier: Apache-2.0
#pragma once
// comment("..."): a rule comment (at most 128 bytes, no '"', NUL or newline). nft wants
// it last in the rule, once; the chain checks that.
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/text.hpp>

namespace nftpp {

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

}  // namespace nftpp
