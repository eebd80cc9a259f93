#pragma once
// All selectors: ip, ip6, tcp, udp, th, icmp, icmpv6, meta, ct, iifname, oifname.
#include <nftpp/expr/concat.hpp>
#include <nftpp/expr/ct.hpp>
#include <nftpp/expr/icmp.hpp>
#include <nftpp/expr/interface.hpp>
#include <nftpp/expr/ip.hpp>
#include <nftpp/expr/ip6.hpp>
#include <nftpp/expr/meta.hpp>
#include <nftpp/expr/transport.hpp>
#include <nftpp/expr/vmap.hpp>
