// SPDX-License-Identifier: Apache-2.0
#pragma once
// Sinks: where rendered text goes, and the one rendering protocol. Every node, from a
// value to a whole ruleset, renders itself with a hidden friend
//     template <Sink S> friend constexpr void write_nft(S& out, const node& x);
// written once against the Sink concept, run at compile time and at run time:
//   count_sink  - counts bytes (first pass, so the script is allocated exactly once)
//   span_sink   - writes into a buffer of that size (second pass)
// Containers and commands also tell the sink where their lines come from and ask it what
// the target supports, through origin_table / origin_open / origin_mark / target_covers /
// origin_skip below. A plain sink ignores them; the render context (render/'s emitter)
// records every line's origin (table, chain, rule) and leaves out optional rules the
// target cannot load. So a node is written one way whether its text goes to a string, a
// compile-time constant or a script an executor loads.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include <nftpp/core/family.hpp>
#include <nftpp/core/feature.hpp>

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

// Where a node's text starts: its first line and the offset of that line's start.
struct origin_start {
    std::size_t line = 0;
    std::size_t offset = 0;
};

// The table whose contents follow (rules, chains and sets are reported in it).
template <Sink S>
constexpr void origin_table(S& s, family f, std::string_view table) {
    if constexpr (requires { s.enter_table(f, table); }) s.enter_table(f, table);
}

// Open before writing a node, mark after it: the node's lines are recorded as `command`
// (with the chain and the rule's index in it, when there is one) of the current table.
template <Sink S>
[[nodiscard]] constexpr origin_start origin_open(const S& s) {
    if constexpr (requires { { s.open() } -> std::same_as<origin_start>; }) return s.open();
    else return {};
}
template <Sink S>
constexpr void origin_mark(S& s, origin_start at, std::string_view command, std::string_view chain = {}, long rule = -1) {
    if constexpr (requires { s.mark(at, command, chain, rule); }) {
        if (!std::is_constant_evaluated()) s.mark(at, command, chain, rule);
    }
}

// Whether the target supports every feature in `needed` (a plain sink: yes).
template <Sink S>
[[nodiscard]] constexpr bool target_covers(const S& s, const feature_set& needed) {
    if constexpr (requires { { s.covers(needed) } -> std::same_as<bool>; }) return s.covers(needed);
    else return true;
}

namespace detail {
// The text of a node, written on its own.
template <class T>
std::string text_of(const T& node) {
    count_sink c;
    write_nft(c, node);
    std::string s(c.size, '\0');
    span_sink w{s.data()};
    write_nft(w, node);
    return s;
}
}  // namespace detail

// An optional rule left out (target_covers said no): reported with its text.
template <Sink S, class Node>
void origin_skip(S& s, std::string_view chain, long rule, const feature_set& needed, const Node& node) {
    if constexpr (requires { s.skip(chain, rule, needed, std::string{}); }) {
        if constexpr (std::is_convertible_v<const Node&, std::string_view>) s.skip(chain, rule, needed, std::string(std::string_view(node)));
        else s.skip(chain, rule, needed, detail::text_of(node));
    }
}

}  // namespace nftpp
