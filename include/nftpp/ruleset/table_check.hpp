#pragma once
// Table checks: everything that needs the table's family or more than one chain.
//   family x chain type x hook, nat priority, unique names;
//   matches and statements the family has (no ip6 in ip, no ct in arp, icmpx reject ...);
//   the chain graph: targets exist in the table, are regular chains, no cycle reachable
//   from a base chain, depth <= 15;
//   hook-sensitive statements (masquerade, snat, dnat, redirect, reject) for EVERY base
//   chain that reaches the rule through jump or goto — `nft -c` misses these; the kernel
//   refuses them only at commit;
//   set references exist and have the selector's key datatype;
//   every verdict map's jump and goto targets exist and are regular chains, whether a
//   rule uses the map or not (the kernel resolves them when the map is loaded).
// All of it is constexpr over static descriptors of the chain types, evaluated once when
// the table is built; the first failure fires one named assertion.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <variant>

#include <boost/hana/tuple.hpp>

#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/ruleset/assertions.hpp>
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/rule_check.hpp>
#include <nftpp/ruleset/map.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/stmt/nat.hpp>
#include <nftpp/stmt/reject.hpp>
#include <nftpp/stmt/verdict.hpp>
#include <nftpp/expr/vmap.hpp>

namespace nftpp {

struct set_ref_info {
    std::string_view set;
    std::string_view key_type;
    std::string_view kind = "set";  // "set", "map" or "vmap": what the use needs
    std::string_view value_type;     // for a data map
};

struct chain_desc {
    std::string_view name;
    base_spec spec;
    std::uint32_t kinds = 0;
    bool uses_ip = false, uses_ip6 = false, uses_l4 = false, conntrack = false, inet_only = false;
    std::uint8_t reject_variants = 0;
    const std::string_view* targets = nullptr;
    std::size_t n_targets = 0;
    const set_ref_info* set_refs = nullptr;
    std::size_t n_set_refs = 0;
};

struct set_desc {
    std::string_view name;
    std::string_view key_type;
    std::string_view kind = "set";
    std::string_view value_type;
    const std::string_view* targets = nullptr;  // a verdict map's jump and goto targets
    std::size_t n_targets = 0;
};

namespace detail {

// The set or map a rule part refers to, and what it needs of it.
template <class P>
struct part_set_ref {
    static constexpr bool present = false;
};
template <class Sel, class Op, fixed_string N>
struct part_set_ref<rel_t<Sel, Op, set_ref_t<N>>> {
    static constexpr bool present = true;
    static constexpr set_ref_info info{N.view(), Sel::value_type::nft_type, "set", {}};
};
template <class Sel, fixed_string N>
struct part_set_ref<vmap_ref_stmt_t<Sel, N>> {
    static constexpr bool present = true;
    static constexpr set_ref_info info{N.view(), Sel::value_type::nft_type, "vmap", {}};
};
template <bool C, class Sel, fixed_string N>
struct part_set_ref<mark_set_map_t<C, Sel, N>> {
    static constexpr bool present = true;
    static constexpr set_ref_info info{N.view(), Sel::value_type::nft_type, "map", mark::nft_type};
};
template <bool Src, layer3 L3, class Sel, fixed_string N, bool Port>
struct part_set_ref<nat_map_t<Src, L3, Sel, N, Port>> {
    static constexpr bool present = true;
    static constexpr set_ref_info info{N.view(), Sel::value_type::nft_type, "map",
                                       nat_map_t<Src, L3, Sel, N, Port>::value_type::nft_type};
};
template <class P>
inline constexpr bool is_set_ref_rel_v = part_set_ref<P>::present;

// The chain names a rule part may transfer control to: a jump or goto, or the jumps and
// gotos among a verdict map's values.
template <class P>
struct part_targets {
    static constexpr std::size_t count = is_chain_verdict_v<P> ? 1 : 0;
    static constexpr std::array<std::string_view, count> names = [] {
        std::array<std::string_view, count> a{};
        if constexpr (is_chain_verdict_v<P>) a[0] = P::target.view();
        return a;
    }();
};
// The targets of the verdicts in a list (a map's values: types, or std::variants of them).
template <class... V>
struct verdict_targets {
    static constexpr std::size_t count = (0 + ... + part_targets<V>::count);
    static constexpr std::array<std::string_view, count> names = [] {
        std::array<std::string_view, count> a{};
        std::size_t i = 0;
        (
            [&] {
                for (auto n : part_targets<V>::names) a[i++] = n;
            }(),
            ...);
        (void)i;
        return a;
    }();
};
// A verdict a run-time map element holds: any alternative of the variant.
template <class... V>
struct part_targets<std::variant<V...>> : verdict_targets<V...> {};
template <class Sel, class... V>
struct part_targets<vmap_stmt_t<Sel, V...>> {
    static constexpr std::size_t count = (0 + ... + (is_chain_verdict_v<V> ? 1 : 0));
    static constexpr std::array<std::string_view, count> names = [] {
        std::array<std::string_view, count> a{};
        std::size_t i = 0;
        (
            [&] {
                if constexpr (is_chain_verdict_v<V>) a[i++] = V::target.view();
            }(),
            ...);
        (void)i;
        return a;
    }();
};

template <class R>
struct rule_refs;
template <class... P>
struct rule_refs<rule_t<P...>> {
    static constexpr std::size_t n_targets = (0 + ... + part_targets<P>::count);
    static constexpr std::size_t n_set_refs = (0 + ... + (is_set_ref_rel_v<P> ? 1 : 0));

