// SPDX-License-Identifier: Apache-2.0
#pragma once
// counter: count packets and bytes that reach this point of the rule.
//   counter                    counter (the rule's own)
//   counter_name<"c">          counter name "c": the table's named_counter<"c">()
//                              (ruleset/named_counter.hpp); a missing one is counter_exists
#include <array>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

NFTPP_CHECK(counter_exists,
    "counter_name<\"name\"> names no counter of this table: add named_counter<\"name\">() to the table, or fix the name")

struct counter_t {
    using statement_tag = void;
    static constexpr part_facts facts{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const counter_t&) {
        out.put("counter");
    }
};
inline constexpr counter_t counter{};

template <fixed_string Name>
struct counter_name_t {
    using statement_tag = void;
    static constexpr part_facts facts{};
    static constexpr std::array<set_ref_info, 1> set_refs{{{Name.view(), "", "counter", {}, &rules::counter_exists}}};

    template <Sink S>
    friend constexpr void write_nft(S& out, const counter_name_t&) {
        out.put("counter name \"");
        out.put(Name.view());
        out.put('"');
    }
};
template <fixed_string Name>
inline constexpr counter_name_t<Name> counter_name{};

}  // namespace nftpp
