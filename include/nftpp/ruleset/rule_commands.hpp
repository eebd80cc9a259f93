// SPDX-License-Identifier: Apache-2.0
#pragma once
// One rule added to, replaced in or deleted from a chain of a table that is already
// loaded, in the same transaction as anything else:
//   add_rule<"input">(t, tcp.dport == 22 >> accept)           add rule inet t input tcp dport 22 accept
//   add_rule<"input">(t, r, after(h))                         add rule inet t input position 7 ...
//   insert_rule<"input">(t, r)                                insert rule inet t input ...   (first)
//   insert_rule<"input">(t, r, before(h))                     insert rule inet t input position 7 ...
//   replace_rule<"input">(t, h, r)                            replace rule inet t input handle 7 ...
//   delete_rule<"input">(t, h)                                delete rule inet t input handle 7
// The table is the declaration of what is loaded: the chain must be one of its chains,
// and the rule is checked as if it stood in that chain (its shape, the chain's hook and
// type, the family, the sets it uses, its jumps). Handles are nft's: find them with
// find_rule_handles (nftpp/readback.hpp), by the rule's comment.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include <nftpp/core/error.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/rule.hpp>
#include <nftpp/ruleset/rule_check.hpp>
#include <nftpp/ruleset/table.hpp>
#include <nftpp/ruleset/table_check.hpp>
#include <nftpp/ruleset/transaction_check.hpp>

namespace nftpp {

NFTPP_RULE(a_rule_handle_is_a_number_from_1_given_by_nft, "a rule handle is a number from 1, as nft gives it (nft -a list)")

// A rule's handle in a loaded chain.
struct rule_handle {
    std::uint64_t value;

    static constexpr result<rule_handle> from(std::uint64_t v) noexcept {
        if (v == 0) return error{&rules::a_rule_handle_is_a_number_from_1_given_by_nft, 0};
        return rule_handle{v};
    }
    friend constexpr bool operator==(const rule_handle&, const rule_handle&) = default;
};

// Where a rule goes: after or before the rule with handle h.
struct rule_position {
    rule_handle handle;
};
[[nodiscard]] constexpr rule_position after(rule_handle h) noexcept { return {h}; }
[[nodiscard]] constexpr rule_position before(rule_handle h) noexcept { return {h}; }


enum class rule_op : unsigned char { add, insert, replace, remove };

template <rule_op Op, class R>
struct rule_command_t {
    using command_tag = void;
    family table_family;
    name table_name;
    std::string_view chain_name;
    R rule;
    std::uint64_t handle = 0;  // position (add, insert) or the rule replaced or deleted; 0: none
    // For the transaction check (ruleset/transaction_check.hpp): the declaration of the
    // table the command was made from, and the rule's descriptor (nullptr: a delete).
    std::span<const chain_desc> table_chains{};
    std::span<const set_desc> table_sets{};
    const rule_desc* desc = nullptr;

