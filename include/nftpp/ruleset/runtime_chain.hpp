// SPDX-License-Identifier: Apache-2.0
#pragma once
// Chains named from data: the same spelling as the static chain<"name">(...), with the name
// (and a base chain's spec) as run-time values.
//   auto c = chain(svc_name, ip.daddr == addr >> accept);      // a regular chain
//   auto b = base_chain("input", filter_chain(hook::input), policy::drop, rules...);
//   c.add(tcp.dport == p >> go_to(other));                       // rules appended in a loop
// A rule's type is still known to the compiler, so its shape (one verdict, the terminal
// statement last, one network layer ...) is checked while it compiles, with the same named
// assertion as in a static chain. What depends on data — the chain's name, its spec, its
// policy and device, the chains and sets its rules name — is checked by the table it is
// put in (ruleset/runtime_table.hpp), by the same functions as a static table's.
// Each rule is kept as its rendered text, its summary (the rule type's facts) and the names
// it references, so a chain of any number of rules costs one string per rule.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/hana/for_each.hpp>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/descriptor.hpp>
#include <nftpp/ruleset/hook.hpp>
#include <nftpp/ruleset/optional.hpp>
#include <nftpp/ruleset/rule.hpp>
#include <nftpp/ruleset/rule_check.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/value/ifname.hpp>

namespace nftpp {

// A set or map a run-time rule uses, with the name owned.
struct runtime_set_use {
    std::string set;
    std::string_view key_type;
    std::string_view kind = "set";
    std::string_view value_type{};
    const rule* missing = nullptr;  // the rule a missing one gives (a named object's own)
};

// One rule of a run-time chain.
struct runtime_rule {
    const rule_summary* summary = nullptr;  // the rule type's summary (static data)
    std::string text;                       // as nft reads it
    std::vector<std::string> targets;       // chains it may jump or go to
    std::vector<runtime_set_use> sets;      // sets and maps it uses
    bool optional = false;                  // optional_rule(...): left out when a feature is missing

    friend bool operator==(const runtime_rule& a, const runtime_rule& b) noexcept { return a.text == b.text; }
};

namespace detail {

using nftpp::detail::text_of;

template <class P>
void collect_refs(runtime_rule& out, const P& part) {
    if constexpr (chain_target_count<P>() > 0)
        for (std::string_view t : P::chain_targets) out.targets.emplace_back(t);
    if constexpr (set_ref_count<P>() > 0)
        for (const set_ref_info& r : P::set_refs)
            out.sets.push_back({std::string(r.set), r.key_type, r.kind, r.value_type, r.missing});
    if constexpr (requires { part.runtime_chain_targets(); })
        for (std::string_view t : part.runtime_chain_targets()) out.targets.emplace_back(t);
    if constexpr (requires { part.runtime_set_refs(); })
        for (const set_ref_info& r : part.runtime_set_refs())
            out.sets.push_back({std::string(r.set), r.key_type, r.kind, r.value_type, r.missing});
}

template <class... P>
runtime_rule make_runtime_rule(const rule_t<P...>& r, bool optional) {
    runtime_rule out{&rule_summary_v<rule_t<P...>>, text_of(r), {}, {}, optional};
    std::apply([&](const auto&... p) { (collect_refs(out, p), ...); }, r.parts);
    return out;
}

// The chain name a rule's shape error names when the chain's name is data.
inline constexpr fixed_string run_time_chain_name{"chain named at run time"};

template <class A>
constexpr void fire_runtime_chain_arg_check() {
    if constexpr (!is_chain_arg_v<A>) fire<&rules::chain_argument_is_a_rule, named<run_time_chain_name>, A>();
    else if constexpr (is_comment_v<A>) return;
    else if constexpr (RuleLike<A>) fire_rule_check<run_time_chain_name, decltype(as_rule(std::declval<const A&>()))>();
    else if constexpr (is_optional_rule_v<A> || is_rule_list_v<A>) fire_rule_check<run_time_chain_name, item_rule_t<A>>();
}

template <class A>
constexpr bool runtime_chain_arg_ok() {
    if constexpr (!is_chain_arg_v<A>) return false;
    else if constexpr (is_comment_v<A>) return true;
    else if constexpr (RuleLike<A>) return rule_summary_v<decltype(as_rule(std::declval<const A&>()))>.broken == nullptr;
    else if constexpr (is_optional_rule_v<A> || is_rule_list_v<A>) return rule_summary_v<item_rule_t<A>>.broken == nullptr;
    else return true;
}

}  // namespace detail

// A chain whose name, and a base chain's spec, are run-time values.
class runtime_chain {
public:
    runtime_chain(std::string name, base_spec spec) : name_(std::move(name)), spec_(spec) {}

    // A static chain, to stand in a table built at run time beside chains named from data.
    template <fixed_string N, base_spec S, class R>
    explicit runtime_chain(const chain_t<N, S, R>& c)
        : name_(N.view()), spec_(S), policy_(c.policy), device_(c.dev), comment_(c.note) {
        if (c.dev) devices_ = 1;
        if (c.note) comments_ = 1;
        boost::hana::for_each(c.rules, [&](const auto& item) { add_item(item); });
    }

