// SPDX-License-Identifier: Apache-2.0
#pragma once
// best_executor_for: the fastest executor this build has for a target.
//
//   auto ex = exec::best_executor_for("sandbox-1");   // a namespace from `ip netns add`
//   auto ex = exec::best_executor_for();              // the caller's own namespace
//
// With libnftables linked (define NFTPP_WITH_LIBNFTABLES and link -lnftables; nftpp's
// CMake does both for its examples when libnftables is found) it is a
// persistent_executor: one context kept open, no process per apply. Without it, the
// process executors: netns_executor (nsenter + nft) or host_executor (nft). Both kinds
// give the same outcomes; docs/executors.md says when to choose one by hand.
// The namespace name is checked as for netns_executor::named (a bad one gives an executor
// whose every operation is `namespace_invalid`).
#include <memory>
#include <string_view>

#include <nftpp/exec/executor.hpp>
#include <nftpp/exec/host_executor.hpp>
#include <nftpp/exec/netns_executor.hpp>
#if defined(NFTPP_WITH_LIBNFTABLES) && NFTPP_WITH_LIBNFTABLES
#include <nftpp/exec/persistent_executor.hpp>
#endif

namespace nftpp::exec {

// True when best_executor_for gives the in-process persistent executor.
[[nodiscard]] constexpr bool best_executor_is_persistent() noexcept {
#if defined(NFTPP_WITH_LIBNFTABLES) && NFTPP_WITH_LIBNFTABLES
    return true;
#else
    return false;
#endif
}

// An empty name means the caller's own network namespace.
[[nodiscard]] inline std::unique_ptr<executor> best_executor_for(std::string_view netns = {},
                                                                 [[maybe_unused]] const executor_options& o = {}) {
#if defined(NFTPP_WITH_LIBNFTABLES) && NFTPP_WITH_LIBNFTABLES
    if (netns.empty()) return std::make_unique<persistent_executor>();
    return std::make_unique<persistent_executor>(persistent_executor::named(netns));
#else
    if (netns.empty()) return std::make_unique<host_executor>(o);
    return std::make_unique<netns_executor>(netns_executor::named(netns, o));
#endif
}

}  // namespace nftpp::exec
