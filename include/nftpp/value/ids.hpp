#pragma once
// Numeric ids: uid and gid (meta skuid/skgid), mark (meta/ct mark, listed by nft as
// 0x%08x), ttl (ip ttl and ip6 hoplimit) and log_group (log group, to nflog). Each is
// its own type, so a uid never lands where a mark belongs. Names are never resolved:
// nft would look user and group names up on the machine that loads the rules.
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(a_uid_is_a_number_from_0_to_4294967295,
           "a uid is a number from 0 to 4294967295 (names are not resolved: give the number)")
NFTPP_RULE(a_gid_is_a_number_from_0_to_4294967295,
           "a gid is a number from 0 to 4294967295 (names are not resolved: give the number)")
NFTPP_RULE(a_mark_is_a_number_from_0_to_0xffffffff, "a mark is a number from 0 to 0xffffffff")
NFTPP_RULE(a_ttl_or_hop_limit_is_a_number_from_0_to_255, "a ttl or hop limit is a number from 0 to 255")
NFTPP_RULE(a_log_group_is_a_number_from_0_to_65535,
           "a log group is a number from 0 to 65535 (nft would silently wrap a larger one)")

// uid: meta skuid. Decimal.
struct uid {
    std::uint32_t number;

    static constexpr std::string_view nft_type = "uid";
    static constexpr std::uint64_t max = 4294967295u;

    template <detail::integer_literal I>
    consteval uid(I n) : uid(from(detail::widen(n)).value()) {}

    static constexpr result<uid> from(std::int64_t n) noexcept {
        if (!detail::in_bounds(n, max)) return error{&rules::a_uid_is_a_number_from_0_to_4294967295, 0};
        return uid(tag{}, static_cast<std::uint32_t>(n));
    }
    // Decimal digits only ("1000", not "nobody").
    static constexpr result<uid> parse(std::string_view text) noexcept {
        const auto n = detail::parse_number(text, max, false);
        if (!n.ok) return error{&rules::a_uid_is_a_number_from_0_to_4294967295, n.bad};
        return uid(tag{}, static_cast<std::uint32_t>(n.value));
    }

    friend constexpr bool operator==(const uid&, const uid&) = default;
    friend constexpr auto operator<=>(const uid&, const uid&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const uid& v) {
        put_uint(out, v.number);
    }

private:
    struct tag {};
    constexpr uid(tag, std::uint32_t n) noexcept : number(n) {}
};

// gid: meta skgid. Decimal.
struct gid {
    std::uint32_t number;

    static constexpr std::string_view nft_type = "gid";
    static constexpr std::uint64_t max = 4294967295u;

    template <detail::integer_literal I>
    consteval gid(I n) : gid(from(detail::widen(n)).value()) {}

    static constexpr result<gid> from(std::int64_t n) noexcept {
        if (!detail::in_bounds(n, max)) return error{&rules::a_gid_is_a_number_from_0_to_4294967295, 0};
        return gid(tag{}, static_cast<std::uint32_t>(n));
    }
    // Decimal digits only ("100", not "users").
    static constexpr result<gid> parse(std::string_view text) noexcept {
        const auto n = detail::parse_number(text, max, false);
        if (!n.ok) return error{&rules::a_gid_is_a_number_from_0_to_4294967295, n.bad};
        return gid(tag{}, static_cast<std::uint32_t>(n.value));
    }

    friend constexpr bool operator==(const gid&, const gid&) = default;
    friend constexpr auto operator<=>(const gid&, const gid&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const gid& v) {
        put_uint(out, v.number);
    }

private:
    struct tag {};
    constexpr gid(tag, std::uint32_t n) noexcept : number(n) {}
};

// mark: packet or conntrack mark. Parsed from decimal or 0x hex; rendered as nft lists
// it, 0x and eight hex digits (0x00000001).
struct mark {
    std::uint32_t number;

    static constexpr std::string_view nft_type = "mark";
    static constexpr std::uint64_t max = 0xffffffffu;

    template <detail::integer_literal I>
    consteval mark(I n) : mark(from(detail::widen(n)).value()) {}

    static constexpr result<mark> from(std::int64_t n) noexcept {
        if (!detail::in_bounds(n, max)) return error{&rules::a_mark_is_a_number_from_0_to_0xffffffff, 0};
        return mark(tag{}, static_cast<std::uint32_t>(n));
    }
    // "42" or "0x2a".
    static constexpr result<mark> parse(std::string_view text) noexcept {
        const auto n = detail::parse_number(text, max, true);
        if (!n.ok) return error{&rules::a_mark_is_a_number_from_0_to_0xffffffff, n.bad};
        return mark(tag{}, static_cast<std::uint32_t>(n.value));
    }

    friend constexpr bool operator==(const mark&, const mark&) = default;
    friend constexpr auto operator<=>(const mark&, const mark&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const mark& v) {
        put_hex(out, v.number, 8);
    }

private:
    struct tag {};
    constexpr mark(tag, std::uint32_t n) noexcept : number(n) {}
};

// ttl: ip ttl, and ip6 hoplimit. Decimal. nft has no set datatype for it (a set of
// ttls is declared with `typeof ip ttl`), so there is no nft_type.
struct ttl {
    std::uint8_t number;

    static constexpr std::uint64_t max = 255;

    template <detail::integer_literal I>
    consteval ttl(I n) : ttl(from(detail::widen(n)).value()) {}

    static constexpr result<ttl> from(std::int64_t n) noexcept {
        if (!detail::in_bounds(n, max)) return error{&rules::a_ttl_or_hop_limit_is_a_number_from_0_to_255, 0};
        return ttl(tag{}, static_cast<std::uint8_t>(n));
    }
    static constexpr result<ttl> parse(std::string_view text) noexcept {
        const auto n = detail::parse_number(text, max, false);
        if (!n.ok) return error{&rules::a_ttl_or_hop_limit_is_a_number_from_0_to_255, n.bad};
        return ttl(tag{}, static_cast<std::uint8_t>(n.value));
    }

    friend constexpr bool operator==(const ttl&, const ttl&) = default;
    friend constexpr auto operator<=>(const ttl&, const ttl&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ttl& v) {
        put_uint(out, v.number);
    }

private:
    struct tag {};
    constexpr ttl(tag, std::uint8_t n) noexcept : number(n) {}
};

// log_group: the nflog group of `log group N`. Decimal. No nft set datatype.
struct log_group {
    std::uint16_t number;

    static constexpr std::uint64_t max = 65535;

    template <detail::integer_literal I>
    consteval log_group(I n) : log_group(from(detail::widen(n)).value()) {}

    static constexpr result<log_group> from(std::int64_t n) noexcept {
        if (!detail::in_bounds(n, max)) return error{&rules::a_log_group_is_a_number_from_0_to_65535, 0};
        return log_group(tag{}, static_cast<std::uint16_t>(n));
    }
    static constexpr result<log_group> parse(std::string_view text) noexcept {
        const auto n = detail::parse_number(text, max, false);
        if (!n.ok) return error{&rules::a_log_group_is_a_number_from_0_to_65535, n.bad};
        return log_group(tag{}, static_cast<std::uint16_t>(n.value));
    }

    friend constexpr bool operator==(const log_group&, const log_group&) = default;
    friend constexpr auto operator<=>(const log_group&, const log_group&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const log_group& v) {
        put_uint(out, v.number);
    }

private:
    struct tag {};
    constexpr log_group(tag, std::uint16_t n) noexcept : number(n) {}
};

}  // namespace nftpp
