// SPDX-License-Identifier: Apache-2.0
#pragma once
// operand<T>: the right-hand side of a match on datatype T — one value, a range
// `lo-hi`, or (for addresses) a prefix `addr/len`. One operand type per datatype keeps
// literals unambiguous: "10.0.0.0/8" and "10.0.0.1" both become operand<ipv4_addr>, each
// parsed at compile time by the consteval constructor.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <nftpp/core/error.hpp>
#include <nftpp/expr/literal.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/values.hpp>

namespace nftpp {

NFTPP_RULE(this_datatype_takes_a_number_literal_not_a_string,
           "this match takes a number, not a string literal")
NFTPP_RULE(this_datatype_takes_a_string_literal_not_a_number,
           "this match takes a string literal, not a number")
NFTPP_RULE(this_datatype_takes_a_typed_value_not_a_literal,
           "this match takes a typed nftpp value (for example established or syn), not a literal")

// What literals and forms a datatype accepts. Specialized below for each value type.
template <class T>
struct operand_traits {
    static constexpr bool integer_literal = false;
    static constexpr bool text_literal = false;
    static constexpr bool ranges = false;
    static constexpr bool ordered = false;
    using prefix_type = void;
};

template <class T>
struct numeric_operand_traits {
    static constexpr bool integer_literal = true;
    static constexpr bool text_literal = false;
    static constexpr bool ranges = true;
    static constexpr bool ordered = true;
    using prefix_type = void;
};
// Every bounded number (value/bounded_number.hpp: port, uid, mark, dscp, ...) compares with
// integer literals and ranges, and orders: a new number type needs no line here.
template <class T>
    requires std::is_same_v<typename T::bounded_number_of, T>
struct operand_traits<T> : numeric_operand_traits<T> {};
template <> struct operand_traits<l4proto> : numeric_operand_traits<l4proto> {
    static constexpr bool ranges = false;
};

template <class T, class P>
struct address_operand_traits {
    static constexpr bool integer_literal = false;
    static constexpr bool text_literal = true;
    static constexpr bool ranges = true;
    static constexpr bool ordered = true;
    using prefix_type = P;
};
template <> struct operand_traits<ipv4_addr> : address_operand_traits<ipv4_addr, ipv4_prefix> {};
template <> struct operand_traits<ipv6_addr> : address_operand_traits<ipv6_addr, ipv6_prefix> {};

template <> struct operand_traits<ifname> {
    static constexpr bool integer_literal = false;
    static constexpr bool text_literal = true;
    static constexpr bool ranges = false;
    static constexpr bool ordered = false;
    using prefix_type = void;
};
template <> struct operand_traits<ether_addr> : operand_traits<ifname> {};
// A text value that declares `static constexpr bool quoted_text = true` (cgroup_path)
// compares with string literals, as ifname does: a new one needs no line here.
template <class T>
    requires(T::quoted_text)
struct operand_traits<T> : operand_traits<ifname> {};
// A number wider than C++ literals (raw_bits<64..128>) takes integer literals and hex text,
// and orders.
template <class T>
    requires(T::number_or_hex_text)
struct operand_traits<T> {
    static constexpr bool integer_literal = true;
    static constexpr bool text_literal = true;
    static constexpr bool ranges = false;
    static constexpr bool ordered = true;
    using prefix_type = void;
};

template <class T>
class operand {
    using traits = operand_traits<T>;
    using prefix_type = typename traits::prefix_type;

public:
    enum class form : std::uint8_t { single, range, prefix };
    using value_type = T;

    constexpr operand(T v) noexcept : lo_(v), hi_(v) {}
    // A protocol object where an IP protocol goes: `meta.l4proto.in({tcp, udp})`.
    template <class P>
        requires(std::same_as<T, l4proto> && !std::derived_from<P, l4proto> && requires { P::protocol_layer4; })
    constexpr operand(const P&) noexcept : operand(l4proto::of(P::protocol_layer4)) {}
    // An object that stands for a value, converted by the value type's of(): a helper type
    // where a ct helper name goes, `ct.helper == ct_helper_type::ftp`.
    template <class P>
        requires(!std::same_as<T, l4proto> && !std::same_as<P, T> && requires(const P& p) {
            { T::of(p) } -> std::same_as<T>;
        })
    constexpr operand(const P& p) noexcept : operand(T::of(p)) {}
    // A concatenation's parts, each converted like a literal: {"10.0.0.1", 22}.
    template <class U = T>
        requires(is_concat_key_v<U> && U::arity == 2)
    constexpr operand(typename U::template part_type<0> a, typename U::template part_type<1> b) noexcept
        : operand(T(a, b)) {}
    template <class U = T>
        requires(is_concat_key_v<U> && U::arity == 3)
    constexpr operand(typename U::template part_type<0> a, typename U::template part_type<1> b,
                      typename U::template part_type<2> c) noexcept
        : operand(T(a, b, c)) {}
    constexpr operand(range<T> r) noexcept
        requires traits::ranges
        : lo_(r.lo), hi_(r.hi), form_(form::range) {}
    template <class P>
        requires(!std::is_void_v<prefix_type> && std::same_as<P, prefix_type>)
    constexpr operand(P p) noexcept : lo_(p.addr), hi_(p.addr), len_(p.len), form_(form::prefix) {}

