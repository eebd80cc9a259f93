// SPDX-License-Identifier: Apache-2.0
#pragma once
// std::chrono's durations, time points and clocks, which nftpp uses (timeouts), without
// the rest of <chrono>. In C++20, libstdc++'s <chrono> also brings the calendar, time
// zones and <sstream> (about 0.3 s of compile time in every translation unit with g++ 12);
// its durations and clocks are <bits/chrono.h>, which its own <thread> and <mutex> use.
// Elsewhere this is <chrono>. A program that uses more of std::chrono includes <chrono>.
// Also put_duration: a duration as nft writes it (1h30m).
#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif

#include <cstdint>
#include <string_view>

#include <nftpp/core/sink.hpp>

namespace nftpp {

// A duration as nft writes it: 1h30m, 10s, 1d, 250ms.
template <Sink S>
constexpr void put_duration(S& out, std::uint64_t ms) {
    constexpr struct {
        std::uint64_t ms;
        std::string_view unit;
    } units[] = {{86400000, "d"}, {3600000, "h"}, {60000, "m"}, {1000, "s"}, {1, "ms"}};
    for (const auto& u : units) {
        if (ms < u.ms) continue;
        put_uint(out, ms / u.ms);
        out.put(u.unit);
        ms %= u.ms;
    }
}

}  // namespace nftpp
