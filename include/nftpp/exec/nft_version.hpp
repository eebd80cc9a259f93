// SPDX-License-Identifier: Apache-2.0
#pragma once
// nft_version: the version `nft --version` prints ("nftables v1.0.6 (Lester Gooch #5)").
// nftpp needs no version gate: it renders only what nft 1.0.6 reads (numeric priorities,
// never `destroy`), so its scripts load on 1.0.6 and later. The version is for callers
// who report or require one; to learn what the kernel supports, use a probe
// (executor::probe): a version says what nft parses, not what the kernel accepts.
#include <compare>
#include <optional>
#include <string_view>

namespace nftpp::exec {

struct nft_version {
    int major = 0, minor = 0, patch = 0;

    friend constexpr auto operator<=>(const nft_version&, const nft_version&) = default;

    static constexpr std::optional<nft_version> parse(std::string_view text) noexcept {
        const auto v = text.find(" v");
        if (v == std::string_view::npos) return std::nullopt;
        std::string_view s = text.substr(v + 2);
        int parts[3] = {0, 0, 0};
        int idx = 0;
        bool digit = false;
        for (char c : s) {
            if (c >= '0' && c <= '9') {
                if (parts[idx] > 99999) return std::nullopt;  // no real version part is this long
                parts[idx] = parts[idx] * 10 + (c - '0');
                digit = true;
            } else if (c == '.' && idx < 2 && digit) {
                ++idx;
                digit = false;
            } else {
                break;
            }
        }
        if (!digit || idx == 0) return std::nullopt;
        return nft_version{parts[0], parts[1], parts[2]};
    }
};

}  // namespace nftpp::exec
