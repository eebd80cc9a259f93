// SPDX-License-Identifier: Apache-2.0
#pragma once
// mark_set_t: `meta mark set 0x1` and `ct mark set 0x1`, spelled
// `meta.mark.set(0x1)` and `ct.mark.set(0x1)`; from a named map:
// `meta.mark.set(tcp.dport, at<"marks">)` is `meta mark set tcp dport map @marks`; from
// another mark or an expression of one: `meta.mark.set(meta.mark | 0x4000)` is
// `meta mark set meta mark | 0x00004000`, `ct.mark.set(meta.mark & 0xffff)`,
// `meta.mark.set(ct.mark)`. Either side being ct needs conntrack.
#include <array>
#include <string_view>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/expr/bitwise.hpp>
#include <nftpp/expr/ct.hpp>
#include <nftpp/expr/mark_setter.hpp>
#include <nftpp/expr/set_ref.hpp>

#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/number.hpp>

namespace nftpp {

template <bool Conntrack>
struct mark_set_t {
    using statement_tag = void;
    static constexpr part_facts facts = Conntrack ? ct_facts : part_facts{};
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
        f.is_match = false;
        if (Conntrack && !f.feature) {
            f.where = ct_facts.where;
            f.feature = ct_facts.feature;
        }
        return f;
    }();
    static constexpr std::array<set_ref_info, 1> set_refs{{{Name.view(), nft_type_of<typename Sel::value_type>, "map", nft_type_of<mark>}}};
    template <Sink S>
    friend constexpr void write_nft(S& out, const mark_set_map_t&) {
        out.put(Conntrack ? "ct mark set " : "meta mark set ");
        out.put(Sel::keyword);
        out.put(" map @");
        out.put(Name.view());
    }
};

// `meta mark set EXPR`, `ct mark set EXPR`: EXPR a mark field, masked, or'd or xor'ed.
template <bool Conntrack, class Src>
struct mark_set_expr_t {
    using statement_tag = void;
    static constexpr part_facts facts = [] {
        if (Conntrack) return ct_facts;
        part_facts f = Src::facts;
        f.is_match = false;
        return f;
    }();
    mark_expr_t<Src> value;

    template <Sink S>
    friend constexpr void write_nft(S& out, const mark_set_expr_t& m) {
        out.put(Conntrack ? "ct mark set " : "meta mark set ");
        write_nft(out, m.value);
    }
};

}  // namespace nftpp
