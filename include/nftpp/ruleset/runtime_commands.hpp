// SPDX-License-Identifier: Apache-2.0
#pragma once
// Commands on tables built at run time, and transactions over ranges of them.
//   replace(t) add(t) create(t)      as for a static table; t is checked when the command is
//                                    made, and a table that fails throws invalid_structure
//                                    (ruleset/runtime_table.hpp): nothing is ever rendered
//                                    from it
//   delete_table(t) flush_table(t)   by the table's family and name
//   update(old_t, new_t)             only what changed between two versions of one table, so
//                                    the table is never replaced: chains added, flushed and
//                                    refilled, or deleted; set and map elements added and
//                                    deleted; a base chain's policy. The new version is checked
//                                    whole, as replace(new_t) would be.
//   add_elements<Key>(t, "set", xs) ...  element commands: ruleset/runtime_elements.hpp
//   add_rule(t, "chain", r) ...          rule commands: ruleset/runtime_rule_commands.hpp
//   std::vector<runtime_command> cs; ruleset(replace(base), cs, delete_table(...))
//                                    a ruleset takes ranges of commands beside single ones,
//                                    rendered in order into one script (one transaction),
//                                    every line's origin (table, chain, rule) recorded.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <nftpp/core/error.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/runtime_elements.hpp>
#include <nftpp/ruleset/runtime_rule_commands.hpp>
#include <nftpp/ruleset/runtime_table.hpp>
#include <nftpp/ruleset/transaction.hpp>

namespace nftpp {

NFTPP_RULE(an_update_is_between_two_versions_of_one_table,
           "update(old, new) takes two versions of one table: give both the same family and name (to load another "
           "table, use replace)")
NFTPP_RULE(an_update_keeps_each_base_chain_spec,
           "update(old, new) cannot change a chain's type, hook, priority or device, or make a regular chain a base "
           "chain (nft cannot change them in place): give the chain a new name, or replace the table")
NFTPP_RULE(an_update_keeps_each_set_declaration,
           "update(old, new) cannot change a set's or map's kind, datatypes or flags in place: give it a new name, "
           "or replace the table")

namespace detail {

inline void throw_if_invalid(const runtime_table& t) {
    if (auto e = t.check()) throw invalid_structure(std::move(*e));
}

// A table built at run time, as the transaction check reads it (ruleset/transaction_check.hpp).
inline void describe_runtime_table(command_descs& d, table_op op, const runtime_table& t) {
    command_desc c{op == table_op::replace ? command_desc::op::replace
                   : op == table_op::add   ? command_desc::op::add
                                           : command_desc::op::create,
                   t.table_family(), t.name()};
    if (!d.light) {
        runtime_descriptors rd(t);
        c.chains = d.chain_store.emplace_back(std::move(rd.chains));
        c.sets = d.set_store.emplace_back(std::move(rd.sets));
        d.rule_store.push_back(std::move(rd.rules));
        d.name_store.push_back(std::move(rd.targets));
        d.ref_store.push_back(std::move(rd.refs));
    }
    d.commands.push_back(c);
}

// VERB table|WHAT F N [OBJECT]
template <Sink S>
void write_head(S& out, std::string_view verb, const runtime_table& t, std::string_view what = {}, std::string_view object = {}) {
    out.put(verb);
    out.put(' ');
    out.put(what.empty() ? std::string_view("table") : what);
    out.put(' ');
    out.put(keyword(t.table_family()));
    out.put(' ');
    out.put(std::string_view(t.name()));
    if (!object.empty()) {
        out.put(' ');
        out.put(object);
    }
}

}  // namespace detail

// replace / add / create of a table built at run time.
struct runtime_table_command {
    using command_tag = void;
    table_op op;
    runtime_table table;

    // For the transaction check (ruleset/transaction_check.hpp).
    void describe_to(command_descs& d) const { detail::describe_runtime_table(d, op, table); }

    template <Sink S>
    friend void write_nft(S& out, const runtime_table_command& c) {
        origin_table(out, c.table.table_family(), c.table.name());
        const origin_start first = origin_open(out);
        if (c.op == table_op::replace) {
            detail::write_head(out, "add", c.table);
            out.put('\n');
            detail::write_head(out, "delete", c.table);
            out.put('\n');
        } else if (c.op == table_op::create) {
            detail::write_head(out, "create", c.table);
            out.put('\n');
        }
        write_nft(out, c.table);
        origin_mark(out, first, "table");
    }
};

[[nodiscard]] inline runtime_table_command replace(runtime_table t) {
    detail::throw_if_invalid(t);
    return {table_op::replace, std::move(t)};
}
[[nodiscard]] inline runtime_table_command add(runtime_table t) {
    detail::throw_if_invalid(t);
    return {table_op::add, std::move(t)};
}
[[nodiscard]] inline runtime_table_command create(runtime_table t) {
    detail::throw_if_invalid(t);
    return {table_op::create, std::move(t)};
}
[[nodiscard]] inline table_ref_command_t delete_table(const runtime_table& t) {
    return delete_table(t.table_family(), name::parse(t.name()).value(t.name()));
}
[[nodiscard]] inline table_ref_command_t flush_table(const runtime_table& t) {
    return flush_table(t.table_family(), name::parse(t.name()).value(t.name()));
}

// update(old, new): the changes from one version of a table to the next.
class table_update {
public:
    using command_tag = void;

