// SPDX-License-Identifier: Apache-2.0
#pragma once
// Numeric ids: uid and gid (meta skuid/skgid), mark (meta/ct mark, listed by nft as
// 0x%08x), ttl (ip ttl and ip6 hoplimit) and log_group (log group, to nflog). Each is
// its own type, so a uid never lands where a mark belongs. Names are never resolved:
// nft would look user and group names up on the machine that loads the rules.
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/bounded_number.hpp>

namespace nftpp {

NFTPP_RULE(a_uid_is_a_number_from_0_to_4294967295,
           "a uid is a number from 0 to 4294967295 (names are not resolved: give the number)")
NFTPP_RULE(a_gid_is_a_number_from_0_to_4294967295,
           "a gid is a number from 0 to 4294967295 (names are not resolved: give the number)")
NFTPP_RULE(a_mark_is_a_number_from_0_to_0xffffffff, "a mark is a number from 0 to 0xffffffff")
NFTPP_RULE(a_ttl_or_hop_limit_is_a_number_from_0_to_255, "a ttl or hop limit is a number from 0 to 255")
NFTPP_RULE(a_socket_flag_is_0_or_1, "a socket flag (socket transparent, socket wildcard) is 0 or 1")
NFTPP_RULE(a_log_group_is_a_number_from_0_to_65535,
           "a log group is a number from 0 to 65535 (nft would silently wrap a larger one)")

// uid: meta skuid. Decimal.
struct uid : bounded_number<uid, std::uint32_t, 4294967295u, rules::a_uid_is_a_number_from_0_to_4294967295> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval uid(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "uid";
};

// gid: meta skgid. Decimal.
struct gid : bounded_number<gid, std::uint32_t, 4294967295u, rules::a_gid_is_a_number_from_0_to_4294967295> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval gid(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "gid";
};

// mark: packet or conntrack mark. Parsed from decimal or 0x hex; rendered as nft lists
// it, 0x and eight hex digits (0x00000001).
struct mark : bounded_number<mark, std::uint32_t, 0xffffffffu, rules::a_mark_is_a_number_from_0_to_0xffffffff,
                             number_format{.hex = true, .width = 8}> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval mark(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "mark";
};

// ttl: ip ttl, and ip6 hoplimit. Decimal. nft has no set datatype for it (a set of
// ttls is declared with `typeof ip ttl`), so there is no nft_type.
struct ttl : bounded_number<ttl, std::uint8_t, 255, rules::a_ttl_or_hop_limit_is_a_number_from_0_to_255> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval ttl(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};

// log_group: the nflog group of `log group N`. Decimal. No nft set datatype.
struct log_group : bounded_number<log_group, std::uint16_t, 65535, rules::a_log_group_is_a_number_from_0_to_65535> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval log_group(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};

// socket_flag: socket transparent and socket wildcard, 0 or 1 (nft: "Value 2 exceeds
// valid range 0-1").
struct socket_flag : bounded_number<socket_flag, std::uint8_t, 1, rules::a_socket_flag_is_0_or_1> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval socket_flag(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};

}  // namespace nftpp
