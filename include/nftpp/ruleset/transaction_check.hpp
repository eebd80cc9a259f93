// SPDX-License-Identifier: Apache-2.0
#pragma once
// The whole transaction, checked as one: what the commands of one ruleset(...) build
// together, table by table (family and name), in their order.
//
//   replace(t), create(t)   the table is what t declares (nothing loaded before counts)
//   add(t)                  t's chains and sets join what earlier commands declared: a chain
//                           declared again as a base chain keeps its spec, a set or map
//                           declared again keeps its kind and datatypes
//   delete_table(t)         the table is gone: a later rule or element command on it is
//                           refused, until a later replace/add/create loads it again
//   flush_table(t)          its chains lose their rules
//   add_rule / insert_rule / replace_rule   the rule joins its chain (which must be there
//                           after a replace, a create or a delete of the table)
//   element commands        the set must be declared by the transaction with that kind
//                           and key, when the transaction declares the table
// Then every table that two or more commands build is checked whole with check_table()
// (ruleset/table_check.hpp): jump cycles and depth, the hook and type rules through jumps,
// jump targets, set references. A single command was already checked when it was made.
//
// What is not seen: what is loaded in the kernel and not declared by the commands. A rule
// or element command brings the declaration of its table (the table it was made from, which
// describes what is loaded); two commands on tables of one family and name are taken to
// describe one table.
//
// The same function runs in the compiler for a ruleset built in a constant expression (the
// rule's diagnostic is the compile error) and when ruleset(...) is called at run time
// (invalid_structure, ruleset/runtime_table.hpp, with the rule's sentence).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include <nftpp/core/error.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/ruleset/descriptor.hpp>
#include <nftpp/ruleset/elements.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/table_check.hpp>

namespace nftpp {

NFTPP_RULE(a_chain_keeps_its_spec_in_one_transaction,
           "two commands of one transaction declare this chain with different base chain specs (type, hook, priority), "
           "or a regular chain and then a base chain: nft refuses the second declaration; declare the chain once, or "
           "give the second chain a new name")
NFTPP_RULE(a_set_keeps_its_declaration_in_one_transaction,
           "two commands of one transaction declare this set or map with different kinds or datatypes (nft refuses the "
           "second: File exists): declare it once, or give the second a new name")
NFTPP_RULE(no_command_on_a_table_deleted_earlier,
           "this command changes a table that an earlier command of the same transaction deletes (nft refuses it: No "
           "such file or directory): put it before delete_table, or load the table again (replace, add) before it")

// One command as the transaction check reads it.
struct command_desc {
    enum class op : std::uint8_t { none, replace, add, create, delete_table, flush_table, rule, elements };
    op what = op::none;
    family table_family = family::inet;
    std::string_view table{};
    // replace/add/create: the table's chains and sets; a rule or element command: the
    // declaration of the table it was made from
    std::span<const chain_desc> chains{};
    std::span<const set_desc> sets{};
    std::string_view chain{};          // rule: its chain
    const rule_desc* rule = nullptr;   // rule: the rule (nullptr: a delete_rule)
    std::string_view set{};            // elements: the set or map
    bool of_map = false;               // elements: map entries (or map keys), not set elements
    std::string_view key_type{};       // elements: the key datatype they were checked against
};

// The first rule the transaction breaks: the check_error, and which command (its index).
struct transaction_error {
    check_error error{};
    std::size_t command = 0;
    family table_family = family::inet;
    std::string_view table{};

    constexpr explicit operator bool() const noexcept { return static_cast<bool>(error); }
};

namespace detail {

struct chain_state {
    std::string_view name;
    base_spec spec{};
    std::vector<rule_desc> rules{};
};

struct table_state {
    std::vector<chain_state> chains{};
    std::vector<set_desc> sets{};
    bool complete = false;  // declared whole by this transaction (replace, create, delete)
    bool deleted = false;

