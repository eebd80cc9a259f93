// SPDX-License-Identifier: Apache-2.0
#pragma once
// exthdr: IPv6 extension headers (nft's exthdr expression).
//   exthdr.frag.exists()               exthdr frag exists       (also .missing())
//   exthdr.frag.more_fragments == 1    frag more-fragments 1
//   exthdr.frag.frag_off != 0          frag frag-off != 0
//   exthdr.frag.id, exthdr.frag.nexthdr == l4proto::udp
//   exthdr.rt.type == 0, exthdr.rt.seg_left > 0, exthdr.rt.hdrlength, exthdr.rt.nexthdr
//   exthdr.hbh / exthdr.dst: nexthdr, hdrlength
//   exthdr.mh.type == mh_types::binding_update, exthdr.mh.checksum, .nexthdr, .hdrlength
// The headers are hbh (hop-by-hop options), rt (routing), frag (fragment), dst
// (destination options) and mh (mobility). nft 1.0.6 has them in ip6, inet, bridge and
// netdev tables, on every hook ("cannot use exthdr with ip" in ip and arp tables, and in
// an inet rule that matched IPv4 before), so a match pins the rule to IPv6. `nexthdr` is
// the header after this one: it does not pin a transport protocol. The reserved fields
// and srh are not modelled.
#include <cstdint>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/expr/selector.hpp>

namespace nftpp {

NFTPP_CHECK(exthdr_only_for_ipv6_in_ip6_inet_bridge_netdev,
    "exthdr (IPv6 extension headers) is known in ip6, inet, bridge and netdev tables, for IPv6 packets "
    "(nft: cannot use exthdr with ip): match it in such a table, in a rule that does not match IPv4")

inline constexpr part_facts exthdr_facts{
    .l3 = layer3::ip6,
    .l3_rule = &rules::exthdr_only_for_ipv6_in_ip6_inet_bridge_netdev,
    .where = {.families = bit(family::ip6) | bit(family::inet) | bit(family::bridge) | bit(family::netdev),
              .family_rule = &rules::exthdr_only_for_ipv6_in_ip6_inet_bridge_netdev}};

namespace detail {

// A field of an extension header: `frag more-fragments` is exthdr_field_t<"frag more-fragments", frag_flag>.
template <fixed_string Keyword, class T>
struct exthdr_field_t : selector_t<exthdr_field_t<Keyword, T>, T> {
    static constexpr std::string_view keyword = Keyword.view();
    static constexpr part_facts facts = exthdr_facts;
};

// Whether the packet has the header: `exthdr frag exists`.
template <fixed_string Keyword>
struct exthdr_presence_t : selector_t<exthdr_presence_t<Keyword>, fib_presence> {
    static constexpr std::string_view keyword = Keyword.view();
    static constexpr part_facts facts = exthdr_facts;
};

template <fixed_string Presence>
struct exthdr_header_t {
    [[nodiscard]] constexpr rel_t<exthdr_presence_t<Presence>, op::eq, operand<fib_presence>> exists() const noexcept {
        return {fib_presence::exists};
    }
    [[nodiscard]] constexpr rel_t<exthdr_presence_t<Presence>, op::eq, operand<fib_presence>> missing() const noexcept {
        return {fib_presence::missing};
    }
};

}  // namespace detail

struct exthdr_hbh_t : detail::exthdr_header_t<"exthdr hbh"> {
    detail::exthdr_field_t<"hbh nexthdr", l4proto> nexthdr;
    detail::exthdr_field_t<"hbh hdrlength", header_byte> hdrlength;
};
struct exthdr_rt_t : detail::exthdr_header_t<"exthdr rt"> {
    detail::exthdr_field_t<"rt nexthdr", l4proto> nexthdr;
    detail::exthdr_field_t<"rt hdrlength", header_byte> hdrlength;
    detail::exthdr_field_t<"rt type", header_byte> type;
    detail::exthdr_field_t<"rt seg-left", header_byte> seg_left;
};
struct exthdr_frag_t : detail::exthdr_header_t<"exthdr frag"> {
    detail::exthdr_field_t<"frag nexthdr", l4proto> nexthdr;
    detail::exthdr_field_t<"frag frag-off", frag_offset> frag_off;
    detail::exthdr_field_t<"frag more-fragments", frag_flag> more_fragments;
    detail::exthdr_field_t<"frag id", frag_id> id;
};
struct exthdr_dst_t : detail::exthdr_header_t<"exthdr dst"> {
    detail::exthdr_field_t<"dst nexthdr", l4proto> nexthdr;
    detail::exthdr_field_t<"dst hdrlength", header_byte> hdrlength;
};
struct exthdr_mh_t : detail::exthdr_header_t<"exthdr mh"> {
    detail::exthdr_field_t<"mh nexthdr", l4proto> nexthdr;
    detail::exthdr_field_t<"mh hdrlength", header_byte> hdrlength;
    detail::exthdr_field_t<"mh type", mh_type> type;
    detail::exthdr_field_t<"mh checksum", nftpp::checksum> checksum;
};

struct exthdr_t {
    exthdr_hbh_t hbh;
    exthdr_rt_t rt;
    exthdr_frag_t frag;
    exthdr_dst_t dst;
    exthdr_mh_t mh;
};
inline constexpr exthdr_t exthdr{};

}  // namespace nftpp
