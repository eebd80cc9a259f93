#pragma once
// Connection tracking values: ct_state (established | related ...), ct_status
// (ct_status::dnat ...) and ct_direction. `new` is a C++ keyword: the state is new_.
#include <cstdint>
#include <string_view>

#include <nftpp/render/sink.hpp>
#include <nftpp/value/flags.hpp>

namespace nftpp {

struct ct_state {
    std::uint32_t bits;
    static constexpr std::string_view nft_type = "ct_state";

    friend constexpr ct_state operator|(ct_state a, ct_state b) noexcept { return {a.bits | b.bits}; }
    friend constexpr bool operator==(ct_state, ct_state) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_state& s) {
        constexpr detail::flag_name names[] = {{1, "invalid"}, {2, "established"}, {4, "related"}, {8, "new"}, {64, "untracked"}};
        detail::write_flags(out, s.bits, names);
    }
};

inline constexpr ct_state invalid{1};
inline constexpr ct_state established{2};
inline constexpr ct_state related{4};
inline constexpr ct_state new_{8};
inline constexpr ct_state untracked{64};

struct ct_status {
    std::uint32_t bits;
    static constexpr std::string_view nft_type = "ct_status";

    static const ct_status expected, seen_reply, assured, confirmed, snat, dnat, dying;

    friend constexpr ct_status operator|(ct_status a, ct_status b) noexcept { return {a.bits | b.bits}; }
    friend constexpr bool operator==(ct_status, ct_status) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_status& s) {
        constexpr detail::flag_name names[] = {{1, "expected"}, {2, "seen-reply"}, {4, "assured"}, {8, "confirmed"},
                                               {16, "snat"},    {32, "dnat"},      {512, "dying"}};
        detail::write_flags(out, s.bits, names);
    }
};
inline constexpr ct_status ct_status::expected{1};
inline constexpr ct_status ct_status::seen_reply{2};
inline constexpr ct_status ct_status::assured{4};
inline constexpr ct_status ct_status::confirmed{8};
inline constexpr ct_status ct_status::snat{16};
inline constexpr ct_status ct_status::dnat{32};
inline constexpr ct_status ct_status::dying{512};

enum class ct_direction : std::uint8_t { original, reply };

template <Sink S>
constexpr void write_nft(S& out, ct_direction d) {
    out.put(d == ct_direction::original ? "original" : "reply");
}

}  // namespace nftpp
