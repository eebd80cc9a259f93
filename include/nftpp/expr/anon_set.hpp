// SPDX-License-Identifier: Apache-2.0
#pragma once
// anon_set_t<T, N>: an anonymous set `{ a, b, c }` on the right of a match.
// N > 0: a fixed number of elements known to the compiler (from `sel.in({...})`, each
// element a checked literal or value). N == dynamic_elements: elements from a run-time
// range, held in a std::vector.
//
// Below it, in detail::, the checks nft applies to the elements of named sets, maps and
// verdict maps (ruleset/set.hpp, ruleset/map.hpp) and to the keys of an anonymous vmap
// (stmt/vmap.hpp): which elements are intervals, which overlap, which keys repeat with
// another value. Each runs in constant evaluation (pairwise: literal sets are small) and
// at run time (sorted: O(n log n)).
#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <limits>
#include <numeric>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

inline constexpr std::size_t dynamic_elements = std::numeric_limits<std::size_t>::max();

NFTPP_RULE(an_anonymous_set_needs_at_least_one_element,
           "an anonymous set needs at least one element: nft has no empty {} literal")

// What an anonymous set on the right of a positive match adds to its rule, by datatype: a
// set of IP protocols is, for nft, the transport match a port NAT needs
// (`meta l4proto { tcp, udp } redirect to :8080` loads, whatever the protocols; a named
// set, `meta l4proto @protos`, does not count).
template <class T>
inline constexpr part_facts set_match_facts_v{};
template <>
inline constexpr part_facts set_match_facts_v<l4proto>{.transport_match = true};

template <class T, std::size_t N>
struct anon_set_t {
    static_assert(N > 0, "an anonymous set needs at least one element: nft has no empty {} literal");
    static constexpr part_facts facts = set_match_facts_v<T>;
    std::array<operand<T>, N> elements;

    template <Sink S>
    friend constexpr void write_nft(S& out, const anon_set_t& s) {
        out.put("{ ");
        for (std::size_t i = 0; i < N; ++i) {
            if (i) out.put(", ");
            write_nft(out, s.elements[i]);
        }
        out.put(" }");
    }
};

template <class T>
struct anon_set_t<T, dynamic_elements> {
    static constexpr part_facts facts = set_match_facts_v<T>;
    std::vector<operand<T>> elements;

    explicit anon_set_t(std::vector<operand<T>> e) : elements(std::move(e)) {
        if (elements.empty()) raise(error{&rules::an_anonymous_set_needs_at_least_one_element, 0});
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const anon_set_t& s) {
        out.put("{ ");
        bool first = true;
        for (const auto& e : s.elements) {
            if (!first) out.put(", ");
            first = false;
            write_nft(out, e);
        }
        out.put(" }");
    }
};

namespace detail {
template <class T, std::size_t N, std::size_t... I>
constexpr anon_set_t<T, N> make_anon_set(const operand<T> (&xs)[N], std::index_sequence<I...>) {
    return anon_set_t<T, N>{{{xs[I]...}}};
}

// --- what nft checks in the elements of sets, maps and verdict maps ---

// A value nft stores as an interval although it is one value: an interface-name wildcard
// ("veth*"), or a concatenation with a wildcard part.
template <class T>
[[nodiscard]] constexpr bool is_wildcard_value(const T& v) {
    if constexpr (std::is_same_v<T, ifname>) {
        return v.is_wildcard();
    } else if constexpr (is_concat_key_v<T>) {
        return std::apply([](const auto&... p) { return (is_wildcard_value(p) || ...); }, v.parts);
    } else {
        (void)v;
        return false;
    }
}

// An order on a key datatype, where one exists (it sorts the keys of big maps): the
// type's own operator<, or the parts' orders one after the other for a concatenation.
template <class T>
struct value_order {
    static constexpr bool exists = requires(const T& a, const T& b) {
        { a < b } -> std::convertible_to<bool>;
    };
    [[nodiscard]] static constexpr bool less(const T& a, const T& b) { return a < b; }
};
template <class... P>
struct value_order<concat_key<P...>> {
    static constexpr bool exists = (value_order<P>::exists && ...);
    [[nodiscard]] static constexpr bool less(const concat_key<P...>& a, const concat_key<P...>& b) {
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            int order = 0;  // -1: a first, 1: b first, 0: equal so far
            ((order = order != 0                                                   ? order
                      : value_order<P>::less(a.template get<I>(), b.template get<I>()) ? -1
                      : value_order<P>::less(b.template get<I>(), a.template get<I>()) ? 1
                                                                                        : 0),
             ...);
            return order < 0;
        }(std::index_sequence_for<P...>{});
    }
};

