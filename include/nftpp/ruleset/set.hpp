#pragma once
// Named sets: set<"allowed", ipv4_addr>(set_flag::interval, {"10.0.0.0/8", "192.168.0.0/16"}).
// The key datatype is a value type (its nft name becomes `type ...`); elements are checked
// like literals, or come from a run-time range. Rules refer to a set with at<"allowed">;
// the table checks the reference and the key datatype.
#include <array>
#include <cstddef>
#include <cstdint>
#include <ranges>
#include <utility>
#include <vector>

#include <nftpp/core/error.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/render/sink.hpp>

namespace nftpp {

NFTPP_RULE(a_set_with_prefix_or_range_elements_needs_set_flag_interval,
           "a set with prefix or range elements needs set_flag::interval")

struct set_flags {
    std::uint8_t bits = 0;
    friend constexpr set_flags operator|(set_flags a, set_flags b) noexcept {
        return {static_cast<std::uint8_t>(a.bits | b.bits)};
    }
    [[nodiscard]] constexpr bool has(set_flags f) const noexcept { return (bits & f.bits) == f.bits && f.bits; }
};
namespace set_flag {
inline constexpr set_flags constant{1};
inline constexpr set_flags interval{2};
inline constexpr set_flags timeout{4};
inline constexpr set_flags dynamic{8};
}  // namespace set_flag

struct no_elements_t {};

template <fixed_string Name, class Key, class Elements>
struct set_t {
    static constexpr auto name = Name;
    using key_type = Key;
    set_flags flags{};
    Elements elements{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const set_t& s) {
        out.put("set ");
        out.put(Name.view());
        out.put(" {\n\t\ttype ");
        out.put(Key::nft_type);
        out.put('\n');
        if (s.flags.bits) {
            out.put("\t\tflags ");
            bool first = true;
            auto one = [&](set_flags f, std::string_view n) {
                if (!s.flags.has(f)) return;
                if (!first) out.put(',');
                first = false;
                out.put(n);
            };
            one(set_flag::constant, "constant");
            one(set_flag::interval, "interval");
            one(set_flag::timeout, "timeout");
            one(set_flag::dynamic, "dynamic");
            out.put('\n');
        }
        if constexpr (!std::is_same_v<Elements, no_elements_t>) {
            if (!std::ranges::empty(s.elements)) {
                out.put("\t\telements = {");
                bool first = true;
                for (const auto& e : s.elements) {
                    out.put(first ? "\n\t\t\t" : ",\n\t\t\t");
                    first = false;
                    write_nft(out, e);
                }
                out.put("\n\t\t}\n");
            }
        }
        out.put("\t}");
    }
};

template <class T>
inline constexpr bool is_set_v = false;
template <fixed_string N, class K, class E>
inline constexpr bool is_set_v<set_t<N, K, E>> = true;

namespace detail {
template <class Key, class Range>
constexpr void check_set_elements(set_flags f, const Range& elements) {
    if (f.has(set_flag::interval)) return;
    for (const auto& e : elements)
        if (e.shape() != operand<Key>::form::single)
            raise(error{&rules::a_set_with_prefix_or_range_elements_needs_set_flag_interval, 0});
}
}  // namespace detail

template <fixed_string Name, class Key>
[[nodiscard]] constexpr set_t<Name, Key, no_elements_t> set(set_flags f = {}) noexcept {
    return {f, {}};
}
template <fixed_string Name, class Key, std::size_t N>
[[nodiscard]] constexpr auto set(set_flags f, const operand<Key> (&elements)[N]) {
    std::array<operand<Key>, N> a = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<operand<Key>, N>{{elements[I]...}};
    }(std::make_index_sequence<N>{});
    detail::check_set_elements<Key>(f, a);
    return set_t<Name, Key, std::array<operand<Key>, N>>{f, a};
}
template <fixed_string Name, class Key, std::size_t N>
[[nodiscard]] constexpr auto set(const operand<Key> (&elements)[N]) {
    return set<Name, Key>(set_flags{}, elements);
}
template <fixed_string Name, class Key, std::ranges::input_range R>
    requires std::convertible_to<std::ranges::range_reference_t<const R&>, operand<Key>>
[[nodiscard]] auto set(set_flags f, const R& values) {
    std::vector<operand<Key>> v;
    if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(values));
    for (auto&& x : values) v.emplace_back(x);
    detail::check_set_elements<Key>(f, v);
    return set_t<Name, Key, std::vector<operand<Key>>>{f, std::move(v)};
}

}  // namespace nftpp
