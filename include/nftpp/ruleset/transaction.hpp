// SPDX-License-Identifier: Apache-2.0
#pragma once
// transaction: ruleset(commands...), one nft transaction. Everything in it applies, or nothing does.
//   replace(table)          add table F N / delete table F N / table F N { ... }
//                           (the atomic replace idiom: works whether N exists or not)
//   add(table)              table F N { ... }   (merges into an existing table: loading it
//                           twice duplicates every rule, so prefer replace)
//   create(table)           create table F N / table F N { ... }  (fails if N exists)
//   delete_table(table)     delete table F N    (fails if N does not exist)
//   flush_table(table)      flush table F N
// Several commands, for several tables, render into one script; ruleset(...) also takes
// ranges of commands (tables built at run time: ruleset/runtime_commands.hpp).
// ruleset(...) checks its commands as one transaction (ruleset/transaction_check.hpp): in
// the compiler when it is built in a constant expression, otherwise when it is called
// (invalid_structure).
#include <ranges>
#include <string>
#include <string_view>
#include <utility>
#include <type_traits>

#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>

#include <nftpp/core/sink.hpp>

#include <nftpp/core/family.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/runtime_table.hpp>
#include <nftpp/ruleset/table.hpp>
#include <nftpp/ruleset/transaction_check.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

enum class table_op : unsigned char { replace, add, create };

namespace detail {
template <Sink S>
constexpr void write_table_head(S& out, std::string_view verb, family f, const name& n) {
    out.put(verb);
    out.put(" table ");
    out.put(keyword(f));
    out.put(' ');
    write_nft(out, n);
    out.put('\n');
}
}  // namespace detail

template <class Table, table_op Op>
struct table_command_t {
    Table table;

    // replace: add + delete + the block; create: create + the block; add: the block.
    template <Sink S>
    friend constexpr void write_nft(S& out, const table_command_t& c) {
        constexpr family f = Table::table_family;
        origin_table(out, f, c.table.table_name.view());
        const origin_start first = origin_open(out);
        if constexpr (Op == table_op::replace) {
            detail::write_table_head(out, "add", f, c.table.table_name);
            detail::write_table_head(out, "delete", f, c.table.table_name);
        } else if constexpr (Op == table_op::create) {
            detail::write_table_head(out, "create", f, c.table.table_name);
        }
        write_nft(out, c.table);
        origin_mark(out, first, "table");
    }

    constexpr void describe_to(command_descs& d) const {
        using A = detail::table_analysis<Table::table_family, typename Table::chains_type, typename Table::sets_type>;
        constexpr auto what = Op == table_op::replace ? command_desc::op::replace
                              : Op == table_op::add   ? command_desc::op::add
                                                      : command_desc::op::create;
        d.commands.push_back({what, Table::table_family, table.table_name.view(), A::chains, A::sets});
    }
};

struct table_ref_command_t {
    enum class kind : unsigned char { delete_table, flush_table } op;
    family table_family;
    name table_name;

    template <Sink S>
    friend constexpr void write_nft(S& out, const table_ref_command_t& c) {
        const bool del = c.op == kind::delete_table;
        origin_table(out, c.table_family, c.table_name.view());
        const origin_start first = origin_open(out);
        detail::write_table_head(out, del ? "delete" : "flush", c.table_family, c.table_name);
        origin_mark(out, first, del ? "delete table" : "flush table");
    }

    constexpr void describe_to(command_descs& d) const {
        d.commands.push_back({op == kind::delete_table ? command_desc::op::delete_table : command_desc::op::flush_table,
                              table_family, table_name.view()});
    }
};

template <class T>
    requires is_table_v<T>
[[nodiscard]] constexpr table_command_t<T, table_op::replace> replace(const T& t) {
    return {t};
}
template <class T>
    requires is_table_v<T>
[[nodiscard]] constexpr table_command_t<T, table_op::add> add(const T& t) {
    return {t};
}
template <class T>
    requires is_table_v<T>
[[nodiscard]] constexpr table_command_t<T, table_op::create> create(const T& t) {
    return {t};
}

[[nodiscard]] constexpr table_ref_command_t delete_table(family f, name n) noexcept {
    return {table_ref_command_t::kind::delete_table, f, n};
}
[[nodiscard]] constexpr table_ref_command_t flush_table(family f, name n) noexcept {
    return {table_ref_command_t::kind::flush_table, f, n};
}
template <class T>
    requires is_table_v<T>
