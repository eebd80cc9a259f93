// SPDX-License-Identifier: Apache-2.0
#pragma once
// set_ref_t<Name>: a reference `@name` to a named set or map of the same table.
// Spelled `at<"allowed">` (nft's `@allowed`). The table checks that the set exists and
// that its key datatype is the selector's.
#include <string>
#include <utility>

#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

template <fixed_string Name>
struct set_ref_t {
    static constexpr auto name = Name;
    static constexpr bool is_set_reference = true;

    template <Sink S>
    friend constexpr void write_nft(S& out, const set_ref_t&) {
        out.put('@');
        out.put(Name.view());
    }
};

template <fixed_string Name>
inline constexpr set_ref_t<Name> at{};

// at_named(name): `@name` for a set or map named at run time. A rule that uses it belongs
// in a table built at run time (ruleset/runtime_table.hpp), which finds the set there and
// compares its kind and key when the table is checked.
struct named_set_ref_t {
    static constexpr bool is_runtime_set_reference = true;
    static constexpr part_facts facts{.runtime_refs = true};
    std::string name;

    template <Sink S>
    friend constexpr void write_nft(S& out, const named_set_ref_t& r) {
        out.put('@');
        out.put(r.name);
    }
};
[[nodiscard]] inline named_set_ref_t at_named(std::string name) { return {std::move(name)}; }

}  // namespace nftpp
