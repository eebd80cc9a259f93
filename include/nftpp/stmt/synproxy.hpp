// SPDX-License-Identifier: Apache-2.0
#pragma once
// synproxy: answer a tcp SYN on the server's behalf with a SYN cookie, and open the
// connection to the server only once the client has completed the handshake (SYN flood
// protection). Not a verdict: `... >> synproxy.mss(1460).wscale(7).timestamp().sack_perm()
// >> drop` is how it is used, on packets conntrack found invalid or untracked.
//   synproxy                                          synproxy
//   synproxy.mss(1460).wscale(7)                      synproxy mss 1460 wscale 7
//   synproxy.timestamp().sack_perm()                  synproxy timestamp sack-perm
// The kernel has it on the input and forward hooks only ("Operation not supported"
// elsewhere, also when reached through a jump) of ip, ip6 and inet tables ("Protocol
// error" in arp, bridge and netdev), in any chain type. The window scale is 0 to 14
// (RFC 7323: TCP treats a larger shift as 14; nft would take 15). The module
// (nft_synproxy) may be missing: feature::synproxy, probed like the others.
#include <cstdint>
#include <optional>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/hook.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/bounded_number.hpp>
#include <nftpp/value/mss.hpp>

namespace nftpp {

NFTPP_FEATURE(synproxy, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tmeta l4proto 253 synproxy\n\t}\n}\n")

NFTPP_CHECK(synproxy_only_in_ip_ip6_inet,
    "synproxy exists only in ip, ip6 and inet tables (the kernel refuses it elsewhere: Protocol error): move the rule to one of those")
NFTPP_CHECK(synproxy_only_on_input_or_forward,
    "synproxy is only valid on the input and forward hooks (the kernel refuses it elsewhere at commit: Operation not supported), also when reached through a jump: move it to a base chain on hook::input or hook::forward")
NFTPP_RULE(a_tcp_window_scale_is_from_0_to_14, "a tcp window scale is a shift from 0 to 14 (RFC 7323: a larger one counts as 14)")

struct window_scale : bounded_number<window_scale, std::uint8_t, 14, rules::a_tcp_window_scale_is_from_0_to_14> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval window_scale(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};

struct synproxy_t {
    using statement_tag = void;
    static constexpr part_facts facts{
        .where = {.families = ip_families,
                  .family_rule = &rules::synproxy_only_in_ip_ip6_inet,
                  .hooks = static_cast<std::uint8_t>(bit(hook::input) | bit(hook::forward)),
                  .hook_rule = &rules::synproxy_only_on_input_or_forward},
        .feature = &feature::synproxy};

    std::optional<nftpp::mss> mss_{};
    std::optional<window_scale> wscale_{};
    bool timestamp_ = false;
    bool sack_perm_ = false;

    // The options the SYN-ACK announces to the client: the server's.
    [[nodiscard]] constexpr synproxy_t mss(nftpp::mss m) const noexcept {
        synproxy_t s = *this;
        s.mss_ = m;
        return s;
    }
    [[nodiscard]] constexpr synproxy_t wscale(window_scale w) const noexcept {
        synproxy_t s = *this;
        s.wscale_ = w;
        return s;
    }
    [[nodiscard]] constexpr synproxy_t timestamp() const noexcept {
        synproxy_t s = *this;
        s.timestamp_ = true;
        return s;
    }
    [[nodiscard]] constexpr synproxy_t sack_perm() const noexcept {
        synproxy_t s = *this;
        s.sack_perm_ = true;
        return s;
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const synproxy_t& s) {
        out.put("synproxy");
        if (s.mss_) {
            out.put(" mss ");
            write_nft(out, *s.mss_);
        }
        if (s.wscale_) {
            out.put(" wscale ");
            write_nft(out, *s.wscale_);
        }
        if (s.timestamp_) out.put(" timestamp");
        if (s.sack_perm_) out.put(" sack-perm");
    }
};
inline constexpr synproxy_t synproxy{};

}  // namespace nftpp
