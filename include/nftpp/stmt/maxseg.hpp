// SPDX-License-Identifier: Apache-2.0
#pragma once
// maxseg_set_t: MSS clamping, `tcp option maxseg size set rt mtu` and `... set 1400`,
// spelled tcp.maxseg.set(rt.mtu) and tcp.maxseg.set(1400). It pins the rule to tcp (on
// other packets it would do nothing, so a udp match beside it is refused as two transport
// protocols). With rt.mtu it carries rt.mtu's placement: forward, output and postrouting,
// ip, ip6 and inet tables. Not a verdict: `... >> tcp.maxseg.set(rt.mtu) >> accept`.
#include <type_traits>

#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/rt.hpp>
#include <nftpp/expr/tcp_option.hpp>
#include <nftpp/value/mss.hpp>

namespace nftpp {

template <class Src>
struct maxseg_set_t {
    using statement_tag = void;
    static constexpr part_facts facts = [] {
        part_facts f{.l4 = layer4::tcp};
        if constexpr (std::is_same_v<Src, rt_mtu_t>) f.where = rt_mtu_t::facts.where;
        return f;
    }();
    [[no_unique_address]] Src size;

    template <Sink S>
    friend constexpr void write_nft(S& out, const maxseg_set_t& m) {
        out.put("tcp option maxseg size set ");
        write_nft(out, m.size);
    }
};

}  // namespace nftpp
