// SPDX-License-Identifier: Apache-2.0
#pragma once
// fib results: the address type a route lookup gives (`fib daddr type local`), spelled
// fib_addrtype::local, and whether it found an output interface (`oif missing`,
// `oif exists`). Rendered with nft's names.
#include <cstdint>

#include <nftpp/core/sink.hpp>
#include <nftpp/value/icmp.hpp>

namespace nftpp {

// The route types (RTN_*) that nft 1.0.6 names, as `fib ... type` gives them.
enum class fib_addrtype : std::uint8_t {
    unspec = 0, unicast = 1, local = 2, broadcast = 3, anycast = 4, multicast = 5, blackhole = 6,
    unreachable = 7, prohibit = 8,
};

// Whether the lookup found an output interface: `fib saddr . iif oif missing`.
enum class fib_presence : std::uint8_t { missing, exists };

template <Sink S>
constexpr void write_nft(S& out, fib_addrtype t) {
    constexpr detail::enum_name names[] = {
        {0, "unspec"},    {1, "unicast"},     {2, "local"},    {3, "broadcast"}, {4, "anycast"}, {5, "multicast"},
        {6, "blackhole"}, {7, "unreachable"}, {8, "prohibit"}};
    detail::write_enum(out, static_cast<std::uint8_t>(t), names);
}
template <Sink S>
constexpr void write_nft(S& out, fib_presence p) {
    out.put(p == fib_presence::missing ? "missing" : "exists");
}

}  // namespace nftpp
