#pragma once
// port: a TCP, UDP, SCTP or UDP-Lite port, 0 to 65535 (nft's inet_service). Numbers
// only: nft would resolve a service name ("http") through the /etc/services of the
// machine that loads the rules, so names are refused, and so is hex ("0x50").
// No default constructor: an unset port cannot be rendered as `tcp dport 0` by accident.
#include <compare>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(a_port_is_a_number_from_0_to_65535, "a port is a number from 0 to 65535")

struct port {
    std::uint16_t number;

    static constexpr std::string_view nft_type = "inet_service";
    static constexpr std::uint64_t max = 65535;

    // port p = 22;   (70000 does not compile)
    template <detail::integer_literal I>
    consteval port(I n) : port(from(detail::widen(n)).value()) {}

    static constexpr result<port> from(std::int64_t n) noexcept {
        if (!detail::in_bounds(n, max)) return error{&rules::a_port_is_a_number_from_0_to_65535, 0};
        return port(tag{}, static_cast<std::uint16_t>(n));
    }

    // Decimal digits only: "22", not "ssh", "0x16" or "+22".
    static constexpr result<port> parse(std::string_view text) noexcept {
        const auto n = detail::parse_number(text, max, false);
        if (!n.ok) return error{&rules::a_port_is_a_number_from_0_to_65535, n.bad};
        return port(tag{}, static_cast<std::uint16_t>(n.value));
    }

    friend constexpr bool operator==(const port&, const port&) = default;
    friend constexpr auto operator<=>(const port&, const port&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const port& p) {
        put_uint(out, p.number);
    }

private:
    struct tag {};
    constexpr port(tag, std::uint16_t n) noexcept : number(n) {}
};

}  // namespace nftpp
