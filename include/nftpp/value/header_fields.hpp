// SPDX-License-Identifier: Apache-2.0
#pragma once
// Numbers of packet header and metadata fields, each its own type with the range nft and
// the kernel give it (nft refuses more: "Value 64 exceeds valid range 0-63"):
//   dscp        ip dscp, ip6 dscp            0-63, decimal (nft lists names: 46 is ef)
//   flowlabel   ip6 flowlabel                0-1048575 (20 bits)
//   ether_type  ether type, vlan type        0-0xffff, written 0x0800 (nft lists ip)
//   vlan_id     vlan id                      0-4095 (12 bits)
//   pkt_type    meta pkttype                 0-255 (host 0, broadcast 1, multicast 2, other 3)
//   cgroup_id   meta cgroup                  0-4294967295 (a net_cls class id)
//   ip_version  ip version, ip6 version      0-15 (4 bits: 4 in IPv4 headers, 6 in IPv6)
//   arp_op      arp operation                0-0xffff (arp_ops::request 1, reply 2 ...)
//   checksum    ip, tcp and udp checksum     0-65535 (`udp.checksum.set(0)`: no checksum);
//               mh checksum
//   header_byte IPv6 extension header bytes  0-255 (hbh/rt/dst/mh hdrlength, rt type, rt seg-left)
//   frag_offset frag frag-off                0-8191 (13 bits, in units of 8 bytes)
//   frag_flag   frag more-fragments          0 or 1
//   frag_id     frag id                      0-4294967295
//   mh_type     mh type                      0-255 (mh_types::binding_update 5 ...; nft lists names)
// Those nft has a set datatype for (dscp, ether_type, pkt_type, arp_op, mh_type) have an nft_type; the
// others are plain integers to nft (a set of them needs nft's `typeof`); of those, the
// extension header fields say so with an nft_type starting with '@', as raw payload
// values do, so that a set of them declared without key_typeof is refused.
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/value/bounded_number.hpp>

