// SPDX-License-Identifier: Apache-2.0
#pragma once
// ct: connection tracking. `ct.state == (established | related)`,
// `ct.status == ct_status::dnat`, `ct.mark == 0x1`, `ct.mark.set(0x1)`,
// `ct.direction == ct_direction::original`. Every ct match needs conntrack, which only
// the ip, ip6 and inet families have.
#include <string_view>

#include <nftpp/expr/selector.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/expr/mark_setter.hpp>

namespace nftpp {

NFTPP_FEATURE(conntrack, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tct state established,related accept\n\t}\n}\n")
NFTPP_CHECK(conntrack_in_ip_ip6_inet,
    "ct matches and ct.mark.set(...) need connection tracking, which only ip, ip6 and inet tables have")

// Every ct match (and ct mark set) needs conntrack: the ip families, and the kernel feature.
inline constexpr part_facts ct_facts{
    .where = {.families = ip_families, .family_rule = &rules::conntrack_in_ip_ip6_inet}, .feature = &feature::conntrack};

struct ct_state_t : selector_t<ct_state_t, ct_state> {
    static constexpr std::string_view keyword = "ct state";
    static constexpr part_facts facts = ct_facts;
};
struct ct_status_t : selector_t<ct_status_t, ct_status> {
    static constexpr std::string_view keyword = "ct status";
    static constexpr part_facts facts = ct_facts;
};
struct ct_mark_t : selector_t<ct_mark_t, mark>, mark_setter<true> {
    static constexpr std::string_view keyword = "ct mark";
    static constexpr part_facts facts = ct_facts;
};
struct ct_direction_t : selector_t<ct_direction_t, ct_direction> {
    static constexpr std::string_view keyword = "ct direction";
    static constexpr part_facts facts = ct_facts;
};

struct ct_t {
    ct_state_t state;
    ct_status_t status;
    ct_mark_t mark;
    ct_direction_t direction;
};
inline constexpr ct_t ct{};

}  // namespace nftpp