    template <class T>
    static constexpr void add_target(std::array<std::string_view, n_targets>& a, std::size_t& i) {
        for (auto n : part_targets<T>::names) a[i++] = n;
    }
    template <class T>
    static constexpr void add_set_ref(std::array<set_ref_info, n_set_refs>& a, std::size_t& i) {
        if constexpr (is_set_ref_rel_v<T>) a[i++] = part_set_ref<T>::info;
    }
    static constexpr std::array<std::string_view, n_targets> targets = [] {
        std::array<std::string_view, n_targets> a{};
        std::size_t i = 0;
        (add_target<P>(a, i), ...);
        (void)i;
        return a;
    }();
    static constexpr std::array<set_ref_info, n_set_refs> set_refs = [] {
        std::array<set_ref_info, n_set_refs> a{};
        std::size_t i = 0;
        (add_set_ref<P>(a, i), ...);
        (void)i;
        return a;
    }();
};

template <class Rules>
struct chain_rules_static;
template <class... Items>
struct chain_rules_static<boost::hana::tuple<Items...>> {
    // arrays rather than fold expressions: clang limits folds to 256 operands
    static constexpr std::size_t target_counts[sizeof...(Items) + 1] = {0, rule_refs<item_rule_t<Items>>::n_targets...};
    static constexpr std::size_t set_ref_counts[sizeof...(Items) + 1] = {0, rule_refs<item_rule_t<Items>>::n_set_refs...};
    static constexpr std::size_t sum(const std::size_t* v, std::size_t n) {
        std::size_t s = 0;
        for (std::size_t i = 0; i < n; ++i) s += v[i];
        return s;
    }
    static constexpr std::size_t n_targets = sum(target_counts, sizeof...(Items) + 1);
    static constexpr std::size_t n_set_refs = sum(set_ref_counts, sizeof...(Items) + 1);
    static constexpr const std::string_view* rule_targets[sizeof...(Items) + 1] = {nullptr, rule_refs<item_rule_t<Items>>::targets.data()...};
    static constexpr const set_ref_info* rule_set_refs[sizeof...(Items) + 1] = {nullptr, rule_refs<item_rule_t<Items>>::set_refs.data()...};
    static constexpr std::array<std::string_view, n_targets> targets = [] {
        std::array<std::string_view, n_targets> a{};
        std::size_t k = 0;
        for (std::size_t r = 1; r < sizeof...(Items) + 1; ++r)
            for (std::size_t i = 0; i < target_counts[r]; ++i) a[k++] = rule_targets[r][i];
        return a;
    }();
    static constexpr std::array<set_ref_info, n_set_refs> set_refs = [] {
        std::array<set_ref_info, n_set_refs> a{};
        std::size_t k = 0;
        for (std::size_t r = 1; r < sizeof...(Items) + 1; ++r)
            for (std::size_t i = 0; i < set_ref_counts[r]; ++i) a[k++] = rule_set_refs[r][i];
        return a;
    }();
    static constexpr rule_summary summaries[sizeof...(Items) + 1] = {rule_summary{}, rule_summary_v<item_rule_t<Items>>...};
};

template <class C>
constexpr chain_desc describe_chain() {
    using S = chain_rules_static<typename C::rules_type>;
    chain_desc d{};
    d.name = C::name.view();
    d.spec = C::spec;
    for (const auto& r : S::summaries) {
        d.kinds |= r.kinds;
        d.uses_ip = d.uses_ip || r.l3 == layer3::ip;
        d.uses_ip6 = d.uses_ip6 || r.l3 == layer3::ip6;
        d.uses_l4 = d.uses_l4 || r.l4 != layer4::any;
        d.conntrack = d.conntrack || r.conntrack;
        d.inet_only = d.inet_only || r.inet_only;
        d.reject_variants |= r.reject_variants;
    }
    d.targets = S::targets.data();
    d.n_targets = S::n_targets;
    d.set_refs = S::set_refs.data();
    d.n_set_refs = S::n_set_refs;
    return d;
}

enum class table_error : std::uint8_t {
    none,
    duplicate_chain,
    duplicate_set,
    family_hook,
    family_type,
    nat_hook,
    route_hook,
    nat_priority,
    nat_family,
    reject_arp,
    icmpx_family,
    ip6_in_ip,
    ip_in_ip6,
    arp_ip_transport,
    conntrack_family,
    nfproto_inet,
    jump_missing,
    jump_base,
    cycle,
    depth,
    masquerade_hook,
    snat_hook,
    dnat_hook,
    redirect_hook,
    reject_hook,
    set_missing,
    set_key,
    set_kind,
};

struct table_verdict {
    table_error error = table_error::none;
    std::string_view first;   // chain (or set) the error is about
    std::string_view second;  // the other chain or set, when there is one
};

constexpr bool family_has_hook(family f, hook h) {
    switch (f) {
        case family::ip:
        case family::ip6:
        case family::bridge: return h != hook::ingress && h != hook::egress;
        case family::inet: return h != hook::egress;
        case family::arp: return h == hook::input || h == hook::output;
        case family::netdev: return h == hook::ingress || h == hook::egress;
    }
    return false;
}

constexpr table_error check_spec(family f, const base_spec& s) {
    if (!s.is_base) return table_error::none;
    if (!family_has_hook(f, s.hk)) return table_error::family_hook;
    const bool l3_family = f == family::ip || f == family::ip6 || f == family::inet;
    if (s.type != chain_type::filter && (!l3_family || s.hk == hook::ingress)) return table_error::family_type;
    if (s.type == chain_type::nat && s.hk == hook::forward) return table_error::nat_hook;
    if (s.type == chain_type::route && s.hk != hook::output) return table_error::route_hook;
    if (s.type == chain_type::nat && s.priority <= -200) return table_error::nat_priority;
    return table_error::none;
}

constexpr table_error check_family_use(family f, const chain_desc& c) {
    const bool l3_family = f == family::ip || f == family::ip6 || f == family::inet;
    constexpr std::uint32_t nat_kinds =
        bits(stmt_kind::masquerade) | bits(stmt_kind::snat) | bits(stmt_kind::dnat) | bits(stmt_kind::redirect);
    if ((c.kinds & nat_kinds) && !l3_family) return table_error::nat_family;
    if ((c.kinds & bits(stmt_kind::reject)) && f == family::arp) return table_error::reject_arp;
    const bool icmpx = c.reject_variants & (1u << static_cast<unsigned>(reject_kind::icmpx));
    if (icmpx && !(f == family::inet || f == family::netdev || f == family::bridge)) return table_error::icmpx_family;
    if (f == family::arp && (c.uses_ip || c.uses_ip6 || c.uses_l4)) return table_error::arp_ip_transport;
    if (f == family::ip && c.uses_ip6) return table_error::ip6_in_ip;
    if (f == family::ip6 && c.uses_ip) return table_error::ip_in_ip6;
    if (c.conntrack && !l3_family) return table_error::conntrack_family;
    if (c.inet_only && f != family::inet) return table_error::nfproto_inet;
    return table_error::none;
}

constexpr table_error check_hook_statements(family f, const base_spec& b, std::uint32_t kinds) {
    const bool nat = b.type == chain_type::nat;
    if ((kinds & bits(stmt_kind::masquerade)) && !(nat && b.hk == hook::postrouting)) return table_error::masquerade_hook;
    if ((kinds & bits(stmt_kind::snat)) && !(nat && (b.hk == hook::postrouting || b.hk == hook::input)))
        return table_error::snat_hook;
    if ((kinds & bits(stmt_kind::dnat)) && !(nat && (b.hk == hook::prerouting || b.hk == hook::output)))
        return table_error::dnat_hook;
    if ((kinds & bits(stmt_kind::redirect)) && !(nat && (b.hk == hook::prerouting || b.hk == hook::output)))
        return table_error::redirect_hook;
    if ((kinds & bits(stmt_kind::reject)) && (b.hk == hook::postrouting || (f == family::netdev && b.hk == hook::egress)))
        return table_error::reject_hook;
    return table_error::none;
}

template <std::size_t NC>
constexpr std::size_t find_chain(const std::array<chain_desc, NC>& cs, std::string_view name) {
    for (std::size_t i = 0; i < NC; ++i)
        if (cs[i].name == name) return i;
    return NC;
}

// Depth-first walk from base chain `base`: cycle, depth and hook-statement checks.
template <std::size_t NC, std::size_t NS>
constexpr table_verdict walk(family f, const std::array<chain_desc, NC>& cs, const std::array<set_desc, NS>& ss,
                             std::size_t base, std::size_t at, std::size_t depth, std::array<bool, NC + 1>& on_path) {
    const chain_desc& c = cs[at];
    if (auto e = check_hook_statements(f, cs[base].spec, c.kinds); e != table_error::none)
        return {e, cs[base].name, c.name};
    on_path[at] = true;
    auto follow = [&](std::string_view target) -> table_verdict {
        std::size_t next = find_chain(cs, target);
        if (next == NC) return {};  // reported by the target check
        if (on_path[next]) return {table_error::cycle, cs[base].name, cs[next].name};
        if (depth + 1 > 15) return {table_error::depth, cs[base].name, cs[next].name};
        return walk(f, cs, ss, base, next, depth + 1, on_path);
    };
    for (std::size_t t = 0; t < c.n_targets; ++t)
        if (auto v = follow(c.targets[t]); v.error != table_error::none) return v;
    // jumps through the verdict maps this chain uses
    for (std::size_t r = 0; r < c.n_set_refs; ++r) {
        if (c.set_refs[r].kind != "vmap") continue;
        for (std::size_t s = 0; s < NS; ++s)
            if (ss[s].name == c.set_refs[r].set)
                for (std::size_t t = 0; t < ss[s].n_targets; ++t)
                    if (auto v = follow(ss[s].targets[t]); v.error != table_error::none) return v;
    }
    on_path[at] = false;
    return {};
}

template <family F, std::size_t NC, std::size_t NS>
constexpr table_verdict analyze(const std::array<chain_desc, NC>& cs, const std::array<set_desc, NS>& ss) {
    for (std::size_t i = 0; i < NC; ++i)
        for (std::size_t j = i + 1; j < NC; ++j)
            if (cs[i].name == cs[j].name) return {table_error::duplicate_chain, cs[i].name, {}};
    for (std::size_t i = 0; i < NS; ++i)
        for (std::size_t j = i + 1; j < NS; ++j)
            if (ss[i].name == ss[j].name) return {table_error::duplicate_set, ss[i].name, {}};
    for (const auto& c : cs)
        if (auto e = check_spec(F, c.spec); e != table_error::none) return {e, c.name, {}};
    for (const auto& c : cs)
        if (auto e = check_family_use(F, c); e != table_error::none) return {e, c.name, {}};
    for (const auto& c : cs) {
        for (std::size_t t = 0; t < c.n_targets; ++t) {
            std::size_t i = find_chain(cs, c.targets[t]);
            if (i == NC) return {table_error::jump_missing, c.name, c.targets[t]};
            if (cs[i].spec.is_base) return {table_error::jump_base, c.name, c.targets[t]};
        }
        for (std::size_t r = 0; r < c.n_set_refs; ++r) {
            std::size_t k = NS;
            for (std::size_t s = 0; s < NS; ++s)
                if (ss[s].name == c.set_refs[r].set) k = s;
            if (k == NS) return {table_error::set_missing, c.name, c.set_refs[r].set};
            if (ss[k].kind != c.set_refs[r].kind) return {table_error::set_kind, c.name, c.set_refs[r].set};
            if (ss[k].key_type != c.set_refs[r].key_type || ss[k].value_type != c.set_refs[r].value_type)
                return {table_error::set_key, c.name, c.set_refs[r].set};
            for (std::size_t t = 0; t < ss[k].n_targets; ++t) {
                std::size_t i = find_chain(cs, ss[k].targets[t]);
                if (i == NC) return {table_error::jump_missing, c.name, ss[k].targets[t]};
                if (cs[i].spec.is_base) return {table_error::jump_base, c.name, ss[k].targets[t]};
            }
        }
    }
    // every verdict map's targets, also of maps no rule uses: the kernel resolves them
    // when it loads the map (ENOENT for a missing chain, EOPNOTSUPP for a base chain)
    for (const auto& m : ss) {
        for (std::size_t t = 0; t < m.n_targets; ++t) {
            std::size_t i = find_chain(cs, m.targets[t]);
            if (i == NC) return {table_error::jump_missing, m.name, m.targets[t]};
            if (cs[i].spec.is_base) return {table_error::jump_base, m.name, m.targets[t]};
        }
    }
    for (std::size_t b = 0; b < NC; ++b) {
        if (!cs[b].spec.is_base) continue;
        std::array<bool, NC + 1> on_path{};
        if (auto v = walk(F, cs, ss, b, b, 0, on_path); v.error != table_error::none) return v;
    }
    return {};
}

template <std::size_t N>
constexpr fixed_string<N> fixed(std::string_view s) {
    return fixed_string<N>(s);
}

}  // namespace detail

namespace detail {
template <class S>
struct set_static {
    static constexpr std::array<std::string_view, 0> targets{};
    static constexpr set_desc desc{S::name.view(), S::key_type::nft_type, "set", {}, nullptr, 0};
};
template <fixed_string N, class K, class V, class E>
struct set_static<data_map_t<N, K, V, E>> {
    static constexpr set_desc desc{N.view(), K::nft_type, "map", V::nft_type, nullptr, 0};
};
template <fixed_string N, class K, class... V>
struct set_static<verdict_map_t<N, K, V...>> {
    using targets_of = verdict_targets<V...>;
    static constexpr const auto& targets = targets_of::names;
    static constexpr set_desc desc{N.view(), K::nft_type, "vmap", {}, targets.data(), targets_of::count};
};
template <fixed_string N, class K, class V>
struct set_static<dynamic_verdict_map_t<N, K, V>> {
    using targets_of = verdict_targets<V>;
    static constexpr const auto& targets = targets_of::names;
    static constexpr set_desc desc{N.view(), K::nft_type, "vmap", {}, targets.data(), targets_of::count};
};

// Verdict map S as it would be with elements of verdicts More... added (add_map_elements):
// its targets are S's and theirs.
template <class S, class... More>
struct vmap_plus_t {
    static constexpr auto name = S::name;
    using key_type = typename S::key_type;
};
template <class S, class... More>
struct set_static<vmap_plus_t<S, More...>> {
    using more = verdict_targets<More...>;
    static constexpr std::size_t count = set_static<S>::desc.n_targets + more::count;
    static constexpr std::array<std::string_view, count> targets = [] {
        std::array<std::string_view, count> a{};
        std::size_t i = 0;
        for (std::size_t k = 0; k < set_static<S>::desc.n_targets; ++k) a[i++] = set_static<S>::desc.targets[k];
        for (auto n : more::names) a[i++] = n;
        return a;
    }();
    static constexpr set_desc desc{S::name.view(), S::key_type::nft_type, "vmap", {}, targets.data(), count};
};
// The sets of a table with the verdict map named Name given verdicts More... as well.
template <fixed_string Name, class Sets, class... More>
struct sets_with_verdicts;
template <fixed_string Name, class... S, class... More>
struct sets_with_verdicts<Name, boost::hana::tuple<S...>, More...> {
    using type = boost::hana::tuple<std::conditional_t<S::name == Name, vmap_plus_t<S, More...>, S>...>;
};

template <family F, class Chains, class Sets>
struct table_analysis;
template <family F, class... C, class... S>
struct table_analysis<F, boost::hana::tuple<C...>, boost::hana::tuple<S...>> {
    static constexpr std::array<chain_desc, sizeof...(C)> chains{describe_chain<C>()...};
    static constexpr std::array<set_desc, sizeof...(S)> sets{set_static<S>::desc...};
    static constexpr table_verdict verdict = analyze<F>(chains, sets);
};
}  // namespace detail

// The verdict of every table check for a table of family F with these chains and sets.
template <family F, class Chains, class Sets>
inline constexpr detail::table_verdict table_verdict_v = detail::table_analysis<F, Chains, Sets>::verdict;

// Fires the named assertion of the first failing table check (validity itself is read
// from table_verdict_v, so the failure does not cascade).
template <family F, class Chains, class Sets>
constexpr void fire_table_check() {
    using namespace detail;
    constexpr table_verdict v = table_verdict_v<F, Chains, Sets>;
    constexpr auto a = fixed<v.first.size()>(v.first);
    constexpr auto b = fixed<v.second.size()>(v.second);
    using E = table_error;
    if constexpr (v.error == E::duplicate_chain) (void)assert_unique_chain_names_t<a>::value;
    else if constexpr (v.error == E::duplicate_set) (void)assert_unique_set_names_t<a>::value;
    else if constexpr (v.error == E::family_hook) (void)assert_family_has_hook_t<a>::value;
    else if constexpr (v.error == E::family_type) (void)assert_family_has_chain_type_t<a>::value;
    else if constexpr (v.error == E::nat_hook) (void)assert_nat_chain_hook_t<a>::value;
    else if constexpr (v.error == E::route_hook) (void)assert_route_chain_hook_t<a>::value;
    else if constexpr (v.error == E::nat_priority) (void)assert_nat_priority_above_conntrack_t<a>::value;
    else if constexpr (v.error == E::nat_family) (void)assert_nat_only_in_ip_ip6_inet_t<a>::value;
    else if constexpr (v.error == E::reject_arp) (void)assert_no_reject_in_arp_t<a>::value;
    else if constexpr (v.error == E::icmpx_family) (void)assert_icmpx_reject_in_inet_netdev_bridge_t<a>::value;
    else if constexpr (v.error == E::ip6_in_ip) (void)assert_no_ip6_in_ip_table_t<a>::value;
    else if constexpr (v.error == E::ip_in_ip6) (void)assert_no_ip_in_ip6_table_t<a>::value;
    else if constexpr (v.error == E::arp_ip_transport) (void)assert_no_ip_or_transport_in_arp_table_t<a>::value;
    else if constexpr (v.error == E::conntrack_family) (void)assert_conntrack_in_ip_ip6_inet_t<a>::value;
    else if constexpr (v.error == E::nfproto_inet) (void)assert_meta_nfproto_only_in_inet_t<a>::value;
    else if constexpr (v.error == E::jump_missing) (void)assert_jump_target_exists_t<a, b>::value;
    else if constexpr (v.error == E::jump_base) (void)assert_no_jump_to_base_chain_t<a, b>::value;
    else if constexpr (v.error == E::cycle) (void)assert_no_jump_cycle_t<a>::value;
    else if constexpr (v.error == E::depth) (void)assert_jump_depth_at_most_15_t<a>::value;
    else if constexpr (v.error == E::masquerade_hook) (void)assert_masquerade_in_nat_postrouting_t<a, b>::value;
    else if constexpr (v.error == E::snat_hook) (void)assert_snat_in_nat_postrouting_or_input_t<a, b>::value;
    else if constexpr (v.error == E::dnat_hook) (void)assert_dnat_in_nat_prerouting_or_output_t<a, b>::value;
    else if constexpr (v.error == E::redirect_hook) (void)assert_redirect_in_nat_prerouting_or_output_t<a, b>::value;
    else if constexpr (v.error == E::reject_hook) (void)assert_reject_not_in_postrouting_or_egress_t<a, b>::value;
    else if constexpr (v.error == E::set_missing) (void)assert_set_exists_t<a, b>::value;
    else if constexpr (v.error == E::set_key) (void)assert_set_key_matches_selector_t<a, b>::value;
    else if constexpr (v.error == E::set_kind) (void)assert_map_kind_matches_use_t<a, b>::value;
}

// The same checks as a value, for tests: table_error::none when the table is valid.
template <family F, class... C>
constexpr detail::table_verdict table_verdict_of() {
    constexpr std::array<chain_desc, sizeof...(C)> cs{detail::describe_chain<C>()...};
    return detail::analyze<F>(cs, std::array<set_desc, 0>{});
}

}  // namespace nftpp
