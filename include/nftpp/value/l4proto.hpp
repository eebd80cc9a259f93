// SPDX-License-Identifier: Apache-2.0
#pragma once
// l4proto: an IP protocol number (meta l4proto, ip protocol, ip6 nexthdr; nft's
// inet_proto), rendered by name where nft lists one (tcp, udp, ipv6-icmp ...), else as
// a number. The selector objects tcp, udp, icmp and icmpv6 stand for their protocol
// too: `meta.l4proto == tcp`; the constants are l4proto::tcp, l4proto::icmpv6 ...
// nfproto: the network family of a packet in an inet table (meta nfproto), the
// constants nfproto::ipv4 and nfproto::ipv6.
//
// Each named constant is an l4proto (or nfproto) of a type of its own
// (l4proto_constant<6>, nfproto_constant<2>), so that the compiler knows which protocol
// it names: `meta.l4proto == l4proto::udp` pins the rule to udp as `meta.l4proto == udp`
// does (reject(tcp_reset) or tcp.dport after it is refused, a port NAT after a tcp, udp
// or sctp constant is accepted), and `meta.nfproto == nfproto::ipv6` pins it to IPv6 as
// `meta.nfproto == ip6` does. (A braced list of different constants has no one type:
// write `std::initializer_list<l4proto>{l4proto::tcp, l4proto::gre}` where C++ deduces
// one.)
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
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

template <std::uint8_t N>
struct l4proto_constant;

struct l4proto {
    std::uint8_t number;

    static constexpr std::string_view nft_type = "inet_proto";

    static const l4proto_constant<1> icmp;
    static const l4proto_constant<2> igmp;
    static const l4proto_constant<6> tcp;
    static const l4proto_constant<17> udp;
    static const l4proto_constant<47> gre;
    static const l4proto_constant<50> esp;
    static const l4proto_constant<51> ah;
    static const l4proto_constant<58> icmpv6;
    static const l4proto_constant<132> sctp;
    static const l4proto_constant<136> udplite;

    // l4proto p = 6;
    template <detail::integer_literal I>
    consteval l4proto(I n)
        : l4proto((from(detail::widen(n)).ok() ? void() : from(detail::widen(n)).err().broken->compile_time_report(),
                  *from(detail::widen(n)))) {}

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

    // The protocol the checker knows as L (tcp, udp, sctp, icmp, icmpv6).
    static constexpr l4proto of(layer4 l) noexcept {
        switch (l) {
            case layer4::tcp: return l4proto(tag{}, 6);
            case layer4::udp: return l4proto(tag{}, 17);
            case layer4::sctp: return l4proto(tag{}, 132);
            case layer4::icmp: return l4proto(tag{}, 1);
            case layer4::icmpv6: return l4proto(tag{}, 58);
            case layer4::any: break;
        }
        return l4proto(tag{}, 0);
    }

    friend constexpr bool operator==(const l4proto&, const l4proto&) = default;
    friend constexpr auto operator<=>(const l4proto&, const l4proto&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const l4proto& p) {
        for (const auto& n : detail::proto_names)
            if (n.number == p.number) return out.put(n.name);
        put_uint(out, p.number);
    }

protected:
    struct tag {};
    constexpr l4proto(tag, std::uint8_t n) noexcept : number(n) {}
};

namespace detail {
// The transport protocol the checker knows a protocol number as (core/facts.hpp), where
// it knows one: what makes a constant a protocol object (`protocol_layer4`).
template <std::uint8_t N>
struct l4proto_layer {};
template <layer4 L>
struct l4proto_layer_is {
    static constexpr layer4 protocol_layer4 = L;
};
template <> struct l4proto_layer<1> : l4proto_layer_is<layer4::icmp> {};
template <> struct l4proto_layer<6> : l4proto_layer_is<layer4::tcp> {};
template <> struct l4proto_layer<17> : l4proto_layer_is<layer4::udp> {};
template <> struct l4proto_layer<58> : l4proto_layer_is<layer4::icmpv6> {};
template <> struct l4proto_layer<132> : l4proto_layer_is<layer4::sctp> {};
}  // namespace detail

// l4proto::tcp and the other named constants: an l4proto whose protocol its type says.
template <std::uint8_t N>
struct l4proto_constant : l4proto, detail::l4proto_layer<N> {
    constexpr l4proto_constant() noexcept : l4proto(tag{}, N) {}
};

inline constexpr l4proto_constant<1> l4proto::icmp{};
inline constexpr l4proto_constant<2> l4proto::igmp{};
inline constexpr l4proto_constant<6> l4proto::tcp{};
inline constexpr l4proto_constant<17> l4proto::udp{};
inline constexpr l4proto_constant<47> l4proto::gre{};
inline constexpr l4proto_constant<50> l4proto::esp{};
inline constexpr l4proto_constant<51> l4proto::ah{};
inline constexpr l4proto_constant<58> l4proto::icmpv6{};
inline constexpr l4proto_constant<132> l4proto::sctp{};
inline constexpr l4proto_constant<136> l4proto::udplite{};

// meta nfproto ipv4 / ipv6 (the numbers are NFPROTO_IPV4 and NFPROTO_IPV6).
template <std::uint8_t N>
struct nfproto_constant;

struct nfproto {
    std::uint8_t number;

    static const nfproto_constant<2> ipv4;
    static const nfproto_constant<10> ipv6;

    friend constexpr bool operator==(const nfproto&, const nfproto&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const nfproto& p) {
        out.put(p.number == 2 ? "ipv4" : "ipv6");
    }

protected:
    struct tag {};
    constexpr nfproto(tag, std::uint8_t n) noexcept : number(n) {}
};

// nfproto::ipv4 / nfproto::ipv6: an nfproto whose network layer its type says.
template <std::uint8_t N>
struct nfproto_constant : nfproto {
    static_assert(N == 2 || N == 10);
    static constexpr layer3 protocol_layer3 = N == 2 ? layer3::ip : layer3::ip6;
    constexpr nfproto_constant() noexcept : nfproto(tag{}, N) {}
};

inline constexpr nfproto_constant<2> nfproto::ipv4{};
inline constexpr nfproto_constant<10> nfproto::ipv6{};

}  // namespace nftpp
