// SPDX-License-Identifier: Apache-2.0
#pragma once
// Transport headers: tcp, udp and th (any transport header with ports).
// `tcp.dport == 22`, `udp.dport.in({53, 123})`, `tcp.flags == syn`, `th.dport == 53`,
// `udp.checksum == 0`. Each field can also be written: `tcp.dport.set(8080)` (expr/payload.hpp).
// The objects `tcp` and `udp` are also protocol constants: `meta.l4proto == udp`.
//
// Flag matches use nft's implicit operator: `tcp.flags == syn` renders `tcp flags syn`,
// which holds when SYN is set (any of the listed flags), as nft defines it.
#include <string_view>

#include <nftpp/expr/payload.hpp>
#include <nftpp/expr/tcp_option.hpp>

namespace nftpp {

inline constexpr part_facts tcp_facts{.l4 = layer4::tcp, .transport_match = true};
inline constexpr part_facts udp_facts{.l4 = layer4::udp, .transport_match = true};
// th names no protocol: it pins nothing, and nft does not take it as the transport match
// a port NAT or tproxy needs (`th dport 80 redirect to :8080` is refused).
inline constexpr part_facts th_facts{};

struct tcp_sport_t : payload_t<tcp_sport_t, port> {
    static constexpr std::string_view keyword = "tcp sport";
    static constexpr part_facts facts = tcp_facts;
};
struct tcp_dport_t : payload_t<tcp_dport_t, port> {
    static constexpr std::string_view keyword = "tcp dport";
    static constexpr part_facts facts = tcp_facts;
};
struct tcp_flags_t : payload_t<tcp_flags_t, tcp_flags> {
    static constexpr std::string_view keyword = "tcp flags";
    static constexpr part_facts facts = tcp_facts;
};
struct tcp_checksum_t : payload_t<tcp_checksum_t, checksum> {
    static constexpr std::string_view keyword = "tcp checksum";
    static constexpr part_facts facts = tcp_facts;
};
struct udp_sport_t : payload_t<udp_sport_t, port> {
    static constexpr std::string_view keyword = "udp sport";
    static constexpr part_facts facts = udp_facts;
};
struct udp_dport_t : payload_t<udp_dport_t, port> {
    static constexpr std::string_view keyword = "udp dport";
    static constexpr part_facts facts = udp_facts;
};
struct udp_checksum_t : payload_t<udp_checksum_t, checksum> {
    static constexpr std::string_view keyword = "udp checksum";
    static constexpr part_facts facts = udp_facts;
};
struct th_sport_t : payload_t<th_sport_t, port> {
    static constexpr std::string_view keyword = "th sport";
    static constexpr part_facts facts = th_facts;
};
struct th_dport_t : payload_t<th_dport_t, port> {
    static constexpr std::string_view keyword = "th dport";
    static constexpr part_facts facts = th_facts;
};

struct tcp_t {
    static constexpr layer4 protocol_layer4 = layer4::tcp;
    tcp_sport_t sport;
    tcp_dport_t dport;
    tcp_flags_t flags;
    tcp_checksum_t checksum;
    tcp_maxseg_t maxseg;  // tcp.maxseg.set(rt.mtu): expr/tcp_option.hpp
};
struct udp_t {
    static constexpr layer4 protocol_layer4 = layer4::udp;
    udp_sport_t sport;
    udp_dport_t dport;
    udp_checksum_t checksum;
};
struct th_t {
    th_sport_t sport;
    th_dport_t dport;
};

inline constexpr tcp_t tcp{};
inline constexpr udp_t udp{};
inline constexpr th_t th{};

}  // namespace nftpp
