#pragma once
// apply_with_probes: apply a ruleset with optional rules in ONE transaction.
//
// Kernels differ (conntrack, log, limit, reject or NAT may be missing), and one missing
// expression makes nft roll back the whole batch. Instead of loading rule by rule, nftpp
// asks the target first: for each feature the ruleset's optional rules need, it checks a
// tiny probe table with `nft -c` in the same context (host or namespace) — a probe, not
// a version number. It then renders the ruleset without the optional rules whose feature
// is missing and applies it atomically, and reports what it left out and why.
//
// A probe that nft refuses (outcome `rejected`) means "feature missing". A probe that
// cannot be asked at all (nft missing or untrusted, namespace gone, timeout, ...) is no
// answer: apply_with_probes stops, applies nothing and returns that outcome.
//
// This header joins the DSL (render) and the executors; neither knows the other.
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/hana/for_each.hpp>
#include <boost/hana/tuple.hpp>

#include <nftpp/exec/executor.hpp>
#include <nftpp/render/render.hpp>
#include <nftpp/ruleset/optional.hpp>

namespace nftpp {

namespace detail {
template <class Rules>
struct optional_features_of_rules;
template <class... I>
struct optional_features_of_rules<boost::hana::tuple<I...>> {
    template <class X>
    static constexpr feature_set one() {
        if constexpr (is_optional_rule_v<X>) return features_of_v<item_rule_t<X>>;
        else return {};
    }
    static constexpr feature_set sets[sizeof...(I) + 1] = {feature_set{}, one<I>()...};  // not a fold: clang limits those to 256
    static constexpr feature_set value = [] {
        feature_set v;
        for (const auto& s : sets) v.add(s);
        return v;
    }();
};

template <class T>
void collect_optional_features(const T& x, feature_set& out) {
    if constexpr (is_ruleset_v<T>) {
        boost::hana::for_each(x.commands, [&](const auto& c) { collect_optional_features(c, out); });
    } else if constexpr (is_table_v<T>) {
        boost::hana::for_each(x.chains, [&](const auto& chain) {
            using Rules = typename std::remove_cvref_t<decltype(chain)>::rules_type;
            out.add(optional_features_of_rules<Rules>::value);
        });
    } else if constexpr (requires { x.table; }) {
        collect_optional_features(x.table, out);
    }
}
}  // namespace detail

// Features that the optional rules of x need (each node names its own, with its probe).
template <Renderable T>
[[nodiscard]] feature_set optional_features(const T& x) {
    feature_set f;
    detail::collect_optional_features(x, f);
    return f;
}

struct apply_report {
    exec::outcome outcome;
    capabilities caps;                  // what the target was found to support
    std::vector<skipped_rule> skipped;  // optional rules left out, with the reason
    script applied;                     // the script that was loaded (empty when a probe failed)
};

// Probe, render without unsupported optional rules, apply in one transaction.
// `assume_missing` forces features to count as unsupported (for tests and for callers
// that know better). When a probe fails for another reason than nft refusing it, the
// report carries that outcome and nothing is applied.
template <Renderable T>
[[nodiscard]] apply_report apply_with_probes(exec::executor& target, const T& x, capabilities assume_missing = {}) {
    apply_report report{};
    report.caps = assume_missing;
    for (const kernel_feature* f : optional_features(x)) {
        if (!report.caps.has(*f)) continue;
        exec::outcome probed = target.probe(f->probe);
        if (probed.kind == exec::outcome_kind::rejected) {
            report.caps.remove(*f);
        } else if (!probed.ok()) {
            probed.detail = "probing for " + std::string(f->name) + " failed, nothing was applied" +
                            (probed.detail.empty() ? "" : ": " + probed.detail);
            report.outcome = std::move(probed);
            return report;
        }
    }
    report.applied = render(x, report.caps, &report.skipped);
    report.outcome = target.apply(report.applied);
    return report;
}

}  // namespace nftpp
