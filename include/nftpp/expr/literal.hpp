// SPDX-License-Identifier: Apache-2.0
#pragma once
// literal_t: a raw C++ literal (a number or a string literal) written before its
// selector is known, as in `tcp.dport == 3128 >> accept`, where C++ evaluates
// `3128 >> accept` first. The consteval constructor accepts only constants, so a run-time
// int or std::string can never slip in untyped: run-time data must be a typed value
// (nftpp::port, nftpp::ipv4_addr, ...), parsed and checked when it is bound.
//
// The literal is checked against its selector's datatype when the match is formed: a
// compile error wherever the rule is constant evaluated (constexpr/constinit rules and
// tables), nftpp::value_error otherwise. `tcp.dport == 70000` (no `>>` in between) and
// `(tcp.dport == 70000) >> accept` are always compile errors.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_RULE(a_string_literal_in_a_rule_is_at_most_127_bytes,
           "a string literal in a rule is at most 127 bytes")
NFTPP_RULE(a_number_literal_in_a_rule_fits_in_63_bits,
           "a number literal in a rule is from 0 to 9223372036854775807 (63 bits): write a wider raw payload value as hex text, \"0x...\"")

struct literal_t {
    static constexpr std::size_t max_text = 127;

    // Members ordered by alignment: clang 14 miscompiles the result of a consteval
    // constructor whose class has interior padding (the body's stores are lost).
    std::int64_t number = 0;
    char text_[max_text + 1]{};
    std::uint8_t size = 0;
    bool is_text = false;

    template <class I>
        requires(std::integral<std::remove_cvref_t<I>> && !detail::runtime_integer<I> &&
                 !std::same_as<std::remove_cvref_t<I>, bool> && !std::same_as<std::remove_cvref_t<I>, char>)
    consteval literal_t(I&& v) noexcept : number(static_cast<std::int64_t>(v)) {
        if (v < 0 || static_cast<std::uint64_t>(v) > 0x7fffffffffffffffull)
            rules::a_number_literal_in_a_rule_fits_in_63_bits.compile_time_report();  // consteval: the compile error
    }
    template <class I>
        requires detail::runtime_integer<I>
    constexpr literal_t(I&&) {  // constexpr: the assertion is then the only error
        static_assert(detail::runtime_integer_refused_v<I>, NFTPP_RUNTIME_INTEGER_SENTENCE);
    }

    template <std::size_t N>
    consteval literal_t(const char (&s)[N]) noexcept {
        if (N - 1 > max_text) rules::a_string_literal_in_a_rule_is_at_most_127_bytes.compile_time_report();
        for (std::size_t i = 0; i + 1 < N; ++i) text_[i] = s[i];
        size = static_cast<std::uint8_t>(N - 1);
        is_text = true;
    }

    [[nodiscard]] constexpr std::string_view text() const noexcept { return {text_, size}; }
};

}  // namespace nftpp
