// SPDX-License-Identifier: Apache-2.0
#pragma once
// One rule added to, inserted in, replaced in or deleted from a chain of a table built at
// run time that is already loaded (ruleset/rule_commands.hpp has the static ones):
//   add_rule(t, "svc_web", tcp.dport == p >> accept)          add rule inet t svc_web tcp dport 80 accept
//   add_rule(t, chain_name, r, after(h)) / insert_rule(t, chain_name, r [, before(h)])
//   replace_rule(t, chain_name, h, r) / delete_rule(t, chain_name, h)
// The table is the declaration of what is loaded: the chain must be one of its chains, and
// the rule is checked as if it stood at the end of that chain, with the whole table's
// checks (its hooks through jumps, the chains and sets it names, the family). A command
// that fails throws invalid_structure with the rule and the chain.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <nftpp/ruleset/rule_commands.hpp>
#include <nftpp/ruleset/runtime_table.hpp>

namespace nftpp {

struct runtime_rule_command {
    using command_tag = void;
    rule_op op;
    family table_family = family::inet;
    std::string table_name;
    std::string chain;
    std::string text;        // the rule, empty for a delete
    std::uint64_t handle = 0;
    // For the transaction check (ruleset/transaction_check.hpp): the table it was made
    // from with the rule at the end of its chain (nullptr for a delete).
    std::shared_ptr<const runtime_table> with_rule;

    void describe_to(command_descs& d) const {
        command_desc c{command_desc::op::rule, table_family, table_name};
        c.chain = chain;
        if (with_rule && !d.light) {
            detail::runtime_descriptors rd(*with_rule);
            for (auto& ch : rd.chains) {
                if (ch.name != chain || ch.rules.empty()) continue;
                d.rule_store.push_back({ch.rules.back()});
                ch.rules = ch.rules.first(ch.rules.size() - 1);
                c.rule = d.rule_store.back().data();
            }
            c.chains = d.chain_store.emplace_back(std::move(rd.chains));
            c.sets = d.set_store.emplace_back(std::move(rd.sets));
            d.rule_store.push_back(std::move(rd.rules));
            d.name_store.push_back(std::move(rd.targets));
            d.ref_store.push_back(std::move(rd.refs));
        }
        d.commands.push_back(c);
    }

    template <Sink S>
    friend void write_nft(S& out, const runtime_rule_command& c) {
        origin_table(out, c.table_family, c.table_name);
        const origin_start first = origin_open(out);
        const std::string_view verb = c.op == rule_op::add ? "add rule " : c.op == rule_op::insert ? "insert rule "
                                      : c.op == rule_op::replace ? "replace rule " : "delete rule ";
        out.put(verb);
        out.put(keyword(c.table_family));
        out.put(' ');
        out.put(std::string_view(c.table_name));
        out.put(' ');
        out.put(std::string_view(c.chain));
        if (c.handle) {
            out.put(c.op == rule_op::add || c.op == rule_op::insert ? " position " : " handle ");
            put_uint(out, c.handle);
        }
        if (c.op != rule_op::remove) {
            out.put(' ');
            out.put(std::string_view(c.text));
        }
        out.put('\n');
        origin_mark(out, first, verb.substr(0, verb.size() - 1), c.chain);
    }
};

namespace detail {
template <class R>
runtime_rule_command make_runtime_rule_command(rule_op op, const runtime_table& t, const std::string& chain_name, const R& r,
                                               std::uint64_t handle) {
    const runtime_chain* c = find_chain(t, chain_name);
    if (!c) throw invalid_structure(structure_error{&rules::table_has_chain, t.label(), "chain " + chain_name, {}, -1, {}, {}});
    if (op == rule_op::remove) return {op, t.table_family(), t.name(), chain_name, {}, handle, nullptr};
    auto with = std::make_shared<runtime_table>(t);  // the table as it would be: the rule at the end of its chain
    for (auto& x : with->chains())
        if (x.name() == chain_name) x.add(r);
    if (auto e = with->check()) throw invalid_structure(std::move(*e));
    return {op, t.table_family(), t.name(), chain_name, text_of(as_rule(r)), handle, std::move(with)};
}
}  // namespace detail

template <RuleLike R>
[[nodiscard]] runtime_rule_command add_rule(const runtime_table& t, const std::string& chain, const R& r) {
    return detail::make_runtime_rule_command(rule_op::add, t, chain, r, 0);
}
template <RuleLike R>
[[nodiscard]] runtime_rule_command add_rule(const runtime_table& t, const std::string& chain, const R& r, rule_position p) {
    return detail::make_runtime_rule_command(rule_op::add, t, chain, r, detail::checked_handle(p.handle));
}
template <RuleLike R>
[[nodiscard]] runtime_rule_command insert_rule(const runtime_table& t, const std::string& chain, const R& r) {
    return detail::make_runtime_rule_command(rule_op::insert, t, chain, r, 0);
}
template <RuleLike R>
[[nodiscard]] runtime_rule_command insert_rule(const runtime_table& t, const std::string& chain, const R& r, rule_position p) {
    return detail::make_runtime_rule_command(rule_op::insert, t, chain, r, detail::checked_handle(p.handle));
}
template <RuleLike R>
[[nodiscard]] runtime_rule_command replace_rule(const runtime_table& t, const std::string& chain, rule_handle h, const R& r) {
    return detail::make_runtime_rule_command(rule_op::replace, t, chain, r, detail::checked_handle(h));
}
[[nodiscard]] inline runtime_rule_command delete_rule(const runtime_table& t, const std::string& chain, rule_handle h) {
    return detail::make_runtime_rule_command(rule_op::remove, t, chain, accept, detail::checked_handle(h));
}

}  // namespace nftpp