    template <class I>
        requires(traits::integer_literal && std::integral<std::remove_cvref_t<I>> && !detail::runtime_integer<I> &&
                 !std::same_as<std::remove_cvref_t<I>, bool> && !std::same_as<std::remove_cvref_t<I>, char>)
    consteval operand(I&& v)
        : operand((from_integer_literal(v).ok() ? void() : from_integer_literal(v).err().broken->compile_time_report(),
                  *from_integer_literal(v))) {}
    template <class I>
        requires(traits::integer_literal && detail::runtime_integer<I>)
    operand(I&&) : operand(T::from(0).value()) {
        static_assert(detail::runtime_integer_refused_v<I>, NFTPP_RUNTIME_INTEGER_SENTENCE);
    }

    template <std::size_t N>
        requires traits::text_literal
    consteval operand(const char (&s)[N])
        : operand((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                  *parse(std::string_view(s, N - 1)))) {}

    [[nodiscard]] constexpr form shape() const noexcept { return form_; }
    [[nodiscard]] constexpr const T& low() const noexcept { return lo_; }
    [[nodiscard]] constexpr const T& high() const noexcept { return hi_; }
    [[nodiscard]] constexpr std::uint8_t prefix_length() const noexcept { return len_; }
    // The last value the operand covers: itself, a range's upper end, a prefix's last address.
    [[nodiscard]] constexpr T upper() const noexcept {
        if constexpr (!std::is_void_v<prefix_type>) {
            if (form_ == form::prefix) return prefix_type::make(lo_, len_).value().last();
        }
        return hi_;
    }

    // A literal as written: a type wider than 63 bits takes it whole (raw_bits<64..128>).
    template <class I>
    static constexpr result<operand> from_integer_literal(I v) {
        if constexpr (requires { T::from_literal_integer(v); }) {
            auto r = T::from_literal_integer(v);
            if (!r) return r.err();
            return operand(*r);
        } else {
            return from_integer(static_cast<std::int64_t>(v));
        }
    }

    static constexpr result<operand> from_integer(std::int64_t v) {
        if constexpr (traits::integer_literal) {
            auto r = T::from(v);
            if (!r) return r.err();
            return operand(*r);
        } else {
            (void)v;
            return error{&rules::this_datatype_takes_a_string_literal_not_a_number, 0};
        }
    }

    // Text forms: "v", "lo-hi" (where ranges exist), "addr/len" (addresses).
    static constexpr result<operand> parse(std::string_view s) {
        if constexpr (!std::is_void_v<prefix_type>) {
            if (detail::find_char(s, '/') != std::string_view::npos) {
                auto p = prefix_type::parse(s);
                if (!p) return p.err();
                return operand(*p);
            }
        }
        if constexpr (traits::ranges) {
            if (auto dash = detail::find_char(s, '-'); dash != std::string_view::npos) {
                auto r = range<T>::parse(s);
                if (!r) return r.err();
                return operand(*r);
            }
        }
        if constexpr (requires { T::parse(s); }) {
            auto v = T::parse(s);
            if (!v) return v.err();
            return operand(*v);
        } else {
            return error{&rules::this_datatype_takes_a_typed_value_not_a_literal, 0};
        }
    }

    static constexpr result<operand> from_literal(const literal_t& l) {
        if (l.is_text) {
            if constexpr (traits::text_literal) return parse(l.text());
            if constexpr (traits::integer_literal)
                return error{&rules::this_datatype_takes_a_number_literal_not_a_string, 0};
            return error{&rules::this_datatype_takes_a_typed_value_not_a_literal, 0};
        }
        if constexpr (traits::integer_literal) return from_integer(l.number);
        if constexpr (traits::text_literal)
            return error{&rules::this_datatype_takes_a_string_literal_not_a_number, 0};
        return error{&rules::this_datatype_takes_a_typed_value_not_a_literal, 0};
    }

    [[nodiscard]] friend constexpr bool operator==(const operand& a, const operand& b) noexcept {
        return a.form_ == b.form_ && a.lo_ == b.lo_ && a.hi_ == b.hi_ && a.len_ == b.len_;
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const operand& o) {
        write_nft(out, o.lo_);
        if (o.form_ == form::range) {
            out.put('-');
            write_nft(out, o.hi_);
        } else if (o.form_ == form::prefix) {
            out.put('/');
            put_uint(out, o.len_);
        }
    }

private:
    T lo_;
    T hi_;
    std::uint8_t len_ = 0;
    form form_ = form::single;
};

}  // namespace nftpp
