// SPDX-License-Identifier: Apache-2.0
#pragma once
// Chains.
//   chain<"name">(rules...)                                   a regular chain (a jump target)
//   base_chain<"name", filter_chain(hook::input)>(policy::drop, rules...)
//   base_chain<"in", filter_chain(hook::ingress)>(device("eth0"), rules...)
//   chain<"name">(comment("why this chain"), rules...)          a chain's comment, once
// A chain's name, type, hook and priority are template arguments, so the table can check
// them and the chain graph at compile time; its rules are values in a Boost.Hana tuple
// (each rule its own type, so each rule's shape is checked when the chain is built).
// rules_from(range, f) adds one rule per element of a run-time range.
#include <cstddef>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/hana/filter.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/transform.hpp>
#include <boost/hana/tuple.hpp>

#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/ranges.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/hook.hpp>
#include <nftpp/ruleset/optional.hpp>
#include <nftpp/ruleset/rule.hpp>
#include <nftpp/ruleset/rule_check.hpp>
#include <nftpp/stmt/comment.hpp>
#include <nftpp/value/ifname.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

// rule_list_t<R>: rules of one type generated at run time.
template <class R>
struct rule_list_t {
    std::vector<R> rules;
};
template <class T>
inline constexpr bool is_rule_list_v = false;
template <class R>
inline constexpr bool is_rule_list_v<rule_list_t<R>> = true;

// One rule per element of `values`: rules_from(ports, [](port p) { return tcp.dport == p >> accept; })
template <std::ranges::input_range Rg, class F>
[[nodiscard]] auto rules_from(const Rg& values, F&& make) {
    using R = decltype(as_rule(make(*std::ranges::begin(values))));
    rule_list_t<R> out;
    if constexpr (std::ranges::sized_range<const Rg&>) out.rules.reserve(std::ranges::size(values));
    for (auto&& v : values) out.rules.push_back(as_rule(make(v)));
    return out;
}

struct device_t {
    ifname name;
};
[[nodiscard]] constexpr device_t device(ifname n) noexcept { return {n}; }

template <fixed_string Name, base_spec Spec, class Rules>
struct chain_t {
    static constexpr auto name = Name;
    static constexpr base_spec spec = Spec;
    using rules_type = Rules;

    Rules rules;
    chain_policy policy = chain_policy::accept;
    std::optional<ifname> dev{};
    std::optional<comment_text> note{};  // `comment "..."` in the declaration

    // chain NAME { [type T hook H [device D] priority P; policy X;] rules }, each rule's
    // line marked with its index (optional rules the target lacks are left out and reported).
    template <Sink S>
    friend constexpr void write_nft(S& out, const chain_t& c) {
        const origin_start first = origin_open(out);
        out.put("\tchain ");
        out.put(Name.view());
        out.put(" {\n");
        if (c.note) write_comment_line(out, *c.note, "\t\t");
        if constexpr (Spec.is_base) {
            out.put("\t\ttype ");
            out.put(keyword(Spec.type));
            out.put(" hook ");
            out.put(keyword(Spec.hk));
            if (c.dev) {
                out.put(" device ");
                write_nft(out, *c.dev);
            }
            out.put(" priority ");
            put_int(out, Spec.priority);
            out.put(c.policy == chain_policy::drop ? "; policy drop;\n" : "; policy accept;\n");
        }
        long index = 0;
        const auto one = [&](const auto& rule) {
            const origin_start at = origin_open(out);
            out.put("\t\t");
            write_nft(out, rule);
            origin_mark(out, at, "rule", Name.view(), index++);
            out.put('\n');
        };
        boost::hana::for_each(c.rules, [&](const auto& item) {
            using I = std::remove_cvref_t<decltype(item)>;
            if constexpr (is_rule_list_v<I>) {
                for (const auto& r : item.rules) one(r);
            } else if constexpr (is_optional_rule_v<I>) {
                constexpr feature_set needed = features_of_v<typename I::rule_type>;
                if (target_covers(out, needed)) {
                    one(item.rule);
                } else {
                    if (!std::is_constant_evaluated()) origin_skip(out, Name.view(), index, needed, item.rule);
                    ++index;
                }
            } else {
                one(item);
            }
        });
        out.put("\t}\n");
        origin_mark(out, first, "chain", Name.view());
    }
};

