#pragma once
// Element commands on a table's named set, in the same transaction as anything else:
//   add_elements<"allowed">(t, {"10.0.0.1", "10.0.0.0/24"})   add element inet t allowed { ... }
//   add_elements<"allowed">(t, addresses)                     from a run-time range, one pass
//   delete_elements<"allowed">(t, ...)                        delete element inet t allowed { ... }
//   flush_set<"allowed">(t)                                   flush set inet t allowed
//   add_elements<"banned">(t, xs, element_timeout(10min))     ... { 192.0.2.7 timeout 10m }
// The set is looked up in the table's type: a set that does not exist, or elements of
// another datatype, do not compile. Added elements are checked against the set's
// declaration like the declared ones (set.hpp): interval shapes, overlaps, size.
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <cstddef>
#include <initializer_list>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/hana/at.hpp>
#include <boost/hana/index_if.hpp>
#include <boost/hana/tuple.hpp>

#include <nftpp/core/fixed_string.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/ruleset/table.hpp>

namespace nftpp {

namespace detail {
template <fixed_string Name, class Sets>
struct find_set;
template <fixed_string Name>
struct find_set<Name, boost::hana::tuple<>> {
    using type = void;
};
template <fixed_string Name, class S, class... Rest>
struct find_set<Name, boost::hana::tuple<S, Rest...>> {
    using type = std::conditional_t<S::name == Name, S, typename find_set<Name, boost::hana::tuple<Rest...>>::type>;
};

}  // namespace detail

// The set type named Name in table type T (void when there is none).
template <class T, fixed_string Name>
using set_of_t = typename detail::find_set<Name, typename T::sets_type>::type;

template <fixed_string Set>
struct assert_table_has_set_t {
    static_assert(detail::never_nttp_v<Set>,
                  "add_elements / delete_elements / flush_set name no set of this table: declare it with set<\"name\", key>(...) in the table");
    static constexpr bool value = false;
};

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

template <element_op Op, class Key, class Elements>
struct element_command_t {
    using command_tag = void;
    family table_family;
    name table_name;
    std::string_view set_name;
    Elements elements;
    element_options options{};

    template <class E>
    constexpr void emit_to(E& e) const {
        const std::size_t first = e.open();
        e.put(Op == element_op::add ? "add element " : Op == element_op::remove ? "delete element " : "flush set ");
        e.put(keyword(table_family));
        e.put(' ');
        e.put(table_name);
        e.put(' ');
        e.put(set_name);
        if constexpr (Op != element_op::flush) {
            e.put(" {");
            bool any = false;
            for (const auto& x : elements) {
                e.put(any ? ",\n\t" : "\n\t");
                any = true;
                e.put(x);
                if (options.timeout_ms) {
                    e.put(" timeout ");
                    put_duration(e.out(), options.timeout_ms);
                }
                if (options.comment) {
                    e.put(" comment ");
                    e.put(*options.comment);
                }
            }
            e.put("\n}");
        }
        e.put('\n');
        if (!std::is_constant_evaluated())
            e.mark(first, Op == element_op::add ? "add element" : Op == element_op::remove ? "delete element" : "flush set",
                   std::string(keyword(table_family)) + " " + std::string(table_name.view()), std::string_view{}, -1L);
    }
};

namespace detail {
template <element_op Op, fixed_string Set, class T, class Elements>
constexpr auto make_element_command(const T& t, Elements elements, element_options options = {}) {
    using S = set_of_t<T, Set>;
    if constexpr (std::is_void_v<S>) {
        (void)assert_table_has_set_t<Set>::value;
        return 0;
    } else {
        using Key = typename S::key_type;
        const set_flags flags = boost::hana::at(t.sets, boost::hana::index_if(t.sets, [](const auto& s) {
                                                              return boost::hana::bool_c<std::remove_cvref_t<decltype(s)>::name == Set>;
                                                          }).value()).flags;
        if constexpr (Op == element_op::add) check_set_elements<Key>(flags, elements);
        if (options.timeout_ms && !flags.expiring())
            raise(error{&rules::an_element_timeout_needs_a_set_with_set_flag_timeout_or_a_set_timeout, 0});
        if constexpr (Op == element_op::remove) check_element_shapes<Key>(flags, std::ranges::data(elements), std::ranges::size(elements));
        return element_command_t<Op, Key, Elements>{T::table_family, t.table_name, Set.view(), std::move(elements), options};
    }
}
// The set's key type; a placeholder when the set does not exist (the command then fires
// assert_table_has_set_t instead of a cascade of unrelated errors).
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

// A run-time range as operands, in one pass (one allocation when the range is sized).
template <class Key, class R>
std::vector<operand<Key>> collect_elements(const R& values) {
    std::vector<operand<Key>> v;
    if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(values));
    for (auto&& x : values) v.emplace_back(x);
    return v;
}
}  // namespace detail

// Literal elements, each checked at compile time: add_elements<"hosts">(t, {"192.0.2.1"}).
// (std::initializer_list rather than an array reference: clang 14 cannot deduce an array
// bound whose element type depends on another deduced parameter.)
template <fixed_string Set, class T>
    requires is_table_v<T>
[[nodiscard]] auto add_elements(const T& t, std::initializer_list<operand<detail::key_of_t<T, Set>>> xs,
                                const element_options& options = {}) {
    return detail::make_element_command<element_op::add, Set>(t, std::vector<operand<detail::key_of_t<T, Set>>>(xs), options);
}
template <fixed_string Set, class T>
    requires is_table_v<T>
[[nodiscard]] auto delete_elements(const T& t, std::initializer_list<operand<detail::key_of_t<T, Set>>> xs) {
    return detail::make_element_command<element_op::remove, Set>(t, std::vector<operand<detail::key_of_t<T, Set>>>(xs));
}
template <fixed_string Set, class T, std::ranges::input_range R>
    requires is_table_v<T>
[[nodiscard]] auto add_elements(const T& t, const R& values, const element_options& options = {}) {
    return detail::make_element_command<element_op::add, Set>(t, detail::collect_elements<detail::key_of_t<T, Set>>(values), options);
}
template <fixed_string Set, class T, std::ranges::input_range R>
    requires is_table_v<T>
[[nodiscard]] auto delete_elements(const T& t, const R& values) {
    return detail::make_element_command<element_op::remove, Set>(t, detail::collect_elements<detail::key_of_t<T, Set>>(values));
}
template <fixed_string Set, class T>
    requires is_table_v<T>
[[nodiscard]] constexpr auto flush_set(const T& t) {
    return detail::make_element_command<element_op::flush, Set>(t, std::array<operand<detail::key_of_t<T, Set>>, 0>{});
}

}  // namespace nftpp
