// SPDX-License-Identifier: Apache-2.0
#pragma once
// l4proto: an IP protocol number (meta l4proto, ip protocol, ip6 nexthdr; nft's
// inet_proto), rendered by name where nft lists one (tcp, udp, ipv6-icmp ...), else as
// a number. The selector objects tcp, udp, icmp and icmpv6 stand for their protocol
// too: `meta.l4proto == tcp`; the constants are l4proto::tcp, l4proto::icmpv6 ...
// nfproto: the network family of a packet in an inet table (meta nfproto).
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(an_ip_protocol_is_a_number_from_0_to_255_or_a_known_name,
           "an IP protocol is a number from 0 to 255 or one of tcp, udp, icmp, ipv6-icmp, sctp, udplite, esp, ah, "
           "gre, igmp")

namespace detail {
struct proto_name {
    std::uint8_t number;
    std::string_view name;
};
// The names nft 1.0.6 lists (from the protocol database; icmpv6 is listed as ipv6-icmp).
inline constexpr proto_name proto_names[10] = {{1, "icmp"}, {2, "igmp"},       {6, "tcp"},   {17, "udp"},
                                               {47, "gre"}, {50, "esp"},       {51, "ah"},   {58, "ipv6-icmp"},
                                               {132, "sctp"}, {136, "udplite"}};
}  // namespace detail

struct l4proto {
    std::uint8_t number;

    static constexpr std::string_view nft_type = "inet_proto";

    static const l4proto icmp, igmp, tcp, udp, gre, esp, ah, icmpv6, sctp, udplite;

    // l4proto p = 6;
    template <detail::integer_literal I>
    consteval l4proto(I n) : l4proto(from(detail::widen(n)).value()) {}

    static constexpr result<l4proto> from(std::int64_t n) noexcept {
        if (!detail::in_bounds(n, 255)) return error{&rules::an_ip_protocol_is_a_number_from_0_to_255_or_a_known_name, 0};
        return l4proto(tag{}, static_cast<std::uint8_t>(n));
    }
    // A known name ("tcp", "ipv6-icmp", also "icmpv6") or a decimal number ("6").
    static constexpr result<l4proto> parse(std::string_view text) noexcept {
        for (const auto& p : detail::proto_names)
            if (p.name == text) return l4proto(tag{}, p.number);
        if (text == "icmpv6") return l4proto(tag{}, 58);
        const auto n = detail::parse_number(text, 255, false);
        if (!n.ok) return error{&rules::an_ip_protocol_is_a_number_from_0_to_255_or_a_known_name, n.bad};
        return l4proto(tag{}, static_cast<std::uint8_t>(n.value));
    }

    friend constexpr bool operator==(const l4proto&, const l4proto&) = default;
    friend constexpr auto operator<=>(const l4proto&, const l4proto&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const l4proto& p) {
        for (const auto& n : detail::proto_names)
            if (n.number == p.number) return out.put(n.name);
        put_uint(out, p.number);
    }

private:
    struct tag {};
    constexpr l4proto(tag, std::uint8_t n) noexcept : number(n) {}
};

inline constexpr l4proto l4proto::icmp{tag{}, 1};
inline constexpr l4proto l4proto::igmp{tag{}, 2};
inline constexpr l4proto l4proto::tcp{tag{}, 6};
inline constexpr l4proto l4proto::udp{tag{}, 17};
inline constexpr l4proto l4proto::gre{tag{}, 47};
inline constexpr l4proto l4proto::esp{tag{}, 50};
inline constexpr l4proto l4proto::ah{tag{}, 51};
inline constexpr l4proto l4proto::icmpv6{tag{}, 58};
inline constexpr l4proto l4proto::sctp{tag{}, 132};
inline constexpr l4proto l4proto::udplite{tag{}, 136};

// meta nfproto ipv4 / ipv6 (the values are NFPROTO_IPV4 and NFPROTO_IPV6).
enum class nfproto : std::uint8_t { ipv4 = 2, ipv6 = 10 };

template <Sink S>
constexpr void write_nft(S& out, nfproto p) {
    out.put(p == nfproto::ipv4 ? "ipv4" : "ipv6");
}

}  // namespace nftpp