    constexpr void describe_to(command_descs& d) const {
        d.commands.push_back({command_desc::op::rule, table_family, table_name.view(), table_chains, table_sets, chain_name, desc});
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const rule_command_t& c) {
        origin_table(out, c.table_family, c.table_name.view());
        const origin_start first = origin_open(out);
        constexpr std::string_view verb = Op == rule_op::add ? "add rule " : Op == rule_op::insert ? "insert rule "
                                          : Op == rule_op::replace ? "replace rule " : "delete rule ";
        out.put(verb);
        out.put(keyword(c.table_family));
        out.put(' ');
        write_nft(out, c.table_name);
        out.put(' ');
        out.put(c.chain_name);
        if (c.handle) {
            out.put(Op == rule_op::add || Op == rule_op::insert ? " position " : " handle ");
            put_uint(out, c.handle);
        }
        if constexpr (Op != rule_op::remove) {
            out.put(' ');
            write_nft(out, c.rule);
        }
        out.put('\n');
        origin_mark(out, first, verb.substr(0, verb.size() - 1), c.chain_name);
    }
};

namespace detail {

template <class R>
inline constexpr rule_desc static_rule_desc_v = static_rule_desc<R>(0);

// The chains with rule R appended to the chain named Name: what the table would be.
template <fixed_string Name, class R, class C>
struct with_rule_one {
    using type = C;
};
template <fixed_string Name, class R, fixed_string N, base_spec S, class... Rs>
    requires(N == Name)
struct with_rule_one<Name, R, chain_t<N, S, boost::hana::tuple<Rs...>>> {
    using type = chain_t<N, S, boost::hana::tuple<Rs..., R>>;
};
template <fixed_string Name, class R, class Chains>
struct with_rule;
template <fixed_string Name, class R, class... Cs>
struct with_rule<Name, R, boost::hana::tuple<Cs...>> {
    using type = boost::hana::tuple<typename with_rule_one<Name, R, Cs>::type...>;
};

// The command, after the rule is checked in its chain; 0 after a named assertion fired.
template <rule_op Op, fixed_string Chain, class T, class R>
constexpr auto make_rule_command(const T& t, const R& r, std::uint64_t handle) {
    using C = typename named_in<Chain, typename T::chains_type>::type;
    if constexpr (std::is_void_v<C>) {
        fire<&rules::table_has_chain, named<Chain>>();
        return 0;
    } else if constexpr (Op == rule_op::remove) {
        using A = table_analysis<T::table_family, typename T::chains_type, typename T::sets_type>;
        return rule_command_t<Op, R>{T::table_family, t.table_name, Chain.view(), r, handle, A::chains, A::sets, nullptr};
    } else if constexpr (rule_summary_v<R>.broken != nullptr) {
        fire_rule_check<Chain, R>();
        return 0;
    } else {
        using Chains = typename with_rule<Chain, R, typename T::chains_type>::type;
        fire_table_check<T::table_family, Chains, typename T::sets_type>();
        if constexpr (table_verdict_v<T::table_family, Chains, typename T::sets_type>.broken != nullptr) return 0;
        else {
            using A = table_analysis<T::table_family, typename T::chains_type, typename T::sets_type>;
            return rule_command_t<Op, R>{T::table_family, t.table_name, Chain.view(), r, handle, A::chains, A::sets,
                                         &static_rule_desc_v<R>};
        }
    }
}
constexpr std::uint64_t checked_handle(rule_handle h) {
    if (h.value == 0) raise(error{&rules::a_rule_handle_is_a_number_from_1_given_by_nft, 0});
    return h.value;
}
}  // namespace detail

template <fixed_string Chain, class T, RuleLike R>
    requires is_table_v<T>
[[nodiscard]] constexpr auto add_rule(const T& t, const R& r) {
    return detail::make_rule_command<rule_op::add, Chain>(t, as_rule(r), 0);
}
template <fixed_string Chain, class T, RuleLike R>
    requires is_table_v<T>
[[nodiscard]] constexpr auto add_rule(const T& t, const R& r, rule_position p) {
    return detail::make_rule_command<rule_op::add, Chain>(t, as_rule(r), detail::checked_handle(p.handle));
}
template <fixed_string Chain, class T, RuleLike R>
    requires is_table_v<T>
[[nodiscard]] constexpr auto insert_rule(const T& t, const R& r) {
    return detail::make_rule_command<rule_op::insert, Chain>(t, as_rule(r), 0);
}
template <fixed_string Chain, class T, RuleLike R>
    requires is_table_v<T>
[[nodiscard]] constexpr auto insert_rule(const T& t, const R& r, rule_position p) {
    return detail::make_rule_command<rule_op::insert, Chain>(t, as_rule(r), detail::checked_handle(p.handle));
}
template <fixed_string Chain, class T, RuleLike R>
    requires is_table_v<T>
[[nodiscard]] constexpr auto replace_rule(const T& t, rule_handle h, const R& r) {
    return detail::make_rule_command<rule_op::replace, Chain>(t, as_rule(r), detail::checked_handle(h));
}
template <fixed_string Chain, class T>
    requires is_table_v<T>
[[nodiscard]] constexpr auto delete_rule(const T& t, rule_handle h) {
    return detail::make_rule_command<rule_op::remove, Chain>(t, rule_t<>{}, detail::checked_handle(h));
}

}  // namespace nftpp
