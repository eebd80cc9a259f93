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
//   dnat(ip, numgen.inc.mod(2), {{0, "10.0.0.1"}, {1, "10.0.0.2"}})
//                                       (anonymous maps)     dnat ip to numgen inc mod 2 map { 0 : 10.0.0.1, ... }
// The address family is always written (`snat ip to`), which nft requires in inet tables
// and accepts in ip/ip6 ones. A port needs a transport match earlier in the rule
// (`tcp.dport == 80`, `meta.l4proto == tcp`). NAT statements are terminal.
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ranges>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/expr/ip.hpp>
#include <nftpp/expr/ip6.hpp>
#include <nftpp/expr/key_expr.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/expr/set_ref.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/stmt/vmap.hpp>

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
        {{Name.view(), nft_type_of<typename Sel::value_type>, "map", nft_type_of<value_type>}}};

    template <Sink S>
    friend constexpr void write_nft(S& out, const nat_map_t&) {
        out.put(Source ? "snat " : "dnat ");
        out.put(L3 == layer3::ip ? "ip to " : "ip6 to ");
        out.put(Sel::keyword);
        out.put(" map @");
        out.put(Name.view());
    }
};

// The same with a map named at run time: dnat(ip, ip.daddr, at_named(name)). The rule
// belongs in a table built at run time, which checks the map when it is checked.
template <bool Source, layer3 L3, class Sel, bool HasPort>
struct named_nat_map_t {
    using statement_tag = void;
    using selector = Sel;
    using address = nat_address_t<L3>;
    using value_type = std::conditional_t<HasPort, concat_key<address, port>, address>;
    static constexpr part_facts facts = [] {
        part_facts f = nat_map_t<Source, L3, Sel, "m", HasPort>::facts;
        f.runtime_refs = true;
        return f;
    }();
    std::string map;

    [[nodiscard]] std::array<set_ref_info, 1> runtime_set_refs() const {
        return {{{map, nft_type_of<typename Sel::value_type>, "map", nft_type_of<value_type>}}};
    }
    template <Sink S>
    friend constexpr void write_nft(S& out, const named_nat_map_t& m) {
        out.put(Source ? "snat " : "dnat ");
        out.put(L3 == layer3::ip ? "ip to " : "ip6 to ");
        out.put(Sel::keyword);
        out.put(" map @");
        out.put(m.map);
    }
};

namespace detail {
template <bool Source, layer3 L3, bool HasPort, class Sel>
auto make_named_nat_map(named_set_ref_t r) {
    if constexpr (Sel::facts.l3 == layer3::any || Sel::facts.l3 == L3) return named_nat_map_t<Source, L3, Sel, HasPort>{std::move(r.name)};
    else return assert_nat_map_key_in_the_nat_family_t<Sel>::value;
}
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
    template <NatFamily F, Selector Sel>
    [[nodiscard]] auto operator()(const F&, const Sel&, named_set_ref_t r) const {
        return detail::make_named_nat_map<Source, nat_layer_v<F>, false, Sel>(std::move(r));
    }
    template <NatFamily F, Selector Sel>
    [[nodiscard]] auto operator()(const F&, const Sel&, named_set_ref_t r, nat_map_port_t) const {
        return detail::make_named_nat_map<Source, nat_layer_v<F>, true, Sel>(std::move(r));
    }
    template <NatFamily F, Selector Sel, fixed_string N>
    [[nodiscard]] constexpr auto operator()(const F&, const Sel&, set_ref_t<N>, nat_map_port_t) const noexcept {
        return detail::make_nat_map<Source, nat_layer_v<F>, true, Sel, N>();
    }
};
// Anonymous NAT maps: the map written in the rule, keyed by a selector or by numgen.
//   dnat(ip, numgen.inc.mod(2), {{0, "10.0.0.1"}, {1, "10.0.0.2"}})
//       dnat ip to numgen inc mod 2 map { 0 : 10.0.0.1, 1 : 10.0.0.2 }
//   tcp.dport == 80 >> dnat(ip, numgen.random.mod(2), {{0, {"10.0.0.1", 8080}}, {1, {"10.0.0.2", 8080}}})
//       tcp dport 80 dnat ip to numgen random mod 2 map { 0 : 10.0.0.1 . 8080, 1 : 10.0.0.2 . 8080 }
//   dnat(ip, tcp.dport, {{80, "10.0.0.1"}, {443, "10.0.0.2"}})
//   dnat(ip6, numgen.random.mod(n), entries)   entries: a run-time range of pairs (key, address)
//                                               or (key, address . port); a key may be an integer
// A value is the address, or the address and port (a concat_key, which needs a transport
// match earlier in the rule unless the key is a transport field). The keys are checked when
// the statement is made, as an anonymous vmap's are (a compile error in a constant rule,
// value_error otherwise): each a value of the key's datatype that the key can take (numgen:
// from its offset to offset + mod - 1), no two overlapping ('conflicting intervals
// specified'), none with two values ('File exists').
NFTPP_RULE(the_keys_of_a_nat_map_overlap_make_them_disjoint,
           "two keys of this NAT map overlap, which nft refuses ('conflicting intervals specified'): make its "
           "ranges disjoint")
