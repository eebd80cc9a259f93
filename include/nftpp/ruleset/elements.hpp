// SPDX-License-Identifier: Apache-2.0
#pragma once
// Element commands on a table's named sets and maps, in the same transaction as anything
// else:
//   add_elements<"allowed">(t, {"10.0.0.1", "10.0.0.0/24"})   add element inet t allowed { ... }
//   add_elements<"allowed">(t, addresses)                     from a run-time range, one pass
//   delete_elements<"allowed">(t, ...)                        delete element inet t allowed { ... }
//   add_elements<"banned">(t, xs, element_timeout(10min))     ... { 192.0.2.7 timeout 10m }
//   add_map_elements / delete_map_elements                    maps: ruleset/map_elements.hpp
//   flush_set<"allowed">(t)                                   flush set inet t allowed (flush map for a map)
// The set or map is looked up in the table's type: one that does not exist, a set given
// map entries or a map given plain elements, and elements or entries of other datatypes
// do not compile, each with one named assertion. Added elements are checked against the
// declaration like the declared ones (set.hpp, map.hpp): interval shapes and wildcards,
// overlaps, size, a key given two values; a verdict map's new jump and goto targets join
// the table's chain graph (they exist, are regular chains, and the hook rules hold
// through them). A command with no elements renders nothing: it changes nothing, and nft
// has no empty `{ }`.
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/hana/at.hpp>
#include <boost/hana/tuple.hpp>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/chrono.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/ranges.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/stmt/vmap.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/map.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/ruleset/table.hpp>
#include <nftpp/ruleset/table_check.hpp>

namespace nftpp {

// The set or map type named Name in table type T (void when there is none).
template <class T, fixed_string Name>
using set_of_t = typename detail::named_in<Name, typename T::sets_type>::type;

// What a name of a table is: no set, a set, a data map or a verdict map.
enum class set_kind : unsigned char { none, set, data_map, verdict_map };
template <class S>
inline constexpr set_kind kind_of_set_v = is_set_v<S>           ? set_kind::set
                                          : is_data_map_v<S>    ? set_kind::data_map
                                          : is_verdict_map_v<S> ? set_kind::verdict_map
                                                                : set_kind::none;
template <class T, fixed_string Name>
inline constexpr set_kind set_kind_of_v = kind_of_set_v<set_of_t<T, Name>>;

NFTPP_CHECK(table_has_set,
                  "add_elements / delete_elements / add_map_elements / delete_map_elements / flush_set name no set of "
                  "this table: declare it with set<\"name\", key>(...), data_map<...> or verdict_map<...> in the table")
NFTPP_CHECK(set_elements_go_to_a_set,
                  "add_elements / delete_elements take a set, but this name is a data_map or verdict_map: use "
                  "add_map_elements (key : value entries) and delete_map_elements (by key)")
NFTPP_CHECK(map_elements_go_to_a_map,
                  "add_map_elements / delete_map_elements take a data_map or verdict_map, but this name is a set: use "
                  "add_elements / delete_elements")
// Fired when what add_map_elements is given does not fit the map (its arguments show the
// map, its key and value types, and what was given; a verdict map's value shows as
// map_verdict).
NFTPP_CHECK(map_entries_have_the_map_types,
    "these entries do not fit the map (the arguments of assert_map_entries_have_the_map_types_t are the "
                  "map's name, its key and value types and what was given): a data_map takes {{key, value}, ...}, a "
                  "range of std::pair<key, value> or map_entry<key, value>, or a range of keys and one value; a "
                  "verdict_map takes on(key, verdict) entries, a range of std::pair<key, verdict>, or a range of keys "
                  "and one verdict, each verdict a type such as accept_t, jump_t<\"c\"> or a std::variant of them")

NFTPP_RULE(a_constant_set_keeps_its_elements,
           "a set or map declared with set_flag::constant keeps the elements it is loaded with (the kernel refuses add "
           "element, and delete element once a rule uses it: Device or resource busy): give every element in its "
           "declaration, or declare it without the flag")

enum class element_op : unsigned char { add, remove, flush };

// What added elements carry besides their value, the same for every element of one
// add_elements command (use several commands in one ruleset for different ones):
//   add_elements<"banned">(t, addresses, element_timeout(std::chrono::minutes(10)) | element_comment("ssh"))
// A timeout needs a set declared with set_flag::timeout or set_timeout(...).
struct element_options {
    std::uint64_t timeout_ms = 0;
    std::optional<comment_text> comment;

