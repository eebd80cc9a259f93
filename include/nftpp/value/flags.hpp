// SPDX-License-Identifier: Apache-2.0
#pragma once
// Bit-flag values (ct state, ct status, tcp flags), internal: each flag's nft name,
// rendering as nft lists a mask and parsing that list back. nft 1.0.6 lists a bare match
// (`ct state established,related`: any of these) and a mask after '/' comma separated, in
// bit order; an element of a set (where a comma separates elements) and an exact
// comparison of a combination (`ct state != established | related`) joined by " | ".
// write_nft renders the first form, write_nft_element the second.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/sink.hpp>

namespace nftpp::detail {

struct flag_name {
    std::uint32_t bit;
    std::string_view name;
};

template <Sink S, std::size_t N>
constexpr void write_flags(S& out, std::uint32_t bits, const flag_name (&names)[N], std::string_view sep = ",") {
    bool first = true;
    for (const auto& f : names) {
        if (!(bits & f.bit)) continue;
        if (!first) out.put(sep);
        first = false;
        out.put(f.name);
    }
}

// "a,b,c" (no spaces, no repeats needed) into bits; `bad` is where it goes wrong.
struct parsed_flags {
    std::uint32_t bits;
    std::size_t bad;
    bool ok;
};

template <std::size_t N>
[[nodiscard]] constexpr parsed_flags parse_flags(std::string_view s, const flag_name (&names)[N]) noexcept {
    std::uint32_t bits = 0;
    std::size_t pos = 0;
    while (true) {
        const std::size_t comma = s.find(',', pos);
        const std::size_t end = comma == std::string_view::npos ? s.size() : comma;
        const std::string_view word = s.substr(pos, end - pos);
        std::uint32_t bit = 0;
        for (const auto& f : names)
            if (f.name == word) bit = f.bit;
        if (bit == 0) return {0, pos, false};
        bits |= bit;
        if (comma == std::string_view::npos) return {bits, 0, true};
        pos = comma + 1;
    }
}

template <std::size_t N>
[[nodiscard]] constexpr std::uint32_t all_flags(const flag_name (&names)[N]) noexcept {
    std::uint32_t bits = 0;
    for (const auto& f : names) bits |= f.bit;
    return bits;
}

}  // namespace nftpp::detail
