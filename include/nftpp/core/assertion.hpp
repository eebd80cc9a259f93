// SPDX-License-Identifier: Apache-2.0
#pragma once
// A system header to the compiler, so that g++ points a rule's error at the rule's
// NFTPP_RULE/NFTPP_CHECK line rather than into the macro, with no "in expansion of macro"
// notes (six lines less); tests/headers builds it with NFTPP_NO_SYSTEM_HEADER, so that its
// own code is still checked under the strict warnings.
#ifndef NFTPP_NO_SYSTEM_HEADER
#pragma GCC system_header
#endif
// Checks: rules that types can break, fired as named assertions.
//
//   NFTPP_CHECK(id, "sentence: the fix")     (at namespace nftpp scope)
//
// declares the rule as NFTPP_RULE does (core/error.hpp: rules::id, diagnostic::id) and
//   * nftpp::assert_id_t<C...>  - its named assertion: instantiating it fires one
//                                 static_assert whose message is the sentence, with the
//                                 context C... (named<"chain">, the rule's type) shown;
//   * assertion_of<&rules::id>  - the way from the rule object back to its assertion.
// Firing:
//   fire<&rules::id, named<"chain">, Rule>()   instantiates assert_id_t<...>: one error,
//                                               the sentence on its first line.
// A checker that computed `constexpr const rule* r` (nullptr when nothing is wrong) fires
// it with fire<r, ...>() without naming any rule.
#include <nftpp/core/error.hpp>
#include <nftpp/core/fixed_string.hpp>

namespace nftpp {

namespace detail {
template <class... T>
inline constexpr bool never_v = false;
}  // namespace detail

template <const rule* R>
struct assertion_of;

// The member named `broken` makes clang print "static_assert failed due to requirement
// 'broken' "<sentence>"", so the sentence comes first there too.
#define NFTPP_CHECK(id, sentence_text)                                         \
    NFTPP_RULE(id, sentence_text)                                              \
    template <class... Context>                                                \
    struct assert_##id##_t {                                                   \
        static constexpr bool broken = ::nftpp::detail::never_v<Context...>;   \
        static_assert(broken, sentence_text);                                  \
        static constexpr bool value = false;                                   \
    };                                                                         \
    template <>                                                                \
    struct assertion_of<&rules::id> {                                          \
        template <class... Context>                                            \
        using type = assert_##id##_t<Context...>;                              \
    };

// A name as context of an assertion: assert_x_t<named<"output">, named<"jumped">>.
template <fixed_string Name>
struct named {
    static constexpr auto value = Name;
};

// Fires the assertion of rule R (nothing when R is nullptr), with context C...
template <const rule* R, class... C>
constexpr void fire() {
    if constexpr (R != nullptr) (void)assertion_of<R>::template type<C...>::value;
}

}  // namespace nftpp