NFTPP_RULE(a_nat_map_needs_at_least_one_element,
           "a NAT map written in the rule needs at least one element: nft has no empty map { } (translate with "
           "a plain snat/dnat, or reject when there is nothing to translate to)")

template <class Key, class Value>
struct nat_map_entry {
    operand<Key> key;
    Value to;
};

template <bool Source, layer3 L3, class K, class Value, std::size_t N>
struct nat_anon_map_t {
    using statement_tag = void;
    using key_type = typename K::value_type;
    using value_type = Value;
    static constexpr bool maps_port = is_concat_key_v<Value>;
    static constexpr part_facts facts = detail::nat_facts(Source ? detail::snat_placement : detail::dnat_placement,
                                                          maps_port && !K::facts.transport_match, L3, K::facts.l4);
    template <class T>
    using list = std::conditional_t<N == dynamic_elements, std::vector<T>, std::array<T, N == dynamic_elements ? 1 : N>>;

    [[no_unique_address]] K key;
    list<operand<key_type>> keys;
    list<Value> values;

    template <Sink S>
    friend constexpr void write_nft(S& out, const nat_anon_map_t& m) {
        out.put(Source ? "snat " : "dnat ");
        out.put(L3 == layer3::ip ? "ip to " : "ip6 to ");
        write_key(out, m.key);
        out.put(" map { ");
        for (std::size_t i = 0; i < m.keys.size(); ++i) {
            if (i) out.put(", ");
            write_nft(out, m.keys[i]);
            out.put(" : ");
            write_nft(out, m.values[i]);
        }
        out.put(" }");
    }
};

namespace detail {
// What nft refuses in the keys of an anonymous NAT map, after each key is checked against
// the key expression.
template <class M>
constexpr void check_nat_map(const M& m) {
    if (m.keys.empty()) raise(error{&rules::a_nat_map_needs_at_least_one_element, 0});
    for (const auto& k : m.keys) check_key_value(m.key, k);
    if (intervals_overlap(m.keys.data(), m.keys.size())) raise(error{&rules::the_keys_of_a_nat_map_overlap_make_them_disjoint, 0});
    if (key_with_two_values(m.keys.data(), m.values.data(), m.keys.size()))
        raise(error{&rules::a_map_gives_one_key_two_values, 0});
}

template <bool Source, layer3 L3, class K, class V, std::size_t N, std::size_t... I>
constexpr auto make_nat_anon_map(const K& key, const nat_map_entry<typename K::value_type, V> (&xs)[N],
                                 std::index_sequence<I...>) {
    if constexpr (K::facts.l3 == layer3::any || K::facts.l3 == L3) {
        nat_anon_map_t<Source, L3, K, V, N> m{key, {{xs[I].key...}}, {{xs[I].to...}}};
        check_nat_map(m);
        return m;
    } else {
        return assert_nat_map_key_in_the_nat_family_t<K>::value;
    }
}

// A run-time entry: a nat_map_entry, or a pair (key, value) whose key is of the key's
// datatype or an integer.
template <class E>
constexpr const auto& nat_entry_key(const E& e) {
    if constexpr (requires { e.key; }) return e.key;
    else return e.first;
}
template <class E>
constexpr const auto& nat_entry_value(const E& e) {
    if constexpr (requires { e.to; }) return e.to;
    else return e.second;
}
template <class E>
using nat_entry_value_t = std::remove_cvref_t<decltype(nat_entry_value(std::declval<const E&>()))>;

template <class Key, class X>
operand<Key> nat_map_key(const X& k) {
    if constexpr (integer_literal<X>) return operand<Key>::from_integer(detail::widen(k)).value();
    else return operand<Key>(k);
}
template <class Key, class X>
concept nat_map_key_from = std::convertible_to<const X&, operand<Key>> || integer_literal<X>;
}  // namespace detail