    // Appends a rule, a rules_from(...) list or an optional_rule(...); a policy or a device
    // sets the chain's (given twice, the table's check refuses the chain).
    template <class A>
    runtime_chain& add(const A& a) {
        detail::fire_runtime_chain_arg_check<A>();
        if constexpr (detail::runtime_chain_arg_ok<A>()) add_item(a);
        return *this;
    }

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] const base_spec& spec() const noexcept { return spec_; }
    [[nodiscard]] chain_policy policy() const noexcept { return policy_; }
    [[nodiscard]] const std::optional<ifname>& device() const noexcept { return device_; }
    [[nodiscard]] const std::optional<comment_text>& comment() const noexcept { return comment_; }
    [[nodiscard]] const std::vector<runtime_rule>& rules() const noexcept { return rules_; }
    void reserve(std::size_t n) { rules_.reserve(n); }

    // What the chain's declaration gives, for check_chain_args (ruleset/chain.hpp).
    [[nodiscard]] detail::chain_args args() const noexcept {
        return {spec_, policies_, devices_, true, 0, comments_};
    }

    // As a static chain writes itself: chain NAME { [spec;] rules }.
    template <Sink S>
    friend void write_nft(S& out, const runtime_chain& c) {
        c.write(out, true);
    }
    // The declaration alone (`with_rules` false: for a chain declared before its rules are
    // added, as update(old, new) does), or all of it.
    template <Sink S>
    void write(S& out, bool with_rules) const {
        const origin_start first = origin_open(out);
        out.put("\tchain ");
        out.put(std::string_view(name_));
        out.put(" {\n");
        if (comment_) write_comment_line(out, *comment_, "\t\t");
        if (spec_.is_base) {
            out.put("\t\ttype ");
            out.put(keyword(spec_.type));
            out.put(" hook ");
            out.put(keyword(spec_.hk));
            if (device_) {
                out.put(" device ");
                write_nft(out, *device_);
            }
            out.put(" priority ");
            put_int(out, spec_.priority);
            out.put(policy_ == chain_policy::drop ? "; policy drop;\n" : "; policy accept;\n");
        }
        if (with_rules) {
            long index = 0;
            for (const auto& r : rules_) {
                if (keeps(out, r, index)) {
                    const origin_start at = origin_open(out);
                    out.put("\t\t");
                    out.put(std::string_view(r.text));
                    origin_mark(out, at, "rule", name_, index);
                    out.put('\n');
                }
                ++index;
            }
        }
        out.put("\t}\n");
        origin_mark(out, first, "chain", name_);
    }
    // Whether rule #index stays in a script for the sink's target (an optional rule the
    // target cannot load is left out and reported).
    template <Sink S>
    bool keeps(S& out, const runtime_rule& r, long index) const {
        if (!r.optional || target_covers(out, r.summary->features)) return true;
        origin_skip(out, name_, index, r.summary->features, std::string_view(r.text));
        return false;
    }

private:
    template <class A>
    void add_item(const A& a) {
        if constexpr (std::is_same_v<A, chain_policy>) {
            policy_ = a;
            ++policies_;
        } else if constexpr (std::is_same_v<A, device_t>) {
            device_ = a.name;
            ++devices_;
        } else if constexpr (is_comment_v<A>) {
            comment_ = a.text;
            ++comments_;
        } else if constexpr (is_rule_list_v<A>) {
            rules_.reserve(rules_.size() + a.rules.size());
            for (const auto& r : a.rules) rules_.push_back(detail::make_runtime_rule(r, false));
        } else if constexpr (is_optional_rule_v<A>) {
            rules_.push_back(detail::make_runtime_rule(a.rule, true));
        } else {
            rules_.push_back(detail::make_runtime_rule(as_rule(a), false));
        }
    }

    std::string name_;
    base_spec spec_{};
    chain_policy policy_ = chain_policy::accept;
    std::optional<ifname> device_{};
    std::optional<comment_text> comment_{};
    std::vector<runtime_rule> rules_;
    int policies_ = 0;
    int devices_ = 0;
    int comments_ = 0;
};

// chain(name, rules...): a regular chain named from data.
template <class... A>
[[nodiscard]] runtime_chain chain(std::string name, const A&... args) {
    runtime_chain c(std::move(name), regular_spec);
    c.reserve(sizeof...(A));
    [[maybe_unused]] const int each[] = {0, (c.add(args), 0)...};  // not a fold: clang allows 256 operands
    return c;
}

// base_chain(name, spec, policy, device, rules...): a base chain named from data.
template <class... A>
[[nodiscard]] runtime_chain base_chain(std::string name, base_spec spec, const A&... args) {
    runtime_chain c(std::move(name), spec);
    c.reserve(sizeof...(A));
    [[maybe_unused]] const int each[] = {0, (c.add(args), 0)...};  // not a fold: clang allows 256 operands
    return c;
}

// A base chain's spec from values known only at run time (filter_chain(...) and its
// siblings need constants): the table's check refuses what the kernel would.
[[nodiscard]] constexpr base_spec make_base_spec(chain_type t, hook h, std::int64_t priority) noexcept {
    const bool in_range = priority >= std::numeric_limits<std::int32_t>::min() && priority <= std::numeric_limits<std::int32_t>::max();
    return base_spec{.priority = in_range ? static_cast<std::int32_t>(priority) : 0,
                     .is_base = true,
                     .type = t,
                     .hk = h,
                     .priority_in_range = in_range};
}

}  // namespace nftpp
