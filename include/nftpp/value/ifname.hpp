// SPDX-License-Identifier: Apache-2.0
#pragma once
// ifname: an interface name as iifname/oifname and device() take it: 1 to 15 bytes (the
// kernel's IFNAMSIZ counts the NUL) of valid UTF-8, no '"', NUL, CR or newline, not "*"
// alone. A trailing '*' matches every name with that prefix ("veth*"); a '*' elsewhere is
// a plain character.
// Refused although Linux allows them: names that are not UTF-8 (nft's JSON cannot carry
// them: `nft -j list` drops such a set element and aborts on such a rule, so nothing could
// read the ruleset back), and the escaped trailing "\*" (nft stores a plain '*' but lists
// it as "veth*", the wildcard, so a read-back would turn the name into a wildcard).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/utf8.hpp>

namespace nftpp {

NFTPP_RULE(an_interface_name_is_1_to_15_bytes, "an interface name is 1 to 15 bytes")
NFTPP_RULE(an_interface_name_may_not_contain_quote_nul_or_newline,
           "an interface name may not contain '\"', NUL, CR or newline")
NFTPP_RULE(an_interface_name_may_not_be_a_lone_wildcard, "an interface name may not be \"*\" alone: nft refuses all-wildcard names")
NFTPP_RULE(an_interface_name_is_valid_utf_8,
           "an interface name must be valid UTF-8: nft's JSON listing cannot carry other bytes (rename the interface)")
NFTPP_RULE(an_interface_name_may_not_end_in_an_escaped_wildcard,
           "an interface name may not end in an escaped \"\\*\": nft lists it back as the wildcard \"*\" (rename the interface)")

struct ifname {
    static constexpr std::string_view nft_type = "ifname";
    char data_[16];
    std::uint8_t size_;

    template <std::size_t N>
    consteval ifname(const char (&s)[N])
        : ifname((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                 *parse(std::string_view(s, N - 1)))) {}

    static constexpr result<ifname> parse(std::string_view s) noexcept {
        if (s.empty() || s.size() > 15) return error{&rules::an_interface_name_is_1_to_15_bytes, s.size()};
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s[i] == '"' || s[i] == '\0' || s[i] == '\n' || s[i] == '\r')
                return error{&rules::an_interface_name_may_not_contain_quote_nul_or_newline, i};
        if (s == "*") return error{&rules::an_interface_name_may_not_be_a_lone_wildcard, 0};
        if (const auto bad = detail::utf8_error(s); bad != std::string_view::npos)
            return error{&rules::an_interface_name_is_valid_utf_8, bad};
        if (s.size() >= 2 && s[s.size() - 1] == '*' && s[s.size() - 2] == '\\')
            return error{&rules::an_interface_name_may_not_end_in_an_escaped_wildcard, s.size() - 2};
        return ifname(tag{}, s);
    }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }
    // A trailing '*' matches every name with that prefix (an escaped "\*" is refused).
    [[nodiscard]] constexpr bool is_wildcard() const noexcept { return size_ > 0 && data_[size_ - 1] == '*'; }

    friend constexpr bool operator==(const ifname& a, const ifname& b) noexcept { return a.view() == b.view(); }
    friend constexpr bool operator<(const ifname& a, const ifname& b) noexcept { return a.view() < b.view(); }

    template <Sink S>
    friend constexpr void write_nft(S& out, const ifname& n) {
        out.put('"');
        out.put(n.view());
        out.put('"');
    }

private:
    struct tag {};
    constexpr ifname(tag, std::string_view s) noexcept : data_{}, size_(static_cast<std::uint8_t>(s.size())) {
        for (std::size_t i = 0; i < s.size(); ++i) data_[i] = s[i];
    }
};

}  // namespace nftpp
