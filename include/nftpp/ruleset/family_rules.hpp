// SPDX-License-Identifier: Apache-2.0
#pragma once
// Family rules: what a table family has (hooks, chain types), what a base chain's type
// allows (hooks, priority), and whether a rule may stand in a table of the family or in a
// chain reached from a base chain — from the rule's summary alone. Generic: each
// restriction a node declares (a placement, core/facts.hpp) carries its own rule.
#include <nftpp/core/family.hpp>
#include <nftpp/ruleset/descriptor.hpp>
#include <nftpp/ruleset/hook.hpp>
#include <nftpp/ruleset/rules.hpp>

namespace nftpp::detail {

[[nodiscard]] constexpr bool family_has_hook(family f, hook h) noexcept {
    switch (f) {
        case family::ip:
        case family::ip6:
        case family::bridge: return h != hook::ingress && h != hook::egress;
        case family::inet: return h != hook::egress;
        case family::arp: return h == hook::input || h == hook::output;
        case family::netdev: return h == hook::ingress || h == hook::egress;
    }
    return false;
}

// A base chain's type, hook and priority in a table of family f.
[[nodiscard]] constexpr const rule* check_spec(family f, const base_spec& s) noexcept {
    if (!s.is_base) return nullptr;
    if (!family_has_hook(f, s.hk)) return &rules::family_has_hook;
    const bool l3_family = bit(f) & ip_families;
    if (s.type != chain_type::filter && (!l3_family || s.hk == hook::ingress)) return &rules::family_has_chain_type;
    if (s.type == chain_type::nat && s.hk == hook::forward) return &rules::nat_chain_hook;
    if (s.type == chain_type::route && s.hk != hook::output) return &rules::route_chain_hook;
    if (s.type == chain_type::nat && s.priority <= -200) return &rules::nat_priority_above_conntrack;
    return nullptr;
}

// A rule in a table of family f: its parts' families, then what its matches pin.
[[nodiscard]] constexpr const rule* check_rule_in_family(family f, const rule_summary& r) noexcept {
    for (const placement& w : r.placements())
        if (!(w.families & bit(f))) return w.family_rule;
    if (f == family::arp && (r.l3 == layer3::ip || r.l3 == layer3::ip6 || r.l4 != layer4::any))
        return &rules::no_ip_or_transport_in_arp_table;
    if (f == family::ip && r.l3 == layer3::ip6) return &rules::no_ip6_in_ip_table;
    if (f == family::ip6 && r.l3 == layer3::ip) return &rules::no_ip_in_ip6_table;
    return nullptr;
}

// The bit of a base chain's hook in a table of family f, as placements declare hooks
// (core/hook.hpp): an inet table's ingress is inet_ingress_bit.
[[nodiscard]] constexpr std::uint8_t hook_bit(family f, hook h) noexcept {
    return f == family::inet && h == hook::ingress ? inet_ingress_bit : bit(h);
}

// A rule reached from base chain `base` of a table of family f (directly or through
// jumps): its parts' chain types and hooks.
[[nodiscard]] constexpr const rule* check_rule_on_hook(family f, const base_spec& base, const rule_summary& r) noexcept {
    if (!base.is_base) return nullptr;
    for (const placement& w : r.placements())
        if (!(w.chain_types & bit(base.type)) || !(w.hooks & hook_bit(f, base.hk))) return w.hook_rule;
    return nullptr;
}

}  // namespace nftpp::detail