    constexpr chain_state* chain(std::string_view n) {
        for (auto& c : chains)
            if (c.name == n) return &c;
        return nullptr;
    }
    constexpr const set_desc* set(std::string_view n) const {
        for (const auto& s : sets)
            if (s.name == n) return &s;
        return nullptr;
    }
    constexpr void clear() {
        chains.clear();
        sets.clear();
    }
    // Declarations joined in (add, or what a rule command's table declares).
    constexpr check_error merge(std::span<const chain_desc> cs, std::span<const set_desc> ss) {
        const bool empty = chains.empty() && sets.empty();
        for (const chain_desc& c : cs) {
            chain_state* have = empty ? nullptr : chain(c.name);
            if (!have) {
                chains.push_back({c.name, c.spec, std::vector<rule_desc>(c.rules.begin(), c.rules.end())});
                continue;
            }
            if (c.spec.is_base) {  // a regular declaration adds to whatever is there
                const base_spec& a = have->spec;
                if (!a.is_base || a.type != c.spec.type || a.hk != c.spec.hk || a.priority != c.spec.priority)
                    return {&rules::a_chain_keeps_its_spec_in_one_transaction, c.name};
            }
            have->rules.insert(have->rules.end(), c.rules.begin(), c.rules.end());
        }
        for (const set_desc& s : ss) {
            const set_desc* have = empty ? nullptr : set(s.name);
            if (!have) {
                sets.push_back(s);
                continue;
            }
            if (have->kind != s.kind || have->key_type != s.key_type || have->value_type != s.value_type)
                return {&rules::a_set_keeps_its_declaration_in_one_transaction, s.name};
        }
        return {};
    }
};

constexpr bool same_table(const command_desc& a, const command_desc& b) {
    return a.table_family == b.table_family && a.table == b.table;
}

// The commands of one table (their indices, in order).
constexpr transaction_error check_one_table(std::span<const command_desc> cs, std::span<const std::size_t> mine) {
    const command_desc& head = cs[mine[0]];
    auto fail = [&](check_error e, std::size_t i) { return transaction_error{e, i, head.table_family, head.table}; };
    table_state st;
    std::size_t builders = 0, last = mine[0];
    for (std::size_t i : mine) {
        const command_desc& c = cs[i];
        using op = command_desc::op;
        switch (c.what) {
            case op::replace:
            case op::create:
                st.clear();
                st.complete = true;
                st.deleted = false;
                if (check_error e = st.merge(c.chains, c.sets)) return fail(e, i);
                ++builders;
                last = i;
                break;
            case op::add:
                st.deleted = false;
                if (check_error e = st.merge(c.chains, c.sets)) return fail(e, i);
                ++builders;
                last = i;
                break;
            case op::delete_table:
                st.clear();
                st.complete = true;
                st.deleted = true;
                break;
            case op::flush_table:
                for (auto& ch : st.chains) ch.rules.clear();
                break;
            case op::rule: {
                if (st.deleted) return fail({&rules::no_command_on_a_table_deleted_earlier, c.chain}, i);
                if (!c.rule) break;  // delete_rule
                chain_state* ch = st.chain(c.chain);
                if (!ch && !st.complete) {
                    if (check_error e = st.merge(c.chains, c.sets)) return fail(e, i);
                    ch = st.chain(c.chain);
                }
                if (!ch) return fail({&rules::table_has_chain, c.chain}, i);
                rule_desc r = *c.rule;
                r.index = static_cast<long>(ch->rules.size());
                ch->rules.push_back(r);
                ++builders;
                last = i;
                break;
            }
            case op::elements: {
                if (st.deleted) return fail({&rules::no_command_on_a_table_deleted_earlier, c.set}, i);
                const set_desc* s = st.set(c.set);
                if (!s && !st.complete) break;  // declared by what is loaded: checked when made
                if (!s) return fail({&rules::table_has_set, {}, c.set}, i);
                if ((s->kind != "set") != c.of_map) return fail({&rules::map_kind_matches_use, {}, c.set}, i);
                if (s->key_type != c.key_type) return fail({&rules::set_key_matches_selector, {}, c.set}, i);
                break;
            }
            case op::none: break;
        }
    }
    if (builders < 2) return {};
    std::vector<chain_desc> chains;
    chains.reserve(st.chains.size());
    for (const auto& ch : st.chains) chains.push_back({ch.name, ch.spec, ch.rules});
    auto zeros = [](auto zero, std::size_t n) {  // (not vector(n): clang 14 cannot evaluate that with libstdc++ 12)
        std::vector<decltype(zero)> v;
        v.reserve(n);
        for (std::size_t k = 0; k < n; ++k) v.push_back(zero);
        return v;
    };
    std::vector<std::size_t> chain_order = zeros(std::size_t{0}, chains.size()), set_order = zeros(std::size_t{0}, st.sets.size());
    std::vector<std::uint8_t> state = zeros(std::uint8_t{0}, chains.size()), below = zeros(std::uint8_t{0}, chains.size());
    if (check_error e = check_table(head.table_family, chains, st.sets, {chain_order, set_order, state, below}))
        return fail(e, last);
    return {};
}

// The commands in table order: indices sorted by (family, table, position).
constexpr std::vector<std::size_t> by_table(std::span<const command_desc> cs) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (cs[i].what != command_desc::op::none) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (cs[a].table_family != cs[b].table_family) return cs[a].table_family < cs[b].table_family;
        if (cs[a].table != cs[b].table) return cs[a].table < cs[b].table;
        return a < b;
    });
    return order;
}

}  // namespace detail

// The first rule the commands break together (the one of the earliest command), or an
// empty transaction_error.
constexpr transaction_error check_transaction(std::span<const command_desc> cs) {
    const std::vector<std::size_t> order = detail::by_table(cs);
    transaction_error first{};
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && detail::same_table(cs[order[i]], cs[order[j]])) ++j;
        if (j - i > 1) {
            const transaction_error e = detail::check_one_table(cs, std::span<const std::size_t>(order).subspan(i, j - i));
            if (e && (!first || e.command < first.command)) first = e;
        }
        i = j;
    }
    return first;
}

// What each command says of itself. A command type describes itself with a member
//   constexpr void describe_to(command_descs&) const
// (commands without one change no structure the check reads). Run-time commands keep the
// descriptors they build here, in `store`, while the check runs.
struct command_descs {
    bool light = false;  // only what and which table: run-time tables skip their descriptors
    std::vector<command_desc> commands;
    std::vector<std::vector<chain_desc>> chain_store;
    std::vector<std::vector<set_desc>> set_store;
    std::vector<std::vector<rule_desc>> rule_store;
    std::vector<std::vector<std::string_view>> name_store;
    std::vector<std::vector<set_ref_info>> ref_store;
};

namespace detail {
template <class C>
constexpr void describe_command(command_descs& d, const C& c) {
    if constexpr (requires { c.describe_to(d); }) c.describe_to(d);
}
// Whether any table is named by two commands (only then is there anything to check).
constexpr bool any_table_twice(std::span<const command_desc> cs) {
    const std::vector<std::size_t> order = by_table(cs);
    for (std::size_t k = 1; k < order.size(); ++k)
        if (same_table(cs[order[k - 1]], cs[order[k]])) return true;
    return false;
}
}  // namespace detail

}  // namespace nftpp
