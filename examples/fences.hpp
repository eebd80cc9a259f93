#pragma once
// The sandbox fences of the examples, as functions of their run-time values, shared by
// the example programs and the tests that load them for real.
#include <nftpp/nftpp.hpp>

namespace fences {

using namespace nftpp;

// Log at most 5 lines a second (burst 10) per kind of traffic. The limit sits in its own
// rule: in one rule with the reject, packets over the rate would skip the reject too.
inline constexpr auto log_rate = limit(5 / second, burst(10));

// §1: inside a sandbox's network namespace. Only the proxy, loopback and replies get out;
// every other connection attempt is logged with the process uid and refused at once
// (ECONNREFUSED for TCP, an ICMP error for UDP) instead of hanging until a timeout.
inline auto sandbox_fence(const ipv4_addr& proxy, port proxy_port, const log_prefix& prefix) {
    return table<family::inet>("openshell_bypass",
        base_chain<"output", filter_chain(hook::output)>(policy::accept,
            ip.daddr == proxy && tcp.dport == proxy_port >> accept,
            oifname == "lo" >> accept,
            ct.state == (established | related) >> accept,
            tcp.flags == syn >> log_rate >> log(prefix, skuid),
            meta.l4proto == tcp >> reject(tcp_reset),
            meta.l4proto == udp >> log_rate >> log(prefix, skuid),
            meta.l4proto == udp >> reject(icmpx_code::port_unreachable)));
}

// §2: a sidecar in the current namespace: the proxy's own uid may connect anywhere.
inline auto sidecar_fence(uid proxy_uid, const log_prefix& prefix) {
    return table<family::inet>("openshell_sidecar_bypass",
        base_chain<"output", filter_chain(hook::output)>(policy::accept,
            oifname == "lo" >> accept,
            ct.state == (established | related) >> accept,
            meta.skuid == proxy_uid >> accept,
            tcp.flags == syn >> log_rate >> log(prefix, skuid),
            meta.l4proto == tcp >> reject(tcp_reset),
            meta.l4proto == udp >> log_rate >> log(prefix, skuid),
            meta.l4proto == udp >> reject(icmpx_code::port_unreachable)));
}

// §3: on the host, one table per VM TAP device: NAT for the VM's /30, forwarding for
// its traffic and replies to it, and the gateway port on the host for the VM.
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
