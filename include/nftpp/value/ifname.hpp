#pragma once
// ifname: an interface name as iifname/oifname and device() take it: 1 to 15 bytes (the
// kernel's IFNAMSIZ counts the NUL), no '"', NUL, CR or newline, not "*" alone. A trailing
// '*' matches every name with that prefix ("veth*"); a '*' elsewhere, or escaped as a
// trailing "\*", is a plain character.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

NFTPP_RULE(an_interface_name_is_1_to_15_bytes, "an interface name is 1 to 15 bytes")
NFTPP_RULE(an_interface_name_may_not_contain_quote_nul_or_newline,
           "an interface name may not contain '\"', NUL, CR or newline")
NFTPP_RULE(an_interface_name_may_not_be_a_lone_wildcard, "an interface name may not be \"*\" alone: nft refuses all-wildcard names")

struct ifname {
    static constexpr std::string_view nft_type = "ifname";
    char data_[16];
    std::uint8_t size_;

    template <std::size_t N>
    consteval ifname(const char (&s)[N]) : ifname(parse(std::string_view(s, N - 1)).value()) {}

    static constexpr result<ifname> parse(std::string_view s) noexcept {
        if (s.empty() || s.size() > 15) return error{&rules::an_interface_name_is_1_to_15_bytes, s.size()};
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s[i] == '"' || s[i] == '\0' || s[i] == '\n' || s[i] == '\r')
                return error{&rules::an_interface_name_may_not_contain_quote_nul_or_newline, i};
        if (s == "*") return error{&rules::an_interface_name_may_not_be_a_lone_wildcard, 0};
        return ifname(tag{}, s);
    }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }
    // A trailing '*' matches every name with that prefix; nft reads a trailing "\*" as a
    // plain '*' (no wildcard).
    [[nodiscard]] constexpr bool is_wildcard() const noexcept {
        return size_ > 0 && data_[size_ - 1] == '*' && !(size_ > 1 && data_[size_ - 2] == '\\');
    }

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
