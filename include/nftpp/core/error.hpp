// SPDX-License-Identifier: Apache-2.0
#pragma once
// A system header to the compiler, so that g++ points a rule's error at the rule's
// NFTPP_RULE/NFTPP_CHECK line rather than into the macro, with no "in expansion of macro"
// notes (six lines less); tests/headers builds it with NFTPP_NO_SYSTEM_HEADER, so that its
// own code is still checked under the strict warnings.
#ifndef NFTPP_NO_SYSTEM_HEADER
#pragma GCC system_header
#endif
// Rules: one rule, one sentence, one declaration, fired at compile time or returned at
// run time. Every rule of nftpp — a literal that does not parse, a structural rule of a
// chain or table, a node's own rule — is declared once, in the header of what it is about
// (user code may declare its own rules the same way, in its own namespace):
//
//   NFTPP_RULE(id, "sentence: the fix")
//
// It yields
//   * nftpp::rules::id          - the rule object: sentence, id, compile-time reporter.
//                                 Values return it in result<T>; node facts and
//                                 descriptors point at it; the checker returns it in a
//                                 check_error (ruleset/descriptor.hpp) at run time;
//   * nftpp::diagnostic::id()   - a non-constexpr function whose name is the sentence;
//                                 calling it while the compiler evaluates a literal is the
//                                 compile error (g++ prints it on its first error line,
//                                 clang on its first note);
// and, declared with NFTPP_CHECK instead (core/assertion.hpp, within namespace nftpp),
// also the rule's named assertion, for rules a type can break (a chain, a table, a name
// given as a template argument).
// At run time a value rule throws nftpp::value_error carrying the same sentence.
//
// A literal's error in the frame that takes it. A value type's consteval constructor
// reports a bad literal itself, in its own member initializer:
//   consteval ipv4_addr(const char (&s)[N])
//       : ipv4_addr((parse(t).ok() ? void() : parse(t).err().broken->compile_time_report(), *parse(t))) {}
// rather than through result::value() or a helper: clang prints one note (three lines)
// for every call between the literal and the rule's name, and prints the chain twice for
// a constexpr variable, so each helper frame costs six lines of output (g++: two).
// tests/compile_fail/rule_sentences.py lists every rule from these two macros; the docs
// and the tests are checked against that list.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace nftpp {

struct rule {
    std::string_view sentence;
    void (*compile_time_report)();  // value rules: the call that is the compile error; checks: nullptr
    std::string_view id{};          // the rule's name: rules::<id>, docs/diagnostics.md#<id>
};

#define NFTPP_RULE(id, sentence_text)                                         \
    namespace diagnostic {                                                    \
    inline void id() {}                                                       \
    }                                                                         \
    namespace rules {                                                         \
    inline constexpr ::nftpp::rule id{sentence_text, &diagnostic::id, #id};   \
    }

// A failed check on a value: which rule, and where in the parsed text (if text).
struct error {
    const rule* broken = nullptr;
    std::size_t offset = 0;

    [[nodiscard]] constexpr std::string_view sentence() const noexcept {
        return broken ? broken->sentence : std::string_view{};
    }
};

// Thrown at run time when a value breaks a rule. what() is
//   <sentence> (got "<input>", at offset N)
class value_error : public std::invalid_argument {
public:
    value_error(const error& e, std::string_view input)
        : std::invalid_argument(compose(e, input)), error_(e), input_(input) {}

    [[nodiscard]] const error& info() const noexcept { return error_; }
    [[nodiscard]] std::string_view sentence() const noexcept { return error_.sentence(); }
    [[nodiscard]] const std::string& input() const noexcept { return input_; }

private:
    static std::string compose(const error& e, std::string_view input) {
        std::string m(e.sentence());
        if (!input.empty()) {
            m += " (got \"";
            for (char c : input) {  // what() is a C string: show NUL, CR and newline escaped
                if (c == '\n') m += "\\n";
                else if (c == '\r') m += "\\r";
                else if (c == '\0') m += "\\0";
                else m += c;
            }
            m += "\", at offset ";
            m += std::to_string(e.offset);
            m += ")";
        }
        return m;
    }
    error error_;
    std::string input_;
};

// Fire a rule: a compile error during constant evaluation, value_error otherwise.
constexpr void raise(const error& e, std::string_view input = {}) {
    if (std::is_constant_evaluated()) {
        e.broken->compile_time_report();  // not constexpr: this call is the diagnostic
    } else {
        throw value_error(e, input);
    }
}

// result<T>: a value or the rule it broke. T needs no default constructor: an unset
// value simply does not exist, so it can never be rendered by accident.
template <class T>
class result {
    static_assert(std::is_trivially_destructible_v<T>, "result<T> holds literal value types only");

public:
    constexpr result(T v) noexcept : value_(v), ok_(true) {}
    constexpr result(error e) noexcept : error_(e), ok_(false) {}

    [[nodiscard]] constexpr bool ok() const noexcept { return ok_; }
    constexpr explicit operator bool() const noexcept { return ok_; }
    [[nodiscard]] constexpr error err() const noexcept { return ok_ ? error{} : error_; }
    [[nodiscard]] constexpr std::string_view sentence() const noexcept { return err().sentence(); }

    // The value, or value_error (a compile error when constant evaluated).
    [[nodiscard]] constexpr const T& value(std::string_view input = {}) const {
        if (!ok_) {  // raise(error_, input), written out: one call less in clang's notes
            if (std::is_constant_evaluated()) error_.broken->compile_time_report();  // the compile error
            else throw value_error(error_, input);
        }
        return value_;
    }
    [[nodiscard]] constexpr const T& operator*() const { return value(); }
    [[nodiscard]] constexpr const T* operator->() const { return &value(); }

private:
    union {
        T value_;
        error error_;
    };
    bool ok_;
};

}  // namespace nftpp
