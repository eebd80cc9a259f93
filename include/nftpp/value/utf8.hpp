// SPDX-License-Identifier: Apache-2.0
#pragma once
// utf8_error: where a text stops being valid UTF-8 (internal). nft's JSON output (jansson)
// cannot carry other bytes: `nft -j list` silently drops a set element, a comment or a log
// prefix that is not UTF-8, and aborts on a rule that matches such an interface name. The
// text values (ifname, log_prefix, comment_text) therefore refuse it.
// Strict RFC 3629: no overlong forms, no surrogates (U+D800..U+DFFF), nothing above
// U+10FFFF, no truncated sequence.
#include <cstddef>
#include <string_view>

namespace nftpp::detail {

// The offset of the first byte that does not start (or continue) a valid UTF-8 sequence,
// or npos when the whole text is valid.
[[nodiscard]] constexpr std::size_t utf8_error(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = 0;       // continuation bytes
        unsigned char lo = 0x80, hi = 0xbf;  // the allowed range of the first continuation byte
        if (b >= 0xc2 && b <= 0xdf) n = 1;
        else if (b == 0xe0) { n = 2; lo = 0xa0; }
        else if (b >= 0xe1 && b <= 0xec) n = 2;
        else if (b == 0xed) { n = 2; hi = 0x9f; }  // no surrogates
        else if (b >= 0xee && b <= 0xef) n = 2;
        else if (b == 0xf0) { n = 3; lo = 0x90; }
        else if (b >= 0xf1 && b <= 0xf3) n = 3;
        else if (b == 0xf4) { n = 3; hi = 0x8f; }  // up to U+10FFFF
        else return i;  // a continuation byte first, an overlong start (C0, C1) or F5..FF
        if (s.size() - i <= n) return i;  // truncated
        for (std::size_t k = 1; k <= n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xbf)) return i;
        }
        i += n + 1;
    }
    return std::string_view::npos;
}

}  // namespace nftpp::detail
