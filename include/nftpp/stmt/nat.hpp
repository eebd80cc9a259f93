// SPDX-License-Identifier: Apache-2.0
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
#include <array>
#include <concepts>
#include <cstdint>
#include <optional>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/expr/ip.hpp>
#include <nftpp/expr/ip6.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/expr/set_ref.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

NFTPP_FEATURE(nat, "table ip nftpp_probe {\n\tchain c {\n\t\ttype nat hook postrouting priority 100; policy accept;\n\t\tmasquerade\n\t}\n}\n")

// NAT's own rules: the table families, chain type and hooks of each statement, the port
// that needs a transport match, and the address family of snat/dnat.
NFTPP_CHECK(nat_only_in_ip_ip6_inet,
    "NAT statements (masquerade, snat, dnat, redirect) exist only in ip, ip6 and inet tables")
NFTPP_CHECK(masquerade_in_nat_postrouting,
    "masquerade is only valid in a nat chain on the postrouting hook, but this rule is reached from another base chain: move it to base_chain<..., nat_chain(hook::postrouting, prio::srcnat)>")
NFTPP_CHECK(snat_in_nat_postrouting_or_input,
    "snat is only valid in a nat chain on the postrouting or input hook, but this rule is reached from another base chain: move it to base_chain<..., nat_chain(hook::postrouting, prio::srcnat)>")
NFTPP_CHECK(dnat_in_nat_prerouting_or_output,
    "dnat is only valid in a nat chain on the prerouting or output hook, but this rule is reached from another base chain: move it to base_chain<..., nat_chain(hook::prerouting, prio::dstnat)>")
NFTPP_CHECK(redirect_in_nat_prerouting_or_output,
    "redirect is only valid in a nat chain on the prerouting or output hook, but this rule is reached from another base chain: move it to base_chain<..., nat_chain(hook::output, prio::dstnat)>")
NFTPP_CHECK(nat_port_needs_transport_match,
    "a NAT statement that maps a port needs a transport match earlier in the rule: add tcp.dport == ..., udp.dport == ... or meta.l4proto == tcp before it")
NFTPP_CHECK(nat_family_matches_rule_family,
    "snat/dnat(ip, ...) cannot follow an ip6 match, nor snat/dnat(ip6, ...) an ip match: use the family the rule matches")

namespace detail {
// A NAT statement valid in nat chains on `hooks`, violating which gives `hook_rule`.
constexpr placement nat_placement(std::uint8_t hooks, const rule* hook_rule) {
    return placement{.families = ip_families,
                     .family_rule = &rules::nat_only_in_ip_ip6_inet,
                     .chain_types = bit(chain_type::nat),
                     .hooks = hooks,
                     .hook_rule = hook_rule};
}
inline constexpr placement masquerade_placement =
    nat_placement(bit(hook::postrouting), &rules::masquerade_in_nat_postrouting);
inline constexpr placement redirect_placement =
    nat_placement(bit(hook::prerouting) | bit(hook::output), &rules::redirect_in_nat_prerouting_or_output);
inline constexpr placement snat_placement =
    nat_placement(bit(hook::postrouting) | bit(hook::input), &rules::snat_in_nat_postrouting_or_input);
inline constexpr placement dnat_placement =
    nat_placement(bit(hook::prerouting) | bit(hook::output), &rules::dnat_in_nat_prerouting_or_output);

// The facts of a NAT statement: terminal, needs `feature::nat`, a transport match before a
// port it maps.
constexpr part_facts nat_facts(const placement& where, bool maps_port, layer3 l3 = layer3::any, layer4 l4 = layer4::any) {
    return part_facts{.l3 = l3,
                      .l4 = l4,
                      .terminal = true,
                      .l3_rule = &rules::nat_family_matches_rule_family,
                      .needs_transport = maps_port ? &rules::nat_port_needs_transport_match : nullptr,
                      .where = where,
                      .feature = &feature::nat};
}
}  // namespace detail

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
    static constexpr part_facts facts = detail::nat_facts(detail::masquerade_placement, HasPort);
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
    static constexpr part_facts facts = detail::nat_facts(detail::redirect_placement, HasPort);
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
// The address family a NAT statement translates to, named by the selector group:
// snat(ip, ...) or snat(ip6, ...).
template <class F>
concept NatFamily = std::same_as<F, ip_t> || std::same_as<F, ip6_t>;
template <class F>
inline constexpr layer3 nat_layer_v = std::same_as<F, ip_t> ? layer3::ip : layer3::ip6;
template <layer3 L3>
using nat_address_t = std::conditional_t<L3 == layer3::ip, ipv4_addr, ipv6_addr>;