// A range of entries for an anonymous NAT map of family L3, keyed by datatype Key.
template <class R, class Key, layer3 L3>
concept NatMapRange =
    std::ranges::input_range<R> &&
    requires(std::ranges::range_reference_t<const R&> e) {
        detail::nat_entry_key(e);
        detail::nat_entry_value(e);
    } &&
    detail::nat_map_key_from<Key, std::remove_cvref_t<decltype(detail::nat_entry_key(
                                      std::declval<std::ranges::range_reference_t<const R&>>()))>> &&
    (std::same_as<detail::nat_entry_value_t<std::ranges::range_reference_t<const R&>>, nat_address_t<L3>> ||
     std::same_as<detail::nat_entry_value_t<std::ranges::range_reference_t<const R&>>, concat_key<nat_address_t<L3>, port>>);

template <bool Source>
struct nat_anon_map_fn {
    // {{key, address}, ...}
    template <NatFamily F, KeyExpr K, std::size_t N>
    [[nodiscard]] constexpr auto operator()(const F&, const K& key,
                                            const nat_map_entry<typename K::value_type, nat_address_t<nat_layer_v<F>>> (&xs)[N]) const {
        return detail::make_nat_anon_map<Source, nat_layer_v<F>>(key, xs, std::make_index_sequence<N>{});
    }
    // {{key, {address, port}}, ...}
    template <NatFamily F, KeyExpr K, std::size_t N>
    [[nodiscard]] constexpr auto operator()(
        const F&, const K& key,
        const nat_map_entry<typename K::value_type, concat_key<nat_address_t<nat_layer_v<F>>, port>> (&xs)[N]) const {
        return detail::make_nat_anon_map<Source, nat_layer_v<F>>(key, xs, std::make_index_sequence<N>{});
    }
    // A run-time range of entries.
    template <NatFamily F, KeyExpr K, class R>
        requires NatMapRange<R, typename K::value_type, nat_layer_v<F>>
    [[nodiscard]] auto operator()(const F&, const K& key, const R& entries) const {
        constexpr layer3 L3 = nat_layer_v<F>;
        using V = detail::nat_entry_value_t<std::ranges::range_reference_t<const R&>>;
        using Key = typename K::value_type;
        if constexpr (K::facts.l3 == layer3::any || K::facts.l3 == L3) {
            nat_anon_map_t<Source, L3, K, V, dynamic_elements> m{key, {}, {}};
            if constexpr (std::ranges::sized_range<const R&>) {
                m.keys.reserve(std::ranges::size(entries));
                m.values.reserve(std::ranges::size(entries));
            }
            for (auto&& e : entries) {
                m.keys.push_back(detail::nat_map_key<Key>(detail::nat_entry_key(e)));
                m.values.push_back(detail::nat_entry_value(e));
            }
            detail::check_nat_map(m);
            return m;
        } else {
            return assert_nat_map_key_in_the_nat_family_t<K>::value;
        }
    }
};

template <bool Source>
struct nat_fn_with_maps : nat_fn<Source>, nat_anon_map_fn<Source> {
    using nat_fn<Source>::operator();
    using nat_anon_map_fn<Source>::operator();
};

inline constexpr nat_fn_with_maps<true> snat{};
inline constexpr nat_fn_with_maps<false> dnat{};

}  // namespace nftpp
