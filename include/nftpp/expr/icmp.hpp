// SPDX-License-Identifier: Apache-2.0
#pragma once
// icmp and icmpv6 type and code matches: `icmp.type == icmp_type::echo_request`,
// `icmp.code == icmp_code::frag_needed`, `icmpv6.code == icmpv6_code::no_route` (the
// same code names as reject's; another code is `icmp_code{5}`, rendered as a number).
// The objects are also protocol constants: `meta.l4proto == icmpv6`.
#include <string_view>

#include <nftpp/expr/payload.hpp>

namespace nftpp {

template <> struct operand_traits<icmp_type> : operand_traits<void> {};
template <> struct operand_traits<icmpv6_type> : operand_traits<void> {};
template <> struct operand_traits<icmp_code> : operand_traits<void> {};
template <> struct operand_traits<icmpv6_code> : operand_traits<void> {};

struct icmp_type_t : payload_t<icmp_type_t, icmp_type> {
    static constexpr std::string_view keyword = "icmp type";
    static constexpr part_facts facts{.l4 = layer4::icmp};
};
struct icmpv6_type_t : payload_t<icmpv6_type_t, icmpv6_type> {
    static constexpr std::string_view keyword = "icmpv6 type";
    static constexpr part_facts facts{.l4 = layer4::icmpv6};
};

struct icmp_code_t : payload_t<icmp_code_t, icmp_code> {
    static constexpr std::string_view keyword = "icmp code";
    static constexpr part_facts facts{.l4 = layer4::icmp};
};
struct icmpv6_code_t : payload_t<icmpv6_code_t, icmpv6_code> {
    static constexpr std::string_view keyword = "icmpv6 code";
    static constexpr part_facts facts{.l4 = layer4::icmpv6};
};

struct icmp_t {
    static constexpr layer4 protocol_layer4 = layer4::icmp;
    icmp_type_t type;
    icmp_code_t code;
};
struct icmpv6_t {
    static constexpr layer4 protocol_layer4 = layer4::icmpv6;
    icmpv6_type_t type;
    icmpv6_code_t code;
};
inline constexpr icmp_t icmp{};
inline constexpr icmpv6_t icmpv6{};

}  // namespace nftpp
