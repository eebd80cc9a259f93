// SPDX-License-Identifier: Apache-2.0
#pragma once
// ruleset/: the structure, from rules to transactions, and the one checker.
//
//   rule.hpp            rule_t: matches and statements joined with && and >>
//   rule_check.hpp      a rule's parts folded into a rule_summary; the rule-shape rules
//   chain.hpp, hook.hpp chains (regular and base), their declaration rules
//   set.hpp, map.hpp    named sets, data maps and verdict maps
//   elements.hpp,       element commands: add/delete/flush set elements, add/delete map
//   map_elements.hpp    elements
//   optional.hpp        rules a target may lack a kernel feature for
//   table.hpp           table<F>(name, chains and sets...), checked when built
//   rule_commands.hpp   add/insert/replace/delete rule in an existing table
//   chain_commands.hpp  flush chain in an existing table
//   ct_helper.hpp       ct helper objects, table members beside sets
//   named_counter.hpp   named counters and quotas, table members beside sets
//   transaction.hpp     ruleset(commands...): replace, add, create, delete, flush
//   rules.hpp           the generic rules (NFTPP_CHECK): shape, chains, graph, sets
//   descriptor.hpp      the structure as plain data: rule_summary, rule_desc,
//                       chain_desc, set_desc, check_error
//   family_rules.hpp    family x type x hook; a rule in a family; a rule on a hook
//   chain_graph.hpp     names, targets, set references, the walk from each base chain
//   table_check.hpp     check_table(): every check in one order, at compile time for
//                       static tables (fire_table_check), at run time for data
//   runtime_chain.hpp,  structure from data: chain(name, ...), set<Key>(name, ...),
//   runtime_set.hpp,    table(family, name, ...), checked by check_table() when its
//   runtime_table.hpp,  commands are made; update(old, new); ranges of commands in a
//   runtime_commands.hpp, ruleset; element commands on such tables
//   runtime_elements.hpp, runtime_rule_commands.hpp
//
// It builds on core/, value/, expr/ and stmt/, and knows nothing of rendering or
// executors. The checker is generic over node facts (core/facts.hpp): it names no
// statement, match or selector.
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/chain_commands.hpp>
#include <nftpp/ruleset/elements.hpp>
#include <nftpp/ruleset/map.hpp>
#include <nftpp/ruleset/map_elements.hpp>
#include <nftpp/ruleset/optional.hpp>
#include <nftpp/ruleset/rule_commands.hpp>
#include <nftpp/ruleset/runtime_chain.hpp>
#include <nftpp/ruleset/runtime_commands.hpp>
#include <nftpp/ruleset/runtime_elements.hpp>
#include <nftpp/ruleset/runtime_rule_commands.hpp>
#include <nftpp/ruleset/runtime_set.hpp>
#include <nftpp/ruleset/runtime_table.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/ruleset/table.hpp>
#include <nftpp/ruleset/table_check.hpp>
#include <nftpp/ruleset/transaction.hpp>
