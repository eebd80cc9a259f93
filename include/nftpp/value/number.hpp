#pragma once
// Bounded numbers: port, uid, gid, mark, ttl, log_group. Each is its own type, so a uid
// never lands where a port belongs; each literal is checked at compile time, each
// run-time number by from() or parse(). No default constructor: an unset port cannot be
// rendered as `tcp dport 0` by accident.
#include <compare>
#include <concepts>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(a_port_is_a_number_from_0_to_65535, "a port is a number from 0 to 65535")
NFTPP_RULE(a_uid_is_a_number_from_0_to_4294967295, "a uid is a number from 0 to 4294967295 (names are not resolved: give the number)")
NFTPP_RULE(a_gid_is_a_number_from_0_to_4294967295, "a gid is a number from 0 to 4294967295 (names are not resolved: give the number)")
NFTPP_RULE(a_mark_is_a_number_from_0_to_0xffffffff, "a mark is a number from 0 to 0xffffffff")
NFTPP_RULE(a_ttl_or_hop_limit_is_a_number_from_0_to_255, "a ttl or hop limit is a number from 0 to 255")
NFTPP_RULE(a_log_group_is_a_number_from_0_to_65535, "a log group is a number from 0 to 65535 (nft would silently wrap a larger one)")

#define NFTPP_BOUNDED_NUMBER(type_name, storage, max_value, rule_id, nft_name, hex_width)                          \
    struct type_name {                                                                                              \
        storage value;                                                                                              \
        static constexpr std::string_view nft_type = nft_name;                                                      \
        static constexpr std::uint64_t max = max_value;                                                             \
                                                                                                                    \
        template <std::integral I>                                                                                  \
            requires(!std::same_as<I, bool> && !std::same_as<I, char>)                                              \
        consteval type_name(I v) : value(static_cast<storage>(from(static_cast<std::int64_t>(v)).value().value)) {} \
                                                                                                                    \
        static constexpr result<type_name> from(std::int64_t v) noexcept {                                          \
            if (v < 0 || static_cast<std::uint64_t>(v) > max) return error{&rules::rule_id, 0};                     \
            return type_name(tag{}, static_cast<storage>(v));                                                       \
        }                                                                                                           \
        /* decimal only (hex for marks too); no names, no sign */                                                  \
        static constexpr result<type_name> parse(std::string_view s) noexcept {                                     \
            if (hex_width > 0 && s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {                     \
                std::uint64_t v = 0;                                                                                \
                if (s.size() > 10) return error{&rules::rule_id, 0};                                                \
                for (std::size_t i = 2; i < s.size(); ++i) {                                                        \
                    const int h = detail::hex_value(s[i]);                                                          \
                    if (h < 0) return error{&rules::rule_id, i};                                                    \
                    v = v * 16 + static_cast<std::uint64_t>(h);                                                     \
                }                                                                                                   \
                return from(static_cast<std::int64_t>(v));                                                         \
            }                                                                                                       \
            auto v = detail::parse_decimal(s, max);                                                                 \
            if (!v) return error{&rules::rule_id, 0};                                                               \
            return type_name(tag{}, static_cast<storage>(*v));                                                      \
        }                                                                                                           \
                                                                                                                    \
        friend constexpr bool operator==(const type_name&, const type_name&) = default;                             \
        friend constexpr auto operator<=>(const type_name&, const type_name&) = default;                            \
                                                                                                                    \
        template <Sink S>                                                                                           \
        friend constexpr void write_nft(S& out, const type_name& v) {                                               \
            if (hex_width > 0) put_hex(out, v.value, hex_width);                                                    \
            else put_uint(out, v.value);                                                                            \
        }                                                                                                           \
                                                                                                                    \
    private:                                                                                                        \
        struct tag {};                                                                                              \
        constexpr type_name(tag, storage v) noexcept : value(v) {}                                                  \
    };

NFTPP_BOUNDED_NUMBER(port, std::uint16_t, 65535u, a_port_is_a_number_from_0_to_65535, "inet_service", 0)
NFTPP_BOUNDED_NUMBER(uid, std::uint32_t, 4294967295u, a_uid_is_a_number_from_0_to_4294967295, "uid", 0)
NFTPP_BOUNDED_NUMBER(gid, std::uint32_t, 4294967295u, a_gid_is_a_number_from_0_to_4294967295, "gid", 0)
NFTPP_BOUNDED_NUMBER(mark, std::uint32_t, 4294967295u, a_mark_is_a_number_from_0_to_0xffffffff, "mark", 8)
NFTPP_BOUNDED_NUMBER(ttl, std::uint8_t, 255u, a_ttl_or_hop_limit_is_a_number_from_0_to_255, "integer", 0)
NFTPP_BOUNDED_NUMBER(log_group, std::uint16_t, 65535u, a_log_group_is_a_number_from_0_to_65535, "integer", 0)

#undef NFTPP_BOUNDED_NUMBER

}  // namespace nftpp
