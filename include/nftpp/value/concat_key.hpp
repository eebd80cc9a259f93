// SPDX-License-Identifier: Apache-2.0
#pragma once
// concat_key<A, B...>: a value made of several datatypes, nft's concatenation
// `ipv4_addr . inet_service`. It is the key type of a set or map that matches several
// fields at once (see expr/concat.hpp for the match), and a map's value type where nft
// takes one (a NAT map's address . port):
//   set<"pairs", concat_key<ipv4_addr, port>>({{"10.0.0.1", 22}, {"10.0.0.2", 80}})
// Each part is checked like a literal of its own type; the parts render joined by " . ".
#include <compare>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <utility>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

namespace detail {
// Strings joined by a separator into static storage, for nft names built from parts.
template <std::size_t N>
struct joined_text {
    char data[N + 1]{};
    std::size_t size = 0;
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data, size}; }
};
template <std::size_t N, class... V>
constexpr joined_text<N> join_text(std::string_view sep, V... parts) {
    joined_text<N> out;
    const std::string_view all[] = {parts...};
    for (std::size_t p = 0; p < sizeof...(V); ++p) {
        if (p > 0)
            for (std::size_t i = 0; i < sep.size(); ++i) out.data[out.size++] = sep[i];
        for (std::size_t i = 0; i < all[p].size(); ++i) out.data[out.size++] = all[p][i];
    }
    return out;
}
template <class... V>
constexpr std::size_t joined_size(std::string_view sep, V... parts) {
    return (parts.size() + ... + 0) + sep.size() * (sizeof...(V) - 1);
}
// nft_type of each part, joined by " . ".
template <class... T>
inline constexpr auto concat_name_v =
    join_text<joined_size(" . ", std::string_view(nft_type_of<T>)...)>(" . ", std::string_view(nft_type_of<T>)...);
}  // namespace detail

template <class... T>
struct concat_key {
    static_assert(sizeof...(T) >= 2, "a concatenation has at least two parts");
    static constexpr std::string_view nft_type = detail::concat_name_v<T...>.view();
    static constexpr std::size_t arity = sizeof...(T);
    template <std::size_t I>
    using part_type = std::tuple_element_t<I, std::tuple<T...>>;

    std::tuple<T...> parts;

    // concat_key<ipv4_addr, port> k{"10.0.0.1", 22};   each part converts like a literal
    constexpr concat_key(T... v) noexcept : parts(v...) {}

    template <std::size_t I>
    [[nodiscard]] constexpr const part_type<I>& get() const noexcept {
        return std::get<I>(parts);
    }

    friend constexpr bool operator==(const concat_key&, const concat_key&) = default;
    friend constexpr auto operator<=>(const concat_key&, const concat_key&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const concat_key& k) {
        std::apply(
            [&](const auto&... p) {
                bool first = true;
                ((first ? void() : out.put(" . "), first = false, write_nft(out, p)), ...);
            },
            k.parts);
    }
};

template <class T>
inline constexpr bool is_concat_key_v = false;
template <class... T>
inline constexpr bool is_concat_key_v<concat_key<T...>> = true;

}  // namespace nftpp
