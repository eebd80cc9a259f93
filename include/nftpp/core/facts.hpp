// SPDX-License-Identifier: Apache-2.0
#pragma once
// facts: everything the checker needs to know about a node, as plain constexpr data.
//
// Every match and statement type carries `static constexpr part_facts facts`: what it
// pins the rule to (a network layer, a transport protocol), what it requires (to be last,
// a transport match before it, the table families, chain types and hooks it may stand
// in, a kernel feature) and, for each requirement, the rule whose sentence a violation
// gives (a pointer to an NFTPP_RULE rule declared next to the node). The checker
// (ruleset/rule_check.hpp, ruleset/family_rules.hpp, ruleset/chain_graph.hpp) is generic
// over these facts and names no node: a new statement declares its facts and, where no
// generic rule fits, its own rule in its own header.
//
// The same facts serve both times: a static ruleset is checked while it compiles, and a
// ruleset whose structure comes from data (names, counts) is checked by the same
// functions when it is built, over descriptors that point at the same facts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/hook.hpp>

namespace nftpp {

// Network layer a part pins the rule to (ip, ip6, arp) or `any`.
enum class layer3 : std::uint8_t { any, ip, ip6, arp };
// Transport protocol a part pins the rule to, or `any`.
enum class layer4 : std::uint8_t { any, tcp, udp, sctp, icmp, icmpv6 };

// Where a part may stand: the table families that have it, and the chain types and hooks
// of the base chains that may reach it (directly or through jumps). A violation gives the
// sentence of family_rule or hook_rule.
struct placement {
    std::uint8_t families = all_families;
    const rule* family_rule = nullptr;
    std::uint8_t chain_types = all_chain_types;
    std::uint8_t hooks = all_hooks;
    const rule* hook_rule = nullptr;

    [[nodiscard]] constexpr bool restricts() const noexcept {
        return families != all_families || chain_types != all_chain_types || hooks != all_hooks;
    }
};

struct part_facts {
    bool is_match = false;        // a match (relation) rather than a statement
    layer3 l3 = layer3::any;      // network layer this part pins the rule to
    layer4 l4 = layer4::any;      // transport protocol this part pins the rule to
    bool transport_match = false; // names tcp, udp or sctp: what a port NAT needs before it
    bool terminal = false;        // nothing may follow it
    bool verdict = false;         // accept drop reject jump goto return continue NAT vmap
    bool last = false;            // must be the rule's last part, once (comment)
    bool runtime_refs = false;    // names chains or sets by run-time values (jump_to, at_named):
                                  // only a table built at run time can check them

    // A network layer that conflicts with the rule's gives this sentence (default: the
    // generic "one network family per rule").
    const rule* l3_rule = nullptr;
    // Needs a transport match earlier in the rule (a NAT statement that maps a port).
    const rule* needs_transport = nullptr;
    // Only with this transport protocol, if the rule pins one (reject with tcp reset).
    layer4 only_l4 = layer4::any;
    const rule* l4_rule = nullptr;

    placement where{};
    const kernel_feature* feature = nullptr;  // a kernel feature this part needs
};

// A named set or map a node uses, and what it needs of it (the checker finds the set in
// the table and compares): "set" for a match, "vmap" for a verdict map, "map" for a data
// map whose values have value_type. Table objects other than sets (a ct helper) are
// referenced the same way, with their kind and the rule a missing one gives (`missing`;
// default: set_exists, and map_kind_matches_use for another kind of the same name).
struct set_ref_info {
    std::string_view set;
    std::string_view key_type;
    std::string_view kind = "set";
    std::string_view value_type{};
    const rule* missing = nullptr;
};

// What a node needs of a set's flags, and the rule a set without it gives: elements
// that expire (an entry timeout), or a set the packet path may add to (neither constant
// nor interval). A node declares `static constexpr std::array<set_flags_need, N>
// set_flags_needs`; set flags are values, so the table checks them when it is built
// (ruleset/table.hpp).
enum class set_need : std::uint8_t { expiring, updatable };
struct set_flags_need {
    std::string_view set;
    set_need need = set_need::updatable;
    const rule* broken = nullptr;
};

// What a node references, read by the checker from the node's type:
//   static constexpr std::array<std::string_view, N> chain_targets;  chains it may jump to
//   static constexpr std::array<set_ref_info, N> set_refs;           sets and maps it uses
// A node without them references nothing. A node whose references are run-time values
// (jump_to(name), at_named(name)) sets `runtime_refs` in its facts and has members
//   runtime_chain_targets() -> a range of std::string_view     chains it may jump to
//   runtime_set_refs()      -> a range of set_ref_info          sets and maps it uses
// which a table built at run time reads when the rule is added.
template <class P>
constexpr std::size_t chain_target_count() {
    if constexpr (requires { P::chain_targets.size(); }) return P::chain_targets.size();
    else return 0;
}
template <class P>
constexpr std::size_t set_ref_count() {
    if constexpr (requires { P::set_refs.size(); }) return P::set_refs.size();
    else return 0;
}

}  // namespace nftpp