    friend constexpr element_options operator|(element_options a, const element_options& b) {
        if (b.timeout_ms) a.timeout_ms = b.timeout_ms;
        if (b.comment) a.comment = b.comment;
        return a;
    }
};
[[nodiscard]] constexpr element_options element_timeout(std::chrono::milliseconds t) {
    return {detail::timeout_ms(t), std::nullopt};
}
[[nodiscard]] constexpr element_options element_comment(comment_text c) { return {0, c}; }

namespace detail {
template <class X>
inline constexpr bool is_map_entry_v = false;
template <class K, class V>
inline constexpr bool is_map_entry_v<map_entry<K, V>> = true;
}  // namespace detail

// Elements: operands of the key (sets, and the keys a map's elements are deleted by) or
// map entries (key : value).
template <element_op Op, class Key, class Elements>
struct element_command_t {
    using command_tag = void;
    family table_family;
    name table_name;
    std::string_view set_name;
    Elements elements;
    element_options options{};
    bool of_map = false;  // flush map, not flush set

    // For the transaction check (ruleset/transaction_check.hpp): the set, its kind and key.
    template <class D>
    constexpr void describe_to(D& d) const {
        using desc = typename decltype(d.commands)::value_type;  // command_desc
        if constexpr (Op != element_op::flush)
            d.commands.push_back(desc{desc::op::elements, table_family, table_name.view(), {}, {}, {}, nullptr,
                                  set_name, of_map, nft_type_of<Key>});
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const element_command_t& c) {
        if constexpr (Op != element_op::flush) {
            if (std::ranges::empty(c.elements)) return;  // a no-op, and nft has no empty `{ }`
        }
        origin_table(out, c.table_family, c.table_name.view());
        const origin_start first = origin_open(out);
        const std::string_view verb = Op == element_op::add      ? "add element"
                                      : Op == element_op::remove ? "delete element"
                                      : c.of_map                 ? "flush map"
                                                                 : "flush set";
        out.put(verb);
        out.put(' ');
        out.put(keyword(c.table_family));
        out.put(' ');
        write_nft(out, c.table_name);
        out.put(' ');
        out.put(c.set_name);
        if constexpr (Op != element_op::flush) {
            out.put(" {");
            bool any = false;
            for (const auto& x : c.elements) {
                out.put(any ? ",\n\t" : "\n\t");
                any = true;
                c.put_element(out, x);
            }
            out.put("\n}");
        }
        out.put('\n');
        origin_mark(out, first, verb);
    }

private:
    // `key [timeout T] [comment "c"] [: value]`: nft takes the options before the value.
    template <Sink S, class X>
    constexpr void put_element(S& out, const X& x) const {
        if constexpr (detail::is_map_entry_v<X>) write_nft(out, x.key);
        else write_nft(out, x);
        if (options.timeout_ms) {
            out.put(" timeout ");
            put_duration(out, options.timeout_ms);
        }
        if (options.comment) {
            out.put(" comment ");
            write_nft(out, *options.comment);
        }
        if constexpr (detail::is_map_entry_v<X>) {
            out.put(" : ");
            write_nft(out, x.value);
        }
    }
};

namespace detail {
// The key type of the set or map; a placeholder when there is none (the command then
// fires assert_table_has_set_t instead of a cascade of unrelated errors).
template <class S>
struct key_of {
    using type = typename S::key_type;
};
template <>
struct key_of<void> {
    using type = port;
};
template <class T, fixed_string Set>
using key_of_t = typename key_of<set_of_t<T, Set>>::type;

// The value type literal map entries convert to: a data map's; for anything else a
// placeholder that takes any value, so the command reaches its named assertion.
struct any_map_value {
    template <class X>
    constexpr any_map_value(const X&) noexcept {}
};
template <class S>
struct value_of {
    using type = any_map_value;
};
template <fixed_string N, class K, class V, class E>
struct value_of<data_map_t<N, K, V, E>> {
    using type = V;
};
template <class T, fixed_string Map>
using value_of_t = typename value_of<set_of_t<T, Map>>::type;

template <class T, fixed_string Set>
constexpr const auto& set_in(const T& t) {
    return boost::hana::at_c<named_in<Set, typename T::sets_type>::index>(t.sets);
}

// Whether a command on Set may go on; when not, the *_refused function fires the first
// named assertion (and returns 0: the command's value, so nothing cascades).
template <element_op Op, fixed_string Set, class T>
inline constexpr bool set_command_fits_v =
    is_set_v<set_of_t<T, Set>> || (Op == element_op::flush && is_map_v<set_of_t<T, Set>>);
template <element_op Op, fixed_string Set, class T>
constexpr int set_command_refused() {
    if constexpr (std::is_void_v<set_of_t<T, Set>>) fire<&rules::table_has_set, named<Set>>();
    else fire<&rules::set_elements_go_to_a_set, named<Set>>();
    return 0;
}
template <fixed_string Map, class T>
inline constexpr bool map_command_fits_v = is_map_v<set_of_t<T, Map>>;
template <fixed_string Map, class T>
constexpr int map_command_refused() {
    if constexpr (std::is_void_v<set_of_t<T, Map>>) fire<&rules::table_has_set, named<Map>>();
    else fire<&rules::map_elements_go_to_a_map, named<Map>>();
    return 0;
}

constexpr void check_element_timeout(set_flags flags, const element_options& options) {
    if (options.timeout_ms && !flags.expiring())
        raise(error{&rules::an_element_timeout_needs_a_set_with_set_flag_timeout_or_a_set_timeout, 0});
}

template <element_op Op, fixed_string Set, class T, class Elements>
constexpr auto make_element_command(const T& t, Elements elements, element_options options = {}) {
    using S = set_of_t<T, Set>;
    using Key = typename S::key_type;
    const set_flags flags = set_in<T, Set>(t).flags;
    if constexpr (Op != element_op::flush)
        if (flags.has(set_flag::constant)) raise(error{&rules::a_constant_set_keeps_its_elements, 0}, Set.view());
    if constexpr (Op == element_op::add) check_set_elements<Key>(flags, elements);
    if constexpr (Op == element_op::remove) check_element_shapes<Key>(flags, std::ranges::data(elements), std::ranges::size(elements));
    check_element_timeout(flags, options);
    return element_command_t<Op, Key, Elements>{T::table_family, t.table_name, Set.view(), std::move(elements), options,
                                                !is_set_v<S>};
}

// Entries added to a map; a verdict map's with verdicts More..., whose targets are checked
// as part of the table (0 after a named assertion fired).
template <fixed_string Map, class... More, class T, class Entries>
constexpr auto make_map_command(const T& t, Entries entries, element_options options) {
    using S = set_of_t<T, Map>;
    using Key = typename S::key_type;
    using Value = typename std::ranges::range_value_t<Entries>;
    const set_flags flags = set_in<T, Map>(t).flags;
    if (flags.has(set_flag::constant)) raise(error{&rules::a_constant_set_keeps_its_elements, 0}, Map.view());
    raise_if(map_entries_error<Key, decltype(Value::value)>(flags, entries));
    check_element_timeout(flags, options);
    auto command = element_command_t<element_op::add, Key, Entries>{T::table_family, t.table_name, Map.view(),
                                                                    std::move(entries), options, true};
    if constexpr (is_verdict_map_v<S> && sizeof...(More) > 0) {
        using Sets = typename sets_with_verdicts<Map, typename T::sets_type, More...>::type;
        fire_table_check<T::table_family, typename T::chains_type, Sets>();
        if constexpr (table_verdict_v<T::table_family, typename T::chains_type, Sets>.broken != nullptr) return 0;
        else return command;
    } else {
        return command;
    }
}

// A run-time range as operands, in one pass (one allocation when the range is sized).
template <class Key, class R>
std::vector<operand<Key>> collect_elements(const R& values) {
    std::vector<operand<Key>> v;
    if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(values));
    for (auto&& x : values) v.emplace_back(x);
    return v;
}

// (key, something) pairs: the something checked separately (a value or a verdict).
template <class X, class Key>
concept KeyPairLike = requires(const X& x) {
    { std::get<0>(x) } -> std::convertible_to<operand<Key>>;
    std::get<1>(x);
};
}  // namespace detail

