#pragma once
// Named assertions: a type per rule whose instantiation fires a static_assert with the
// rule's sentence, so that the sentence stands on the compiler's first error line and the
// template arguments (a chain or set name, the rule's type) show where. Each has
// `value == false`, so a check can be written as an expression. The structural rules are
// in ruleset/assertions.hpp; names given as template arguments in value/name.hpp.
//   NFTPP_ASSERTION_R(name, text)    template <fixed_string Chain, class Rule>
//   NFTPP_ASSERTION_C(name, text)    template <fixed_string Name>
//   NFTPP_ASSERTION_CC(name, text)   template <fixed_string Chain, fixed_string Other>
#include <nftpp/core/fixed_string.hpp>

namespace nftpp {

namespace detail {
template <class... T>
inline constexpr bool never_v = false;
template <auto... V>
inline constexpr bool never_nttp_v = false;
}  // namespace detail

#define NFTPP_ASSERTION_R(name, text)                                  \
    template <fixed_string Chain, class Rule>                          \
    struct name {                                                      \
        static_assert(detail::never_v<Rule>, text);                    \
        static constexpr bool value = false;                           \
    };
#define NFTPP_ASSERTION_C(name, text)                                  \
    template <fixed_string Name>                                       \
    struct name {                                                      \
        static_assert(detail::never_nttp_v<Name>, text);               \
        static constexpr bool value = false;                           \
    };
#define NFTPP_ASSERTION_CC(name, text)                                 \
    template <fixed_string Chain, fixed_string Other>                  \
    struct name {                                                      \
        static_assert(detail::never_nttp_v<Chain, Other>, text);       \
        static constexpr bool value = false;                           \
    };

}  // namespace nftpp
