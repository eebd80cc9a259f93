// SPDX-License-Identifier: Apache-2.0
#pragma once
// tcp.maxseg: the tcp maximum segment size option, `tcp option maxseg size`. Setting it
// clamps the MSS of a SYN (the statement is stmt/maxseg.hpp):
//   tcp.flags == syn >> tcp.maxseg.set(rt.mtu)    tcp flags syn tcp option maxseg size set rt mtu
//   tcp.flags == syn >> tcp.maxseg.set(1400)      tcp flags syn tcp option maxseg size set 1400
// The statement is only named here; its definition comes with the umbrella header or
// stmt/maxseg.hpp (as the mark setters do).
#include <nftpp/expr/rt.hpp>
#include <nftpp/value/mss.hpp>

namespace nftpp {

template <class Src>
struct maxseg_set_t;

struct tcp_maxseg_t {
    // (X only defers the statement type to the point of use.)
    template <class X = mss>
    [[nodiscard]] constexpr maxseg_set_t<X> set(mss size) const noexcept {
        return {size};
    }
    template <class X = rt_mtu_t>
    [[nodiscard]] constexpr maxseg_set_t<X> set(rt_mtu_t) const noexcept {
        return {};
    }
};

}  // namespace nftpp