// Whether a run-time range fits the set or map named Name as its elements (keys), its
// entries, or its keys for add_map_elements(t, keys, value): what the commands check.
template <class T, fixed_string Name, class R>
inline constexpr bool range_fits_set_v = ElementRangeOf<R, detail::key_of_t<T, Name>>;
template <class T, fixed_string Name, class R>
inline constexpr bool range_fits_map_v = [] {
    using S = set_of_t<T, Name>;
    using X = std::ranges::range_value_t<const R&>;
    if constexpr (is_data_map_v<S>) return detail::MapEntryRangeOf<R, typename S::key_type, typename S::value_type>;
    else if constexpr (is_verdict_map_v<S>)
        return detail::KeyPairLike<X, typename S::key_type> && is_map_verdict_value_v<detail::entry_verdict_t<X>>;
    else return false;
}();

// --- sets ---

// Literal elements, each checked at compile time: add_elements<"hosts">(t, {"192.0.2.1"}).
// (std::initializer_list rather than an array reference: clang 14 cannot deduce an array
// bound whose element type depends on another deduced parameter.)
template <fixed_string Set, class T>
    requires is_table_v<T>
[[nodiscard]] auto add_elements(const T& t, std::initializer_list<operand<detail::key_of_t<T, Set>>> xs,
                                const element_options& options = {}) {
    if constexpr (!detail::set_command_fits_v<element_op::add, Set, T>) return detail::set_command_refused<element_op::add, Set, T>();
    else return detail::make_element_command<element_op::add, Set>(t, std::vector<operand<detail::key_of_t<T, Set>>>(xs), options);
}
template <fixed_string Set, class T>
    requires is_table_v<T>
