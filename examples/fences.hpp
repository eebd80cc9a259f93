// SPDX-License-Identifier: Apache-2.0
#pragma once
// The sandbox fences of the examples, as functions of their run-time values, shared by
// the example programs and the tests that load them for real.
//
// Optional rules. Kernels built without conntrack or the log/limit expressions refuse a
// whole batch that uses them. The rules a fence can do without are marked optional_rule(...)
// and nftpp::apply_with_probes leaves them out (and says so) when a probe finds the
// feature missing, still in one transaction. Only rules whose absence makes the fence
// quieter or stricter are optional: the log rules (nothing is logged, everything is still
// refused) and the conntrack accept (replies of connections accepted in other directions
// are refused too: fail closed). The accepts of the proxy and of loopback and the rejects
// are required: without them the fence would not be the fence, so the apply fails whole.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nftpp/apply.hpp>
#include <nftpp/nftpp.hpp>

namespace fences {

using namespace nftpp;

// Log at most 5 lines a second (burst 10) per kind of traffic. The limit sits in its own
// rule: in one rule with the reject, packets over the rate would skip the reject too.
inline constexpr auto log_rate = limit(5 / second, burst(10));

// Where blocked attempts are logged: the kernel log with the socket's uid (`flags skuid`,
// read from /dev/kmsg; other namespaces need net.netfilter.nf_log_all_netns=1), or nflog
// group N (`log prefix ... group N`, read from a socket inside the sandbox's namespace,
// which carries the uid by itself; nftpp::klog::nflog_reader).
inline log_t bypass_log(const log_prefix& prefix, std::optional<log_group> nflog_group = std::nullopt) {
    return nflog_group ? log(prefix, group(*nflog_group)) : log(prefix, skuid);
}

namespace detail {
// §1 and §2 share everything after their own accepts.
template <class... Accepts>
auto bypass_table(const name& table_name, const log_t& logged, const Accepts&... accepts) {
    return table<family::inet>(table_name,
        base_chain<"output", filter_chain(hook::output)>(policy::accept,
            accepts...,
            optional_rule(ct.state == (established | related) >> accept),
            optional_rule(tcp.flags == syn >> log_rate >> logged),
            meta.l4proto == tcp >> reject(tcp_reset),
            optional_rule(meta.l4proto == udp >> log_rate >> logged),
            meta.l4proto == udp >> reject(icmpx_code::port_unreachable)));
}
}  // namespace detail

// §1: inside a sandbox's network namespace. Only the proxy, loopback and replies get out;
// every other connection attempt, IPv4 or IPv6, is logged with the process uid and
// refused at once (ECONNREFUSED for TCP, an ICMP error for UDP) instead of hanging until
// a timeout. One inet table covers both families; the proxy is IPv4 or IPv6. With
// nflog_group the attempts go to that nflog group instead of the kernel log.
inline auto sandbox_fence(const ipv4_addr& proxy, port proxy_port, const log_prefix& prefix,
                          std::optional<log_group> nflog_group = std::nullopt) {
    return detail::bypass_table("openshell_bypass", bypass_log(prefix, nflog_group),
                                ip.daddr == proxy && tcp.dport == proxy_port >> accept,
                                oifname == "lo" >> accept);
}
inline auto sandbox_fence(const ipv6_addr& proxy, port proxy_port, const log_prefix& prefix,
                          std::optional<log_group> nflog_group = std::nullopt) {
    return detail::bypass_table("openshell_bypass", bypass_log(prefix, nflog_group),
                                ip6.daddr == proxy && tcp.dport == proxy_port >> accept,
                                oifname == "lo" >> accept);
}

// The proxy address as given on a command line: IPv4 ("10.200.0.1") or IPv6
// ("fd00:200::1", also in brackets: "[fd00:200::1]").
using proxy_address = std::variant<ipv4_addr, ipv6_addr>;

// Throws nftpp::value_error (the address rule's sentence) when text is neither.
inline proxy_address parse_proxy_address(std::string_view text) {
    std::string_view t = text;
    if (t.size() >= 2 && t.front() == '[' && t.back() == ']') t = t.substr(1, t.size() - 2);
    if (t.find(':') != std::string_view::npos) return ipv6_addr::parse(t).value(text);
    return ipv4_addr::parse(t).value(text);
}

NFTPP_RULE(a_service_port_is_1_to_65535,
           "a proxy or gateway port is a number from 1 to 65535 (0 is no port: give the real one)")

// A port something listens on, from a command line: 0 is refused, since `tcp dport 0
// accept` (the seed's rendering of an unknown port) would accept nothing that matters.
inline port parse_service_port(std::string_view text) {
    const port p = port::parse(text).value(text);  // not a number, or over 65535
    if (p.number == 0) throw value_error(error{&rules::a_service_port_is_1_to_65535, 0}, text);
    return p;
}

// §2: a sidecar in the current namespace: the proxy's own uid may connect anywhere.
inline auto sidecar_fence(uid proxy_uid, const log_prefix& prefix) {
    return detail::bypass_table("openshell_sidecar_bypass", bypass_log(prefix),
                                oifname == "lo" >> accept,
                                meta.skuid == proxy_uid >> accept);
}

// §3: on the host, one table per VM TAP device: NAT for the VM's /30, forwarding for
// its traffic and replies to it, and the gateway port on the host for the VM.
// The gateway port is required and may not be 0 (vm_tap refuses 0 before this is built:
// `tcp dport 0 accept` was the seed's rendering of an unknown port).
inline auto vm_tap_table(const name& table_name, const ifname& tap, const ipv4_prefix& subnet, port gateway_port) {
    return table<family::ip>(table_name,
        base_chain<"postrouting", nat_chain(hook::postrouting, prio::srcnat)>(policy::accept,
            ip.saddr == subnet >> masquerade),
        base_chain<"forward", filter_chain(hook::forward)>(policy::accept,
            iifname == tap >> accept,
            oifname == tap && ct.state == (related | established) >> accept,
            oifname == tap >> drop),
        base_chain<"input", filter_chain(hook::input)>(policy::accept,
            iifname == tap && tcp.dport == gateway_port >> accept,
            iifname == tap >> drop));
}

}  // namespace fences
