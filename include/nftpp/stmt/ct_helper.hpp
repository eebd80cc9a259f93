// SPDX-License-Identifier: Apache-2.0
#pragma once
// ct_helper_set<"name">: assign the table's ct helper object "name" to the connection,
// `ct helper set "name"` (the object: ruleset/ct_helper.hpp). The table must declare
// it (rules::ct_helper_exists); like every ct statement it needs conntrack, so ip, ip6
// and inet tables.
#include <array>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/ct.hpp>

namespace nftpp {

NFTPP_CHECK(ct_helper_exists,
    "ct_helper_set<\"name\"> names no ct helper of this table: add ct_helper<\"name\">(ct_helper_type::..., tcp) to the table, or fix the name")

template <fixed_string Name>
struct ct_helper_set_t {
    using statement_tag = void;
    static constexpr part_facts facts = ct_facts;
    static constexpr std::array<set_ref_info, 1> set_refs{{{Name.view(), "", "ct helper", {}, &rules::ct_helper_exists}}};

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_helper_set_t&) {
        out.put("ct helper set \"");
        out.put(Name.view());
        out.put('"');
    }
};

template <fixed_string Name>
inline constexpr ct_helper_set_t<Name> ct_helper_set{};

}  // namespace nftpp
