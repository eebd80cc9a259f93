// SPDX-License-Identifier: Apache-2.0
#pragma once
// expr/: selectors (packet fields with a datatype: ip, ip6, arp, tcp, udp, th, icmp, icmpv6,
// meta, ct, fib, iifname, oifname), numgen (a number made per packet, a key with state of
// its own: expr/key_expr.hpp), relations (sel == v, sel.in({...}), sel == at<"set">),
// operands and concatenations. Each selector declares its facts (the protocol it pins,
// the families it needs). Builds on core/ and value/; names no statement (the `.set()` of
// the mark selectors builds statements of stmt/ only where a rule uses it).
#include <nftpp/expr/arp.hpp>
#include <nftpp/expr/concat.hpp>
#include <nftpp/expr/ether.hpp>
#include <nftpp/expr/exthdr.hpp>
#include <nftpp/expr/bitwise.hpp>
#include <nftpp/expr/ct.hpp>
#include <nftpp/expr/fib.hpp>
#include <nftpp/expr/hash.hpp>
#include <nftpp/expr/icmp.hpp>
#include <nftpp/expr/interface.hpp>
#include <nftpp/expr/ip.hpp>
#include <nftpp/expr/ip6.hpp>
#include <nftpp/expr/key_expr.hpp>
#include <nftpp/expr/meta.hpp>
#include <nftpp/expr/numgen.hpp>
#include <nftpp/expr/raw_payload.hpp>
#include <nftpp/expr/rt.hpp>
#include <nftpp/expr/socket.hpp>
#include <nftpp/expr/transport.hpp>
