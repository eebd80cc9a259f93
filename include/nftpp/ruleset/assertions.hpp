#pragma once
// The structural rules nftpp enforces, one named type each. Instantiating an assertion
// fires its static_assert: the sentence says what is wrong in DSL terms and how to fix it,
// and the template arguments (chain names, the rule type) show where. Checks stop at the
// first failure, so a mistake gives one error, not a cascade. docs/diagnostics.md lists
// every assertion with a failing snippet and its fix.
//
// Each assertion has `value == false`, so checks can be written as expressions.
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/fixed_string.hpp>

namespace nftpp {

// --- rule shape (checked when a chain is built) ---
NFTPP_ASSERTION_R(assert_one_verdict_per_rule_t,
    "a rule has at most one verdict (accept, drop, reject, jump, goto, return, NAT): split it into two rules or remove one")
NFTPP_ASSERTION_R(assert_terminal_statement_last_t,
    "nothing may follow a verdict or NAT statement in a rule: move it before, e.g. counter >> accept, not accept >> counter")
NFTPP_ASSERTION_R(assert_comment_last_t,
    "comment(...) must be the last part of a rule and appear once: write ... >> accept >> comment(\"why\")")
NFTPP_ASSERTION_R(assert_one_network_family_per_rule_t,
    "a rule cannot match both ip and ip6 fields (no packet is both): split it into an IPv4 rule and an IPv6 rule")
NFTPP_ASSERTION_R(assert_one_transport_protocol_per_rule_t,
    "a rule cannot match two transport protocols (e.g. tcp and udp): split it, or match th.dport with meta.l4proto.in({...})")
NFTPP_ASSERTION_R(assert_tcp_reset_only_with_tcp_t,
    "reject(tcp_reset) only applies to tcp, but this rule matches another protocol: use reject or reject(icmpx_code::port_unreachable)")
NFTPP_ASSERTION_R(assert_reject_type_matches_rule_family_t,
    "reject(icmp_code::...) is IPv4 only and reject(icmpv6_code::...) IPv6 only, but this rule matches the other family: use the matching code or icmpx_code")
NFTPP_ASSERTION_R(assert_nat_family_matches_rule_family_t,
    "snat/dnat(ip, ...) cannot follow an ip6 match, nor snat/dnat(ip6, ...) an ip match: use the family the rule matches")
NFTPP_ASSERTION_R(assert_nat_port_needs_transport_match_t,
    "a NAT statement that maps a port needs a transport match earlier in the rule: add tcp.dport == ..., udp.dport == ... or meta.l4proto == tcp before it")

// --- chain declaration ---
NFTPP_ASSERTION_C(assert_policy_only_on_base_chain_t,
    "a policy is only valid on a base chain: declare it with base_chain<\"name\", filter_chain(hook::...)>(policy::drop, ...) or remove the policy")
NFTPP_ASSERTION_C(assert_device_required_on_ingress_egress_t,
    "a base chain on the ingress or egress hook needs device(\"ifname\") among its arguments")
NFTPP_ASSERTION_C(assert_device_only_on_ingress_egress_t,
    "device(...) is only valid on a base chain hooked to ingress or egress: remove it")
NFTPP_ASSERTION_C(assert_chain_priority_is_int32_t,
    "a chain priority is a 32-bit signed integer (nft silently wraps larger values): use -2147483648 to 2147483647")
NFTPP_ASSERTION_C(assert_one_policy_and_one_device_t,
    "a chain takes at most one policy and at most one device")
template <fixed_string Chain, class Arg>
struct assert_chain_argument_is_a_rule_t {
    static_assert(detail::never_v<Arg>,
                  "a chain takes rules (matches and statements joined with && and >>), rules_from(...), and for base "
                  "chains a policy and a device: this argument is none of those");
    static constexpr bool value = false;
};

// --- chain type, hook and priority against the table family ---
NFTPP_ASSERTION_C(assert_family_has_hook_t,
    "this table family has no such hook: ip, ip6 and bridge hook prerouting, input, forward, output, postrouting; inet adds ingress; arp hooks input and output; netdev ingress and egress")
NFTPP_ASSERTION_C(assert_family_has_chain_type_t,
    "nat and route chains exist only in ip, ip6 and inet tables, and inet ingress takes filter chains only: use filter_chain(...)")
NFTPP_ASSERTION_C(assert_nat_chain_hook_t,
    "a nat chain hooks prerouting, input, output or postrouting, not forward: filter forwarded traffic in a filter chain")
NFTPP_ASSERTION_C(assert_route_chain_hook_t,
    "a route chain only hooks output: use filter_chain(...) on other hooks")
NFTPP_ASSERTION_C(assert_nat_priority_above_conntrack_t,
    "a nat chain needs a priority above -200, where conntrack runs: use prio::dstnat (-100) or prio::srcnat (100)")
NFTPP_ASSERTION_C(assert_unique_chain_names_t,
    "two chains of one table have the same name: rename one")

// --- chain graph ---
NFTPP_ASSERTION_CC(assert_jump_target_exists_t,
    "jump<\"...\"> or goto_<\"...\"> names no chain of this table: add chain<\"target\">(...) to the table or fix the name")
NFTPP_ASSERTION_CC(assert_no_jump_to_base_chain_t,
    "jump and goto may only target a regular chain, not a base chain: move the shared rules into chain<\"name\">(...) and jump there")
NFTPP_ASSERTION_C(assert_no_jump_cycle_t,
    "the jump/goto graph has a cycle reachable from a base chain (the kernel refuses it at commit): break the loop")
NFTPP_ASSERTION_C(assert_jump_depth_at_most_15_t,
    "jumps nest more than 15 chains below a base chain (the kernel refuses it at commit): flatten the chain graph")

// --- statements against the hooks that reach them (Chain: base chain, Other: the chain holding the rule) ---
NFTPP_ASSERTION_CC(assert_masquerade_in_nat_postrouting_t,
    "masquerade is only valid in a nat chain on the postrouting hook, but this rule is reached from another base chain: move it to base_chain<..., nat_chain(hook::postrouting, prio::srcnat)>")
NFTPP_ASSERTION_CC(assert_snat_in_nat_postrouting_or_input_t,
    "snat is only valid in a nat chain on the postrouting or input hook, but this rule is reached from another base chain: move it to base_chain<..., nat_chain(hook::postrouting, prio::srcnat)>")
NFTPP_ASSERTION_CC(assert_dnat_in_nat_prerouting_or_output_t,
    "dnat is only valid in a nat chain on the prerouting or output hook, but this rule is reached from another base chain: move it to base_chain<..., nat_chain(hook::prerouting, prio::dstnat)>")
NFTPP_ASSERTION_CC(assert_redirect_in_nat_prerouting_or_output_t,
    "redirect is only valid in a nat chain on the prerouting or output hook, but this rule is reached from another base chain: move it to base_chain<..., nat_chain(hook::output, prio::dstnat)>")
NFTPP_ASSERTION_CC(assert_reject_not_in_postrouting_or_egress_t,
    "reject is not valid on the postrouting hook nor on netdev egress (the kernel refuses it at commit): drop there, or reject on input, forward or output")

// --- statements and matches against the table family ---
NFTPP_ASSERTION_C(assert_nat_only_in_ip_ip6_inet_t,
    "NAT statements (masquerade, snat, dnat, redirect) exist only in ip, ip6 and inet tables")
NFTPP_ASSERTION_C(assert_no_reject_in_arp_t,
    "reject is not available in arp tables: use drop")
NFTPP_ASSERTION_C(assert_icmpx_reject_in_inet_netdev_bridge_t,
    "reject(icmpx_code::...) is only valid in inet, netdev and bridge tables: use icmp_code in ip tables and icmpv6_code in ip6 tables")
NFTPP_ASSERTION_C(assert_no_ip6_in_ip_table_t,
    "an ip table cannot match IPv6 (ip6 fields, meta.nfproto == ip6, icmpv6 reject, ip6 NAT): use an inet table or drop the IPv6 part")
NFTPP_ASSERTION_C(assert_no_ip_in_ip6_table_t,
    "an ip6 table cannot match IPv4 (ip fields, meta.nfproto == ip, icmp reject, ip NAT): use an inet table or drop the IPv4 part")
NFTPP_ASSERTION_C(assert_no_ip_or_transport_in_arp_table_t,
    "an arp table has no ip, ip6, tcp or udp matches: use an ip, ip6 or inet table for them")
NFTPP_ASSERTION_C(assert_conntrack_in_ip_ip6_inet_t,
    "ct matches and ct.mark.set(...) need connection tracking, which only ip, ip6 and inet tables have")
NFTPP_ASSERTION_C(assert_meta_nfproto_only_in_inet_t,
    "meta.nfproto is only valid in an inet table: an ip or ip6 table sees one family only")

// --- sets ---
NFTPP_ASSERTION_CC(assert_set_exists_t,
    "at<\"...\"> names no set of this table: add set<\"name\", key>(...) to the table or fix the name")
NFTPP_ASSERTION_CC(assert_set_key_matches_selector_t,
    "the set's key datatype is not the selector's (an ipv4_addr set for ip.saddr, a port set for tcp.dport ...): use a set of the right key")
NFTPP_ASSERTION_CC(assert_map_kind_matches_use_t,
    "at<\"...\"> names a set or map of another kind than this use needs: a match takes a set, vmap(at<...>) a verdict_map, mark.set(sel, at<...>) a data_map")
NFTPP_ASSERTION_C(assert_unique_set_names_t,
    "two sets or maps of one table have the same name: rename one")


}  // namespace nftpp
