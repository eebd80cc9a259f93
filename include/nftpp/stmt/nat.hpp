#pragma once
// NAT statements; valid only in `type nat` chains of ip, ip6 and inet tables, each on
// its hooks (the table checks this for every base chain that reaches the rule):
//   masquerade                          postrouting          masquerade
//   masquerade(nat_random)                                   masquerade random
//   masquerade(ports(1024, 2048))                            masquerade to :1024-2048
//   snat(ip, "10.0.0.1")                postrouting, input   snat ip to 10.0.0.1
//   snat(ip6, subnet6, 1024)                                 snat ip6 to [fd00::]/64:1024 ...
//   dnat(ip, proxy, 3128)               prerouting, output   dnat ip to 10.0.0.1:3128
//   redirect, redirect(8080)            prerouting, output   redirect to :8080
//   dnat(ip, ip.daddr, at<"m">)         (NAT maps, below)    dnat ip to ip daddr map @m
// The address family is always written (`snat ip to`), which nft requires in inet tables
// and accepts in ip/ip6 ones. A port needs a transport match earlier in the rule
// (`tcp.dport == 80`, `meta.l4proto == tcp`). NAT statements are terminal.
#include <concepts>
#include <cstdint>
#include <optional>

#include <nftpp/core/facts.hpp>
#include <nftpp/expr/ip.hpp>
#include <nftpp/expr/ip6.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/expr/set_ref.hpp>
#include <nftpp/render/sink.hpp>

namespace nftpp {

struct nat_flags {
    std::uint8_t bits = 0;
    friend constexpr nat_flags operator|(nat_flags a, nat_flags b) noexcept {
        return {static_cast<std::uint8_t>(a.bits | b.bits)};
    }
};
inline constexpr nat_flags nat_random{1};
inline constexpr nat_flags nat_fully_random{2};
inline constexpr nat_flags nat_persistent{4};

namespace detail {
template <Sink S>
constexpr void put_nat_flags(S& out, nat_flags f) {
    if (!f.bits) return;
    out.put(' ');
    bool first = true;
    auto one = [&](std::uint8_t bit, std::string_view name) {
        if (!(f.bits & bit)) return;
        if (!first) out.put(',');
        first = false;
        out.put(name);
    };
    one(1, "random");
    one(2, "fully-random");
    one(4, "persistent");
}
}  // namespace detail

// A port or port range a NAT statement maps to: `3128`, `ports(8080)`, `ports(1024, 2048)`.
struct nat_ports {
    port lo;
    port hi;
    constexpr nat_ports(port p) noexcept : lo(p), hi(p) {}
    template <std::integral I>
        requires(!std::same_as<I, bool>)
    consteval nat_ports(I v) : lo(port::from(static_cast<std::int64_t>(v)).value()), hi(lo) {}
    constexpr nat_ports(port l, port h) : lo(range<port>(l, h).lo), hi(h) {}
};
[[nodiscard]] constexpr nat_ports ports(port p) noexcept { return {p}; }
[[nodiscard]] constexpr nat_ports ports(port lo, port hi) { return {lo, hi}; }

namespace detail {
template <Sink S>
constexpr void put_ports(S& out, const nat_ports& p) {
    write_nft(out, p.lo);
    if (!(p.lo == p.hi)) {
        out.put('-');
        write_nft(out, p.hi);
    }
}
}  // namespace detail

template <bool HasPort>
struct masquerade_t {
    using statement_tag = void;
    static constexpr part_facts facts{.kind = stmt_kind::masquerade, .terminal = true, .nat = true, .nat_port = HasPort};
    nat_flags flags{};
    std::optional<nat_ports> to{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const masquerade_t& m) {
        out.put("masquerade");
        if (m.to) {
            out.put(" to :");
            detail::put_ports(out, *m.to);
        }
        detail::put_nat_flags(out, m.flags);
    }
};

struct masquerade_fn : masquerade_t<false> {
    using node_type = masquerade_t<false>;
    [[nodiscard]] constexpr masquerade_t<false> operator()(nat_flags f) const noexcept { return {f, {}}; }
    [[nodiscard]] constexpr masquerade_t<true> operator()(nat_ports p, nat_flags f = {}) const noexcept { return {f, p}; }
};
inline constexpr masquerade_fn masquerade{};

template <bool HasPort>
struct redirect_t {
    using statement_tag = void;
    static constexpr part_facts facts{.kind = stmt_kind::redirect, .terminal = true, .nat = true, .nat_port = HasPort};
    std::optional<nat_ports> to{};
    nat_flags flags{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const redirect_t& r) {
        out.put("redirect");
        if (r.to) {
            out.put(" to :");
            detail::put_ports(out, *r.to);
        }
        detail::put_nat_flags(out, r.flags);
    }
};

struct redirect_fn : redirect_t<false> {
    using node_type = redirect_t<false>;
    [[nodiscard]] constexpr redirect_t<true> operator()(nat_ports p, nat_flags f = {}) const noexcept { return {p, f}; }
};
inline constexpr redirect_fn redirect{};

// snat_t / dnat_t: Source selects "snat"/"dnat", L3 the address family.
template <bool Source, layer3 L3, bool HasPort>
struct nat_t {
    using address = std::conditional_t<L3 == layer3::ip, ipv4_addr, ipv6_addr>;
    using statement_tag = void;
    static constexpr part_facts facts{.kind = Source ? stmt_kind::snat : stmt_kind::dnat,
                                      .l3 = L3,
                                      .terminal = true,
                                      .nat = true,
                                      .nat_port = HasPort};

