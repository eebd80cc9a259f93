// SPDX-License-Identifier: Apache-2.0
#pragma once
// concat(sel, sel...): nft's concatenation `ip saddr . tcp dport`, a selector whose
// datatype is concat_key<ipv4_addr, port>. It matches a set or map keyed by the same
// concatenation, or values of it:
//   concat(ip.saddr, tcp.dport) == at<"pairs">                  ip saddr . tcp dport @pairs
//   concat(ip.saddr, tcp.dport).in({{"10.0.0.1", 22}})          ip saddr . tcp dport { 10.0.0.1 . 22 }
// and nothing else: nft refuses a concatenation compared with a single value.
// The parts keep their protocols: the rule needs what each part needs (tcp dport pins
// the rule to tcp), and parts of two network protocols (ip and ip6) do not compile.
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/value/concat_key.hpp>

namespace nftpp {

namespace detail {
// The facts of all parts together; parts that need two network or two transport
// protocols leave `conflict` set.
struct concat_facts {
    part_facts facts;
    bool conflict = false;
};
template <class... Sel>
constexpr concat_facts merge_concat_facts() {
    concat_facts out;
    auto add = [&](part_facts p) {
        part_facts& f = out.facts;
        if (p.l3 != layer3::any) {
            if (f.l3 != layer3::any && f.l3 != p.l3) out.conflict = true;
            f.l3 = p.l3;
        }
        if (p.l4 != layer4::any) {
            if (f.l4 != layer4::any && f.l4 != p.l4) out.conflict = true;
            f.l4 = p.l4;
        }
        f.transport_match = f.transport_match || p.transport_match;
        if (!f.where.restricts()) f.where = p.where;
        if (!f.feature) f.feature = p.feature;
    };
    (add(Sel::facts), ...);
    return out;
}
template <class... Sel>
inline constexpr auto concat_keyword_v =
    join_text<joined_size(" . ", std::string_view(Sel::keyword)...)>(" . ", std::string_view(Sel::keyword)...);
}  // namespace detail

NFTPP_CHECK(a_concatenation_matches_a_set_or_a_map,
    "a concat(...) matches a set or a map, not one value (nft: 'Use concatenations with sets and maps, "
                  "not singleton values'): write concat(a, b) == at<\"set\"> or concat(a, b).in({{x, y}})")

template <Selector... Sel>
struct concat_t : selector_t<concat_t<Sel...>, concat_key<typename Sel::value_type...>> {
    static constexpr detail::concat_facts merged = detail::merge_concat_facts<Sel...>();
    static_assert(!merged.conflict,
                  "the parts of this concat(...) need two different protocols (ip and ip6, or tcp and udp): a "
                  "packet has only one of each; match the fields of one protocol");
    static constexpr std::string_view keyword = detail::concat_keyword_v<Sel...>.view();
    static constexpr part_facts facts = merged.facts;

    // nft: "Use concatenations with sets and maps, not singleton values".
    template <class X>
        requires std::convertible_to<X, operand<typename concat_t::value_type>>
    friend constexpr bool operator==(const concat_t&, const X&) {
        return assert_a_concatenation_matches_a_set_or_a_map_t<X>::value;
    }
    template <class X>
        requires std::convertible_to<X, operand<typename concat_t::value_type>>
    friend constexpr bool operator!=(const concat_t&, const X&) {
        return assert_a_concatenation_matches_a_set_or_a_map_t<X>::value;
    }
};

template <Selector... Sel>
    requires(sizeof...(Sel) >= 2 && sizeof...(Sel) <= 3)
[[nodiscard]] constexpr concat_t<Sel...> concat(const Sel&...) noexcept {
    return {};
}

}  // namespace nftpp
