#pragma once
// tcp_flags: fin, syn, rst, psh, ack, urg, ecn, cwr; combine with |.
#include <cstdint>
#include <string_view>

#include <nftpp/render/sink.hpp>
#include <nftpp/value/flags.hpp>

namespace nftpp {

struct tcp_flags {
    std::uint8_t bits;
    static constexpr std::string_view nft_type = "tcp_flag";

    friend constexpr tcp_flags operator|(tcp_flags a, tcp_flags b) noexcept {
        return {static_cast<std::uint8_t>(a.bits | b.bits)};
    }
    friend constexpr bool operator==(tcp_flags, tcp_flags) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const tcp_flags& f) {
        constexpr detail::flag_name names[] = {{1, "fin"},  {2, "syn"},  {4, "rst"},  {8, "psh"},
                                               {16, "ack"}, {32, "urg"}, {64, "ecn"}, {128, "cwr"}};
        detail::write_flags(out, f.bits, names);
    }
};

inline constexpr tcp_flags fin{1};
inline constexpr tcp_flags syn{2};
inline constexpr tcp_flags rst{4};
inline constexpr tcp_flags psh{8};
inline constexpr tcp_flags ack{16};
inline constexpr tcp_flags urg{32};
inline constexpr tcp_flags ecn{64};
inline constexpr tcp_flags cwr{128};

}  // namespace nftpp
