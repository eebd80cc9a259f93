#pragma once
// optional(rule): a rule the ruleset can do without when the kernel lacks what it needs
// (conntrack, the log or limit expression, reject, NAT). The ruleset stays one atomic
// transaction: before applying, the caller learns which features the target supports
// (nftpp::apply_with_probes asks the kernel with a tiny probe table in the same context)
// and renders without the optional rules that need a missing feature, then reports them.
// Required rules are never dropped: if one needs a missing feature, the apply fails whole.
#include <cstdint>
#include <string_view>

#include <nftpp/core/facts.hpp>
#include <nftpp/ruleset/rule.hpp>
#include <nftpp/ruleset/rule_check.hpp>

namespace nftpp {

// g++ 12's -Wshadow takes these scoped enumerators for declarations shadowing the
// namespace's statements of the same name; they shadow nothing.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
// Kernel features a rule may need, one bit each.
enum class feature : std::uint32_t {
    conntrack = 1u << 0,
    log = 1u << 1,
    limit = 1u << 2,
    reject = 1u << 3,
    nat = 1u << 4,
    notrack = 1u << 5,
};
#pragma GCC diagnostic pop
inline constexpr feature all_features[] = {feature::conntrack, feature::log, feature::limit,
                                           feature::reject,    feature::nat, feature::notrack};

[[nodiscard]] constexpr std::string_view keyword(feature f) noexcept {
    switch (f) {
        case feature::conntrack: return "conntrack";
        case feature::log: return "log";
        case feature::limit: return "limit";
        case feature::reject: return "reject";
        case feature::nat: return "nat";
        case feature::notrack: return "notrack";
    }
    return "?";
}

// The features a rule needs, from its static facts.
[[nodiscard]] constexpr std::uint32_t features_of(const rule_summary& s) noexcept {
    std::uint32_t f = 0;
    if (s.conntrack || (s.kinds & bits(stmt_kind::ct_mark_set))) f |= static_cast<std::uint32_t>(feature::conntrack);
    if (s.kinds & bits(stmt_kind::log)) f |= static_cast<std::uint32_t>(feature::log);
    if (s.kinds & bits(stmt_kind::limit)) f |= static_cast<std::uint32_t>(feature::limit);
    if (s.kinds & bits(stmt_kind::reject)) f |= static_cast<std::uint32_t>(feature::reject);
    if (s.kinds & (bits(stmt_kind::masquerade) | bits(stmt_kind::snat) | bits(stmt_kind::dnat) | bits(stmt_kind::redirect)))
        f |= static_cast<std::uint32_t>(feature::nat);
    if (s.kinds & bits(stmt_kind::notrack)) f |= static_cast<std::uint32_t>(feature::notrack);
    return f;
}

// What the target supports; by default everything.
struct capabilities {
    std::uint32_t missing = 0;
    [[nodiscard]] constexpr bool has(feature f) const noexcept { return !(missing & static_cast<std::uint32_t>(f)); }
    constexpr void remove(feature f) noexcept { missing |= static_cast<std::uint32_t>(f); }
    [[nodiscard]] constexpr bool covers(std::uint32_t needed) const noexcept { return !(missing & needed); }
};

template <class R>
struct optional_t {
    R rule;
};

template <class T>
inline constexpr bool is_optional_rule_v = false;
template <class R>
inline constexpr bool is_optional_rule_v<optional_t<R>> = true;

// optional(rule): see the top of this header.
template <RuleLike R>
[[nodiscard]] constexpr auto optional(const R& r) {
    using Rule = decltype(as_rule(r));
    return optional_t<Rule>{as_rule(r)};
}

}  // namespace nftpp
