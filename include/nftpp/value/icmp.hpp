// SPDX-License-Identifier: Apache-2.0
#pragma once
// ICMP and ICMPv6 types (icmp.type == icmp_type::echo_request) and the reject codes of
// reject(icmp_code::...), reject(icmpv6_code::...), reject(icmpx_code::...), rendered with
// nft's names.
#include <cstdint>
#include <string_view>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

enum class icmp_type : std::uint8_t {
    echo_reply = 0, destination_unreachable = 3, source_quench = 4, redirect = 5, echo_request = 8,
    router_advertisement = 9, router_solicitation = 10, time_exceeded = 11, parameter_problem = 12,
    timestamp_request = 13, timestamp_reply = 14, info_request = 15, info_reply = 16,
    address_mask_request = 17, address_mask_reply = 18,
};

enum class icmpv6_type : std::uint8_t {
    destination_unreachable = 1, packet_too_big = 2, time_exceeded = 3, parameter_problem = 4,
    echo_request = 128, echo_reply = 129, mld_listener_query = 130, mld_listener_report = 131,
    mld_listener_done = 132, nd_router_solicit = 133, nd_router_advert = 134, nd_neighbor_solicit = 135,
    nd_neighbor_advert = 136, nd_redirect = 137, mld2_listener_report = 143,
};

enum class icmp_code : std::uint8_t {
    net_unreachable = 0, host_unreachable = 1, prot_unreachable = 2, port_unreachable = 3, frag_needed = 4,
    net_prohibited = 9, host_prohibited = 10, admin_prohibited = 13,
};

enum class icmpv6_code : std::uint8_t {
    no_route = 0, admin_prohibited = 1, addr_unreachable = 3, port_unreachable = 4, policy_fail = 5, reject_route = 6,
};

enum class icmpx_code : std::uint8_t { no_route = 0, port_unreachable = 1, host_unreachable = 2, admin_prohibited = 3 };

// nft's set datatypes for them: `set<"errs", concat_key<icmpv6_type, icmpv6_code>>` is
// `type icmpv6_type . icmpv6_code`.
template <> struct nft_type_trait<icmp_type> { static constexpr std::string_view value = "icmp_type"; };
template <> struct nft_type_trait<icmpv6_type> { static constexpr std::string_view value = "icmpv6_type"; };
template <> struct nft_type_trait<icmp_code> { static constexpr std::string_view value = "icmp_code"; };
template <> struct nft_type_trait<icmpv6_code> { static constexpr std::string_view value = "icmpv6_code"; };

namespace detail {
struct enum_name {
    std::uint8_t value;
    std::string_view name;
};
template <Sink S, std::size_t N>
constexpr void write_enum(S& out, std::uint8_t v, const enum_name (&names)[N]) {
    for (const auto& n : names)
        if (n.value == v) return out.put(n.name);
    put_uint(out, v);
}
}  // namespace detail

template <Sink S>
constexpr void write_nft(S& out, icmp_type t) {
    constexpr detail::enum_name names[] = {
        {0, "echo-reply"}, {3, "destination-unreachable"}, {4, "source-quench"}, {5, "redirect"}, {8, "echo-request"},
        {9, "router-advertisement"}, {10, "router-solicitation"}, {11, "time-exceeded"}, {12, "parameter-problem"},
        {13, "timestamp-request"}, {14, "timestamp-reply"}, {15, "info-request"}, {16, "info-reply"},
        {17, "address-mask-request"}, {18, "address-mask-reply"}};
    detail::write_enum(out, static_cast<std::uint8_t>(t), names);
}
template <Sink S>
constexpr void write_nft(S& out, icmpv6_type t) {
    constexpr detail::enum_name names[] = {
        {1, "destination-unreachable"}, {2, "packet-too-big"}, {3, "time-exceeded"}, {4, "parameter-problem"},
        {128, "echo-request"}, {129, "echo-reply"}, {130, "mld-listener-query"}, {131, "mld-listener-report"},
        {132, "mld-listener-done"}, {133, "nd-router-solicit"}, {134, "nd-router-advert"},
        {135, "nd-neighbor-solicit"}, {136, "nd-neighbor-advert"}, {137, "nd-redirect"}, {143, "mld2-listener-report"}};
    detail::write_enum(out, static_cast<std::uint8_t>(t), names);
}
template <Sink S>
constexpr void write_nft(S& out, icmp_code c) {
    constexpr detail::enum_name names[] = {{0, "net-unreachable"}, {1, "host-unreachable"}, {2, "prot-unreachable"},
                                           {3, "port-unreachable"}, {4, "frag-needed"}, {9, "net-prohibited"},
                                           {10, "host-prohibited"}, {13, "admin-prohibited"}};
    detail::write_enum(out, static_cast<std::uint8_t>(c), names);
}
template <Sink S>
constexpr void write_nft(S& out, icmpv6_code c) {
    constexpr detail::enum_name names[] = {{0, "no-route"}, {1, "admin-prohibited"}, {3, "addr-unreachable"},
                                           {4, "port-unreachable"}, {5, "policy-fail"}, {6, "reject-route"}};
    detail::write_enum(out, static_cast<std::uint8_t>(c), names);
}
template <Sink S>
constexpr void write_nft(S& out, icmpx_code c) {
    constexpr detail::enum_name names[] = {{0, "no-route"}, {1, "port-unreachable"}, {2, "host-unreachable"},
                                           {3, "admin-prohibited"}};
    detail::write_enum(out, static_cast<std::uint8_t>(c), names);
}

}  // namespace nftpp
