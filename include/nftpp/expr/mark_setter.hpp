// SPDX-License-Identifier: Apache-2.0
#pragma once
// mark_setter: the `.set(...)` of the mark selectors, `meta.mark.set(0x2)` and
// `ct.mark.set(0x1)`, `meta.mark.set(tcp.dport, at<"marks">)`. The statements they build
// (mark_set_t, mark_set_map_t) are statements, defined in stmt/mark.hpp: here they are
// only named, and the member templates are instantiated where a rule uses them (the
// umbrella header, or stmt/mark.hpp, brings the definitions). So expr/ names no header
// of stmt/, and stmt/ builds on expr/. Setting from another mark or an expression of one
// (`meta.mark.set(meta.mark | 0x4000)`) builds mark_set_expr_t (stmt/mark.hpp) over a
// mark_expr_t (expr/bitwise.hpp).
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/expr/set_ref.hpp>
#include <nftpp/value/number.hpp>

namespace nftpp {

template <bool Conntrack>
struct mark_set_t;
template <bool Conntrack, class Sel, fixed_string Name>
struct mark_set_map_t;
template <bool Conntrack, class Src>
struct mark_set_expr_t;
template <class Src>
struct mark_expr_t;  // a mark computed from a mark field: expr/bitwise.hpp

template <bool Conntrack>
struct mark_setter {
    // (C only defers the statement type to the point of use.)
    template <bool C = Conntrack>
    [[nodiscard]] constexpr mark_set_t<C> set(mark m) const noexcept {
        return {m};
    }
    template <class Sel, fixed_string N, bool C = Conntrack>
        requires requires { Sel::keyword; }
    [[nodiscard]] constexpr mark_set_map_t<C, Sel, N> set(const Sel&, set_ref_t<N>) const noexcept {
        return {};
    }
    // From another mark, or from an expression of one: `meta.mark.set(ct.mark)`,
    // `meta.mark.set(meta.mark | 0x4000)`, `ct.mark.set(meta.mark & 0xffff)`.
    template <class X, bool C = Conntrack>
        requires requires(const X& x) { mark_expr_t<typename decltype(mark_expr_of(x))::source>{}; }
    [[nodiscard]] constexpr auto set(const X& x) const noexcept {
        return mark_set_expr_t<C, typename decltype(mark_expr_of(x))::source>{mark_expr_of(x)};
    }
};

}  // namespace nftpp
