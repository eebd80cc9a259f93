// SPDX-License-Identifier: Apache-2.0
#pragma once
// set_ref_t<Name>: a reference `@name` to a named set or map of the same table.
// Spelled `at<"allowed">` (nft's `@allowed`). The table checks that the set exists and
// that its key datatype is the selector's.
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

}  // namespace nftpp
