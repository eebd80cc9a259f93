// SPDX-License-Identifier: Apache-2.0
#pragma once
// Conntrack helper types: the kernel helpers nft can assign to a connection (ftp, tftp,
// sip ...), each with the protocols it tracks, as ct_helper_type::ftp ...; and
// ct_helper_name, the helper a connection has, as `ct.helper == ct_helper_type::ftp`
// compares it (rendered quoted, as nft writes it: ct helper "ftp"). A helper object in a
// table (ruleset/ct_helper.hpp) names its type the same way.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

// A kernel conntrack helper: its name and the protocols it tracks (bit 0 tcp, bit 1 udp).
template <fixed_string Name, std::uint8_t Protocols>
struct ct_helper_kind_t {
    static constexpr auto name = Name;
    static constexpr std::uint8_t protocols = Protocols;

    // As a match value: ct helper "ftp" (so `ct.helper == ct_helper_type::ftp >> accept`
    // reads like any typed value before >>).
    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_helper_kind_t&) {
        out.put('"');
        out.put(Name.view());
        out.put('"');
    }
};
namespace ct_helper_type {
inline constexpr ct_helper_kind_t<"ftp", 1> ftp{};
inline constexpr ct_helper_kind_t<"irc", 1> irc{};
inline constexpr ct_helper_kind_t<"pptp", 1> pptp{};
inline constexpr ct_helper_kind_t<"sane", 1> sane{};
inline constexpr ct_helper_kind_t<"Q.931", 1> q931{};
inline constexpr ct_helper_kind_t<"tftp", 2> tftp{};
inline constexpr ct_helper_kind_t<"amanda", 2> amanda{};
inline constexpr ct_helper_kind_t<"snmp", 2> snmp{};
inline constexpr ct_helper_kind_t<"netbios-ns", 2> netbios_ns{};
inline constexpr ct_helper_kind_t<"RAS", 2> ras{};
inline constexpr ct_helper_kind_t<"sip", 3> sip{};
}  // namespace ct_helper_type

// The helper of a connection: one of the kernel's helper names above (the kernel keeps at
// most 15 bytes). Made only from ct_helper_type::..., so it is always one nft knows.
class ct_helper_name {
public:
    template <fixed_string N, std::uint8_t P>
    [[nodiscard]] static constexpr ct_helper_name of(const ct_helper_kind_t<N, P>&) noexcept {
        static_assert(N.view().size() <= 15, "a kernel helper name is at most 15 bytes");
        ct_helper_name h;
        for (std::size_t i = 0; i < N.view().size(); ++i) h.text_[i] = N.view()[i];
        h.size_ = static_cast<std::uint8_t>(N.view().size());
        return h;
    }
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {text_.data(), size_}; }
    friend constexpr bool operator==(const ct_helper_name&, const ct_helper_name&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_helper_name& h) {
        out.put('"');
        out.put(h.view());
        out.put('"');
    }

private:
    constexpr ct_helper_name() = default;
    std::array<char, 15> text_{};
    std::uint8_t size_ = 0;
};

}  // namespace nftpp
