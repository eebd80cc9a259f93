// SPDX-License-Identifier: Apache-2.0
#pragma once
// Connection tracking values: ct_state (`established | related`), ct_status
// (`ct_status::snat | ct_status::dnat`) and ct_direction. Flags render as nft lists
// them: comma separated, in bit order ("established,related", "snat,dnat").
// `new` is a C++ keyword, so the state is spelled new_ (rendered "new").
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/flags.hpp>

namespace nftpp {

NFTPP_RULE(a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked,
           "a ct state is one or more of invalid, established, related, new, untracked, lower case and "
           "comma separated, e.g. established,related")
NFTPP_RULE(a_ct_status_is_one_or_more_of_expected_seen_reply_assured_confirmed_snat_dnat_dying,
           "a ct status is one or more of expected, seen-reply, assured, confirmed, snat, dnat, dying, lower case "
           "and comma separated, e.g. snat,dnat")

namespace detail {
inline constexpr flag_name ct_state_names[5] = {
    {1, "invalid"}, {2, "established"}, {4, "related"}, {8, "new"}, {64, "untracked"}};
inline constexpr flag_name ct_status_names[7] = {{1, "expected"}, {2, "seen-reply"}, {4, "assured"}, {8, "confirmed"},
                                                 {16, "snat"},    {32, "dnat"},      {512, "dying"}};
}  // namespace detail

// ct_state: invalid, established, related, new_, untracked, combined with |.
struct ct_state {
    std::uint32_t bits;

    static constexpr std::string_view nft_type = "ct_state";
    static constexpr std::uint32_t known_bits = detail::all_flags(detail::ct_state_names);

    // One or more known bits (nft's numeric form, e.g. 6 for established,related).
    static constexpr result<ct_state> from_bits(std::uint32_t b) noexcept {
        if (b == 0 || (b & ~known_bits))
            return error{&rules::a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked, 0};
        return ct_state(tag{}, b);
    }
    // "established,related" (nft's listing form).
    static constexpr result<ct_state> parse(std::string_view text) noexcept {
        const auto f = detail::parse_flags(text, detail::ct_state_names);
        if (!f.ok) return error{&rules::a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked, f.bad};
        return ct_state(tag{}, f.bits);
    }

    [[nodiscard]] constexpr bool has(ct_state s) const noexcept { return (bits & s.bits) == s.bits; }

    friend constexpr ct_state operator|(ct_state a, ct_state b) noexcept { return ct_state(tag{}, a.bits | b.bits); }
    friend constexpr bool operator==(const ct_state&, const ct_state&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_state& s) {
        detail::write_flags(out, s.bits, detail::ct_state_names);
    }
    // As an element of a set, or as the value of an exact comparison (== or !=): flags
    // joined by " | ", as nft lists them there (in a set a comma separates elements).
    template <Sink S>
    friend constexpr void write_nft_element(S& out, const ct_state& s) {
        detail::write_flags(out, s.bits, detail::ct_state_names, " | ");
    }

private:
    struct tag {};
    constexpr ct_state(tag, std::uint32_t b) noexcept : bits(b) {}
};

inline constexpr ct_state invalid = ct_state::from_bits(1).value();
inline constexpr ct_state established = ct_state::from_bits(2).value();
inline constexpr ct_state related = ct_state::from_bits(4).value();
inline constexpr ct_state new_ = ct_state::from_bits(8).value();  // "new" (a C++ keyword)
inline constexpr ct_state untracked = ct_state::from_bits(64).value();

// ct_status: ct_status::expected, seen_reply, assured, confirmed, snat, dnat, dying.
struct ct_status {
    std::uint32_t bits;

    static constexpr std::string_view nft_type = "ct_status";
    static constexpr std::uint32_t known_bits = detail::all_flags(detail::ct_status_names);

    static const ct_status expected, seen_reply, assured, confirmed, snat, dnat, dying;

    static constexpr result<ct_status> from_bits(std::uint32_t b) noexcept {
        if (b == 0 || (b & ~known_bits))
            return error{&rules::a_ct_status_is_one_or_more_of_expected_seen_reply_assured_confirmed_snat_dnat_dying, 0};
        return ct_status(tag{}, b);
    }
    // "snat,dnat" (nft's listing form).
    static constexpr result<ct_status> parse(std::string_view text) noexcept {
        const auto f = detail::parse_flags(text, detail::ct_status_names);
        if (!f.ok)
            return error{&rules::a_ct_status_is_one_or_more_of_expected_seen_reply_assured_confirmed_snat_dnat_dying,
                         f.bad};
        return ct_status(tag{}, f.bits);
    }

    [[nodiscard]] constexpr bool has(ct_status s) const noexcept { return (bits & s.bits) == s.bits; }

    friend constexpr ct_status operator|(ct_status a, ct_status b) noexcept { return ct_status(tag{}, a.bits | b.bits); }
    friend constexpr bool operator==(const ct_status&, const ct_status&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_status& s) {
        detail::write_flags(out, s.bits, detail::ct_status_names);
    }
    // As an element of a set, or as the value of an exact comparison (== or !=): flags
    // joined by " | ", as nft lists them there (in a set a comma separates elements).
    template <Sink S>
    friend constexpr void write_nft_element(S& out, const ct_status& s) {
        detail::write_flags(out, s.bits, detail::ct_status_names, " | ");
    }

private:
    struct tag {};
    constexpr ct_status(tag, std::uint32_t b) noexcept : bits(b) {}
};

inline constexpr ct_status ct_status::expected{tag{}, 1};
inline constexpr ct_status ct_status::seen_reply{tag{}, 2};
inline constexpr ct_status ct_status::assured{tag{}, 4};
inline constexpr ct_status ct_status::confirmed{tag{}, 8};
inline constexpr ct_status ct_status::snat{tag{}, 16};
inline constexpr ct_status ct_status::dnat{tag{}, 32};
inline constexpr ct_status ct_status::dying{tag{}, 512};

// ct direction original / reply.
enum class ct_direction : std::uint8_t { original, reply };

template <Sink S>
constexpr void write_nft(S& out, ct_direction d) {
    out.put(d == ct_direction::original ? "original" : "reply");
}

}  // namespace nftpp
