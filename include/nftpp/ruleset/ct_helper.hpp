// SPDX-License-Identifier: Apache-2.0
#pragma once
// ct helper objects: a conntrack helper declared in a table, which rules assign to
// connections with ct_helper_set<"name"> (stmt/ct_helper.hpp):
//   table<family::inet>("fw", ct_helper<"ftp-std">(ct_helper_type::ftp, tcp), ...)
//     ct helper ftp-std {
//         type "ftp" protocol tcp
//     }
// The helper type and its protocol are checked together: each kernel helper tracks tcp,
// udp or both (ftp is tcp, tftp udp, sip both), and a pair the kernel has no helper for
// does not compile. Helper objects exist only in ip, ip6 and inet tables. The layer-3
// protocol is the table's (nft's default: `l3proto inet` in an inet table).
// The kernel module of the helper (nf_conntrack_ftp ...) must be available where the
// ruleset loads; nft refuses the table otherwise ("No such file or directory").
#include <cstdint>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/transport.hpp>
#include <nftpp/value/ct_helper.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

NFTPP_CHECK(ct_helper_protocol_fits_type,
    "this conntrack helper does not track that protocol (the kernel has no such helper: No such file or directory): ftp, irc, pptp, sane and Q.931 are tcp; tftp, amanda, snmp, netbios-ns and RAS are udp; sip is both")
NFTPP_CHECK(ct_helper_only_in_ip_ip6_inet,
    "ct helper objects exist only in ip, ip6 and inet tables (the kernel refuses them elsewhere: Protocol error): move the helper and the rules that use it to one of those")

// The helper types (ct_helper_type::ftp ...) are in value/ct_helper.hpp.

// What a table reference to a helper compares (no key: helpers are found by name).
struct ct_helper_key {
    static constexpr std::string_view nft_type = "";
};

template <fixed_string Name, class Kind, layer4 L4>
struct ct_helper_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    using table_object_tag = void;  // a table member beside sets and maps
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "ct helper";
    using key_type = ct_helper_key;
    static constexpr std::uint8_t object_families = ip_families;
    static constexpr const rule* family_rule = &rules::ct_helper_only_in_ip_ip6_inet;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_helper_t&) {
        out.put("ct helper ");
        out.put(Name.view());
        out.put(" {\n\t\ttype \"");
        out.put(Kind::name.view());
        out.put(L4 == layer4::tcp ? "\" protocol tcp\n\t}" : "\" protocol udp\n\t}");
    }
};

// ct_helper<"name">(ct_helper_type::ftp, tcp)
template <fixed_string Name, class Kind, class Protocol>
    requires(Protocol::protocol_layer4 == layer4::tcp || Protocol::protocol_layer4 == layer4::udp)
[[nodiscard]] constexpr auto ct_helper(const Kind&, const Protocol&) noexcept {
    constexpr std::uint8_t bit = Protocol::protocol_layer4 == layer4::tcp ? 1 : 2;
    if constexpr (!(Kind::protocols & bit)) (void)assert_ct_helper_protocol_fits_type_t<Kind, Protocol>::value;
    return ct_helper_t<Name, Kind, Protocol::protocol_layer4>{};
}

template <class T>
inline constexpr bool is_ct_helper_v = false;
template <fixed_string N, class K, layer4 L>
inline constexpr bool is_ct_helper_v<ct_helper_t<N, K, L>> = true;

}  // namespace nftpp
