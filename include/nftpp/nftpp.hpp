// SPDX-License-Identifier: Apache-2.0
#pragma once
// nftpp: nftables rulesets as typed C++20 expressions.
//
//   using namespace nftpp;
//   auto fence = table<family::inet>("fence",
//       base_chain<"output", filter_chain(hook::output)>(policy::accept,
//           ip.daddr == proxy_ip && tcp.dport == proxy_port >> accept,
//           oifname == "lo" >> accept,
//           ct.state == (established | related) >> accept,
//           log(prefix, skuid) >> reject));
//   nftpp::exec::netns_executor::named("sandbox").apply(render(ruleset(replace(fence))));
//
// This header includes the whole library: values, selectors, statements, rules, chains,
// tables, rendering, executors and the kernel log parser. Entry headers for a part of it:
//   <nftpp/values.hpp>  the value types        <nftpp/dsl.hpp>  rulesets and rendering
//   <nftpp/exec.hpp>    the executors          <nftpp/log.hpp>  kernel log events
// and, not included here: <nftpp/apply.hpp> (applying with probes for optional rules),
// <nftpp/readback.hpp> (reading back; nftpp::readback), <nftpp/testing/testing.hpp>.
// Every header of the library is included from here, each after the headers it includes
// (tests/headers/layering.py checks the order), and then the entry headers: g++ and
// clang++ print the include chain of the header an error points into, and that chain is
// then two lines long, wherever in nftpp the error comes from.
#include <nftpp/core/error.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/hook.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/core/core.hpp>
#include <nftpp/value/utf8.hpp>
#include <nftpp/value/cgroup_path.hpp>
#include <nftpp/value/concat_key.hpp>
#include <nftpp/value/detail.hpp>
#include <nftpp/value/flag_set.hpp>
#include <nftpp/value/ct.hpp>
#include <nftpp/value/ct_helper.hpp>
#include <nftpp/value/ether.hpp>
#include <nftpp/value/icmp.hpp>
#include <nftpp/value/fib.hpp>
#include <nftpp/value/bounded_number.hpp>
#include <nftpp/value/header_fields.hpp>
#include <nftpp/value/raw_bits.hpp>
#include <nftpp/value/ids.hpp>
#include <nftpp/value/ifname.hpp>
#include <nftpp/value/ifindex.hpp>
#include <nftpp/value/prefix.hpp>
#include <nftpp/value/ipv4.hpp>
#include <nftpp/value/ipv6.hpp>
#include <nftpp/value/l4proto.hpp>
#include <nftpp/value/log_flags.hpp>
#include <nftpp/value/mss.hpp>
#include <nftpp/value/name.hpp>
#include <nftpp/value/port.hpp>
#include <nftpp/value/range.hpp>
#include <nftpp/value/tcp_flags.hpp>
#include <nftpp/value/text.hpp>
#include <nftpp/value/to_string.hpp>
#include <nftpp/value/values.hpp>
#include <nftpp/core/ranges.hpp>
#include <nftpp/expr/literal.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/anon_set.hpp>
#include <nftpp/expr/relation.hpp>
#include <nftpp/expr/set_ref.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/expr/payload.hpp>
#include <nftpp/expr/arp.hpp>
#include <nftpp/expr/concat.hpp>
#include <nftpp/expr/ether.hpp>
#include <nftpp/expr/exthdr.hpp>
#include <nftpp/expr/bitwise.hpp>
#include <nftpp/value/number.hpp>
#include <nftpp/expr/mark_setter.hpp>
#include <nftpp/expr/ct.hpp>
#include <nftpp/expr/fib.hpp>
#include <nftpp/expr/key_expr.hpp>
#include <nftpp/expr/numgen.hpp>
#include <nftpp/expr/hash.hpp>
#include <nftpp/expr/icmp.hpp>
#include <nftpp/expr/meta.hpp>
#include <nftpp/expr/interface.hpp>
#include <nftpp/expr/ip.hpp>
#include <nftpp/expr/ip6.hpp>
#include <nftpp/expr/raw_payload.hpp>
#include <nftpp/expr/rt.hpp>
#include <nftpp/expr/socket.hpp>
#include <nftpp/expr/tcp_option.hpp>
#include <nftpp/expr/transport.hpp>
#include <nftpp/expr/expr.hpp>
#include <nftpp/stmt/comment.hpp>
#include <nftpp/stmt/counter.hpp>
#include <nftpp/stmt/ct_helper.hpp>
#include <nftpp/stmt/ct_objects.hpp>
#include <nftpp/stmt/fwd.hpp>
#include <nftpp/stmt/dup.hpp>
#include <nftpp/stmt/flow_add.hpp>
#include <nftpp/stmt/limit.hpp>
#include <nftpp/stmt/log.hpp>
#include <nftpp/stmt/mark.hpp>
#include <nftpp/stmt/maxseg.hpp>
#include <nftpp/stmt/verdict.hpp>
#include <nftpp/stmt/vmap.hpp>
#include <nftpp/stmt/nat.hpp>
#include <nftpp/stmt/payload_set.hpp>
#include <nftpp/stmt/notrack.hpp>
#include <nftpp/stmt/queue.hpp>
#include <nftpp/stmt/quota.hpp>
#include <nftpp/stmt/reject.hpp>
#include <nftpp/core/chrono.hpp>
#include <nftpp/stmt/set_update.hpp>
#include <nftpp/stmt/synproxy.hpp>
#include <nftpp/stmt/tproxy.hpp>
#include <nftpp/stmt/unchecked.hpp>
#include <nftpp/stmt/stmt.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/hook.hpp>
#include <nftpp/stmt/statement.hpp>
#include <nftpp/ruleset/rule.hpp>
#include <nftpp/ruleset/descriptor.hpp>
#include <nftpp/ruleset/rule_check.hpp>
#include <nftpp/ruleset/optional.hpp>
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/ct_helper.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/ruleset/map.hpp>
#include <nftpp/ruleset/ct_expectation.hpp>
#include <nftpp/ruleset/ct_timeout.hpp>
#include <nftpp/ruleset/flowtable.hpp>
#include <nftpp/ruleset/named_counter.hpp>
#include <nftpp/ruleset/family_rules.hpp>
#include <nftpp/ruleset/chain_graph.hpp>
#include <nftpp/ruleset/table_check.hpp>
#include <nftpp/ruleset/table.hpp>
#include <nftpp/ruleset/chain_commands.hpp>
#include <nftpp/ruleset/elements.hpp>
#include <nftpp/ruleset/map_elements.hpp>
#include <nftpp/ruleset/transaction_check.hpp>
#include <nftpp/ruleset/rule_commands.hpp>
#include <nftpp/ruleset/runtime_chain.hpp>
#include <nftpp/ruleset/runtime_set.hpp>
#include <nftpp/ruleset/runtime_table.hpp>
#include <nftpp/ruleset/runtime_elements.hpp>
#include <nftpp/ruleset/runtime_rule_commands.hpp>
#include <nftpp/ruleset/transaction.hpp>
#include <nftpp/ruleset/runtime_commands.hpp>
#include <nftpp/ruleset/ruleset.hpp>
#include <nftpp/render/script.hpp>
#include <nftpp/render/render.hpp>
#include <nftpp/exec/nft_version.hpp>
#include <nftpp/exec/outcome.hpp>
#include <nftpp/exec/unique_fd.hpp>
#include <nftpp/exec/process.hpp>
#include <nftpp/exec/executor.hpp>
#include <nftpp/exec/generation.hpp>
#include <nftpp/exec/fresh_tables.hpp>
#include <nftpp/exec/table_name.hpp>
#include <nftpp/exec/trust.hpp>
#include <nftpp/exec/nft_executor.hpp>
#include <nftpp/exec/host_executor.hpp>
#include <nftpp/exec/netns_path.hpp>
#include <nftpp/exec/netns_executor.hpp>
#include <nftpp/exec/persistent_executor.hpp>
#include <nftpp/exec/best_executor.hpp>
#include <nftpp/exec/exec.hpp>
#include <nftpp/log/event.hpp>
#include <nftpp/log/parse.hpp>
#include <nftpp/log/kmsg_reader.hpp>
#include <nftpp/log/log.hpp>
#include <nftpp/dsl.hpp>
#include <nftpp/exec.hpp>
#include <nftpp/log.hpp>
