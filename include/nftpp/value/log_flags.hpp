// SPDX-License-Identifier: Apache-2.0
#pragma once
// log_flags: what the log statement adds to each line, combined with |:
// `skuid | log_flag::ether`; a flag set (value/flag_set.hpp). The flags live in namespace
// log_flag (`ether` is also the Ethernet header selector, `all` a common word); the one
// every fence uses, skuid, is also at namespace scope. As a value a set of log flags
// renders its names, comma separated in bit order ("ip options,skuid"); the log statement
// writes them in nft's own form (`flags tcp sequence,options flags skuid`, stmt/log.hpp).
#include <cstddef>
#include <cstdint>

#include <nftpp/core/error.hpp>
#include <nftpp/value/flag_set.hpp>

namespace nftpp {

NFTPP_RULE(log_flags_are_one_or_more_of_tcp_sequence_tcp_options_ip_options_skuid_ether,
           "log flags are one or more of tcp sequence, tcp options, ip options, skuid, ether, lower case and "
           "comma separated, e.g. skuid,ether")

namespace detail {
inline constexpr flag_name log_flag_names[] = {
    {1, "tcp sequence"}, {2, "tcp options"}, {4, "ip options"}, {8, "skuid"}, {16, "ether"}};
}  // namespace detail

struct log_flags
    : flag_set<log_flags, std::uint8_t, detail::log_flag_names,
               rules::log_flags_are_one_or_more_of_tcp_sequence_tcp_options_ip_options_skuid_ether> {
    using flag_set::flag_set;
    template <std::size_t N>
    consteval log_flags(const char (&names)[N]) : flag_set(literal{}, names) {}
};

namespace log_flag {
inline constexpr log_flags tcp_sequence = "tcp sequence";
inline constexpr log_flags tcp_options = "tcp options";
inline constexpr log_flags ip_options = "ip options";
inline constexpr log_flags skuid = "skuid";
inline constexpr log_flags ether = "ether";
inline constexpr log_flags all = log_flags::from_bits(log_flags::known_bits).value();  // nft's `flags all`
}  // namespace log_flag
inline constexpr log_flags skuid = log_flag::skuid;

}  // namespace nftpp
