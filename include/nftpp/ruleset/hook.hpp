// SPDX-License-Identifier: Apache-2.0
#pragma once
// Base chain specification: chain type, hook and numeric priority, as one structural
// value usable as a template argument, so the table checks family x type x hook and the
// statements allowed on the hook at compile time.
//   filter_chain(hook::input)                   type filter hook input priority 0
//   nat_chain(hook::postrouting, prio::srcnat)  type nat hook postrouting priority 100
//   route_chain(hook::output, prio::mangle)     type route hook output priority -150
// Priorities are always rendered as numbers (keyword priorities differ between nft
// versions: `dstnat` on output needs nft 1.0.9).
#include <cstdint>
#include <limits>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/hook.hpp>

namespace nftpp {

// Named priorities (ip, ip6, inet; bridge has its own values, see bridge_prio).
namespace prio {
inline constexpr std::int32_t raw = -300;
inline constexpr std::int32_t mangle = -150;
inline constexpr std::int32_t dstnat = -100;
inline constexpr std::int32_t filter = 0;
inline constexpr std::int32_t security = 50;
inline constexpr std::int32_t srcnat = 100;
}  // namespace prio
namespace bridge_prio {
inline constexpr std::int32_t dstnat = -300;
inline constexpr std::int32_t filter = -200;
inline constexpr std::int32_t out = 100;
inline constexpr std::int32_t srcnat = 300;
}  // namespace bridge_prio

// Members ordered without interior padding (see expr/literal.hpp on clang 14).
struct base_spec {
    std::int32_t priority = 0;
    bool is_base = false;
    chain_type type = chain_type::filter;
    hook hk = hook::input;
    bool priority_in_range = true;  // false: the chain fires assert_chain_priority_is_int32_t
};

inline constexpr base_spec regular_spec{};

namespace detail {
consteval base_spec make_spec(chain_type t, hook h, std::int64_t p) {
    const bool in_range = p >= std::numeric_limits<std::int32_t>::min() && p <= std::numeric_limits<std::int32_t>::max();
    return base_spec{.priority = in_range ? static_cast<std::int32_t>(p) : 0,
                     .is_base = true,
                     .type = t,
                     .hk = h,
                     .priority_in_range = in_range};
}
}  // namespace detail

consteval base_spec filter_chain(hook h, std::int64_t priority = prio::filter) {
    return detail::make_spec(chain_type::filter, h, priority);
}
consteval base_spec nat_chain(hook h, std::int64_t priority) { return detail::make_spec(chain_type::nat, h, priority); }
consteval base_spec route_chain(hook h, std::int64_t priority = prio::mangle) {
    return detail::make_spec(chain_type::route, h, priority);
}

// g++ 12's -Wshadow takes these scoped enumerators for declarations shadowing the
// namespace's statements of the same name; they shadow nothing.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
enum class chain_policy : std::uint8_t { accept, drop };
#pragma GCC diagnostic pop
namespace policy {
inline constexpr chain_policy accept = chain_policy::accept;
inline constexpr chain_policy drop = chain_policy::drop;
// What nft has not: given to a chain, it is refused with the rule's sentence.
struct reject_t {};
inline constexpr reject_t reject{};
}  // namespace policy

NFTPP_CHECK(chain_policy_is_accept_or_drop,
    "a chain's policy is policy::accept or policy::drop (nft has no reject policy): end the chain with a reject rule instead, base_chain<...>(policy::drop, ..., reject)")

// base_chain<"name", hook::input>: a hook where the chain's spec belongs.
NFTPP_CHECK(base_chain_takes_a_spec_not_a_hook,
    "base_chain<name, spec> takes a chain spec, not a hook: base_chain<\"name\", filter_chain(hook::input)>, nat_chain(hook, priority) or route_chain(hook)")

}  // namespace nftpp
