#pragma once
// mark_set_t: `meta mark set 0x1` and `ct mark set 0x1`, spelled
// `meta.mark.set(0x1)` and `ct.mark.set(0x1)`.
#include <string_view>

#include <nftpp/core/facts.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/value/number.hpp>

namespace nftpp {

template <bool Conntrack>
struct mark_set_t {
    using statement_tag = void;
    static constexpr part_facts facts{.kind = Conntrack ? stmt_kind::ct_mark_set : stmt_kind::mark_set,
                                      .conntrack = Conntrack};
    mark value;

    template <Sink S>
    friend constexpr void write_nft(S& out, const mark_set_t& m) {
        out.put(Conntrack ? "ct mark set " : "meta mark set ");
        write_nft(out, m.value);
    }
};

}  // namespace nftpp
