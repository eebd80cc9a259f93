// SPDX-License-Identifier: Apache-2.0
#pragma once
// Tables whose structure comes from data: the family and name are values, and so are the
// names of their chains, sets and maps and the chains their rules jump to.
//   auto t = table(family::inet, "svc",
//                  base_chain<"prerouting", nat_chain(hook::prerouting, prio::dstnat)>(...),  // static parts mix in
//                  verdict_map<concat<ipv4_addr, l4proto, port>>("services", set_flags{}, pairs));
//   for (const auto& s : services) t.add(chain("svc_" + s.name, ...));
//   if (auto e = t.check()) std::cerr << e->describe();      // or: replace(t) throws it
// check() runs the checks a static table runs while it compiles — the same functions of
// ruleset/table_check.hpp, over descriptors built from the data — plus those a static
// name gets from the compiler (each name valid and not a keyword) and a chain's
// declaration (policy, device). It returns the first failure as a structure_error: the
// rule (its sentence and id, the same as the compile-time assertion's), the table, the
// chain or set it is about, the other name (a jump's target, a set a rule uses), the
// rule's index and text. Nothing is rendered from a table that fails: the commands that
// load it (replace, add, create: ruleset/runtime_commands.hpp) check it when they are made
// and throw invalid_structure with that error.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/core/family.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/descriptor.hpp>
#include <nftpp/ruleset/runtime_chain.hpp>
#include <nftpp/ruleset/runtime_set.hpp>
#include <nftpp/ruleset/table.hpp>
#include <nftpp/ruleset/table_check.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

// The first rule a table built from data breaks, with where.
struct structure_error {
    const rule* broken = nullptr;
    std::string table;       // "inet svc"
    std::string first;       // the chain or set it is about (empty: the table itself)
    std::string second;      // the other name: a jump's target, a set a rule uses, a base chain reaching it
    long rule_index = -1;    // the rule's index in `first`, when one rule is at fault
    std::string rule_text;   // that rule, as it would be rendered
    std::string name;        // a run-time name that is not a valid name, when that is the fault

    [[nodiscard]] std::string_view sentence() const noexcept { return broken ? broken->sentence : std::string_view{}; }
    [[nodiscard]] std::string_view id() const noexcept { return broken ? broken->id : std::string_view{}; }

    // "table inet svc, chain svc_web, rule #2 (jump svc_x), jump target svc_x: <sentence>"
    [[nodiscard]] std::string describe() const {
        std::string d = "table " + table;
        if (!first.empty()) d += ", " + first;
        if (rule_index >= 0) {
            d += ", rule #" + std::to_string(rule_index);
            if (!rule_text.empty()) d += " (" + rule_text + ")";
        }
        if (!second.empty()) d += ", " + second;
        if (!name.empty()) d += ", name \"" + name + "\"";
        d += ": ";
        d += sentence();
        return d;
    }
};

// Thrown by the commands that would load a table that fails its check.
class invalid_structure : public std::invalid_argument {
public:
    explicit invalid_structure(structure_error e) : std::invalid_argument(e.describe()), error_(std::move(e)) {}
    [[nodiscard]] const structure_error& error() const noexcept { return error_; }

private:
    structure_error error_;
};

class runtime_table {
public:
    runtime_table(family f, std::string name) : family_(f), name_(std::move(name)) {}

    // A chain or set, static or named at run time.
    template <class M>
    runtime_table& add(M&& m) {
        using X = std::remove_cvref_t<M>;
        if constexpr (std::is_same_v<X, runtime_chain>) chains_.push_back(std::forward<M>(m));
        else if constexpr (std::is_same_v<X, runtime_set>) sets_.push_back(std::forward<M>(m));
        else if constexpr (is_chain_v<X>) chains_.emplace_back(m);
        else if constexpr (is_set_v<X> || is_map_v<X>) sets_.push_back(to_runtime_set(m));
        else if constexpr (is_comment_v<X>) {
            comment_ = m.text;
            ++comments_;
        }
        else static_assert(is_chain_v<X>, "table(family, name, ...) takes chains, sets and a comment(...), static or named at run time: this argument is none of them");
        return *this;
    }

    [[nodiscard]] family table_family() const noexcept { return family_; }
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] const std::vector<runtime_chain>& chains() const noexcept { return chains_; }
    [[nodiscard]] const std::vector<runtime_set>& sets() const noexcept { return sets_; }
    [[nodiscard]] const std::optional<comment_text>& comment() const noexcept { return comment_; }
    [[nodiscard]] std::vector<runtime_chain>& chains() noexcept { return chains_; }
    [[nodiscard]] std::vector<runtime_set>& sets() noexcept { return sets_; }

    // "inet svc"
    [[nodiscard]] std::string label() const { return std::string(keyword(family_)) + " " + name_; }

    // The first rule the table breaks, or nothing.
    [[nodiscard]] std::optional<structure_error> check() const;

    // table F N { sets and maps; chains }, as a static table writes itself.
    template <Sink S>
    friend void write_nft(S& out, const runtime_table& t) {
        origin_table(out, t.family_, t.name_);
        out.put("table ");
        out.put(keyword(t.family_));
        out.put(' ');
        out.put(std::string_view(t.name_));
        out.put(" {\n");
        if (t.comment()) write_comment_line(out, *t.comment(), "\t");
        for (const auto& s : t.sets_) t.write_set(out, s);
        for (const auto& c : t.chains_) write_nft(out, c);
        out.put("}\n");
    }
    // One set or map line of the block.
    template <Sink S>
    void write_set(S& out, const runtime_set& s) const {
        const origin_start first = origin_open(out);
        out.put('\t');
        write_nft(out, s);
        out.put('\n');
        origin_mark(out, first, "set");
    }