[[nodiscard]] auto delete_elements(const T& t, std::initializer_list<operand<detail::key_of_t<T, Set>>> xs) {
    if constexpr (!detail::set_command_fits_v<element_op::remove, Set, T>) return detail::set_command_refused<element_op::remove, Set, T>();
    else return detail::make_element_command<element_op::remove, Set>(t, std::vector<operand<detail::key_of_t<T, Set>>>(xs));
}
// From a run-time range of the key type (values, prefixes, ranges), in one pass.
template <fixed_string Set, class T, std::ranges::input_range R>
    requires is_table_v<T>
[[nodiscard]] auto add_elements(const T& t, const R& values, const element_options& options = {}) {
    using Key = detail::key_of_t<T, Set>;
    if constexpr (!detail::set_command_fits_v<element_op::add, Set, T>) return detail::set_command_refused<element_op::add, Set, T>();
    else if constexpr (!ElementRangeOf<R, Key>)
        return assert_range_holds_the_set_key_type_t<named<Set>, Key, std::ranges::range_value_t<const R&>>::value;
    else return detail::make_element_command<element_op::add, Set>(t, detail::collect_elements<Key>(values), options);
}
template <fixed_string Set, class T, std::ranges::input_range R>
    requires is_table_v<T>
[[nodiscard]] auto delete_elements(const T& t, const R& values) {
    using Key = detail::key_of_t<T, Set>;
    if constexpr (!detail::set_command_fits_v<element_op::remove, Set, T>) return detail::set_command_refused<element_op::remove, Set, T>();
    else if constexpr (!ElementRangeOf<R, Key>)
        return assert_range_holds_the_set_key_type_t<named<Set>, Key, std::ranges::range_value_t<const R&>>::value;
    else return detail::make_element_command<element_op::remove, Set>(t, detail::collect_elements<Key>(values));
}
// Empties a set or a map.
template <fixed_string Set, class T>
    requires is_table_v<T>
[[nodiscard]] constexpr auto flush_set(const T& t) {
    if constexpr (!detail::set_command_fits_v<element_op::flush, Set, T>) return detail::set_command_refused<element_op::flush, Set, T>();
    else return detail::make_element_command<element_op::flush, Set>(t, std::array<operand<detail::key_of_t<T, Set>>, 0>{});
}

}  // namespace nftpp