    table_update(const runtime_table& before, runtime_table after) : next_(std::move(after)) {
        detail::throw_if_invalid(next_);
        auto fail = [&](const rule* r, std::string first) {
            throw invalid_structure(structure_error{r, next_.label(), std::move(first), {}, -1, {}, {}});
        };
        if (before.table_family() != next_.table_family() || before.name() != next_.name())
            fail(&rules::an_update_is_between_two_versions_of_one_table, {});
        std::unordered_map<std::string_view, const runtime_chain*> old_chains;
        old_chains.reserve(before.chains().size());
        for (const auto& c : before.chains()) old_chains.emplace(c.name(), &c);
        for (std::size_t i = 0; i < next_.chains().size(); ++i) {
            const runtime_chain& c = next_.chains()[i];
            auto it = old_chains.find(c.name());
            if (it == old_chains.end()) {
                added_chains_.push_back(i);
                continue;
            }
            const runtime_chain& o = *it->second;
            old_chains.erase(it);
            const base_spec &a = o.spec(), &b = c.spec();
            if (a.is_base != b.is_base || a.type != b.type || a.hk != b.hk || a.priority != b.priority || o.device() != c.device())
                fail(&rules::an_update_keeps_each_base_chain_spec, "chain " + c.name());
            if (o.policy() != c.policy()) policy_chains_.push_back(i);
            if (o.rules() != c.rules()) changed_chains_.push_back(i);
        }
        for (const auto& c : before.chains())
            if (old_chains.count(c.name())) deleted_chains_.push_back(c.name());

        std::unordered_map<std::string_view, const runtime_set*> old_sets;
        for (const auto& s : before.sets()) old_sets.emplace(s.name, &s);
        for (std::size_t i = 0; i < next_.sets().size(); ++i) {
            const runtime_set& s = next_.sets()[i];
            auto it = old_sets.find(s.name);
            if (it == old_sets.end()) {
                added_sets_.push_back(i);
                continue;
            }
            const runtime_set& o = *it->second;
            old_sets.erase(it);
            if (!o.same_declaration(s)) fail(&rules::an_update_keeps_each_set_declaration, std::string(s.kind == "set" ? "set " : "map ") + s.name);
            element_diff d{i, {}, {}};
            std::unordered_map<std::string_view, const runtime_element*> old_keys;
            old_keys.reserve(o.elements.size());
            for (const auto& x : o.elements) old_keys.emplace(x.key, &x);
            for (std::size_t k = 0; k < s.elements.size(); ++k) {
                auto f = old_keys.find(s.elements[k].key);
                if (f == old_keys.end()) {
                    d.added.push_back(k);
                } else {
                    if (!(*f->second == s.elements[k])) {  // a new value: out with the old, in with the new
                        d.removed.push_back(f->second->key);
                        d.added.push_back(k);
                    }
                    old_keys.erase(f);
                }
            }
            for (const auto& x : o.elements)
                if (old_keys.count(x.key)) d.removed.push_back(x.key);
            if (!d.added.empty() || !d.removed.empty()) element_changes_.push_back(std::move(d));
        }
        for (const auto& s : before.sets())
            if (old_sets.count(s.name)) deleted_sets_.push_back({s.name, s.kind == "set"});
    }

    // Nothing changed: the command renders nothing.
    [[nodiscard]] bool empty() const noexcept {
        return added_chains_.empty() && policy_chains_.empty() && changed_chains_.empty() && deleted_chains_.empty() &&
               added_sets_.empty() && deleted_sets_.empty() && element_changes_.empty();
    }
    [[nodiscard]] const runtime_table& next() const noexcept { return next_; }

    // For the transaction check: after it, the table is the new version.
    void describe_to(command_descs& d) const { detail::describe_runtime_table(d, table_op::replace, next_); }
    [[nodiscard]] std::size_t chains_added() const noexcept { return added_chains_.size(); }
    [[nodiscard]] std::size_t chains_changed() const noexcept { return changed_chains_.size(); }
    [[nodiscard]] std::size_t chains_deleted() const noexcept { return deleted_chains_.size(); }

    template <Sink S>
    friend void write_nft(S& out, const table_update& u) {
        u.write(out);
    }

private:
    struct element_diff {
        std::size_t set;
        std::vector<std::string> removed;  // keys
        std::vector<std::size_t> added;    // indices into the new set's elements
    };

