// SPDX-License-Identifier: Apache-2.0
#pragma once
// The generic structural rules: those no single node owns (the shape of a rule, chain
// declarations, family x type x hook, the chain graph, set references, names). Each is
// declared once with NFTPP_RULE (core/assertion.hpp): the sentence says what is wrong in
// DSL terms and how to fix it. A node's own rules (NAT's hooks, reject's variants,
// conntrack's families, tproxy ...) are declared in the node's header instead.
// docs/diagnostics.md lists every rule with a failing snippet and its fix.
#include <nftpp/core/assertion.hpp>

namespace nftpp {

// --- rule shape (checked when a chain is built) ---
NFTPP_CHECK(one_verdict_per_rule,
    "a rule has at most one verdict (accept, drop, reject, jump, goto, return, NAT): split it into two rules or remove one")
NFTPP_CHECK(terminal_statement_last,
    "nothing may follow a verdict or NAT statement in a rule: move it before, e.g. counter >> accept, not accept >> counter")
NFTPP_CHECK(comment_last,
    "comment(...) must be the last part of a rule and appear once: write ... >> accept >> comment(\"why\")")
NFTPP_CHECK(one_network_family_per_rule,
    "a rule cannot match both ip and ip6 fields (no packet is both): split it into an IPv4 rule and an IPv6 rule")
NFTPP_CHECK(one_transport_protocol_per_rule,
    "a rule cannot match two transport protocols (e.g. tcp and udp): split it, or match th.dport with meta.l4proto.in({...})")

// --- chain declaration ---
NFTPP_CHECK(policy_only_on_base_chain,
    "a policy is only valid on a base chain: declare it with base_chain<\"name\", filter_chain(hook::...)>(policy::drop, ...) or remove the policy")
NFTPP_CHECK(device_required_on_ingress_egress,
    "a base chain on the ingress or egress hook needs device(\"ifname\") among its arguments")
NFTPP_CHECK(device_only_on_ingress_egress,
    "device(...) is only valid on a base chain hooked to ingress or egress: remove it")
NFTPP_CHECK(chain_priority_is_int32,
    "a chain priority is a 32-bit signed integer (nft silently wraps larger values): use -2147483648 to 2147483647")
NFTPP_CHECK(one_policy_and_one_device,
    "a chain takes at most one policy and at most one device")
NFTPP_CHECK(chain_argument_is_a_rule,
    "a chain takes rules (matches and statements joined with && and >>), rules_from(...), and for base chains a policy and a device: this argument is none of those")

// --- chain type, hook and priority against the table family ---
NFTPP_CHECK(family_has_hook,
    "this table family has no such hook: ip, ip6 and bridge hook prerouting, input, forward, output, postrouting; inet adds ingress; arp hooks input and output; netdev ingress and egress")
NFTPP_CHECK(family_has_chain_type,
    "nat and route chains exist only in ip, ip6 and inet tables, and inet ingress takes filter chains only: use filter_chain(...)")
NFTPP_CHECK(nat_chain_hook,
    "a nat chain hooks prerouting, input, output or postrouting, not forward: filter forwarded traffic in a filter chain")
NFTPP_CHECK(route_chain_hook,
    "a route chain only hooks output: use filter_chain(...) on other hooks")
NFTPP_CHECK(nat_priority_above_conntrack,
    "a nat chain needs a priority above -200, where conntrack runs: use prio::dstnat (-100) or prio::srcnat (100)")
NFTPP_CHECK(unique_chain_names,
    "two chains of one table have the same name: rename one")

// --- chain graph ---
NFTPP_CHECK(jump_target_exists,
    "jump<\"...\"> or goto_<\"...\"> (jump_to(name) or go_to(name) at run time) names no chain of this table: add chain<\"target\">(...) to the table or fix the name")
NFTPP_CHECK(no_jump_to_base_chain,
    "jump and goto may only target a regular chain, not a base chain: move the shared rules into chain<\"name\">(...) and jump there")
NFTPP_CHECK(no_jump_cycle,
    "the jump/goto graph has a cycle reachable from a base chain (the kernel refuses it at commit): break the loop")
NFTPP_CHECK(jump_depth_at_most_15,
    "jumps nest more than 15 chains below a base chain (the kernel refuses it at commit): flatten the chain graph")

NFTPP_CHECK(runtime_names_need_a_runtime_table,
    "this rule names a chain or set by a run-time value (jump_to, go_to, at_named), which a table checked at compile time cannot see: build the table at run time, table(family::inet, name, ...), which checks the names when it is checked")

// --- matches against the table family, from the network and transport layer they pin ---
NFTPP_CHECK(no_ip6_in_ip_table,
    "an ip table cannot match IPv6 (ip6 fields, meta.nfproto == ip6, icmpv6 reject, ip6 NAT): use an inet table or drop the IPv6 part")
NFTPP_CHECK(no_ip_in_ip6_table,
    "an ip6 table cannot match IPv4 (ip fields, meta.nfproto == ip, icmp reject, ip NAT): use an inet table or drop the IPv4 part")
NFTPP_CHECK(no_ip_or_transport_in_arp_table,
    "an arp table has no ip, ip6, tcp or udp matches: use an ip, ip6 or inet table for them")

// --- sets ---
NFTPP_CHECK(set_exists,
    "at<\"...\"> (at_named(name) at run time) names no set of this table: add set<\"name\", key>(...) to the table or fix the name")
NFTPP_CHECK(set_key_matches_selector,
    "the set's key datatype is not the selector's (an ipv4_addr set for ip.saddr, a port set for tcp.dport ...): use a set of the right key")
NFTPP_CHECK(map_value_matches_use,
    "the map's values are not what this use needs (a NAT map holds addresses of the statement's family, or address . port with nat_map_port; mark.set(sel, at<...>) a map to marks): declare the map with that value type")
NFTPP_CHECK(map_kind_matches_use,
    "at<\"...\"> names a set or map of another kind than this use needs: a match takes a set, vmap(at<...>) a verdict_map, mark.set(sel, at<...>) a data_map")
NFTPP_CHECK(unique_set_names,
    "two sets or maps of one table (or two objects of one kind: counters, flowtables ...) have the same name: rename one")

// --- tables, rulesets and commands ---
NFTPP_CHECK(table_member_is_chain_or_set,
    "a table takes chain<...>(...), base_chain<...>(...) and set<...>(...) after its name: this argument is none of those")
NFTPP_CHECK(ruleset_argument_is_a_command,
    "ruleset(...) takes commands: replace(table), add(table), create(table), delete_table(...), flush_table(...), element commands; wrap a table in replace(...) to load it atomically")
NFTPP_CHECK(table_has_chain,
    "add_rule / insert_rule / replace_rule / delete_rule / flush_chain name no chain of this table: declare the chain in the table (it describes what is loaded) or fix the name")

}  // namespace nftpp
