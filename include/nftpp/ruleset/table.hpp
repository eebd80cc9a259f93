// SPDX-License-Identifier: Apache-2.0
#pragma once
// table<family::inet>("name", chains, sets and objects...): the unit nft replaces atomically.
// A comment("...") among the members is the table's comment (once).
// Objects (a ct helper, ruleset/ct_helper.hpp) are kept and rendered with the sets, and
// referenced by rules the same way; each says which families have it.
// The family is a template argument; the name is a checked nftpp::name (a literal is
// checked at compile time, a run-time name such as "openshell_vm_" + tap when parsed).
// Building a table runs every table check (ruleset/table_check.hpp) once.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include <boost/hana/at.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/filter.hpp>
#include <boost/hana/tuple.hpp>

#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/ct_helper.hpp>
#include <nftpp/ruleset/map.hpp>
#include <nftpp/ruleset/ct_expectation.hpp>
#include <nftpp/ruleset/ct_timeout.hpp>
#include <nftpp/ruleset/flowtable.hpp>
#include <nftpp/ruleset/named_counter.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/ruleset/table_check.hpp>
#include <nftpp/stmt/comment.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

// "flowtable ft": how a left-out declaration is reported.
template <class M>
std::string declaration_label() {
    return std::string(M::kind) + " " + std::string(M::name.view());
}

template <family F, class Chains, class Sets>
struct table_t {
    static constexpr family table_family = F;
    using chains_type = Chains;
    using sets_type = Sets;

    name table_name;
    Chains chains{};
    Sets sets{};
    std::optional<comment_text> note{};  // `comment "..."` in the table

    // table F N { sets, maps and objects; chains }
    template <Sink S>
    friend constexpr void write_nft(S& out, const table_t& t) {
        origin_table(out, F, t.table_name.view());
        out.put("table ");
        out.put(keyword(F));
        out.put(' ');
        write_nft(out, t.table_name);
        out.put(" {\n");
        if (t.note) write_comment_line(out, *t.note, "\t");
        boost::hana::for_each(t.sets, [&](const auto& s) {
            using M = std::remove_cvref_t<decltype(s)>;
            if constexpr (requires { M::feature; }) {  // a declaration the target may lack (a flowtable)
                if (!target_covers(out, feature_set{M::feature})) {
                    if (!std::is_constant_evaluated()) origin_skip(out, {}, -1, feature_set{M::feature}, declaration_label<M>());
                    return;
                }
            }
            const origin_start first = origin_open(out);
            out.put('\t');
            write_nft(out, s);
            out.put('\n');
            origin_mark(out, first, "set");
        });
        boost::hana::for_each(t.chains, [&](const auto& c) { write_nft(out, c); });
        out.put("}\n");
    }
};

template <class T>
inline constexpr bool is_table_v = false;
template <family F, class C, class S>
inline constexpr bool is_table_v<table_t<F, C, S>> = true;

// A table member other than a chain, set or map: it names its families and the rule
// breaking them gives.
template <class M>
concept TableObject = requires {
    typename M::table_object_tag;
    M::object_families;
    M::family_rule;
};
template <family F, class M>
constexpr bool object_fits_family() {
    if constexpr (TableObject<M>) return (M::object_families & bit(F)) != 0;
    else return true;
}

template <class M>
constexpr void fire_table_member_check() {
    if constexpr (!is_chain_v<M> && !is_set_v<M> && !is_map_v<M> && !TableObject<M> && !is_comment_v<M>)
        fire<&rules::table_member_is_chain_or_set, M>();
}
template <family F, class M>
constexpr void fire_table_object_check() {
    if constexpr (!object_fits_family<F, M>()) fire<M::family_rule, M>();
}

namespace detail {
// What parts need of a set's flags (core/facts.hpp: an entry timeout needs expiring
// elements, an update from the packet path a set that is neither constant nor interval).
// Set flags are values, so the table checks them when it is built: a compile error for
// a constant table, a value_error otherwise.
template <class P>
constexpr std::size_t set_flags_need_count() {
    if constexpr (requires { P::set_flags_needs.size(); }) return P::set_flags_needs.size();
    else return 0;
}
template <class R>
struct set_flags_needs_of {
    static constexpr std::array<set_flags_need, 0> needs{};
};
template <class... P>
struct set_flags_needs_of<rule_t<P...>> {
    static constexpr std::size_t count = (0 + ... + set_flags_need_count<P>());
    static constexpr auto needs = [] {
        std::array<set_flags_need, count> a{};
        std::size_t i = 0;
        (
            [&] {
                if constexpr (set_flags_need_count<P>() > 0)
                    for (const set_flags_need& v : P::set_flags_needs) a[i++] = v;
            }(),
            ...);
        (void)i;
        return a;
    }();
};
template <class Chains>
struct chains_set_flags_needs;
template <class... C>
struct chains_set_flags_needs<boost::hana::tuple<C...>> {
    template <class Rules>
    struct of_rules;
    template <class... R>
    struct of_rules<boost::hana::tuple<R...>> {
        static constexpr std::size_t count = (0 + ... + set_flags_needs_of<item_rule_t<R>>::count);
        static constexpr auto needs = [] {
            std::array<set_flags_need, count> a{};
            std::size_t i = 0;
            (
                [&] {
                    for (const set_flags_need& v : set_flags_needs_of<item_rule_t<R>>::needs) a[i++] = v;
                }(),
                ...);
            (void)i;
            return a;
        }();
    };
    static constexpr std::size_t count = (0 + ... + of_rules<typename C::rules_type>::count);
    static constexpr auto needs = [] {
        std::array<set_flags_need, count> a{};
        std::size_t i = 0;
        (
            [&] {
                for (const set_flags_need& v : of_rules<typename C::rules_type>::needs) a[i++] = v;
            }(),
            ...);
        (void)i;
        return a;
    }();
};
constexpr bool flags_meet(set_flags f, set_need n) {
    switch (n) {
        case set_need::expiring: return f.expiring();
        case set_need::updatable: return !f.has(set_flag::constant) && !f.has(set_flag::interval);
    }
    return true;
}
// The need of a rule of Chains that member M, a set, does not meet: {rule, set name}.
struct unmet_set_need {
    const rule* broken = nullptr;
    std::string_view set;
};
template <class Chains, class M>
constexpr unmet_set_need unmet_set_need_of(const M& m) {
    if constexpr (requires { m.flags.expiring(); }) {
        for (const set_flags_need& n : chains_set_flags_needs<Chains>::needs)
            if (n.set == M::name.view() && !flags_meet(m.flags, n.need)) return {n.broken, M::name.view()};
    } else {
        (void)m;
    }
    return {};
}
}  // namespace detail