    operand<address> to;
    std::optional<nat_ports> port_map{};
    nat_flags flags{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const nat_t& n) {
        out.put(Source ? "snat " : "dnat ");
        out.put(L3 == layer3::ip ? "ip to " : "ip6 to ");
        const bool brackets = L3 == layer3::ip6 && n.port_map;
        if (brackets) out.put('[');
        write_nft(out, n.to);
        if (brackets) out.put(']');
        if (n.port_map) {
            out.put(':');
            detail::put_ports(out, *n.port_map);
        }
        detail::put_nat_flags(out, n.flags);
    }
};

template <layer3 L, bool P> using snat_t = nat_t<true, L, P>;
template <layer3 L, bool P> using dnat_t = nat_t<false, L, P>;

[[nodiscard]] constexpr snat_t<layer3::ip, false> snat(const ip_t&, operand<ipv4_addr> to, nat_flags f = {}) noexcept { return {to, {}, f}; }
[[nodiscard]] constexpr snat_t<layer3::ip, true> snat(const ip_t&, operand<ipv4_addr> to, nat_ports p, nat_flags f = {}) noexcept { return {to, p, f}; }
[[nodiscard]] constexpr snat_t<layer3::ip6, false> snat(const ip6_t&, operand<ipv6_addr> to, nat_flags f = {}) noexcept { return {to, {}, f}; }
[[nodiscard]] constexpr snat_t<layer3::ip6, true> snat(const ip6_t&, operand<ipv6_addr> to, nat_ports p, nat_flags f = {}) noexcept { return {to, p, f}; }
[[nodiscard]] constexpr dnat_t<layer3::ip, false> dnat(const ip_t&, operand<ipv4_addr> to, nat_flags f = {}) noexcept { return {to, {}, f}; }
[[nodiscard]] constexpr dnat_t<layer3::ip, true> dnat(const ip_t&, operand<ipv4_addr> to, nat_ports p, nat_flags f = {}) noexcept { return {to, p, f}; }
[[nodiscard]] constexpr dnat_t<layer3::ip6, false> dnat(const ip6_t&, operand<ipv6_addr> to, nat_flags f = {}) noexcept { return {to, {}, f}; }
[[nodiscard]] constexpr dnat_t<layer3::ip6, true> dnat(const ip6_t&, operand<ipv6_addr> to, nat_ports p, nat_flags f = {}) noexcept { return {to, p, f}; }

// NAT maps: the address (and port) to translate to, looked up in a named map by a key
// selector:
//   dnat(ip, ip.daddr, at<"backends">)            dnat ip to ip daddr map @backends
//       map backends { type ipv4_addr : ipv4_addr }
//   dnat(ip, tcp.dport, at<"fwd">, nat_map_port)  dnat ip to tcp dport map @fwd
//       map fwd { type inet_service : ipv4_addr . inet_service }   address and port
// The table checks that the map exists and that its key is the selector's datatype and
// its value the address (. port) of the statement's family. A port from the map needs a
// transport match earlier in the rule, unless the key itself is a transport field.
struct nat_map_port_t {};
inline constexpr nat_map_port_t nat_map_port{};

template <class X>
struct assert_nat_map_key_in_the_nat_family_t {
    static_assert(always_false_v<X>,
                  "the key of this NAT map is a field of the other IP family (ip6 in snat/dnat(ip, ...) or ip in "
                  "snat/dnat(ip6, ...)): key the map by a field of the family you translate to");
    static constexpr bool value = false;
};

template <bool Source, layer3 L3, class Sel, fixed_string Name, bool HasPort>
struct nat_map_t {
    using statement_tag = void;
    using selector = Sel;
    using address = std::conditional_t<L3 == layer3::ip, ipv4_addr, ipv6_addr>;
    using value_type = std::conditional_t<HasPort, concat_key<address, port>, address>;
    static constexpr auto map_name = Name;
    static constexpr part_facts facts{.kind = Source ? stmt_kind::snat : stmt_kind::dnat,
                                      .l3 = L3,
                                      .l4 = Sel::facts.l4,
                                      .terminal = true,
                                      .nat = true,
                                      .nat_port = HasPort && !Sel::facts.transport_match};

