// SPDX-License-Identifier: Apache-2.0
#pragma once
// notrack: exempt the packet from connection tracking. It only has an effect before
// conntrack runs (prerouting or output, priority below -200).
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

NFTPP_FEATURE(notrack, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tnotrack\n\t}\n}\n")

struct notrack_t {
    using statement_tag = void;
    static constexpr part_facts facts{.feature = &feature::notrack};

    template <Sink S>
    friend constexpr void write_nft(S& out, const notrack_t&) {
        out.put("notrack");
    }
};
inline constexpr notrack_t notrack{};

}  // namespace nftpp