template <family F, class... M>
[[nodiscard]] constexpr auto table(name n, const M&... members) {
    namespace hana = boost::hana;
    if constexpr (!((is_chain_v<M> || is_set_v<M> || is_map_v<M> || TableObject<M> || is_comment_v<M>) && ...)) {
        (fire_table_member_check<M>(), ...);
        return table_t<F, hana::tuple<>, hana::tuple<>>{n};
    } else if constexpr ((0 + ... + (is_comment_v<M> ? 1 : 0)) > 1) {
        fire<&rules::one_comment_per_declaration, named<"table">, M...>();  // M: dependent, so only a table with two fires it
        return table_t<F, hana::tuple<>, hana::tuple<>>{n};
    } else if constexpr (!(object_fits_family<F, M>() && ...)) {
        (fire_table_object_check<F, M>(), ...);
        return table_t<F, hana::tuple<>, hana::tuple<>>{n};
    } else {
        auto all = hana::make_tuple(members...);
        auto chains = hana::filter(all, [](const auto& x) { return hana::bool_c<is_chain_v<std::remove_cvref_t<decltype(x)>>>; });
        auto sets = hana::filter(all, [](const auto& x) {
            using X = std::remove_cvref_t<decltype(x)>;
            return hana::bool_c<is_set_v<X> || is_map_v<X> || TableObject<X>>;
        });
        fire_table_check<F, decltype(chains), decltype(sets)>();
        if constexpr (table_verdict_v<F, decltype(chains), decltype(sets)>.broken != nullptr) {
            return table_t<F, hana::tuple<>, hana::tuple<>>{n};  // stop: no cascade
        } else {
            // What the rules need of the sets (an entry timeout: elements that expire), checked
            // here rather than in a helper: each call would be one more note on clang.
            if constexpr (detail::chains_set_flags_needs<decltype(chains)>::needs.size() > 0) {
                detail::unmet_set_need unmet;
                ((unmet = unmet.broken ? unmet : detail::unmet_set_need_of<decltype(chains)>(members)), ...);
                if (unmet.broken) {
                    if (std::is_constant_evaluated()) unmet.broken->compile_time_report();  // the compile error
                    else throw value_error(error{unmet.broken, 0}, unmet.set);
                }
            }
            std::optional<comment_text> note;
            ([&] {
                if constexpr (is_comment_v<M>) note = members.text;
            }(), ...);
            return table_t<F, decltype(chains), decltype(sets)>{n, chains, sets, note};
        }
    }
}

namespace detail {
// The chain or set named Name in a table's tuple of them: its position (the count when none
// has that name) and its type (void then). One constexpr scan, no recursion over types.
template <fixed_string Name, class Tuple>
struct named_in;
template <fixed_string Name, class... X>
struct named_in<Name, boost::hana::tuple<X...>> {
    static constexpr std::size_t index = [] {
        constexpr bool named[] = {(X::name == Name)..., false};
        std::size_t i = 0;
        while (i < sizeof...(X) && !named[i]) ++i;
        return i;
    }();
    using type = std::tuple_element_t<index, std::tuple<X..., void>>;
};
}  // namespace detail

// The chain named Name of a table: get_chain<"output">(t).
template <fixed_string Name, family F, class Cs, class S>
[[nodiscard]] constexpr const auto& get_chain(const table_t<F, Cs, S>& t) {
    using found = detail::named_in<Name, Cs>;
    if constexpr (std::is_void_v<typename found::type>) {
        static_assert(!std::is_void_v<typename found::type>, "get_chain<name>(table): the table has no chain of that name");
        return t;  // stop here: no second error
    } else {
        return boost::hana::at_c<found::index>(t.chains);
    }
}

}  // namespace nftpp
