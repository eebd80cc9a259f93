#pragma once
// l4proto: an IP protocol number (meta l4proto, ip protocol, ip6 nexthdr), rendered by
// name where nft has one (tcp, udp, ipv6-icmp ...). The selector objects tcp, udp, icmp
// and icmpv6 stand for their protocol too: `meta.l4proto == tcp`.
// nfproto: the network family of a packet in an inet table (meta nfproto).
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(an_ip_protocol_is_a_number_from_0_to_255_or_a_known_name,
           "an IP protocol is a number from 0 to 255 or one of tcp, udp, icmp, ipv6-icmp, sctp, udplite, esp, ah, gre, igmp")

namespace detail {
struct proto_name {
    std::uint8_t number;
    std::string_view name;
};
inline constexpr proto_name proto_names[] = {{1, "icmp"}, {2, "igmp"}, {6, "tcp"},   {17, "udp"},  {47, "gre"},
                                             {50, "esp"}, {51, "ah"},  {58, "ipv6-icmp"}, {132, "sctp"}, {136, "udplite"}};
}  // namespace detail

struct l4proto {
    std::uint8_t number;
    static constexpr std::string_view nft_type = "inet_proto";

    static const l4proto icmp, igmp, tcp, udp, gre, esp, ah, icmpv6, sctp, udplite;

    template <std::integral I>
        requires(!std::same_as<I, bool> && !std::same_as<I, char>)
    consteval l4proto(I v) : number(from(static_cast<std::int64_t>(v)).value().number) {}

    static constexpr result<l4proto> from(std::int64_t v) noexcept {
        if (v < 0 || v > 255) return error{&rules::an_ip_protocol_is_a_number_from_0_to_255_or_a_known_name, 0};
        return l4proto(tag{}, static_cast<std::uint8_t>(v));
    }
    static constexpr result<l4proto> parse(std::string_view s) noexcept {
        for (const auto& p : detail::proto_names)
            if (p.name == s) return l4proto(tag{}, p.number);
        if (s == "icmpv6") return l4proto(tag{}, 58);
        auto n = detail::parse_decimal(s, 255);
        if (!n) return error{&rules::an_ip_protocol_is_a_number_from_0_to_255_or_a_known_name, 0};
        return l4proto(tag{}, static_cast<std::uint8_t>(*n));
    }

    friend constexpr bool operator==(const l4proto&, const l4proto&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const l4proto& p) {
        for (const auto& n : detail::proto_names)
            if (n.number == p.number) return out.put(n.name);
        put_uint(out, p.number);
    }

private:
    struct tag {};
    constexpr l4proto(tag, std::uint8_t n) noexcept : number(n) {}
    friend struct l4proto_constants;
};

inline constexpr l4proto l4proto::icmp{1};
inline constexpr l4proto l4proto::igmp{2};
inline constexpr l4proto l4proto::tcp{6};
inline constexpr l4proto l4proto::udp{17};
inline constexpr l4proto l4proto::gre{47};
inline constexpr l4proto l4proto::esp{50};
inline constexpr l4proto l4proto::ah{51};
inline constexpr l4proto l4proto::icmpv6{58};
inline constexpr l4proto l4proto::sctp{132};
inline constexpr l4proto l4proto::udplite{136};

enum class nfproto : std::uint8_t { ipv4 = 2, ipv6 = 10 };

template <Sink S>
constexpr void write_nft(S& out, nfproto p) {
    out.put(p == nfproto::ipv4 ? "ipv4" : "ipv6");
}

}  // namespace nftpp
