// SPDX-License-Identifier: Apache-2.0
#pragma once
// The chain graph of one table: chains and sets found by name, jump and goto targets and
// set references resolved, and every base chain's reach walked (cycles, depth <= 15, and
// the rules each base chain reaches, for their hook restrictions — `nft -c` misses those;
// the kernel refuses them only at commit).
//
// Everything here is constexpr over descriptors and runs in n log n time (names sorted
// once, each chain walked once per base chain), so the same code checks a static table
// in the compiler and a table of 10 000 chains built from data at run time. The caller
// gives the scratch space (std::arrays at compile time, vectors at run time).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <nftpp/ruleset/descriptor.hpp>
#include <nftpp/ruleset/family_rules.hpp>
#include <nftpp/ruleset/rules.hpp>

namespace nftpp::detail {

inline constexpr std::size_t max_jump_depth = 15;
inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct check_scratch {
    std::span<std::size_t> chain_order;  // one per chain
    std::span<std::size_t> set_order;    // one per set
    std::span<std::uint8_t> state;       // one per chain
    std::span<std::uint8_t> below;       // one per chain
};

// Chains or sets by name: positions sorted by (name, name space, position), binary search.
// Chains have one name space; sets, maps and verdict maps share one, and every other
// object kind (counter, quota, ct helper, flowtable ...) has its own, as in the kernel.
template <class D>
constexpr std::string_view space_of(const D& d) {
    if constexpr (requires { d.kind; }) return name_space(d.kind);
    else return {};
}
template <class D>
class name_index {
public:
    constexpr name_index(std::span<const D> items, std::span<std::size_t> order) : items_(items), order_(order) {
        for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
        std::sort(order_.begin(), order_.end(), [this](std::size_t a, std::size_t b) { return less(a, b); });
    }
    // The position of the item named n (in name space `space`), or npos.
    [[nodiscard]] constexpr std::size_t find(std::string_view n, std::string_view space = {}) const {
        auto it = std::lower_bound(order_.begin(), order_.end(), n, [this, space](std::size_t a, std::string_view v) {
            return items_[a].name < v || (items_[a].name == v && space_of(items_[a]) < space);
        });
        if (it == order_.end() || items_[*it].name != n || space_of(items_[*it]) != space) return npos;
        return *it;
    }
    // The first-declared item whose name another item has too, or npos.
    [[nodiscard]] constexpr std::size_t duplicate() const {
        std::size_t best = npos;
        for (std::size_t k = 1; k < order_.size(); ++k)
            if (items_[order_[k]].name == items_[order_[k - 1]].name &&
                space_of(items_[order_[k]]) == space_of(items_[order_[k - 1]]) && (best == npos || order_[k - 1] < best))
                best = order_[k - 1];
        return best;
    }

private:
    [[nodiscard]] constexpr bool less(std::size_t a, std::size_t b) const {
        const D& x = items_[a];
        const D& y = items_[b];
        if (x.name != y.name) return x.name < y.name;
        if (space_of(x) != space_of(y)) return space_of(x) < space_of(y);
        return a < b;
    }
    std::span<const D> items_;
    std::span<std::size_t> order_;
};

struct table_graph {
    family f;
    std::span<const chain_desc> chains;
    std::span<const set_desc> sets;
    name_index<chain_desc> chain_index;
    name_index<set_desc> set_index;
    check_scratch scratch;
};

// Each target names a regular chain of the table.
constexpr check_error check_targets(const table_graph& g, std::string_view from, std::span<const std::string_view> targets,
                                    long rule_index) {
    for (std::string_view t : targets) {
        const std::size_t i = g.chain_index.find(t);
        if (i == npos) return {&rules::jump_target_exists, from, t, rule_index};
        if (g.chains[i].spec.is_base) return {&rules::no_jump_to_base_chain, from, t, rule_index};
    }
    return {};
}

// Each set a rule uses exists, is of the kind the use needs and has its key (and value) type.
constexpr check_error check_set_refs(const table_graph& g, const chain_desc& c, const rule_desc& r) {
    for (const set_ref_info& ref : r.set_refs) {
        const std::size_t k = g.set_index.find(ref.set, name_space(ref.kind));
        if (k == npos) return {ref.missing ? ref.missing : &rules::set_exists, c.name, ref.set, r.index};
        const set_desc& s = g.sets[k];
        if (s.kind != ref.kind) return {ref.missing ? ref.missing : &rules::map_kind_matches_use, c.name, ref.set, r.index};
        if (s.key_type != ref.key_type) return {&rules::set_key_matches_selector, c.name, ref.set, r.index};
        if (s.value_type != ref.value_type) return {&rules::map_value_matches_use, c.name, ref.set, r.index};
    }
    return {};
}

// Depth-first from base chain `base`: chains on the path are state 1, finished ones 2 with
// below[c] the depth of the deepest chain under c, so each chain is walked once.
constexpr check_error walk(const table_graph& g, std::size_t base, std::size_t at, std::size_t depth) {
    const chain_desc& b = g.chains[base];
    const chain_desc& c = g.chains[at];
    for (const rule_desc& r : c.rules)
        if (const rule* e = check_rule_on_hook(g.f, b.spec, *r.summary)) return {e, b.name, c.name, r.index};
    g.scratch.state[at] = 1;
    g.scratch.below[at] = 0;
    auto follow = [&](std::string_view target) -> check_error {
        const std::size_t next = g.chain_index.find(target);
        if (next == npos || g.chains[next].spec.is_base) return {};  // reported by check_targets
        if (g.scratch.state[next] == 1) return {&rules::no_jump_cycle, b.name, g.chains[next].name};
        if (depth + 1 > max_jump_depth) return {&rules::jump_depth_at_most_15, b.name, g.chains[next].name};
        if (g.scratch.state[next] == 0) {
            if (check_error e = walk(g, base, next, depth + 1)) return e;
        } else if (depth + 1 + g.scratch.below[next] > max_jump_depth) {
            return {&rules::jump_depth_at_most_15, b.name, g.chains[next].name};
        }
        const auto d = static_cast<std::uint8_t>(g.scratch.below[next] + 1);
        if (d > g.scratch.below[at]) g.scratch.below[at] = d;
        return {};
    };
    for (const rule_desc& r : c.rules) {
        for (std::string_view t : r.targets)
            if (check_error e = follow(t)) return e;
        for (const set_ref_info& ref : r.set_refs) {  // jumps through the verdict maps it uses
            if (ref.kind != "vmap") continue;
            const std::size_t k = g.set_index.find(ref.set, name_space(ref.kind));
            if (k == npos) continue;
            for (std::string_view t : g.sets[k].targets)
                if (check_error e = follow(t)) return e;
        }
    }
    g.scratch.state[at] = 2;
    return {};
}

constexpr check_error walk_from_base_chains(const table_graph& g) {
    for (std::size_t b = 0; b < g.chains.size(); ++b) {
        if (!g.chains[b].spec.is_base) continue;
        std::fill(g.scratch.state.begin(), g.scratch.state.end(), std::uint8_t{0});
        if (check_error e = walk(g, b, b, 0)) return e;
    }
    return {};
}

}  // namespace nftpp::detail
