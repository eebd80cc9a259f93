// SPDX-License-Identifier: Apache-2.0
#pragma once
// payload_set_t: nft's payload statement, `ip ttl set 64`, `udp checksum set 0`,
// `@nh,16,16 set 0`, `ip daddr set ip saddr`; spelled `ip.ttl.set(64)`,
// `udp.checksum.set(0)`, `raw_nh<16, 16>.set(raw_bits<16>(0))`, `ip.daddr.set(ip.saddr)`
// (expr/payload.hpp gives the fields their `.set`).
//
// It has the field's facts, as a match on the field has them: `ip.ttl.set(64)` pins the
// rule to IPv4 (an inet rule then only sees IPv4 packets, an ip6 table refuses it),
// `tcp.dport.set(8080)` to tcp (beside a udp match nft refuses the rule: conflicting
// protocols), `arp.saddr.ip.set(...)` to arp, bridge and netdev tables. Setting a tcp or
// udp field counts as the transport match a port NAT needs, as nft takes it
// (`tcp.dport.set(80) >> redirect(8080)`). Any chain type and hook.
// Not a verdict: `udp.dport == 4789 >> udp.checksum.set(0) >> accept`.
#include <type_traits>

#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/payload.hpp>
#include <nftpp/value/l4proto.hpp>

namespace nftpp {

template <class Sel, class Src>
struct payload_set_t {
    using statement_tag = void;
    static constexpr part_facts facts = [] {
        part_facts f = Sel::facts;
        f.is_match = false;
        return f;
    }();
    // The value (a T), or the (empty) field it is copied from.
    [[no_unique_address]] Src value;

    template <Sink S>
    friend constexpr void write_nft(S& out, const payload_set_t& p) {
        out.put(Sel::keyword);
        out.put(" set ");
        if constexpr (PayloadField<Src>) out.put(Src::keyword);
        else if constexpr (std::is_same_v<Src, l4proto>) put_uint(out, p.value.number);  // (nft reads `set udp` as a udp field)
        else write_nft(out, p.value);
    }
};

}  // namespace nftpp
