// SPDX-License-Identifier: Apache-2.0
#pragma once
// Table checks, dispatched in one order, over descriptors (ruleset/descriptor.hpp):
//   names unique (chains, sets);
//   base chains: family x type x hook, nat priority (family_rules.hpp);
//   every rule in the table's family (its parts' families, what its matches pin);
//   jump and goto targets exist and are regular chains; set references exist with the
//   use's kind and key; every verdict map's targets, also of maps no rule uses (the kernel
//   resolves them when it loads the map);
//   from every base chain: no cycle, depth <= 15, every rule it reaches allowed on its
//   chain type and hook (chain_graph.hpp).
//
// check_table() is the one checker. A static table (table<F>(...) of chain<"..."> and
// set<"...">) describes itself in constexpr variables below and the compiler runs it;
// the first failure fires the rule's named assertion (fire_table_check). A table built
// from data calls check_table() with descriptors in vectors (check_table_at_run_time) and
// gets a check_error with the same rule, sentence and names.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include <boost/hana/tuple.hpp>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/chain_graph.hpp>
#include <nftpp/ruleset/descriptor.hpp>
#include <nftpp/ruleset/family_rules.hpp>
#include <nftpp/ruleset/map.hpp>
#include <nftpp/ruleset/rule_check.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/set.hpp>

