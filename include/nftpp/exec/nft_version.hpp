#pragma once
// nft_version: the version `nft --version` prints ("nftables v1.0.6 (Lester Gooch #5)"),
// and the features that depend on it. Prefer a probe (executor::probe) where one can
// answer: a version says what nft parses, not what the kernel accepts.
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

    // `destroy table` (delete if present) exists from nft 1.0.7.
    [[nodiscard]] constexpr bool supports_destroy() const noexcept { return *this >= nft_version{1, 0, 7}; }
    // `priority dstnat` on output / `srcnat` on input from 1.0.9; nftpp renders numbers anyway.
    [[nodiscard]] constexpr bool supports_keyword_nat_priority_on_output() const noexcept {
        return *this >= nft_version{1, 0, 9};
    }
    // nft validates the log prefix length itself (instead of crashing at 137 bytes) from 1.0.9.
    [[nodiscard]] constexpr bool validates_log_prefix_length() const noexcept { return *this >= nft_version{1, 0, 9}; }
};

}  // namespace nftpp::exec
