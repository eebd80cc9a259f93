#pragma once
// reject: refuse a packet with an error the sender sees at once (ECONNREFUSED), unlike
// drop. `reject` (nft picks icmp/icmpv6/icmpx port-unreachable by family),
// `reject(tcp_reset)`, `reject(icmp_code::admin_prohibited)`,
// `reject(icmpv6_code::port_unreachable)`, `reject(icmpx_code::port_unreachable)`.
// The variant decides where it is valid: icmp pins the rule to IPv4, icmpv6 to IPv6,
// icmpx needs an inet, netdev or bridge table; tcp reset conflicts with a non-tcp match.
#include <cstdint>

#include <nftpp/core/facts.hpp>
#include <nftpp/render/sink.hpp>
#include <nftpp/value/icmp.hpp>

namespace nftpp {

// g++ 12's -Wshadow takes these scoped enumerators for declarations shadowing the
// namespace's statements of the same name; they shadow nothing.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
enum class reject_kind : std::uint8_t { plain, tcp_reset, icmp, icmpv6, icmpx };
#pragma GCC diagnostic pop

inline constexpr struct tcp_reset_t {
} tcp_reset{};

template <reject_kind K>
struct reject_t {
    using statement_tag = void;
    static constexpr reject_kind variant = K;
    static constexpr part_facts facts{
        .kind = stmt_kind::reject,
        .l3 = K == reject_kind::icmp ? layer3::ip : K == reject_kind::icmpv6 ? layer3::ip6 : layer3::any,
        .terminal = true,
        .verdict = true,
        .tcp_reset = K == reject_kind::tcp_reset};

    std::uint8_t code = 0;

    template <Sink S>
    friend constexpr void write_nft(S& out, const reject_t& r) {
        out.put("reject");
        switch (K) {
            case reject_kind::plain: break;
            case reject_kind::tcp_reset: out.put(" with tcp reset"); break;
            case reject_kind::icmp:
                out.put(" with icmp type ");
                write_nft(out, static_cast<icmp_code>(r.code));
                break;
            case reject_kind::icmpv6:
                out.put(" with icmpv6 type ");
                write_nft(out, static_cast<icmpv6_code>(r.code));
                break;
            case reject_kind::icmpx:
                out.put(" with icmpx type ");
                write_nft(out, static_cast<icmpx_code>(r.code));
                break;
        }
    }
};

struct reject_fn : reject_t<reject_kind::plain> {
    using node_type = reject_t<reject_kind::plain>;
    [[nodiscard]] constexpr reject_t<reject_kind::tcp_reset> operator()(tcp_reset_t) const noexcept { return {}; }
    [[nodiscard]] constexpr reject_t<reject_kind::icmp> operator()(icmp_code c) const noexcept {
        return {static_cast<std::uint8_t>(c)};
    }
    [[nodiscard]] constexpr reject_t<reject_kind::icmpv6> operator()(icmpv6_code c) const noexcept {
        return {static_cast<std::uint8_t>(c)};
    }
    [[nodiscard]] constexpr reject_t<reject_kind::icmpx> operator()(icmpx_code c) const noexcept {
        return {static_cast<std::uint8_t>(c)};
    }
};
inline constexpr reject_fn reject{};

}  // namespace nftpp