[[nodiscard]] constexpr table_ref_command_t delete_table(const T& t) noexcept {
    return delete_table(T::table_family, t.table_name);
}
template <class T>
    requires is_table_v<T>
[[nodiscard]] constexpr table_ref_command_t flush_table(const T& t) noexcept {
    return flush_table(T::table_family, t.table_name);
}

template <class T>
inline constexpr bool is_command_v = std::is_same_v<T, table_ref_command_t>;
template <class T, table_op Op>
inline constexpr bool is_command_v<table_command_t<T, Op>> = true;

template <class T>
concept Command = is_command_v<T> || requires { typename T::command_tag; };

// A run-time sequence of commands (a std::vector<runtime_command>, of element commands ...),
// rendered in order where it stands in the ruleset.
template <class T>
concept CommandRange = std::ranges::input_range<const T&> && !Command<T> &&
                       Command<std::remove_cvref_t<std::ranges::range_reference_t<const T&>>>;

template <class Commands>
struct ruleset_t {
    Commands commands;

    // The commands in order, into one script (one transaction).
    template <Sink S>
    friend constexpr void write_nft(S& out, const ruleset_t& r) {
        boost::hana::for_each(r.commands, [&](const auto& c) {
            if constexpr (CommandRange<std::remove_cvref_t<decltype(c)>>) {
                for (const auto& x : c) write_nft(out, x);
            } else {
                write_nft(out, c);
            }
        });
    }
};

namespace detail {
template <class C>
constexpr void fire_command_check() {
    if constexpr (!Command<C> && !CommandRange<C>) fire<&rules::ruleset_argument_is_a_command, C>();
}
template <class C>
constexpr void describe_all(command_descs& d, const C& c) {
    if constexpr (CommandRange<C>) {
        for (const auto& x : c) describe_command(d, x);
    } else {
        describe_command(d, c);
    }
}
// "chain input", "set s": what a transaction error is about, as structure_error says it.
inline std::string transaction_subject(const check_error& e) {
    const bool about_set = e.broken == &rules::a_set_keeps_its_declaration_in_one_transaction || e.broken == &rules::table_has_set ||
                           e.broken == &rules::map_kind_matches_use || e.broken == &rules::set_key_matches_selector;
    if (e.first.empty()) return {};
    return std::string(about_set ? "set " : "chain ") + std::string(e.first);
}
[[noreturn]] inline void throw_transaction_error(const transaction_error& e) {
    structure_error out{e.error.broken, std::string(keyword(e.table_family)) + " " + std::string(e.table),
                        transaction_subject(e.error), {}, e.error.rule_index, {}, {}};
    if (!e.error.second.empty()) out.second = (e.error.first.empty() ? "set " : "chain ") + std::string(e.error.second);
    out.second += (out.second.empty() ? "" : ", ") + std::string("command #") + std::to_string(e.command);
    throw invalid_structure(std::move(out));
}
// The commands checked as one transaction: a compile error (the rule's diagnostic) in a
// constant expression, invalid_structure otherwise.
template <class... C>
constexpr void check_whole_transaction(const C&... commands) {
    command_descs d;
    d.light = true;
    (describe_all(d, commands), ...);
    if (!any_table_twice(d.commands)) return;
    d = command_descs{};
    (describe_all(d, commands), ...);
    const transaction_error e = check_transaction(d.commands);
    if (!e) return;
    if (std::is_constant_evaluated()) e.error.broken->compile_time_report();  // not constexpr: this call is the compile error
    else throw_transaction_error(e);
}
}  // namespace detail

// The transaction check as a value, for tests: what ruleset(commands...) would refuse (empty
// when nothing).
template <class... C>
[[nodiscard]] constexpr transaction_error transaction_verdict(const C&... commands) {
    command_descs d;
    (detail::describe_all(d, commands), ...);
    return check_transaction(d.commands);
}

template <class... C>
[[nodiscard]] constexpr auto ruleset(const C&... commands) {
    (detail::fire_command_check<C>(), ...);
    if constexpr (sizeof...(C) > 0 && ((Command<C> || CommandRange<C>) && ...)) detail::check_whole_transaction(commands...);
    return ruleset_t<boost::hana::tuple<C...>>{boost::hana::make_tuple(commands...)};
}

template <class T>
inline constexpr bool is_ruleset_v = false;
template <class C>
inline constexpr bool is_ruleset_v<ruleset_t<C>> = true;

}  // namespace nftpp
