#pragma once
// anon_set_t<T, N>: an anonymous set `{ a, b, c }` on the right of a match.
// N > 0: a fixed number of elements known to the compiler (from `sel.in({...})`, each
// element a checked literal or value). N == dynamic_elements: elements from a run-time
// range, held in a std::vector.
#include <array>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include <nftpp/core/error.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/render/sink.hpp>

namespace nftpp {

inline constexpr std::size_t dynamic_elements = std::numeric_limits<std::size_t>::max();

NFTPP_RULE(an_anonymous_set_needs_at_least_one_element,
           "an anonymous set needs at least one element: nft has no empty {} literal")

template <class T, std::size_t N>
struct anon_set_t {
    static_assert(N > 0, "an anonymous set needs at least one element: nft has no empty {} literal");
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
}  // namespace detail

}  // namespace nftpp
