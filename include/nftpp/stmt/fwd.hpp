// SPDX-License-Identifier: Apache-2.0
#pragma once
// fwd_to("eth1"): send the packet out of another interface, from a netdev table's ingress
// or egress chain, and end the rule (`fwd to "eth1"`). nft knows it only in netdev tables
// ("unsupported family" elsewhere, inet ingress included), treats it as terminal
// ("Statement after terminal statement has no effect"), and resolves the interface when
// the rule loads ("Interface does not exist" for one the target lacks). The kernel module
// (nft_fwd_netdev) may be missing: feature::fwd_netdev, probed like the others.
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/ifname.hpp>

namespace nftpp {

NFTPP_FEATURE(fwd_netdev,
              "table netdev nftpp_probe {\n\tchain c {\n\t\ttype filter hook ingress device \"lo\" priority 0; policy accept;\n\t\tfwd to \"lo\"\n\t}\n}\n")
NFTPP_RULE(fwd_and_dup_take_an_interface_not_a_wildcard,
           "fwd_to and dup_to send to one interface, not a wildcard such as \"veth*\" (nft: Interface does not exist): name the interface")
NFTPP_CHECK(fwd_only_in_netdev,
    "fwd_to(...) exists only in netdev tables (nft: unsupported family): forward from an ingress or egress chain of a netdev table")

struct fwd_t {
    using statement_tag = void;
    static constexpr part_facts facts{
        .terminal = true,
        .verdict = true,
        .where = {.families = bit(family::netdev), .family_rule = &rules::fwd_only_in_netdev},
        .feature = &feature::fwd_netdev};
    ifname to;

    template <Sink S>
    friend constexpr void write_nft(S& out, const fwd_t& f) {
        out.put("fwd to ");
        write_nft(out, f.to);
    }
};

namespace detail {
[[nodiscard]] constexpr ifname one_interface(ifname to) {
    if (to.is_wildcard()) raise(error{&rules::fwd_and_dup_take_an_interface_not_a_wildcard, 0});
    return to;
}
}  // namespace detail

// fwd_to("eth1"): a name is checked when the statement is made (no wildcard: one interface).
[[nodiscard]] constexpr fwd_t fwd_to(ifname to) { return {detail::one_interface(to)}; }

}  // namespace nftpp
