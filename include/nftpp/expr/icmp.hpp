// SPDX-License-Identifier: Apache-2.0
#pragma once
// icmp and icmpv6 type matches: `icmp.type == icmp_type::echo_request`.
// The objects are also protocol constants: `meta.l4proto == icmpv6`.
#include <string_view>

#include <nftpp/expr/selector.hpp>

namespace nftpp {

template <> struct operand_traits<icmp_type> : operand_traits<void> {};
template <> struct operand_traits<icmpv6_type> : operand_traits<void> {};

struct icmp_type_t : selector_t<icmp_type_t, icmp_type> {
    static constexpr std::string_view keyword = "icmp type";
    static constexpr part_facts facts{.l4 = layer4::icmp};
};
struct icmpv6_type_t : selector_t<icmpv6_type_t, icmpv6_type> {
    static constexpr std::string_view keyword = "icmpv6 type";
    static constexpr part_facts facts{.l4 = layer4::icmpv6};
};

struct icmp_t {
    static constexpr layer4 protocol_layer4 = layer4::icmp;
    icmp_type_t type;
};
struct icmpv6_t {
    static constexpr layer4 protocol_layer4 = layer4::icmpv6;
    icmpv6_type_t type;
};
inline constexpr icmp_t icmp{};
inline constexpr icmpv6_t icmpv6{};

}  // namespace nftpp
