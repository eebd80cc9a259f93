// SPDX-License-Identifier: Apache-2.0
#pragma once
// rel_t<Sel, Op, Rhs>: a match such as `tcp dport 22`, `ip saddr != 10.0.0.0/8`,
// `tcp dport { 22, 80 }` or `ip saddr @allowed`. Selectors are empty types, so a relation
// stores only its right-hand side; its static facts come from the selector and the rhs.
#include <array>
#include <string_view>
#include <type_traits>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

namespace op {
struct eq { static constexpr std::string_view symbol = ""; };
struct ne { static constexpr std::string_view symbol = "!= "; };
struct lt { static constexpr std::string_view symbol = "< "; };
struct gt { static constexpr std::string_view symbol = "> "; };
struct le { static constexpr std::string_view symbol = "<= "; };
struct ge { static constexpr std::string_view symbol = ">= "; };
}  // namespace op

// A right-hand side may add facts (e.g. `meta l4proto tcp` pins the rule to tcp).
template <class Rhs>
constexpr part_facts rhs_facts() {
    if constexpr (requires { Rhs::facts; }) return Rhs::facts;
    else return {};
}

constexpr part_facts merge_match_facts(part_facts sel, part_facts rhs) {
    part_facts f = sel;
    f.is_match = true;
    if (f.l3 == layer3::any) f.l3 = rhs.l3;
    if (f.l4 == layer4::any) f.l4 = rhs.l4;
    f.transport_match = f.transport_match || rhs.transport_match;
    f.runtime_refs = f.runtime_refs || rhs.runtime_refs;
    if (!f.where.restricts()) f.where = rhs.where;
    if (!f.feature) f.feature = rhs.feature;
    return f;
}

// A match against a named set references it with the selector's key type.
template <class Sel, class Rhs>
constexpr auto rel_set_refs() {
    if constexpr (requires { Rhs::is_set_reference; })
        return std::array<set_ref_info, 1>{{{Rhs::name.view(), nft_type_of<typename Sel::value_type>, "set", {}}}};
    else
        return std::array<set_ref_info, 0>{};
}

template <class Sel, class Op, class Rhs>
struct rel_t {
    using match_tag = void;
    using selector = Sel;
    using relation = Op;
    using rhs_type = Rhs;
    // Only a positive match pins the rule: `meta l4proto != tcp` says nothing about tcp.
    static constexpr part_facts facts = [] {
        part_facts f = merge_match_facts(Sel::facts, std::is_same_v<Op, op::eq> ? rhs_facts<Rhs>() : part_facts{});
        f.runtime_refs = f.runtime_refs || rhs_facts<Rhs>().runtime_refs;
        return f;
    }();
    static constexpr auto set_refs = rel_set_refs<Sel, Rhs>();

    Rhs rhs;

    // A set named at run time (at_named): the reference, for a table built at run time.
    [[nodiscard]] std::array<set_ref_info, 1> runtime_set_refs() const
        requires requires { Rhs::is_runtime_set_reference; }
    {
        return {{{rhs.name, nft_type_of<typename Sel::value_type>, "set", {}}}};
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const rel_t& r) {
        out.put(Sel::keyword);
        out.put(' ');
        out.put(Op::symbol);
        write_nft(out, r.rhs);
    }
};

}  // namespace nftpp