namespace nftpp {

NFTPP_RULE(a_dscp_is_a_number_from_0_to_63, "a dscp is a number from 0 to 63 (ef is 46, cs1 is 8: dscp_class::ef ...)")
NFTPP_RULE(a_flow_label_is_a_number_from_0_to_1048575, "an ip6 flow label is a number from 0 to 1048575 (20 bits)")
NFTPP_RULE(an_ether_type_is_a_number_from_0_to_0xffff,
           "an ether type is a number from 0 to 0xffff (ether_types::ip is 0x0800, ether_types::ip6 0x86dd ...)")
NFTPP_RULE(a_vlan_id_is_a_number_from_0_to_4095, "a vlan id is a number from 0 to 4095 (12 bits)")
NFTPP_RULE(a_packet_type_is_a_number_from_0_to_255,
           "a packet type is a number from 0 to 255 (pkt_types::host 0, broadcast 1, multicast 2, other 3)")
NFTPP_RULE(a_cgroup_class_id_is_a_number_from_0_to_4294967295, "a cgroup class id is a number from 0 to 4294967295")
NFTPP_RULE(an_ip_version_is_a_number_from_0_to_15, "an ip version is a number from 0 to 15 (4 bits: 4 for IPv4, 6 for IPv6)")
NFTPP_RULE(a_checksum_is_a_number_from_0_to_65535, "a checksum is a number from 0 to 65535 (16 bits)")
NFTPP_RULE(a_header_byte_is_a_number_from_0_to_255,
           "an extension header byte (hdrlength, rt type, rt seg-left) is a number from 0 to 255")
NFTPP_RULE(a_fragment_offset_is_a_number_from_0_to_8191,
           "a fragment offset (exthdr.frag.frag_off) is a number from 0 to 8191 (13 bits, in units of 8 bytes)")
NFTPP_RULE(a_fragment_flag_is_0_or_1, "exthdr.frag.more_fragments is 0 or 1 (1: more fragments follow)")
NFTPP_RULE(a_fragment_id_is_a_number_from_0_to_4294967295, "a fragment id (exthdr.frag.id) is a number from 0 to 4294967295")
NFTPP_RULE(a_mobility_header_type_is_a_number_from_0_to_255,
           "a mobility header type is a number from 0 to 255 (mh_types::binding_update is 5, binding_error 7 ...)")
NFTPP_RULE(an_arp_operation_is_a_number_from_0_to_0xffff,
           "an arp operation is a number from 0 to 0xffff (arp_ops::request is 1, arp_ops::reply 2 ...)")

struct dscp : bounded_number<dscp, std::uint8_t, 63, rules::a_dscp_is_a_number_from_0_to_63> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval dscp(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "dscp";
};
struct flowlabel : bounded_number<flowlabel, std::uint32_t, 1048575, rules::a_flow_label_is_a_number_from_0_to_1048575> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval flowlabel(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};
struct ether_type : bounded_number<ether_type, std::uint16_t, 0xffff, rules::an_ether_type_is_a_number_from_0_to_0xffff,
                                   number_format{.hex = true, .width = 4}> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval ether_type(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "ether_type";
};
struct vlan_id : bounded_number<vlan_id, std::uint16_t, 4095, rules::a_vlan_id_is_a_number_from_0_to_4095> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval vlan_id(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};
struct pkt_type : bounded_number<pkt_type, std::uint8_t, 255, rules::a_packet_type_is_a_number_from_0_to_255> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval pkt_type(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "pkt_type";
};
struct cgroup_id : bounded_number<cgroup_id, std::uint32_t, 4294967295u, rules::a_cgroup_class_id_is_a_number_from_0_to_4294967295> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval cgroup_id(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};
struct ip_version : bounded_number<ip_version, std::uint8_t, 15, rules::an_ip_version_is_a_number_from_0_to_15> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval ip_version(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};
struct arp_op : bounded_number<arp_op, std::uint16_t, 0xffff, rules::an_arp_operation_is_a_number_from_0_to_0xffff> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval arp_op(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "arp_op";
};
struct checksum : bounded_number<checksum, std::uint16_t, 0xffff, rules::a_checksum_is_a_number_from_0_to_65535> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval checksum(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};
struct header_byte : bounded_number<header_byte, std::uint8_t, 255, rules::a_header_byte_is_a_number_from_0_to_255> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval header_byte(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "@header_byte";  // none in nft: a set of them takes key_typeof
};
struct frag_offset : bounded_number<frag_offset, std::uint16_t, 8191, rules::a_fragment_offset_is_a_number_from_0_to_8191> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval frag_offset(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "@frag_offset";  // none in nft: a set of them takes key_typeof
};
struct frag_flag : bounded_number<frag_flag, std::uint8_t, 1, rules::a_fragment_flag_is_0_or_1> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval frag_flag(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "@frag_flag";  // none in nft: a set of them takes key_typeof
};
struct frag_id : bounded_number<frag_id, std::uint32_t, 4294967295u, rules::a_fragment_id_is_a_number_from_0_to_4294967295> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval frag_id(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "@frag_id";  // none in nft: a set of them takes key_typeof
};
struct mh_type : bounded_number<mh_type, std::uint8_t, 255, rules::a_mobility_header_type_is_a_number_from_0_to_255> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval mh_type(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
    static constexpr std::string_view nft_type = "mh_type";
};

// The names nft gives these numbers.
namespace dscp_class {
inline constexpr dscp cs0 = 0, cs1 = 8, cs2 = 16, cs3 = 24, cs4 = 32, cs5 = 40, cs6 = 48, cs7 = 56;
inline constexpr dscp af11 = 10, af12 = 12, af13 = 14, af21 = 18, af22 = 20, af23 = 22;
inline constexpr dscp af31 = 26, af32 = 28, af33 = 30, af41 = 34, af42 = 36, af43 = 38;
inline constexpr dscp ef = 46, df = 0, le = 1;
}  // namespace dscp_class
namespace ether_types {
inline constexpr ether_type ip = 0x0800, arp = 0x0806, ip6 = 0x86dd, vlan = 0x8100, qinq = 0x88a8;
}  // namespace ether_types
namespace arp_ops {
inline constexpr arp_op request = 1, reply = 2, rrequest = 3, rreply = 4, inrequest = 8, inreply = 9, nak = 10;
}  // namespace arp_ops
namespace mh_types {  // nft's names, '-' written '_'
inline constexpr mh_type binding_refresh_request = 0, home_test_init = 1, careof_test_init = 2, home_test = 3,
                         careof_test = 4, binding_update = 5, binding_acknowledgement = 6, binding_error = 7,
                         fast_binding_update = 8, fast_binding_acknowledgement = 9, fast_binding_advertisement = 10,
                         experimental_mobility_header = 11, home_agent_switch_message = 12;
}  // namespace mh_types
namespace pkt_types {
inline constexpr pkt_type host = 0, broadcast = 1, multicast = 2, other = 3;
}  // namespace pkt_types

}  // namespace nftpp
