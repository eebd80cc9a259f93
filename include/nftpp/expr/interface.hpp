// SPDX-License-Identifier: Apache-2.0
#pragma once
// iifname / oifname: the input and output interface by name, `oifname == "lo"`,
// `iifname == "veth*"` (a trailing * matches a prefix). These are the ones to use for
// interfaces that come and go.
// iif / oif: the interface by index, `iif == "lo"`, `oif == 2`. nft resolves a name to its
// index when it loads the rules, in the namespace where it runs: a device that does not
// exist there makes the whole load fail, and one created later is not matched. Fit for
// "lo" and devices that live as long as the ruleset.
#include <string_view>

#include <nftpp/expr/meta.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/value/ifindex.hpp>

namespace nftpp {

template <> struct operand_traits<ifindex> {
    static constexpr bool integer_literal = true;
    static constexpr bool text_literal = true;
    static constexpr bool ranges = false;  // "br-lan" is a name, not a range
    static constexpr bool ordered = false;
    using prefix_type = void;
};

struct meta_iif_t : selector_t<meta_iif_t, ifindex> {
    static constexpr std::string_view keyword = "iif";
    static constexpr part_facts facts{};
};
struct meta_oif_t : selector_t<meta_oif_t, ifindex> {
    static constexpr std::string_view keyword = "oif";
    static constexpr part_facts facts{};
};

inline constexpr meta_iifname_t iifname{};
inline constexpr meta_oifname_t oifname{};
inline constexpr meta_iif_t iif{};
inline constexpr meta_oif_t oif{};

}  // namespace nftpp