private:
    family family_;
    std::string name_;
    std::vector<runtime_chain> chains_;
    std::vector<runtime_set> sets_;
    std::optional<comment_text> comment_{};
    int comments_ = 0;
};

// table(family, name, members...): a table built at run time.
template <class... M>
[[nodiscard]] runtime_table table(family f, std::string name, M&&... members) {
    runtime_table t(f, std::move(name));
    [[maybe_unused]] const int each[] = {0, (t.add(std::forward<M>(members)), 0)...};
    return t;
}

namespace detail {
// Descriptors of a run-time table, pointing into it (valid while it is not changed).
struct runtime_descriptors {
    std::vector<chain_desc> chains;
    std::vector<set_desc> sets;
    std::vector<rule_desc> rules;
    std::vector<std::string_view> targets;
    std::vector<set_ref_info> refs;

    explicit runtime_descriptors(const runtime_table& t) {
        std::size_t n_rules = 0, n_targets = 0, n_refs = 0;
        for (const auto& c : t.chains()) {
            n_rules += c.rules().size();
            for (const auto& r : c.rules()) {
                n_targets += r.targets.size();
                n_refs += r.sets.size();
            }
        }
        for (const auto& s : t.sets()) n_targets += s.targets.size();
        rules.reserve(n_rules);  // reserved: the spans below point into these vectors
        targets.reserve(n_targets);
        refs.reserve(n_refs);
        chains.reserve(t.chains().size());
        sets.reserve(t.sets().size());
        for (const auto& c : t.chains()) {
            const std::size_t first_rule = rules.size();
            long index = 0;
            for (const auto& r : c.rules()) {
                const std::size_t ft = targets.size(), fr = refs.size();
                for (const auto& x : r.targets) targets.push_back(x);
                for (const auto& x : r.sets) refs.push_back({x.set, x.key_type, x.kind, x.value_type, x.missing});
                rules.push_back(rule_desc{r.summary, index++, 1, std::span<const std::string_view>(targets.data() + ft, r.targets.size()),
                                          std::span<const set_ref_info>(refs.data() + fr, r.sets.size()), true});
            }
            chains.push_back(chain_desc{c.name(), c.spec(), std::span<const rule_desc>(rules.data() + first_rule, c.rules().size())});
        }
        for (const auto& s : t.sets()) {
            const std::size_t ft = targets.size();
            for (const auto& x : s.targets) targets.push_back(x);
            sets.push_back(set_desc{s.name, s.kind, s.key_type, s.value_type,
                                    std::span<const std::string_view>(targets.data() + ft, s.targets.size())});
        }
    }
};

inline const runtime_chain* find_chain(const runtime_table& t, std::string_view n) {
    for (const auto& c : t.chains())
        if (c.name() == n) return &c;
    return nullptr;
}
}  // namespace detail

inline std::optional<structure_error> runtime_table::check() const {
    auto fail = [&](const rule* r, std::string first, std::string bad_name = {}) {
        return structure_error{r, label(), std::move(first), {}, -1, {}, std::move(bad_name)};
    };
    if (error e = check_name(name_); e.broken) return fail(e.broken, {}, name_);
    if (comments_ > 1) return fail(&rules::one_comment_per_declaration, {});
    for (const auto& c : chains_)
        if (error e = check_name(c.name()); e.broken) return fail(e.broken, "chain " + c.name(), c.name());
    for (const auto& s : sets_)
        if (error e = check_name(s.name); e.broken) return fail(e.broken, std::string(s.kind == "set" ? "set " : "map ") + s.name, s.name);
    for (const auto& c : chains_)
        if (const rule* r = detail::check_chain_args(c.args())) return fail(r, "chain " + c.name());

    const detail::runtime_descriptors d(*this);
    const check_error e = check_table_at_run_time(family_, d.chains, d.sets);
    if (!e) return std::nullopt;
    structure_error out{e.broken, label(), {}, {}, e.rule_index, {}, {}};
    // first: a chain, or a set/map (unique names are checked first, so at most one of each)
    const runtime_chain* c = detail::find_chain(*this, e.first);
    if (c) {
        out.first = "chain " + std::string(e.first);
    } else if (!e.first.empty()) {
        std::string_view kind = "set";
        for (const auto& s : sets_)
            if (s.name == e.first) kind = s.kind == "set" ? "set" : "map";
        out.first = std::string(kind) + " " + std::string(e.first);
    }
    if (c && e.rule_index >= 0 && static_cast<std::size_t>(e.rule_index) < c->rules().size())
        out.rule_text = c->rules()[static_cast<std::size_t>(e.rule_index)].text;
    if (!e.second.empty()) {
        const bool is_set = e.broken == &rules::set_exists || e.broken == &rules::set_key_matches_selector ||
                            e.broken == &rules::map_kind_matches_use || e.broken == &rules::map_value_matches_use;
        std::string_view kind = is_set ? "set" : "chain";
        if (is_set)
            for (const auto& s : sets_)
                if (s.name == e.second && s.kind != "set") kind = "map";
        if (!is_set && c && !out.rule_text.empty())  // a table object the rule names (a quota ...)
            for (const auto& u : c->rules()[static_cast<std::size_t>(e.rule_index)].sets)
                if (u.set == e.second && u.missing == e.broken) kind = u.kind;
        out.second = std::string(kind) + " " + std::string(e.second);
    }
    return out;
}

}  // namespace nftpp
