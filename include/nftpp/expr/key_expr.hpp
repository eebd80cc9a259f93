// SPDX-License-Identifier: Apache-2.0
#pragma once
// Key expressions: what a match compares, a verdict map dispatches on, a NAT map looks up.
// Either a selector (an empty type whose nft text is its static `keyword`: `tcp dport`), or
// an expression with state of its own that renders itself (`numgen random mod 2`,
// expr/numgen.hpp): it declares `key_expression_tag`, its `value_type` and `facts`, and a
// write_nft. Nodes that hold a key (stmt/vmap.hpp, stmt/nat.hpp) keep the object and
// render it with write_key; a selector costs them nothing, being empty.
#include <type_traits>

#include <nftpp/core/sink.hpp>
#include <nftpp/expr/selector.hpp>

namespace nftpp {

template <class K>
concept StatefulKey = requires(count_sink& s, const K& k) {
    typename K::key_expression_tag;
    typename K::value_type;
    K::facts;
    write_nft(s, k);
};

template <class K>
concept KeyExpr = Selector<K> || StatefulKey<K>;

// The nft text of a key: a selector's keyword, or what the expression writes.
template <Sink S, KeyExpr K>
constexpr void write_key(S& out, const K& k) {
    if constexpr (StatefulKey<K>) write_nft(out, k);
    else out.put(K::keyword);
}

// Checks one key (of a vmap or map) or compared value against what the expression can
// produce, where the expression says (numgen: its range); nothing for a selector.
template <KeyExpr K, class V>
constexpr void check_key_value(const K& k, const V& v) {
    if constexpr (requires { k.check_value(v); }) k.check_value(v);
    else (void)k, (void)v;
}

}  // namespace nftpp