template <class T>
inline constexpr bool is_chain_v = false;
template <fixed_string N, base_spec S, class R>
inline constexpr bool is_chain_v<chain_t<N, S, R>> = true;

// The rule type behind a chain item (a rule, or the element of a rule list).
template <class T>
struct item_rule {
    using type = T;
};
template <class R>
struct item_rule<rule_list_t<R>> {
    using type = R;
};
template <class R>
struct item_rule<optional_t<R>> {
    using type = R;
};
template <class T>
using item_rule_t = typename item_rule<T>::type;

namespace detail {


template <class T>
inline constexpr bool is_chain_arg_v = RuleLike<T> || is_rule_list_v<T> || is_optional_rule_v<T> ||
                                       std::is_same_v<T, chain_policy> || std::is_same_v<T, device_t> || is_comment_v<T>;

template <class T>
constexpr auto to_chain_item(const T& t) {
    if constexpr (is_rule_list_v<T> || is_optional_rule_v<T>) return t;
    else return as_rule(t);
}

template <class A>
constexpr const rule* rule_error_of() {
    if constexpr (is_comment_v<A>) return nullptr;  // the chain's comment, not a rule
    else if constexpr (RuleLike<A>) return rule_summary_v<decltype(as_rule(std::declval<const A&>()))>.broken;
    else if constexpr (is_optional_rule_v<A>) return rule_summary_v<item_rule_t<A>>.broken;
    else return nullptr;
}

// Index of the first rule with a shape error, or sizeof...(A) (no recursion: chains may be long).
template <class... A>
constexpr std::size_t first_bad_rule() {
    constexpr const rule* errors[] = {nullptr, rule_error_of<A>()...};
    for (std::size_t i = 1; i < sizeof...(A) + 1; ++i)
        if (errors[i] != nullptr) return i - 1;
    return sizeof...(A);
}

// What a chain's declaration needs, as data: the same checks for a chain whose name comes
// from data (its arguments are counted when it is built).
struct chain_args {
    base_spec spec{};
    int policies = 0;
    int devices = 0;
    bool all_args = true;  // every argument is a rule, a rule list, a policy or a device
    int reject_policies = 0;  // policy::reject given (nft has no such policy)
    int comments = 0;
};

// The first rule a chain declaration breaks, or nullptr (before its rules' shapes).
[[nodiscard]] constexpr const rule* check_chain_args(const chain_args& a) noexcept {
    const bool ingress_like = a.spec.is_base && (a.spec.hk == hook::ingress || a.spec.hk == hook::egress);
    if (!a.spec.priority_in_range) return &rules::chain_priority_is_int32;
    if (a.reject_policies > 0) return &rules::chain_policy_is_accept_or_drop;
    if (!a.all_args) return &rules::chain_argument_is_a_rule;
    if (a.policies > 1 || a.devices > 1) return &rules::one_policy_and_one_device;
    if (a.comments > 1) return &rules::one_comment_per_declaration;
    if (!a.spec.is_base && a.policies > 0) return &rules::policy_only_on_base_chain;
    if (a.devices > 0 && !ingress_like) return &rules::device_only_on_ingress_egress;
    if (ingress_like && a.devices == 0) return &rules::device_required_on_ingress_egress;
    return nullptr;
}

// Counts over the argument pack with arrays, not fold expressions: a chain may hold
// thousands of rules and clang limits fold expressions to 256 operands.
template <class... Args>
constexpr int count_of(const bool (&flags)[sizeof...(Args) + 1]) {
    int n = 0;
    for (bool f : flags) n += f ? 1 : 0;
    return n;
}

template <base_spec Spec, class... Args>
constexpr const rule* chain_error_of() {
    constexpr bool is_policy[] = {false, std::is_same_v<Args, chain_policy>...};
    constexpr bool is_device[] = {false, std::is_same_v<Args, device_t>...};
    constexpr bool is_arg[] = {true, is_chain_arg_v<Args>...};
    constexpr bool is_reject[] = {false, std::is_same_v<Args, policy::reject_t>...};
    constexpr bool is_comment[] = {false, is_comment_v<Args>...};
    constexpr chain_args a{Spec, count_of<Args...>(is_policy), count_of<Args...>(is_device),
                           count_of<Args...>(is_arg) == static_cast<int>(sizeof...(Args)) + 1,
                           count_of<Args...>(is_reject), count_of<Args...>(is_comment)};
    if (const rule* e = check_chain_args(a)) return e;
    constexpr std::size_t bad = first_bad_rule<Args...>();
    if constexpr (bad != sizeof...(Args)) {
        constexpr const rule* errors[] = {rule_error_of<Args>()...};
        return errors[bad];
    }
    return nullptr;
}

template <fixed_string Name, class A>
constexpr void fire_chain_arg_check() {
    if constexpr (!is_chain_arg_v<A>) fire<&rules::chain_argument_is_a_rule, named<Name>, A>();
}

// Fires the named assertion for the first problem of the chain's arguments.
template <fixed_string Name, base_spec Spec, class... Args>
constexpr void fire_chain_check() {
    constexpr bool is_policy[] = {false, std::is_same_v<Args, chain_policy>...};
    constexpr bool is_device[] = {false, std::is_same_v<Args, device_t>...};
    constexpr bool is_arg[] = {true, is_chain_arg_v<Args>...};
    constexpr bool is_reject[] = {false, std::is_same_v<Args, policy::reject_t>...};
    constexpr bool is_comment[] = {false, is_comment_v<Args>...};
    constexpr chain_args a{Spec, count_of<Args...>(is_policy), count_of<Args...>(is_device),
                           count_of<Args...>(is_arg) == static_cast<int>(sizeof...(Args)) + 1,
                           count_of<Args...>(is_reject), count_of<Args...>(is_comment)};
    constexpr const rule* e = check_chain_args(a);
    if constexpr (e == &rules::chain_argument_is_a_rule) {
        [[maybe_unused]] const int each[] = {0, (fire_chain_arg_check<Name, Args>(), 0)...};
    } else if constexpr (e != nullptr) {
        fire<e, named<Name>>();
    } else if constexpr (first_bad_rule<Args...>() != sizeof...(Args)) {
        using Bad = std::tuple_element_t<first_bad_rule<Args...>(), std::tuple<Args...>>;
        if constexpr (is_optional_rule_v<Bad>) fire_rule_check<Name, item_rule_t<Bad>>();
        else fire_rule_check<Name, decltype(as_rule(std::declval<const Bad&>()))>();
    }
}

template <class T>
inline constexpr bool is_chain_item_v = (RuleLike<T> && !is_comment_v<T>) || is_rule_list_v<T> || is_optional_rule_v<T>;

// True when every argument is a rule item (an array, not a fold: see count_of).
template <class... A>
constexpr bool all_chain_items() {
    constexpr bool items[] = {true, is_chain_item_v<A>...};
    for (bool b : items)
        if (!b) return false;
    return true;
}

// Building the chain once its arguments are checked. The policy and device usually come
// first: they are peeled off one by one, and the rules after them become the chain's tuple
// in one pack expansion. Indexing a Hana tuple element by element (filter, transform,
// for_each) costs a base-class lookup per element that grows with the tuple, so for a
// chain of hundreds of rules written in one call it would make compile time quadratic.
template <fixed_string Name, base_spec Spec, class... Rest>
constexpr auto build_chain(chain_policy pol, std::optional<ifname> dev, std::optional<comment_text> note, const chain_policy& p, const Rest&... rest);
template <fixed_string Name, base_spec Spec, class... Rest>
constexpr auto build_chain(chain_policy pol, std::optional<ifname> dev, std::optional<comment_text> note, const device_t& d, const Rest&... rest);
template <fixed_string Name, base_spec Spec, class... Rest>
constexpr auto build_chain(chain_policy pol, std::optional<ifname> dev, std::optional<comment_text> note, const comment_t& c, const Rest&... rest);

// Only rules left: one pack expansion.
template <fixed_string Name, base_spec Spec, class... Rest>
    requires(all_chain_items<Rest...>())
constexpr auto build_chain(chain_policy pol, std::optional<ifname> dev, std::optional<comment_text> note, const Rest&... rest) {
    auto rules = boost::hana::make_tuple(to_chain_item(rest)...);
    return chain_t<Name, Spec, decltype(rules)>{rules, pol, dev, note};
}

// A policy or device after a rule: gather the rules with a Hana filter instead.
template <fixed_string Name, base_spec Spec, class First, class... Rest>
    requires(is_chain_item_v<First> && !all_chain_items<Rest...>())
constexpr auto build_chain(chain_policy pol, std::optional<ifname> dev, std::optional<comment_text> note, const First& first, const Rest&... rest) {
    namespace hana = boost::hana;
    auto items = hana::make_tuple(first, rest...);
    auto rule_items = hana::filter(items, [](const auto& x) {
        return hana::bool_c<is_chain_item_v<std::remove_cvref_t<decltype(x)>>>;
    });
    auto rules = hana::transform(rule_items, [](const auto& x) { return to_chain_item(x); });
    chain_t<Name, Spec, decltype(rules)> c{rules, pol, dev, note};
    hana::for_each(items, [&](const auto& x) {
        using X = std::remove_cvref_t<decltype(x)>;
        if constexpr (std::is_same_v<X, chain_policy>) c.policy = x;
        else if constexpr (std::is_same_v<X, device_t>) c.dev = x.name;
        else if constexpr (is_comment_v<X>) c.note = x.text;
    });
    return c;
}

template <fixed_string Name, base_spec Spec, class... Rest>
constexpr auto build_chain(chain_policy, std::optional<ifname> dev, std::optional<comment_text> note, const chain_policy& p, const Rest&... rest) {
    return build_chain<Name, Spec>(p, dev, note, rest...);
}
template <fixed_string Name, base_spec Spec, class... Rest>
constexpr auto build_chain(chain_policy pol, std::optional<ifname>, std::optional<comment_text> note, const device_t& d, const Rest&... rest) {
    return build_chain<Name, Spec>(pol, std::optional<ifname>(d.name), note, rest...);
}
template <fixed_string Name, base_spec Spec, class... Rest>
constexpr auto build_chain(chain_policy pol, std::optional<ifname> dev, std::optional<comment_text>, const comment_t& c, const Rest&... rest) {
    return build_chain<Name, Spec>(pol, dev, std::optional<comment_text>(c.text), rest...);
}

template <fixed_string Name, base_spec Spec, class... Args>
constexpr auto make_chain(const Args&... args) {
    static_assert(sizeof(name_check_t<Name>));
    fire_chain_check<Name, Spec, Args...>();
    if constexpr (chain_error_of<Spec, Args...>() != nullptr) {
        return chain_t<Name, Spec, boost::hana::tuple<>>{};  // stop here: no cascade
    } else {
        return build_chain<Name, Spec>(chain_policy::accept, std::optional<ifname>{}, std::optional<comment_text>{}, args...);
    }
}

}  // namespace detail

template <fixed_string Name, class... Args>
[[nodiscard]] constexpr auto chain(const Args&... args) {
    return detail::make_chain<Name, regular_spec>(args...);
}

template <fixed_string Name, base_spec Spec, class... Args>
[[nodiscard]] constexpr auto base_chain(const Args&... args) {
    static_assert(Spec.is_base, "base_chain<name, spec>: make spec with filter_chain(...), nat_chain(...) or route_chain(...)");
    return detail::make_chain<Name, Spec>(args...);
}
// base_chain<"input", hook::input>(...): the rule's sentence, and an empty chain after it
// (nothing cascades).
template <fixed_string Name, hook H, class... Args>
[[nodiscard]] constexpr auto base_chain(const Args&...) {
    (void)assert_base_chain_takes_a_spec_not_a_hook_t<named<Name>>::value;
    return chain_t<Name, filter_chain(H), boost::hana::tuple<>>{};
}

}  // namespace nftpp