// snat_t / dnat_t: Source selects "snat"/"dnat", L3 the address family.
template <bool Source, layer3 L3, bool HasPort>
struct nat_t {
    using address = nat_address_t<L3>;
    using statement_tag = void;
    static constexpr part_facts facts =
        detail::nat_facts(Source ? detail::snat_placement : detail::dnat_placement, HasPort, L3);

    operand<address> to;
    std::optional<nat_ports> port_map{};
    nat_flags flags{};

    // With a port, an IPv6 address stands in brackets, and a prefix is followed by " : "
    // (nft parses `10.0.0.0/24 : 1024` and `[fd00::]/64 : 80`, not `10.0.0.0/24:1024`).
    template <Sink S>
    friend constexpr void write_nft(S& out, const nat_t& n) {
        out.put(Source ? "snat " : "dnat ");
        out.put(L3 == layer3::ip ? "ip to " : "ip6 to ");
        if (!n.port_map) {
            write_nft(out, n.to);
        } else {
            auto address_of = [&](const address& a) {
                if (L3 == layer3::ip6) out.put('[');
                write_nft(out, a);
                if (L3 == layer3::ip6) out.put(']');
            };
            using form = typename operand<address>::form;
            address_of(n.to.low());
            if (n.to.shape() == form::range) {
                out.put('-');
                address_of(n.to.high());
            } else if (n.to.shape() == form::prefix) {
                out.put('/');
                put_uint(out, n.to.prefix_length());
            }
            out.put(n.to.shape() == form::prefix ? " : " : ":");
            detail::put_ports(out, *n.port_map);
        }
        detail::put_nat_flags(out, n.flags);
    }
};

template <layer3 L, bool P> using snat_t = nat_t<true, L, P>;
template <layer3 L, bool P> using dnat_t = nat_t<false, L, P>;

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

NFTPP_CHECK(nat_map_key_in_the_nat_family,
    "the key of this NAT map is a field of the other IP family (ip6 in snat/dnat(ip, ...) or ip in "
                  "snat/dnat(ip6, ...)): key the map by a field of the family you translate to")

template <bool Source, layer3 L3, class Sel, fixed_string Name, bool HasPort>
struct nat_map_t {
    using statement_tag = void;
    using selector = Sel;
    using address = nat_address_t<L3>;
    using value_type = std::conditional_t<HasPort, concat_key<address, port>, address>;
    static constexpr auto map_name = Name;
    static constexpr part_facts facts = detail::nat_facts(Source ? detail::snat_placement : detail::dnat_placement,
                                                          HasPort && !Sel::facts.transport_match, L3, Sel::facts.l4);
    static constexpr std::array<set_ref_info, 1> set_refs{
        {{Name.view(), Sel::value_type::nft_type, "map", value_type::nft_type}}};

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

// snat(...) and dnat(...): one object each, templated on the family.
//   snat(ip, "10.0.0.1")   snat(ip6, subnet6, 1024)   dnat(ip, ip.daddr, at<"m">, nat_map_port)
template <bool Source>
struct nat_fn {
    template <NatFamily F>
    [[nodiscard]] constexpr nat_t<Source, nat_layer_v<F>, false> operator()(
        const F&, operand<nat_address_t<nat_layer_v<F>>> to, nat_flags f = {}) const noexcept {
        return {to, {}, f};
    }
    template <NatFamily F>
    [[nodiscard]] constexpr nat_t<Source, nat_layer_v<F>, true> operator()(
        const F&, operand<nat_address_t<nat_layer_v<F>>> to, nat_ports p, nat_flags f = {}) const noexcept {
        return {to, p, f};
    }
    template <NatFamily F, Selector Sel, fixed_string N>
    [[nodiscard]] constexpr auto operator()(const F&, const Sel&, set_ref_t<N>) const noexcept {
        return detail::make_nat_map<Source, nat_layer_v<F>, false, Sel, N>();
    }
    template <NatFamily F, Selector Sel, fixed_string N>
    [[nodiscard]] constexpr auto operator()(const F&, const Sel&, set_ref_t<N>, nat_map_port_t) const noexcept {
        return detail::make_nat_map<Source, nat_layer_v<F>, true, Sel, N>();
    }
};
inline constexpr nat_fn<true> snat{};
inline constexpr nat_fn<false> dnat{};

}  // namespace nftpp
