// SPDX-License-Identifier: Apache-2.0
#pragma once
// iifname / oifname: the input and output interface by name, `oifname == "lo"`,
// `iifname == "veth*"` (a trailing * matches a prefix). By name, not `iif`/`oif`:
// nft resolves those to an index in the namespace where it runs, and a device that does
// not exist yet would make the whole ruleset fail.
#include <nftpp/expr/meta.hpp>

namespace nftpp {

inline constexpr meta_iifname_t iifname{};
inline constexpr meta_oifname_t oifname{};

}  // namespace nftpp