    template <Sink S>
    void write(S& out) const {
        const runtime_table& t = next_;
        origin_table(out, t.table_family(), t.name());
        // 1. new chains (declared empty: their rules may jump to each other), base chain
        //    policies, new sets and maps with their elements
        if (!added_chains_.empty() || !policy_chains_.empty() || !added_sets_.empty()) {
            const origin_start first = origin_open(out);
            out.put("table ");
            out.put(keyword(t.table_family()));
            out.put(' ');
            out.put(std::string_view(t.name()));
            out.put(" {\n");
            for (std::size_t i : added_chains_) t.chains()[i].write(out, false);
            for (std::size_t i : policy_chains_) t.chains()[i].write(out, false);
            for (std::size_t i : added_sets_) t.write_set(out, t.sets()[i]);
            out.put("}\n");
            origin_mark(out, first, "table");
        }
        // 2. chains whose rules changed, and chains to delete, emptied
        for (std::size_t i : changed_chains_) line(out, "flush", "chain", t.chains()[i].name());
        for (const auto& n : deleted_chains_) line(out, "flush", "chain", n);
        // 3. elements removed (or given a new value)
        for (const auto& d : element_changes_) {
            if (d.removed.empty()) continue;
            const runtime_set& s = t.sets()[d.set];
            const origin_start first = origin_open(out);
            detail::write_head(out, "delete", t, "element", s.name);
            out.put(" {");
            bool any = false;
            for (const auto& k : d.removed) {
                out.put(any ? ",\n\t" : "\n\t");
                any = true;
                out.put(std::string_view(k));
            }
            out.put("\n}\n");
            origin_mark(out, first, "delete element");
        }
        // 4. the rules of new and changed chains
        for (std::size_t i : added_chains_) add_rules(out, t.chains()[i]);
        for (std::size_t i : changed_chains_) add_rules(out, t.chains()[i]);
        // 5. elements added
        for (const auto& d : element_changes_) {
            if (d.added.empty()) continue;
            const runtime_set& s = t.sets()[d.set];
            const origin_start first = origin_open(out);
            detail::write_head(out, "add", t, "element", s.name);
            out.put(" {");
            bool any = false;
            for (std::size_t k : d.added) {
                out.put(any ? ",\n\t" : "\n\t");
                any = true;
                runtime_set::write_element(out, s, s.elements[k]);
            }
            out.put("\n}\n");
            origin_mark(out, first, "add element");
        }
        // 6. chains and sets no longer there, once nothing refers to them
        for (const auto& n : deleted_chains_) line(out, "delete", "chain", n);
        for (const auto& [n, is_set] : deleted_sets_) line(out, "delete", is_set ? "set" : "map", n);
    }

    template <Sink S>
    void line(S& out, std::string_view verb, std::string_view what, const std::string& object) const {
        const origin_start first = origin_open(out);
        detail::write_head(out, verb, next_, what, object);
        out.put('\n');
        std::string command(verb);
        (command += ' ') += what;
        origin_mark(out, first, command, what == "chain" ? std::string_view(object) : std::string_view{});
    }

    template <Sink S>
    void add_rules(S& out, const runtime_chain& c) const {
        long index = 0;
        for (const auto& r : c.rules()) {
            if (c.keeps(out, r, index)) {
                const origin_start first = origin_open(out);
                detail::write_head(out, "add", next_, "rule", c.name());
                out.put(' ');
                out.put(std::string_view(r.text));
                origin_mark(out, first, "add rule", c.name(), index);
                out.put('\n');
            }
            ++index;
        }
    }

    runtime_table next_;
    std::vector<std::size_t> added_chains_, policy_chains_, changed_chains_, added_sets_;
    std::vector<std::string> deleted_chains_;
    std::vector<std::pair<std::string, bool>> deleted_sets_;
    std::vector<element_diff> element_changes_;
};

[[nodiscard]] inline table_update update(const runtime_table& before, runtime_table after) {
    return table_update(before, std::move(after));
}

// Any command on a table built at run time, for ranges of them: std::vector<runtime_command>.
class runtime_command {
public:
    using command_tag = void;
    runtime_command(runtime_table_command c) : c_(std::move(c)) {}
    runtime_command(table_ref_command_t c) : c_(c) {}
    runtime_command(table_update c) : c_(std::move(c)) {}
    runtime_command(runtime_element_command c) : c_(std::move(c)) {}
    runtime_command(runtime_rule_command c) : c_(std::move(c)) {}

    template <Sink S>
    friend void write_nft(S& out, const runtime_command& c) {
        std::visit([&](const auto& x) { write_nft(out, x); }, c.c_);
    }

    void describe_to(command_descs& d) const {
        std::visit([&](const auto& c) { c.describe_to(d); }, c_);
    }

    // Calls f with the command it holds.
    template <class F>
    void visit(F&& f) const {
        std::visit(std::forward<F>(f), c_);
    }

private:
    std::variant<runtime_table_command, table_ref_command_t, table_update, runtime_element_command, runtime_rule_command> c_;
};

}  // namespace nftpp