    template <Sink S>
    friend constexpr void write_nft(S& out, const nat_map_t&) {
        out.put(Source ? "snat " : "dnat ");
        out.put(L3 == layer3::ip ? "ip to " : "ip6 to ");
        out.put(Sel::keyword);
        out.put(" map @");
        out.put(Name.view());
    }
};

namespace detail {
// The NAT map statement, or (for a key of the other family) its named assertion, once.
template <bool Source, layer3 L3, bool HasPort, class Sel, fixed_string N>
constexpr auto make_nat_map() {
    if constexpr (Sel::facts.l3 == layer3::any || Sel::facts.l3 == L3) return nat_map_t<Source, L3, Sel, N, HasPort>{};
    else return assert_nat_map_key_in_the_nat_family_t<Sel>::value;
}
}  // namespace detail

template <Selector Sel, fixed_string N>
[[nodiscard]] constexpr auto snat(const ip_t&, const Sel&, set_ref_t<N>) noexcept {
    return detail::make_nat_map<true, layer3::ip, false, Sel, N>();
}
template <Selector Sel, fixed_string N>
[[nodiscard]] constexpr auto snat(const ip_t&, const Sel&, set_ref_t<N>, nat_map_port_t) noexcept {
    return detail::make_nat_map<true, layer3::ip, true, Sel, N>();
}
template <Selector Sel, fixed_string N>
[[nodiscard]] constexpr auto snat(const ip6_t&, const Sel&, set_ref_t<N>) noexcept {
    return detail::make_nat_map<true, layer3::ip6, false, Sel, N>();
}
template <Selector Sel, fixed_string N>
[[nodiscard]] constexpr auto snat(const ip6_t&, const Sel&, set_ref_t<N>, nat_map_port_t) noexcept {
    return detail::make_nat_map<true, layer3::ip6, true, Sel, N>();
}
template <Selector Sel, fixed_string N>
[[nodiscard]] constexpr auto dnat(const ip_t&, const Sel&, set_ref_t<N>) noexcept {
    return detail::make_nat_map<false, layer3::ip, false, Sel, N>();
}
template <Selector Sel, fixed_string N>
[[nodiscard]] constexpr auto dnat(const ip_t&, const Sel&, set_ref_t<N>, nat_map_port_t) noexcept {
    return detail::make_nat_map<false, layer3::ip, true, Sel, N>();
}
template <Selector Sel, fixed_string N>
[[nodiscard]] constexpr auto dnat(const ip6_t&, const Sel&, set_ref_t<N>) noexcept {
    return detail::make_nat_map<false, layer3::ip6, false, Sel, N>();
}
template <Selector Sel, fixed_string N>
[[nodiscard]] constexpr auto dnat(const ip6_t&, const Sel&, set_ref_t<N>, nat_map_port_t) noexcept {
    return detail::make_nat_map<false, layer3::ip6, true, Sel, N>();
}

}  // namespace nftpp
