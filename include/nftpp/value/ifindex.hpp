// SPDX-License-Identifier: Apache-2.0
#pragma once
// ifindex: an interface as `iif` and `oif` take it, by name ("lo") or by index (1). nft
// resolves a name to its index when it loads the rules, in the network namespace where
// it runs: an interface that does not exist there makes the whole load fail ("Interface
// does not exist"), and one created later is not matched. For interfaces that come and
// go, match by name with iifname/oifname. A name follows ifname's rules, without the
// trailing-'*' wildcard (nft looks the name up as written); an index is a number from 0 to
// 2147483647 (the kernel's ifindex is an int).
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/detail.hpp>
#include <nftpp/value/ifname.hpp>

namespace nftpp {

NFTPP_RULE(an_interface_index_is_a_number_from_0_to_2147483647,
           "an interface index (iif, oif) is a number from 0 to 2147483647")
NFTPP_RULE(iif_and_oif_take_one_interface_not_a_wildcard,
           "iif and oif take one existing interface, not a wildcard: match \"veth*\" with iifname or oifname")

struct ifindex {
    static constexpr std::string_view nft_type = "iface_index";
    static constexpr std::int64_t max_index = 2147483647;

    template <std::size_t N>
    consteval ifindex(const char (&s)[N])
        : ifindex((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                  *parse(std::string_view(s, N - 1)))) {}
    template <detail::integer_literal I>
    consteval ifindex(I n)
        : ifindex((from(detail::widen(n)).ok() ? void() : from(detail::widen(n)).err().broken->compile_time_report(),
                  *from(detail::widen(n)))) {}

    // By index.
    static constexpr result<ifindex> from(std::int64_t n) noexcept {
        if (n < 0 || n > max_index) return error{&rules::an_interface_index_is_a_number_from_0_to_2147483647, 0};
        return ifindex(static_cast<std::uint32_t>(n));
    }
    // By name: the text is a name, also when it is digits ("1" is the interface named 1).
    static constexpr result<ifindex> parse(std::string_view s) noexcept {
        auto n = ifname::parse(s);
        if (!n) return n.err();
        if (n->is_wildcard()) return error{&rules::iif_and_oif_take_one_interface_not_a_wildcard, s.size() - 1};
        return ifindex(*n);
    }

    [[nodiscard]] constexpr bool by_name() const noexcept { return by_name_; }
    [[nodiscard]] constexpr std::string_view name() const noexcept { return name_.view(); }
    [[nodiscard]] constexpr std::uint32_t index() const noexcept { return index_; }

    friend constexpr bool operator==(const ifindex& a, const ifindex& b) noexcept {
        return a.by_name_ == b.by_name_ && (a.by_name_ ? a.name_ == b.name_ : a.index_ == b.index_);
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const ifindex& i) {
        if (i.by_name_) write_nft(out, i.name_);
        else put_uint(out, i.index_);
    }

private:
    constexpr explicit ifindex(std::uint32_t n) noexcept : name_(ifname::parse("-").value()), index_(n), by_name_(false) {}
    constexpr explicit ifindex(ifname n) noexcept : name_(n), index_(0), by_name_(true) {}

    ifname name_;
    std::uint32_t index_;
    bool by_name_;
};

}  // namespace nftpp
