// SPDX-License-Identifier: Apache-2.0
#pragma once
// Element commands on a table's named maps (ruleset/elements.hpp has the sets' and what
// both share):
//   add_map_elements<"marks">(t, {{22, 1}, {80, 2}})          add element inet t marks { 22 : 0x00000001, ... }
//   add_map_elements<"marks">(t, pairs)                       (key, value) pairs from a run-time range
//   add_map_elements<"dispatch">(t, on(22, jump<"ssh">))      add element inet t dispatch { 22 : jump ssh }
//   add_map_elements<"dispatch">(t, ports, drop)              run-time keys, one verdict (or value)
//   add_map_elements<"dispatch">(t, port_verdict_pairs)       the verdict one of a std::variant's types
//   delete_map_elements<"marks">(t, {22, 80})                 delete element inet t marks { 22, 80 } (by key)
// Entries are checked against the declaration like the declared ones; a verdict map's new
// jump and goto targets join the table's chain graph.
#include <initializer_list>
#include <nftpp/core/ranges.hpp>
#include <type_traits>
#include <utility>
#include <variant>

#include <nftpp/ruleset/elements.hpp>

namespace nftpp {

// Literal entries of a data map, each key and value checked like a literal.
template <fixed_string Map, class T>
    requires is_table_v<T>
[[nodiscard]] auto add_map_elements(const T& t,
                                    std::initializer_list<map_entry<detail::key_of_t<T, Map>, detail::value_of_t<T, Map>>> xs,
                                    const element_options& options = {}) {
    using S = set_of_t<T, Map>;
    if constexpr (!detail::map_command_fits_v<Map, T>) return detail::map_command_refused<Map, T>();
    else if constexpr (!is_data_map_v<S>)
        return assert_map_entries_have_the_map_types_t<named<Map>, typename S::key_type, map_verdict, decltype(xs)>::value;
    else
        return detail::make_map_command<Map>(
            t, std::vector<map_entry<typename S::key_type, typename S::value_type>>(xs.begin(), xs.end()), options);
}
// Typed entries of a verdict map: add_map_elements<"dispatch">(t, on(22, jump<"ssh">), on(80, accept)).
template <fixed_string Map, class T, class... K, class... V>
    requires is_table_v<T>
[[nodiscard]] constexpr auto add_map_elements(const T& t, const element_options& options, vmap_entry_t<K, V>... entries) {
    using S = set_of_t<T, Map>;
    if constexpr (!detail::map_command_fits_v<Map, T>) return detail::map_command_refused<Map, T>();
    else if constexpr (!is_verdict_map_v<S>)
        return assert_map_entries_have_the_map_types_t<named<Map>, typename S::key_type, typename S::value_type,
                                                       std::tuple<vmap_entry_t<K, V>...>>::value;
    else {
        using Key = typename S::key_type;
        return detail::make_map_command<Map, V...>(
            t, std::array<map_entry<Key, map_verdict>, sizeof...(V)>{{{detail::vmap_key<Key>(entries.key), map_verdict_of(entries.verdict)}...}},
            options);
    }
}
template <fixed_string Map, class T, class... K, class... V>
    requires is_table_v<T>
[[nodiscard]] constexpr auto add_map_elements(const T& t, vmap_entry_t<K, V>... entries) {
    return add_map_elements<Map>(t, element_options{}, entries...);
}
// From a run-time range: (key, value) pairs or map_entry values for a data map, (key,
// verdict) pairs for a verdict map (the verdict a type, or a std::variant of them).
template <fixed_string Map, class T, std::ranges::input_range R>
    requires is_table_v<T>
[[nodiscard]] auto add_map_elements(const T& t, const R& entries, const element_options& options = {}) {
    using S = set_of_t<T, Map>;
    using X = std::ranges::range_value_t<const R&>;
    if constexpr (!detail::map_command_fits_v<Map, T>) {
        return detail::map_command_refused<Map, T>();
    } else if constexpr (is_data_map_v<S>) {
        using Key = typename S::key_type;
        using Value = typename S::value_type;
        if constexpr (!detail::MapEntryRangeOf<R, Key, Value>) return assert_map_entries_have_the_map_types_t<named<Map>, Key, Value, X>::value;
        else return detail::make_map_command<Map>(t, detail::collect_map_entries<Key, Value>(entries), options);
    } else {
        using Key = typename S::key_type;
        if constexpr (!detail::KeyPairLike<X, Key>) return assert_map_entries_have_the_map_types_t<named<Map>, Key, map_verdict, X>::value;
        else if constexpr (!is_map_verdict_value_v<detail::entry_verdict_t<X>>) return assert_vmap_verdict_t<detail::entry_verdict_t<X>>::value;
        else return detail::make_map_command<Map, detail::entry_verdict_t<X>>(t, detail::collect_verdict_entries<Key>(entries), options);
    }
}
// A run-time range of keys, all to one value (a data map) or one verdict (a verdict map):
//   add_map_elements<"dispatch">(t, blocked_ports, drop)
template <fixed_string Map, class T, std::ranges::input_range R, class V>
    requires(is_table_v<T> && !std::is_same_v<V, element_options>)
[[nodiscard]] auto add_map_elements(const T& t, const R& keys, const V& value, const element_options& options = {}) {
    using S = set_of_t<T, Map>;
    if constexpr (!detail::map_command_fits_v<Map, T>) {
        return detail::map_command_refused<Map, T>();
    } else {
        using Key = typename S::key_type;
        if constexpr (!ElementRangeOf<R, Key>) {
            return assert_range_holds_the_set_key_type_t<named<Map>, Key, std::ranges::range_value_t<const R&>>::value;
        } else if constexpr (is_data_map_v<S>) {
            using Value = typename S::value_type;
            if constexpr (!std::is_convertible_v<const V&, Value>) return assert_map_entries_have_the_map_types_t<named<Map>, Key, Value, V>::value;
            else {
                std::vector<map_entry<Key, Value>> v;
                if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(keys));
                const Value to = value;
                for (auto&& k : keys) v.push_back({operand<Key>(k), to});
                return detail::make_map_command<Map>(t, std::move(v), options);
            }
        } else if constexpr (!is_map_verdict_v<V>) {
            return assert_vmap_verdict_t<V>::value;
        } else {
            return detail::make_map_command<Map, V>(t, detail::collect_keys_to<Key>(keys, value), options);
        }
    }
}
// Deletes map elements by key.
template <fixed_string Map, class T>
    requires is_table_v<T>
[[nodiscard]] auto delete_map_elements(const T& t, std::initializer_list<operand<detail::key_of_t<T, Map>>> keys) {
    if constexpr (!detail::map_command_fits_v<Map, T>) return detail::map_command_refused<Map, T>();
    else return detail::make_element_command<element_op::remove, Map>(t, std::vector<operand<detail::key_of_t<T, Map>>>(keys));
}
template <fixed_string Map, class T, std::ranges::input_range R>
    requires is_table_v<T>
[[nodiscard]] auto delete_map_elements(const T& t, const R& keys) {
    using Key = detail::key_of_t<T, Map>;
    if constexpr (!detail::map_command_fits_v<Map, T>) return detail::map_command_refused<Map, T>();
    else if constexpr (!ElementRangeOf<R, Key>)
        return assert_range_holds_the_set_key_type_t<named<Map>, Key, std::ranges::range_value_t<const R&>>::value;
    else return detail::make_element_command<element_op::remove, Map>(t, detail::collect_elements<Key>(keys));
}

}  // namespace nftpp
