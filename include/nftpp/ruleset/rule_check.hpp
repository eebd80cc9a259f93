#pragma once
// Rule shape checks, decided from the static facts of a rule's parts: terminal statement
// last, one verdict, comment last, one network layer and one transport protocol per rule,
// tcp reset only with tcp, NAT ports only after a transport match, reject and NAT
// families agreeing with the matches. A chain runs these for each of its rules when it
// is built; the first failure fires one static_assert (see ruleset/assertions.hpp).
#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>

#include <nftpp/core/facts.hpp>
#include <nftpp/ruleset/assertions.hpp>
#include <nftpp/ruleset/rule.hpp>

namespace nftpp {

enum class rule_error : std::uint8_t {
    none,
    two_verdicts,
    statement_after_terminal,
    comment_not_last,
    ip_and_ip6,
    two_transports,
    tcp_reset_conflict,
    reject_family_conflict,
    nat_family_conflict,
    nat_port_without_transport,
};

// What a whole rule requires of the chain and table it is in.
struct rule_summary {
    rule_error error = rule_error::none;
    layer3 l3 = layer3::any;
    layer4 l4 = layer4::any;
    bool conntrack = false;
    bool inet_only = false;
    bool transport_match = false;
    std::uint32_t kinds = 0;       // stmt_kind bits
    std::uint8_t reject_variants = 0;  // bit (1 << reject_kind) for each reject in the rule
};

namespace detail {

constexpr rule_summary summarize(const part_facts* f, std::size_t n) {
    rule_summary s{};
    std::size_t terminals = 0;
    bool seen_terminal = false, seen_comment = false, transport_before = false;
    layer3 l3_from_match = layer3::any;
    for (std::size_t i = 0; i < n; ++i) {
        const part_facts& p = f[i];
        if (s.error != rule_error::none) break;
        if (seen_comment) {
            s.error = rule_error::comment_not_last;
            break;
        }
        if (p.kind == stmt_kind::comment) {
            seen_comment = true;
            s.kinds |= bits(p.kind);
            continue;
        }
        if (seen_terminal) {
            s.error = (p.terminal && p.verdict) ? rule_error::two_verdicts : rule_error::statement_after_terminal;
            break;
        }
        if (p.terminal) {
            seen_terminal = true;
            ++terminals;
        }
        s.kinds |= bits(p.kind);
        // network layer
        if (p.l3 != layer3::any) {
            if (s.l3 != layer3::any && s.l3 != p.l3) {
                s.error = p.kind == stmt_kind::reject                                   ? rule_error::reject_family_conflict
                          : (p.kind == stmt_kind::snat || p.kind == stmt_kind::dnat) ? rule_error::nat_family_conflict
                                                                                       : rule_error::ip_and_ip6;
                break;
            }
            s.l3 = p.l3;
            if (p.is_match) l3_from_match = p.l3;
        }
        // transport
        if (p.tcp_reset && s.l4 != layer4::any && s.l4 != layer4::tcp) {
            s.error = rule_error::tcp_reset_conflict;
            break;
        }
        if (p.l4 != layer4::any) {
            if (s.l4 != layer4::any && s.l4 != p.l4) {
                s.error = rule_error::two_transports;
                break;
            }
            s.l4 = p.l4;
        }
        if (p.is_match && p.transport_match) transport_before = true;
        if (p.nat_port && !transport_before) {
            s.error = rule_error::nat_port_without_transport;
            break;
        }
        s.conntrack = s.conntrack || p.conntrack;
        s.inet_only = s.inet_only || p.inet_only;
        s.transport_match = s.transport_match || (p.is_match && p.transport_match);
    }
    (void)terminals;
    (void)l3_from_match;
    return s;
}

template <class T>
constexpr std::uint8_t reject_variant_bit() {
    if constexpr (requires { T::variant; }) return static_cast<std::uint8_t>(1u << static_cast<unsigned>(T::variant));
    else return 0;
}

template <class R>
struct rule_summary_of;

template <class... P>
struct rule_summary_of<rule_t<P...>> {
    static constexpr part_facts facts[sizeof...(P) + 1] = {P::facts..., part_facts{}};
    static constexpr rule_summary value = [] {
        rule_summary s = summarize(facts, sizeof...(P));
        std::uint8_t rv = 0;
        ((rv |= reject_variant_bit<P>()), ...);
        s.reject_variants = rv;
        return s;
    }();
};

}  // namespace detail

template <class R>
inline constexpr rule_summary rule_summary_v = detail::rule_summary_of<R>::value;

// Fires the named assertion for the first shape error of rule R in chain ChainName.
// (A void function: validity itself is read from rule_summary_v, so a failure here does
// not turn the caller's constants invalid and cascade.)
template <fixed_string ChainName, class R>
constexpr void fire_rule_check() {
    constexpr rule_error e = rule_summary_v<R>.error;
    if constexpr (e == rule_error::two_verdicts) (void)assert_one_verdict_per_rule_t<ChainName, R>::value;
    else if constexpr (e == rule_error::statement_after_terminal) (void)assert_terminal_statement_last_t<ChainName, R>::value;
    else if constexpr (e == rule_error::comment_not_last) (void)assert_comment_last_t<ChainName, R>::value;
    else if constexpr (e == rule_error::ip_and_ip6) (void)assert_one_network_family_per_rule_t<ChainName, R>::value;
    else if constexpr (e == rule_error::two_transports) (void)assert_one_transport_protocol_per_rule_t<ChainName, R>::value;
    else if constexpr (e == rule_error::tcp_reset_conflict) (void)assert_tcp_reset_only_with_tcp_t<ChainName, R>::value;
    else if constexpr (e == rule_error::reject_family_conflict) (void)assert_reject_type_matches_rule_family_t<ChainName, R>::value;
    else if constexpr (e == rule_error::nat_family_conflict) (void)assert_nat_family_matches_rule_family_t<ChainName, R>::value;
    else if constexpr (e == rule_error::nat_port_without_transport) (void)assert_nat_port_needs_transport_match_t<ChainName, R>::value;
}

}  // namespace nftpp
