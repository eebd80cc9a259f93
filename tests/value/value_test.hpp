// SPDX-License-Identifier: Apache-2.0
#pragma once
// Helpers for the value tests: the text a value renders (at run time, and at compile time
// into a fixed buffer), golden comparison printing expected and received, and the check
// of a refused input (its rule, its offset, and the same sentence as value_error).
#include <cstddef>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>

namespace value_test {

// The text write_nft renders, through the library's two-pass sinks.
template <class T>
std::string text(const T& v) {
    nftpp::count_sink count;
    write_nft(count, v);
    std::string s(count.size, '\0');
    nftpp::span_sink out{s.data()};
    write_nft(out, v);
    return s;
}

// The text write_nft_element renders (flags as a set element or exact value: "a | b").
template <class T>
std::string element_text(const T& v) {
    nftpp::count_sink count;
    write_nft_element(count, v);
    std::string s(count.size, '\0');
    nftpp::span_sink out{s.data()};
    write_nft_element(out, v);
    return s;
}

// The same at compile time: constexpr rendering never touches std::string.
struct fixed_text {
    char data[512]{};
    std::size_t size = 0;
    constexpr void put(std::string_view v) {
        for (char c : v) data[size++] = c;
    }
    constexpr void put(char c) { data[size++] = c; }
    [[nodiscard]] constexpr std::string_view view() const { return {data, size}; }
};
static_assert(nftpp::Sink<fixed_text>);

template <class T>
constexpr fixed_text ctext(const T& v) {
    fixed_text t;
    write_nft(t, v);
    return t;
}

inline std::string show(std::string_view expected, std::string_view received) {
    return "expected: -->|" + std::string(expected) + "|<--\nreceived: -->|" + std::string(received) + "|<--";
}

// Golden rendering: the value renders exactly `expected`.
#define VALUE_GOLDEN(value, expected)                                           \
    do {                                                                        \
        const std::string value_r_ = ::value_test::text(value);                 \
        const std::string value_e_(expected);                                   \
        INFO(#value "\n" << ::value_test::show(value_e_, value_r_));            \
        CHECK(value_r_ == value_e_);                                            \
    } while (0)

// Text that must be refused: by which rule, at which offset.
struct refusal {
    std::string_view input;
    const nftpp::rule* rule;
    std::size_t offset;
};

// T::parse(input) fails with the rule and offset; at run time the same failure is a
// value_error whose what() starts with the rule's sentence and quotes the input.
template <class T>
void check_refused(const refusal& r) {
    const auto got = T::parse(r.input);
    INFO("input: \"" << r.input << "\"");
    REQUIRE_FALSE(got.ok());
    INFO("expected sentence: " << r.rule->sentence << "\nreceived sentence: " << got.sentence());
    CHECK(got.err().broken == r.rule);
    CHECK(got.err().offset == r.offset);
    try {
        (void)got.value(r.input);
        FAIL("value() of a failed parse did not throw");
    } catch (const nftpp::value_error& e) {
        const std::string what = e.what();
        CHECK(what.rfind(std::string(r.rule->sentence), 0) == 0);
        std::string quoted = "\"";
        for (char c : r.input) quoted += c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\0' ? "\\0" : std::string(1, c);
        quoted += "\"";
        if (!r.input.empty()) CHECK(what.find(quoted) != std::string::npos);
        CHECK(e.info().broken == r.rule);
    }
}

// T::parse(input) succeeds and renders `rendered`.
template <class T>
void check_parses(std::string_view input, std::string_view rendered) {
    const auto got = T::parse(input);
    INFO("input: \"" << input << "\"\nsentence: " << got.sentence());
    REQUIRE(got.ok());
    const std::string r = text(*got);
    INFO(show(rendered, r));
    CHECK(r == rendered);
}

}  // namespace value_test
