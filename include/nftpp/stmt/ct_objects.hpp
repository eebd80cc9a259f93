// SPDX-License-Identifier: Apache-2.0
#pragma once
// ct_timeout_set<"name"> and ct_expectation_set<"name">: give the connection the table's
// ct timeout or ct expectation object "name" (`ct timeout set "name"`, `ct expectation set
// "name"`; the objects: ruleset/ct_timeout.hpp, ruleset/ct_expectation.hpp). The table
// must declare it; like every ct statement they need conntrack, so ip, ip6 and inet tables.
#include <array>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/ct.hpp>

namespace nftpp {

NFTPP_CHECK(ct_timeout_exists,
    "ct_timeout_set<\"name\"> names no ct timeout of this table: add ct_timeout<\"name\">(tcp_timeouts{...}) to the table, or fix the name")
NFTPP_CHECK(ct_expectation_exists,
    "ct_expectation_set<\"name\"> names no ct expectation of this table: add ct_expectation<\"name\">(tcp, port, timeout, size) to the table, or fix the name")

namespace detail {
template <fixed_string Name, fixed_string Keyword, const rule& Exists>
struct ct_object_set_t {
    using statement_tag = void;
    static constexpr part_facts facts = ct_facts;
    static constexpr std::array<set_ref_info, 1> set_refs{{{Name.view(), "", Keyword.view(), {}, &Exists}}};

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_object_set_t&) {
        out.put(Keyword.view());
        out.put(" set \"");
        out.put(Name.view());
        out.put('"');
    }
};
}  // namespace detail

template <fixed_string Name>
inline constexpr detail::ct_object_set_t<Name, "ct timeout", rules::ct_timeout_exists> ct_timeout_set{};
template <fixed_string Name>
inline constexpr detail::ct_object_set_t<Name, "ct expectation", rules::ct_expectation_exists> ct_expectation_set{};

}  // namespace nftpp
