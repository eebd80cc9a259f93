#pragma once
// mark_set_t: `meta mark set 0x1` and `ct mark set 0x1`, spelled
// `meta.mark.set(0x1)` and `ct.mark.set(0x1)`; from a named map:
// `meta.mark.set(tcp.dport, at<"marks">)` is `meta mark set tcp dport map @marks`.
#include <string_view>

#include <nftpp/core/fixed_string.hpp>
#include <nftpp/expr/set_ref.hpp>

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

// `meta mark set SEL map @name`, `ct mark set SEL map @name`
template <bool Conntrack, class Sel, fixed_string Name>
struct mark_set_map_t {
    using statement_tag = void;
    using selector = Sel;
    static constexpr auto map_name = Name;
    static constexpr part_facts facts = [] {
        part_facts f = Sel::facts;
        f.kind = Conntrack ? stmt_kind::ct_mark_set : stmt_kind::mark_set;
        f.conntrack = f.conntrack || Conntrack;
        return f;
    }();
    template <Sink S>
    friend constexpr void write_nft(S& out, const mark_set_map_t&) {
        out.put(Conntrack ? "ct mark set " : "meta mark set ");
        out.put(Sel::keyword);
        out.put(" map @");
        out.put(Name.view());
    }
};

}  // namespace nftpp
