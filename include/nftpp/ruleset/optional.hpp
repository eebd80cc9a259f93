// SPDX-License-Identifier: Apache-2.0
#pragma once
// optional_rule(rule): a rule the ruleset can do without when the kernel lacks what it needs
// (conntrack, the log or limit expression, reject, NAT). The ruleset stays one atomic
// transaction: before applying, the caller learns which features the target supports
// (nftpp::apply_with_probes asks the kernel with a tiny probe table in the same context)
// and renders without the optional rules that need a missing feature, then reports them.
// Required rules are never dropped: if one needs a missing feature, the apply fails whole.

#include <nftpp/core/feature.hpp>
#include <nftpp/ruleset/rule.hpp>
#include <nftpp/ruleset/rule_check.hpp>

namespace nftpp {

// The kernel features a rule needs, from its parts' facts (each node names its own:
// feature::conntrack in expr/ct.hpp, feature::nat in stmt/nat.hpp ...).
template <class R>
inline constexpr feature_set features_of_v = rule_summary_v<R>.features;

// What the target supports; by default everything.
struct capabilities {
    feature_set missing{};
    [[nodiscard]] constexpr bool has(const kernel_feature& f) const noexcept { return !missing.contains(f); }
    constexpr void remove(const kernel_feature& f) noexcept { missing.add(f); }
    [[nodiscard]] constexpr bool covers(const feature_set& needed) const noexcept { return needed.common(missing).empty(); }
};

template <class R>
struct optional_t {
    using rule_type = R;
    R rule;
};

template <class T>
inline constexpr bool is_optional_rule_v = false;
template <class R>
inline constexpr bool is_optional_rule_v<optional_t<R>> = true;

// optional_rule(rule): see the top of this header.
template <RuleLike R>
[[nodiscard]] constexpr auto optional_rule(const R& r) {
    using Rule = decltype(as_rule(r));
    return optional_t<Rule>{as_rule(r)};
}

}  // namespace nftpp