namespace nftpp {

// The first rule the table breaks, or an empty check_error.
constexpr check_error check_table(family f, std::span<const chain_desc> cs, std::span<const set_desc> ss,
                                  detail::check_scratch scratch) {
    using namespace detail;
    const table_graph g{f, cs, ss, name_index<chain_desc>(cs, scratch.chain_order), name_index<set_desc>(ss, scratch.set_order),
                        scratch};
    if (std::size_t d = g.chain_index.duplicate(); d != npos) return {&rules::unique_chain_names, cs[d].name};
    if (std::size_t d = g.set_index.duplicate(); d != npos) return {&rules::unique_set_names, ss[d].name};
    for (const chain_desc& c : cs)
        if (const rule* e = check_spec(f, c.spec)) return {e, c.name};
    for (const chain_desc& c : cs)
        for (const rule_desc& r : c.rules) {
            if (!r.names_known) return {&rules::runtime_names_need_a_runtime_table, c.name, {}, r.index};
            if (const rule* e = check_rule_in_family(f, *r.summary)) return {e, c.name, {}, r.index};
        }
    for (const chain_desc& c : cs) {
        for (const rule_desc& r : c.rules) {
            if (check_error e = check_targets(g, c.name, r.targets, r.index)) return e;
            if (check_error e = check_set_refs(g, c, r)) return e;
            for (const set_ref_info& ref : r.set_refs) {
                const std::size_t k = g.set_index.find(ref.set, name_space(ref.kind));
                if (check_error e = check_targets(g, c.name, ss[k].targets, r.index)) return e;
            }
        }
    }
    for (const set_desc& m : ss)
        if (check_error e = check_targets(g, m.name, m.targets, -1)) return e;
    return walk_from_base_chains(g);
}

// The same checker at run time: scratch space from the heap.
inline check_error check_table_at_run_time(family f, std::span<const chain_desc> cs, std::span<const set_desc> ss) {
    std::vector<std::size_t> chain_order(cs.size()), set_order(ss.size());
    std::vector<std::uint8_t> state(cs.size()), below(cs.size());
    return check_table(f, cs, ss, {chain_order, set_order, state, below});
}

namespace detail {

// --- static descriptors: what the types of a static table say ---

// The chains and sets rule R names, from its parts' declarations (core/facts.hpp).
template <class R>
struct rule_refs;
template <class... P>
struct rule_refs<rule_t<P...>> {
    static constexpr std::size_t n_targets = (0 + ... + chain_target_count<P>());
    static constexpr std::size_t n_set_refs = (0 + ... + set_ref_count<P>());
    static constexpr std::array<std::string_view, n_targets> targets = [] {
        std::array<std::string_view, n_targets> a{};
        std::size_t i = 0;
        (
            [&] {
                if constexpr (chain_target_count<P>() > 0)
                    for (std::size_t k = 0; k < P::chain_targets.size(); ++k) a[i++] = P::chain_targets[k];
            }(),
            ...);
        (void)i;
        return a;
    }();
    static constexpr std::array<set_ref_info, n_set_refs> set_refs = [] {
        std::array<set_ref_info, n_set_refs> a{};
        std::size_t i = 0;
        (
            [&] {
                if constexpr (set_ref_count<P>() > 0)
                    for (std::size_t k = 0; k < P::set_refs.size(); ++k) a[i++] = P::set_refs[k];
            }(),
            ...);
        (void)i;
        return a;
    }();
};

template <class R>
constexpr rule_desc static_rule_desc(long index) {
    return rule_desc{&rule_summary_v<R>, index, 1, rule_refs<R>::targets, rule_refs<R>::set_refs,
                     !rule_summary_v<R>.runtime_refs};
}

template <class Rules>
struct chain_rules_static;
template <class... Items>
struct chain_rules_static<boost::hana::tuple<Items...>> {
    // One descriptor per run of rules of one type (their summary, targets and set
    // references are the type's): a chain of 1000 rules of one shape is one descriptor, so
    // the checker's work grows with the shapes, not the rules. Arrays rather than folds:
    // clang limits folds to 256 operands.
    static constexpr std::size_t n = sizeof...(Items);
    static constexpr const rule_summary* summaries[n + 1] = {&rule_summary_v<item_rule_t<Items>>..., nullptr};
    static constexpr std::size_t runs = [] {
        std::size_t r = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (i == 0 || summaries[i] != summaries[i - 1]) ++r;
        return r;
    }();
    static constexpr rule_desc descs[n + 1] = {static_rule_desc<item_rule_t<Items>>(0)..., rule_desc{}};
    static constexpr std::array<rule_desc, runs> rules = [] {
        std::array<rule_desc, runs> a{};
        std::size_t r = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (i == 0 || summaries[i] != summaries[i - 1]) {
                a[r] = descs[i];
                a[r].index = static_cast<long>(i);
                a[r].count = 1;
                ++r;
            } else {
                ++a[r - 1].count;
            }
        }
        return a;
    }();
};

template <class C>
struct chain_static {
    static constexpr chain_desc desc{C::name.view(), C::spec, chain_rules_static<typename C::rules_type>::rules};
};

template <class S>
struct set_static {
    static constexpr set_desc desc = [] {
        set_desc d{S::name.view(), S::kind, nft_type_of<typename S::key_type>};
        if constexpr (requires { typename S::value_type; requires nft_typed<typename S::value_type>; }) d.value_type = nft_type_of<typename S::value_type>;
        if constexpr (requires { S::chain_targets; }) d.targets = S::chain_targets;
        return d;
    }();
};

// Verdict map S as it would be with elements of verdicts More... added (add_map_elements):
// its targets are S's and theirs.
template <class S, class... More>
struct vmap_plus_t {
    static constexpr auto name = S::name;
    static constexpr std::string_view kind = S::kind;
    using key_type = typename S::key_type;
    static constexpr auto chain_targets = [] {
        constexpr auto more = verdict_targets<More...>();
        std::array<std::string_view, S::chain_targets.size() + more.size()> a{};
        std::size_t i = 0;
        for (std::size_t k = 0; k < S::chain_targets.size(); ++k) a[i++] = S::chain_targets[k];
        for (std::size_t k = 0; k < more.size(); ++k) a[i++] = more[k];
        return a;
    }();
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
    static constexpr std::array<chain_desc, sizeof...(C)> chains{chain_static<C>::desc...};
    static constexpr std::array<set_desc, sizeof...(S)> sets{set_static<S>::desc...};
    static constexpr check_error verdict = [] {
        std::array<std::size_t, sizeof...(C)> chain_order{};
        std::array<std::size_t, sizeof...(S)> set_order{};
        std::array<std::uint8_t, sizeof...(C)> state{}, below{};
        return check_table(F, chains, sets, {chain_order, set_order, state, below});
    }();
};

template <std::size_t N>
constexpr fixed_string<N> fixed(std::string_view s) {
    return fixed_string<N>(s);
}

}  // namespace detail

// The first rule a table of family F with these chains and sets breaks (empty when valid).
template <family F, class Chains, class Sets>
inline constexpr check_error table_verdict_v = detail::table_analysis<F, Chains, Sets>::verdict;

// Fires the named assertion of the first failing table check, with the chain (or set) and
// the other name as context (validity itself is read from table_verdict_v, so the failure
// does not cascade).
template <family F, class Chains, class Sets>
constexpr void fire_table_check() {
    constexpr check_error v = table_verdict_v<F, Chains, Sets>;
    if constexpr (v.broken != nullptr) {
        constexpr auto a = detail::fixed<v.first.size()>(v.first);
        constexpr auto b = detail::fixed<v.second.size()>(v.second);
        fire<v.broken, named<a>, named<b>>();
    }
}

// The same checks as a value, for tests: empty when the table is valid.
template <family F, class... C>
constexpr check_error table_verdict_of() {
    return table_verdict_v<F, boost::hana::tuple<C...>, boost::hana::tuple<>>;
}

}  // namespace nftpp
