// SPDX-License-Identifier: Apache-2.0
#pragma once
// counter: count packets and bytes that reach this point of the rule.
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

struct counter_t {
    using statement_tag = void;
    static constexpr part_facts facts{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const counter_t&) {
        out.put("counter");
    }
};
inline constexpr counter_t counter{};

}  // namespace nftpp
