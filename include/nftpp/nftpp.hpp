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
// The headers where compile errors are fired come first, each included from here: g++
// prints the include chain of the header an error points into, and it is then two lines
// long, whatever part of nftpp the error comes from. (A literal's error points into the
// value type that takes it: core/error.hpp. tests/headers/layering.py keeps this list
// complete.)
#include <nftpp/core/error.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/value/bounded_number.hpp>
#include <nftpp/value/cgroup_path.hpp>
#include <nftpp/value/ether.hpp>
#include <nftpp/value/header_fields.hpp>
#include <nftpp/value/ids.hpp>
#include <nftpp/value/ifindex.hpp>
#include <nftpp/value/ifname.hpp>
#include <nftpp/value/ipv4.hpp>
#include <nftpp/value/ipv6.hpp>
#include <nftpp/value/l4proto.hpp>
#include <nftpp/value/mss.hpp>
#include <nftpp/value/name.hpp>
#include <nftpp/value/port.hpp>
#include <nftpp/value/raw_bits.hpp>
#include <nftpp/value/text.hpp>
#include <nftpp/expr/literal.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/bitwise.hpp>
#include <nftpp/expr/numgen.hpp>
#include <nftpp/stmt/limit.hpp>
#include <nftpp/stmt/queue.hpp>
#include <nftpp/stmt/synproxy.hpp>
#include <nftpp/stmt/vmap.hpp>
#include <nftpp/ruleset/rule.hpp>
#include <nftpp/dsl.hpp>
#include <nftpp/exec.hpp>
#include <nftpp/log.hpp>
