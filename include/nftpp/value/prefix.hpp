// SPDX-License-Identifier: Apache-2.0
#pragma once
// One prefix parser for both address families: "addr/len", or an address alone as its
// full-length prefix (as nft lists one). ipv4_prefix and ipv6_prefix parse with it; each
// family gives its address type, its longest length and the rule a bad length breaks, and
// its own make(address, length) (which checks the length and the host bits).
#include <cstddef>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp::detail {

template <class Prefix, class Address, int MaxLength>
constexpr result<Prefix> parse_prefix(std::string_view s, const rule& bad_length) noexcept {
    const auto slash = detail::find_char(s, '/');
    if (slash == std::string_view::npos) {
        auto a = Address::parse(s);
        if (!a) return a.err();
        return Prefix::make(*a, MaxLength);
    }
    auto a = Address::parse(s.substr(0, slash));
    if (!a) return a.err();
    auto n = parse_decimal(s.substr(slash + 1), MaxLength);
    if (!n) return error{&bad_length, slash + 1};
    auto p = Prefix::make(*a, static_cast<int>(*n));
    if (!p) return error{p.err().broken, slash};
    return p;
}

}  // namespace nftpp::detail
