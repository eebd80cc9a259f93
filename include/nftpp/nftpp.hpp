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
// The headers where compile errors are fired come first: a compile error's include chain
// is then two lines long, whatever part of nftpp it comes from.
#include <nftpp/core/error.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/dsl.hpp>
#include <nftpp/exec.hpp>
#include <nftpp/log.hpp>
