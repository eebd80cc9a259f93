// SPDX-License-Identifier: Apache-2.0
#pragma once
// port: a TCP, UDP, SCTP or UDP-Lite port, 0 to 65535 (nft's inet_service). Numbers
// only: nft would resolve a service name ("http") through the /etc/services of the
// machine that loads the rules, so names are refused, and so is hex ("0x50").
// No default constructor: an unset port cannot be rendered as `tcp dport 0` by accident.
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/bounded_number.hpp>

namespace nftpp {

NFTPP_RULE(a_port_is_a_number_from_0_to_65535, "a port is a number from 0 to 65535")

struct port : bounded_number<port, std::uint16_t, 65535, rules::a_port_is_a_number_from_0_to_65535> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval port(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "inet_service";
};

}  // namespace nftpp
