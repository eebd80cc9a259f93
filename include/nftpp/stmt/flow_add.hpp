// SPDX-License-Identifier: Apache-2.0
#pragma once
// flow_add<"ft">: put the packet's connection into the table's flowtable "ft"
// (ruleset/flowtable.hpp), so that its later packets take the fast path from the ingress
// hook of the flowtable's devices and skip the rest of the stack (`flow add @ft`).
//   meta.l4proto.in({tcp, udp}) >> flow_add<"ft">
// Only on the forward hook (the kernel checks it at commit, also through a jump), only in
// ip, ip6 and inet tables. Not a verdict: the packet goes on through the rule's chain.
// The kernel may lack flowtables (nf_flow_table, nft_flow_offload): feature::flowtable,
// probed like the others; write the rule as optional_rule(...) where the target may lack
// them, and the flowtable is left out with it (ruleset/flowtable.hpp).
#include <array>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/hook.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

NFTPP_FEATURE(flowtable,
              "table inet nftpp_probe {\n\tflowtable f {\n\t\thook ingress priority 0\n\t\tdevices = { \"lo\" }\n\t}\n"
              "\tchain c {\n\t\ttype filter hook forward priority 0; policy accept;\n\t\tmeta l4proto tcp flow add @f\n\t}\n}\n")
NFTPP_CHECK(flow_add_only_in_ip_ip6_inet,
    "flow_add<\"...\"> exists only in ip, ip6 and inet tables (so do flowtables): move the rule and its flowtable to one of those")
NFTPP_CHECK(flow_add_only_on_forward,
    "flow_add<\"...\"> is only valid on the forward hook (the kernel refuses it elsewhere at commit), also when reached through a jump: move it to a base chain on hook::forward")
NFTPP_CHECK(flowtable_exists,
    "flow_add<\"name\"> names no flowtable of this table: add flowtable<\"name\">(devices(...)) to the table, or fix the name")

template <fixed_string Name>
struct flow_add_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    using statement_tag = void;
    static constexpr part_facts facts{
        .where = {.families = ip_families,
                  .family_rule = &rules::flow_add_only_in_ip_ip6_inet,
                  .hooks = bit(hook::forward),
                  .hook_rule = &rules::flow_add_only_on_forward},
        .feature = &feature::flowtable};
    static constexpr std::array<set_ref_info, 1> set_refs{{{Name.view(), "", "flowtable", {}, &rules::flowtable_exists}}};

    template <Sink S>
    friend constexpr void write_nft(S& out, const flow_add_t&) {
        out.put("flow add @");
        out.put(Name.view());
    }
};
template <fixed_string Name>
inline constexpr flow_add_t<Name> flow_add{};

}  // namespace nftpp
