// SPDX-License-Identifier: Apache-2.0
#pragma once
// payload_t<Derived, T>: a packet header field (a selector_t) that a rule may also write,
// nft's payload statement: `ip.ttl.set(64)` is `ip ttl set 64`, `udp.checksum.set(0)`,
// `tcp.dport.set(8080)`, `ether.saddr.set(mac)`, `raw_nh<16, 16>.set(raw_bits<16>(0))`;
// from another field of the same datatype and header, `ip.daddr.set(ip.saddr)`.
// The statement it builds (payload_set_t) is defined in stmt/payload_set.hpp: here it is
// only named, and the member templates are instantiated where a rule uses them (the
// umbrella header, or stmt/payload_set.hpp, brings the definition), so expr/ names no
// header of stmt/.
//
// The value has the field's datatype and range (a ttl 0-255, a dscp 0-63): `ip.ttl.set(300)`
// does not compile. The kernel recomputes the header checksums (ip, and tcp/udp over
// the pseudo header) when a field under them changes.
#include <concepts>
#include <type_traits>

#include <nftpp/expr/selector.hpp>

namespace nftpp {

template <class Sel, class Src>
struct payload_set_t;

template <class Derived, class T>
struct payload_t;

// A header field a payload statement can write.
template <class F>
concept PayloadField = std::is_base_of_v<payload_t<F, typename F::value_type>, F>;

namespace detail {
// A field copied into another: same datatype, and the same header (its network layer,
// transport protocol and families), so that the copy pins nothing the target does not.
template <class To, class From>
concept payload_copy = PayloadField<From> && std::same_as<typename From::value_type, typename To::value_type> &&
                       From::facts.l3 == To::facts.l3 && From::facts.l4 == To::facts.l4 &&
                       From::facts.where.families == To::facts.where.families;
}  // namespace detail

template <class Derived, class T>
struct payload_t : selector_t<Derived, T> {
    // (D only defers the statement type to the point of use.)
    template <class D = Derived>
    [[nodiscard]] constexpr payload_set_t<D, T> set(const T& v) const noexcept {
        return {v};
    }
    template <class From, class D = Derived>
        requires detail::payload_copy<D, From>
    [[nodiscard]] constexpr payload_set_t<D, From> set(const From&) const noexcept {
        return {};
    }
};

}  // namespace nftpp
