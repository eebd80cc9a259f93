// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sinks: where rendered text goes. Every renderer is written once against the Sink
// concept and runs both at compile time and at run time:
//   count_sink  - counts bytes (first pass, so the script is allocated exactly once)
//   span_sink   - writes into a buffer of that size (second pass)
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace nftpp {

template <class S>
concept Sink = requires(S& s, std::string_view v, char c) {
    s.put(v);
    s.put(c);
};

struct count_sink {
    std::size_t size = 0;
    constexpr void put(std::string_view v) noexcept { size += v.size(); }
    constexpr void put(char) noexcept { ++size; }
};

struct span_sink {
    char* out;
    constexpr void put(std::string_view v) noexcept {
        if (std::is_constant_evaluated()) {
            for (char c : v) *out++ = c;
        } else if (!v.empty()) {
            std::memcpy(out, v.data(), v.size());
            out += v.size();
        }
    }
    constexpr void put(char c) noexcept { *out++ = c; }
};

template <Sink S>
constexpr void put_uint(S& s, std::uint64_t v) {
    char buf[20];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0) s.put(buf[--n]);
}

template <Sink S>
constexpr void put_int(S& s, std::int64_t v) {
    if (v < 0) {
        s.put('-');
        put_uint(s, static_cast<std::uint64_t>(-(v + 1)) + 1);
    } else {
        put_uint(s, static_cast<std::uint64_t>(v));
    }
}

// Lower-case hex with "0x" and at least `width` digits (nft prints marks as 0x%08x).
template <Sink S>
constexpr void put_hex(S& s, std::uint64_t v, int width = 1) {
    constexpr char digits[] = "0123456789abcdef";
    char buf[16];
    int n = 0;
    do {
        buf[n++] = digits[v & 0xf];
        v >>= 4;
    } while (v != 0);
    while (n < width && n < 16) buf[n++] = '0';
    s.put("0x");
    while (n > 0) s.put(buf[--n]);
}

}  // namespace nftpp
