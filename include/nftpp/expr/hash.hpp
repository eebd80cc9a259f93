// SPDX-License-Identifier: Apache-2.0
#pragma once
// jhash and symhash: a number from a hash of the packet, from K to K+N-1, as numgen's
// (expr/numgen.hpp: the same checks on mod, offset and the values compared with it, and
// the same uses in matches, verdict maps and NAT maps):
//   jhash(ip.saddr).mod(2) == 0                    jhash ip saddr mod 2 0
//   jhash(ip.saddr, tcp.dport).mod(4).seed(0xdead).offset(10)
//                                                  jhash ip saddr . tcp dport mod 4 seed 0xdead offset 10
//   symhash.mod(2) >> vmap(on(0, jump<"a">), on(1, jump<"b">))
//                                                  symhash mod 2 vmap { 0 : jump a, 1 : jump b }
//   dnat(ip, jhash(ip.saddr).mod(2), {{0, "10.0.0.1"}, {1, "10.0.0.2"}})
// jhash hashes the fields it names, so it pins the rule as they do: a jhash of ip saddr is
// an ip rule (nft in an ip6 table: "conflicting protocols specified: ip6 vs. ip"), and
// fields of two network families in one jhash do not compile
// (rules::jhash_fields_of_one_network_family). symhash hashes the flow's addresses and
// ports symmetrically (both directions give the same number) and pins nothing.
#include <cstdint>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/numgen.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/value/concat_key.hpp>

namespace nftpp {

NFTPP_CHECK(jhash_fields_of_one_network_family,
    "jhash(...) hashes fields of two network families (nft: conflicting protocols specified): hash ip fields or ip6 fields, not both")

namespace detail {
template <class... Sel>
inline constexpr auto jhash_fields_v =
    join_text<joined_size(" . ", std::string_view(Sel::keyword)...)>(" . ", std::string_view(Sel::keyword)...);
template <class... Sel>
constexpr layer3 jhash_layer3() {
    layer3 l = layer3::any;
    for (layer3 x : {Sel::facts.l3...})
        if (x != layer3::any) l = x;
    return l;
}
template <class... Sel>
constexpr bool jhash_one_layer3() {
    layer3 l = layer3::any;
    for (layer3 x : {Sel::facts.l3...}) {
        if (x == layer3::any) continue;
        if (l != layer3::any && l != x) return false;
        l = x;
    }
    return true;
}
}  // namespace detail

// `jhash FIELDS mod N [seed S]`: what comes before the offset.
template <class... Sel>
struct jhash_source {
    static constexpr part_facts facts{.l3 = detail::jhash_layer3<Sel...>()};
    std::uint32_t seed = 0;
    bool seeded = false;

    template <Sink S>
    constexpr void write_head(S& out) const {
        out.put("jhash ");
        out.put(detail::jhash_fields_v<Sel...>.view());
    }
    template <Sink S>
    constexpr void write_tail(S& out) const {
        if (!seeded) return;
        out.put(" seed ");
        put_hex(out, seed);
    }
};

struct symhash_source {
    static constexpr part_facts facts{};
    template <Sink S>
    constexpr void write_head(S& out) const {
        out.put("symhash");
    }
    template <Sink S>
    constexpr void write_tail(S&) const {}
};

template <class... Sel>
using jhash_t = number_key_t<jhash_source<Sel...>>;
using symhash_t = number_key_t<symhash_source>;

// jhash(fields...): .mod(N) makes the expression; .seed(S) after it sets the hash's seed
// (written as nft lists it: seed 0xdead).
template <class... Sel>
struct jhash_fields_t {
    [[nodiscard]] constexpr jhash_t<Sel...> mod(numgen_modulus n) const noexcept { return {{}, n.n, 0}; }
};
template <class... Sel>
    requires(sizeof...(Sel) >= 1 && (Selector<Sel> && ...))
[[nodiscard]] constexpr jhash_fields_t<Sel...> jhash(const Sel&...) noexcept {
    if constexpr (!detail::jhash_one_layer3<Sel...>()) (void)assert_jhash_fields_of_one_network_family_t<Sel...>::value;
    return {};
}
struct symhash_group_t {
    [[nodiscard]] constexpr symhash_t mod(numgen_modulus n) const noexcept { return {{}, n.n, 0}; }
};
inline constexpr symhash_group_t symhash{};

}  // namespace nftpp
