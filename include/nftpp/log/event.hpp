// SPDX-License-Identifier: Apache-2.0
#pragma once
// log_event: one packet an nft `log` statement logged, as typed fields: read from a kernel
// log line (parse.hpp, kmsg_reader.hpp) or from an nflog message (nflog.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include <nftpp/value/ipv4.hpp>
#include <nftpp/value/ipv6.hpp>

namespace nftpp::klog {

using address = std::variant<std::monostate, ipv4_addr, ipv6_addr>;

// The packet an ICMP or ICMPv6 error quotes: the part of the line in brackets,
// "[SRC=... DST=... LEN=... PROTO=TCP SPT=... DPT=... ]". Its fields never overwrite the
// outer ones.
struct inner_packet {
    address src;                         // SRC= of the quoted packet (the sender of the original)
    address dst;                         // DST=
    std::string proto;                   // PROTO=
    std::optional<std::uint16_t> spt;    // SPT=
    std::optional<std::uint16_t> dpt;    // DPT=
    std::optional<std::uint32_t> len;    // the first LEN=
    std::optional<std::uint32_t> l4_len; // the second LEN= (UDP)

    friend bool operator==(const inner_packet&, const inner_packet&) = default;
};

struct log_event {
    std::string prefix;                  // as the ruleset wrote it
    std::string in;                      // IN= (empty on the output path)
    std::string out;                     // OUT=
    std::optional<std::string> mac;      // MAC= (input side)
    address src;                         // SRC=
    address dst;                         // DST=
    std::string proto;                   // PROTO= (TCP, UDP, ICMP, ICMPv6, ...)
    std::optional<std::uint16_t> spt;    // SPT=
    std::optional<std::uint16_t> dpt;    // DPT=
    std::optional<std::uint32_t> uid;    // UID= (with `flags skuid`, when the packet has a local socket)
    std::optional<std::uint32_t> gid;    // GID=
    std::optional<std::uint32_t> len;    // the first LEN=: the IP packet length
    std::optional<std::uint32_t> l4_len; // the second LEN= on UDP lines: the UDP length
    std::optional<std::uint8_t> icmp_type;      // TYPE= on ICMP and ICMPv6 lines
    std::optional<std::uint8_t> icmp_code;      // CODE=
    std::optional<inner_packet> inner;          // the quoted packet of an ICMP error
    std::optional<std::uint64_t> sequence;      // /dev/kmsg record sequence number
    std::optional<std::uint64_t> timestamp_us;  // /dev/kmsg timestamp, or dmesg's [seconds.micro]
    std::optional<std::uint32_t> in_ifindex;    // nflog: the interface indexes in the namespace
    std::optional<std::uint32_t> out_ifindex;

    friend bool operator==(const log_event&, const log_event&) = default;
};

}  // namespace nftpp::klog
