#pragma once
// notrack: exempt the packet from connection tracking. It only has an effect before
// conntrack runs (prerouting or output, priority below -200).
#include <nftpp/core/facts.hpp>
#include <nftpp/render/sink.hpp>

namespace nftpp {

struct notrack_t {
    using statement_tag = void;
    static constexpr part_facts facts{.kind = stmt_kind::notrack};

    template <Sink S>
    friend constexpr void write_nft(S& out, const notrack_t&) {
        out.put("notrack");
    }
};
inline constexpr notrack_t notrack{};

}  // namespace nftpp
