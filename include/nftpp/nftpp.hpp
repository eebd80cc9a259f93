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
// tables, rendering, executors and the kernel log parser.
#include <nftpp/core/core.hpp>
#include <nftpp/value/values.hpp>
#include <nftpp/expr/expr.hpp>
#include <nftpp/stmt/stmt.hpp>
#include <nftpp/ruleset/ruleset.hpp>
#include <nftpp/render/render.hpp>
#if __has_include(<nftpp/exec/exec.hpp>)
#include <nftpp/exec/exec.hpp>
#endif
#if __has_include(<nftpp/log/log.hpp>)
#include <nftpp/log/log.hpp>
#endif