template <class Key>
[[nodiscard]] constexpr bool operand_less(const operand<Key>& a, const operand<Key>& b) {
    using O = value_order<Key>;
    if (O::less(a.low(), b.low())) return true;
    if (O::less(b.low(), a.low())) return false;
    if (O::less(a.high(), b.high())) return true;
    if (O::less(b.high(), a.high())) return false;
    if (a.shape() != b.shape()) return a.shape() < b.shape();
    return a.prefix_length() < b.prefix_length();
}

// Whether two of the n intervals overlap without being equal (nft accepts duplicates and
// adjacent intervals, and refuses any other overlap: 'conflicting intervals specified').
// Ordered datatypes compare their ends; interface names their wildcards: "veth*" covers
// "veth", "veth0" and "veth1*". Other datatypes have no intervals.
template <class Key>
[[nodiscard]] constexpr bool intervals_overlap(const operand<Key>* xs, std::size_t n) {
    if constexpr (std::totally_ordered<Key>) {
        auto clash = [](const operand<Key>& a, const operand<Key>& b) {
            const Key alo = a.low(), ahi = a.upper(), blo = b.low(), bhi = b.upper();
            if (alo == blo && ahi == bhi) return false;
            return !(ahi < blo || bhi < alo);
        };
        if (std::is_constant_evaluated()) {
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = i + 1; j < n; ++j)
                    if (clash(xs[i], xs[j])) return true;
            return false;
        }
        std::vector<std::pair<Key, Key>> v;
        v.reserve(n);
        for (std::size_t i = 0; i < n; ++i) v.emplace_back(xs[i].low(), xs[i].upper());
        std::sort(v.begin(), v.end());
        for (std::size_t i = 1; i < v.size(); ++i) {
            if (v[i] == v[i - 1]) continue;
            if (!(v[i - 1].second < v[i].first)) return true;
            if (v[i].second < v[i - 1].second) v[i].second = v[i - 1].second;  // carry the widest end forward
        }
        return false;
    } else if constexpr (std::is_same_v<Key, ifname>) {
        // a name as (its text without the '*', whether it is a wildcard)
        auto stem = [](const ifname& x) {
            const std::string_view v = x.view();
            return std::pair<std::string_view, bool>(x.is_wildcard() ? v.substr(0, v.size() - 1) : v, x.is_wildcard());
        };
        auto covers = [](std::pair<std::string_view, bool> w, std::pair<std::string_view, bool> x) {
            return w.second && w != x && x.first.substr(0, w.first.size()) == w.first;
        };
        if (std::is_constant_evaluated()) {
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j)
                    if (i != j && covers(stem(xs[i].low()), stem(xs[j].low()))) return true;
            return false;
        }
        // Sorted, what a wildcard covers follows it (a plain name equal to its stem comes
        // just before it): one look at each neighbour.
        std::vector<std::pair<std::string_view, bool>> v;
        v.reserve(n);
        for (std::size_t i = 0; i < n; ++i) v.push_back(stem(xs[i].low()));
        std::sort(v.begin(), v.end());
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].second) continue;
            if (i > 0 && covers(v[i], v[i - 1])) return true;
            std::size_t j = i + 1;
            while (j < v.size() && v[j] == v[i]) ++j;
            if (j < v.size() && covers(v[i], v[j])) return true;
        }
        return false;
    } else {
        (void)xs;
        (void)n;
        return false;
    }
}

// Whether two of n map entries have equal keys and different values (keys[i] and
// values[i] are entry i's): the kernel refuses it with 'File exists'. Equal keys with
// equal values are duplicates, which nft merges. One instantiation per key and value type.
template <class Key, class Value>
[[nodiscard]] constexpr bool key_with_two_values(const operand<Key>* keys, const Value* values, std::size_t n) {
    if constexpr (value_order<Key>::exists) {
        if (!std::is_constant_evaluated()) {
            std::vector<std::size_t> order(n);
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::sort(order.begin(), order.end(),
                      [&](std::size_t a, std::size_t b) { return operand_less<Key>(keys[a], keys[b]); });
            for (std::size_t i = 1; i < n; ++i)
                if (keys[order[i - 1]] == keys[order[i]] && !(values[order[i - 1]] == values[order[i]])) return true;
            return false;
        }
    }
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (keys[i] == keys[j] && !(values[i] == values[j])) return true;
    return false;
}

}  // namespace detail

}  // namespace nftpp
