// SPDX-License-Identifier: Apache-2.0
#pragma once
// flush_chain<"name">(t): empty a chain of a loaded table, keeping the chain (its hook,
// policy, and the jumps into it), in the same transaction as anything else:
//   ruleset(flush_chain<"services">(t), add_rule<"services">(t, ...))
//                               flush chain inet t services
//                               add rule inet t services ...
// The way to rewrite one chain's rules atomically (kube-proxy rewrites its service chains
// so). The table is the declaration of what is loaded: the chain must be one of its chains
// (rules::table_has_chain).
#include <string>
#include <string_view>
#include <type_traits>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/ruleset/table.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

struct flush_chain_command_t {
    using command_tag = void;
    family table_family;
    name table_name;
    std::string_view chain_name;

    template <Sink S>
    friend constexpr void write_nft(S& out, const flush_chain_command_t& c) {
        origin_table(out, c.table_family, c.table_name.view());
        const origin_start first = origin_open(out);
        out.put("flush chain ");
        out.put(keyword(c.table_family));
        out.put(' ');
        write_nft(out, c.table_name);
        out.put(' ');
        out.put(c.chain_name);
        out.put('\n');
        origin_mark(out, first, "flush chain", c.chain_name);
    }
};

template <fixed_string Chain, class T>
    requires is_table_v<T>
[[nodiscard]] constexpr auto flush_chain(const T& t) {
    using C = typename detail::named_in<Chain, typename T::chains_type>::type;
    if constexpr (std::is_void_v<C>) {
        fire<&rules::table_has_chain, named<Chain>>();
        return 0;
    } else {
        return flush_chain_command_t{T::table_family, t.table_name, Chain.view()};
    }
}

}  // namespace nftpp
