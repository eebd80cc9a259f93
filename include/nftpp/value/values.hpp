// SPDX-License-Identifier: Apache-2.0
#pragma once
// value/: every datatype a match or statement takes, and nothing about rules.
// Addresses and prefixes, ranges, ports and numeric ids (one bounded_number template),
// interface names, quoted texts, names, flags (one flag_set template: ct state and status,
// tcp flags, log flags), protocols, ICMP types and codes, Ethernet addresses, and
// concatenations of them (concat_key). Each type parses literals at compile time
// (consteval constructors) and run-time text through parse(), which returns the same
// rule's sentence as an error, and renders itself (write_nft). A new value type is one
// header here: a number is a declaration on bounded_number, a set of flags one on flag_set.
// Builds on core/ only.
#include <nftpp/value/cgroup_path.hpp>
#include <nftpp/value/concat_key.hpp>
#include <nftpp/value/ct.hpp>
#include <nftpp/value/ct_helper.hpp>
#include <nftpp/value/ether.hpp>
#include <nftpp/value/fib.hpp>
#include <nftpp/value/flag_set.hpp>
#include <nftpp/value/header_fields.hpp>
#include <nftpp/value/raw_bits.hpp>
#include <nftpp/value/icmp.hpp>
#include <nftpp/value/ids.hpp>
#include <nftpp/value/ifindex.hpp>
#include <nftpp/value/ifname.hpp>
#include <nftpp/value/ipv4.hpp>
#include <nftpp/value/ipv6.hpp>
#include <nftpp/value/l4proto.hpp>
#include <nftpp/value/log_flags.hpp>
#include <nftpp/value/mss.hpp>
#include <nftpp/value/name.hpp>
#include <nftpp/value/port.hpp>
#include <nftpp/value/range.hpp>
#include <nftpp/value/tcp_flags.hpp>
#include <nftpp/value/text.hpp>
#include <nftpp/value/to_string.hpp>
