// SPDX-License-Identifier: Apache-2.0
#pragma once
// Rule shape: the fold of a rule's part facts into one rule_summary, and the first rule of
// shape it breaks (terminal statement last, one verdict, the last part last, one network
// layer and one transport protocol, a part's own conflicts such as tcp reset after a udp
// match or a port NAT without a transport match). Generic over part_facts: it names no
// statement. A chain runs it for each of its rules when it is built; the first failure
// fires one named assertion.
#include <cstddef>
#include <tuple>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/ruleset/descriptor.hpp>
#include <nftpp/ruleset/rule.hpp>
#include <nftpp/ruleset/rules.hpp>

namespace nftpp {

namespace detail {

constexpr void add_placement(rule_summary& s, const placement& p) {
    for (const auto& w : s.placements())
        if (w.families == p.families && w.family_rule == p.family_rule && w.chain_types == p.chain_types &&
            w.hooks == p.hooks && w.hook_rule == p.hook_rule)
            return;
    if (s.n_where < rule_summary::max_placements) s.where[s.n_where++] = p;
}

constexpr rule_summary summarize(const part_facts* f, std::size_t n) {
    rule_summary s{};
    bool seen_terminal = false, seen_last = false, transport_before = false;
    for (std::size_t i = 0; i < n && !s.broken; ++i) {
        const part_facts& p = f[i];
        if (seen_last) {
            s.broken = &rules::comment_last;
            break;
        }
        if (p.last) {  // a comment: after the verdict too, but nothing after it
            seen_last = true;
            continue;
        }
        if (seen_terminal) {
            s.broken = (p.terminal && p.verdict) ? &rules::one_verdict_per_rule : &rules::terminal_statement_last;
            break;
        }
        if (p.terminal) seen_terminal = true;
        if (p.l3 != layer3::any) {
            if (s.l3 != layer3::any && s.l3 != p.l3) {
                s.broken = p.l3_rule ? p.l3_rule : &rules::one_network_family_per_rule;
                break;
            }
            s.l3 = p.l3;
        }
        if (p.only_l4 != layer4::any && s.l4 != layer4::any && s.l4 != p.only_l4) {
            s.broken = p.l4_rule;
            break;
        }
        if (p.l4 != layer4::any) {
            if (s.l4 != layer4::any && s.l4 != p.l4) {
                s.broken = &rules::one_transport_protocol_per_rule;
                break;
            }
            s.l4 = p.l4;
        }
        if (p.transport_match) transport_before = true;
        if (p.needs_transport && !transport_before) {
            s.broken = p.needs_transport;
            break;
        }
        if (p.where.restricts()) add_placement(s, p.where);
        if (p.feature) s.features.add(*p.feature);
        s.transport_match = s.transport_match || p.transport_match;
        s.runtime_refs = s.runtime_refs || p.runtime_refs;
    }
    return s;
}

template <class R>
struct rule_summary_of;
template <class... P>
struct rule_summary_of<rule_t<P...>> {
    static constexpr part_facts facts[sizeof...(P) + 1] = {P::facts..., part_facts{}};
    static constexpr rule_summary value = summarize(facts, sizeof...(P));
};

}  // namespace detail

template <class R>
inline constexpr rule_summary rule_summary_v = detail::rule_summary_of<R>::value;

// Fires the named assertion for the first shape error of rule R in chain ChainName.
// (A void function: validity itself is read from rule_summary_v, so a failure here does
// not turn the caller's constants invalid and cascade.)
template <fixed_string ChainName, class R>
constexpr void fire_rule_check() {
    fire<rule_summary_v<R>.broken, named<ChainName>, R>();
}

}  // namespace nftpp
