// SPDX-License-Identifier: Apache-2.0
#pragma once
// Connection tracking values: ct_state (`established | related`), ct_status
// (`ct_status::snat | ct_status::dnat`), both flag sets (value/flag_set.hpp), and
// ct_direction. Flags render as nft lists them: comma separated, in bit order
// ("established,related", "snat,dnat").
// `new` is a C++ keyword, so the state is spelled new_ (rendered "new").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/flag_set.hpp>

namespace nftpp {

NFTPP_RULE(a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked,
           "a ct state is one or more of invalid, established, related, new, untracked, lower case and "
           "comma separated, e.g. established,related")
NFTPP_RULE(a_ct_status_is_one_or_more_of_expected_seen_reply_assured_confirmed_snat_dnat_dying,
           "a ct status is one or more of expected, seen-reply, assured, confirmed, snat, dnat, dying, lower case "
           "and comma separated, e.g. snat,dnat")

namespace detail {
inline constexpr flag_name ct_state_names[] = {
    {1, "invalid"}, {2, "established"}, {4, "related"}, {8, "new"}, {64, "untracked"}};
inline constexpr flag_name ct_status_names[] = {{1, "expected"}, {2, "seen-reply"}, {4, "assured"}, {8, "confirmed"},
                                                {16, "snat"},    {32, "dnat"},      {512, "dying"}};
}  // namespace detail

// ct_state: invalid, established, related, new_, untracked, combined with |.
struct ct_state : flag_set<ct_state, std::uint32_t, detail::ct_state_names,
                           rules::a_ct_state_is_one_or_more_of_invalid_established_related_new_untracked> {
    using flag_set::flag_set;
    template <std::size_t N>
    consteval ct_state(const char (&names)[N]) : flag_set(literal{}, names) {}
    static constexpr std::string_view nft_type = "ct_state";
};

inline constexpr ct_state invalid = "invalid";
inline constexpr ct_state established = "established";
inline constexpr ct_state related = "related";
inline constexpr ct_state new_ = "new";  // "new" (a C++ keyword)
inline constexpr ct_state untracked = "untracked";

// ct_status: ct_status::expected, seen_reply, assured, confirmed, snat, dnat, dying.
struct ct_status
    : flag_set<ct_status, std::uint32_t, detail::ct_status_names,
               rules::a_ct_status_is_one_or_more_of_expected_seen_reply_assured_confirmed_snat_dnat_dying> {
    using flag_set::flag_set;
    template <std::size_t N>
    consteval ct_status(const char (&names)[N]) : flag_set(literal{}, names) {}
    static constexpr std::string_view nft_type = "ct_status";

    static const ct_status expected, seen_reply, assured, confirmed, snat, dnat, dying;
};

inline constexpr ct_status ct_status::expected = "expected";
inline constexpr ct_status ct_status::seen_reply = "seen-reply";
inline constexpr ct_status ct_status::assured = "assured";
inline constexpr ct_status ct_status::confirmed = "confirmed";
inline constexpr ct_status ct_status::snat = "snat";
inline constexpr ct_status ct_status::dnat = "dnat";
inline constexpr ct_status ct_status::dying = "dying";

// ct direction original / reply.
enum class ct_direction : std::uint8_t { original, reply };

template <Sink S>
constexpr void write_nft(S& out, ct_direction d) {
    out.put(d == ct_direction::original ? "original" : "reply");
}

}  // namespace nftpp
