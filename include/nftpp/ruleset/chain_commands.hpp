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

    template <class E>
    constexpr void emit_to(E& e) const {
        const auto first = e.open();
        e.put("flush chain ");
        e.put(keyword(table_family));
        e.put(' ');
        e.put(table_name);
        e.put(' ');
        e.put(chain_name);
        e.put('\n');
        if (!std::is_constant_evaluated())
            e.mark(first, "flush chain", std::string(keyword(table_family)) + " " + std::string(table_name.view()), chain_name,
                   -1L);
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
