// SPDX-License-Identifier: Apache-2.0
#pragma once
// ct expectation objects: a related connection conntrack should expect, declared in a
// table, which rules attach with ct_expectation_set<"name"> (stmt/ct_objects.hpp):
//   table<family::ip>("fw", ct_expectation<"ftp-data">(tcp, 21, 1min, 12), ...)
//     ct expectation ftp-data {
//         protocol tcp
//         dport 21
//         timeout 60000ms
//         size 12
//     }
// The protocol is tcp or udp; dport the expected connection's destination port; timeout
// how long the expectation lives (at least 1 ms); size how many may be pending (1 to 255).
// The kernel keeps an expectation per address family: in an inet table it is refused
// ("Address family not supported by protocol"), so ct expectations are declared in ip and
// ip6 tables only.
#include <chrono>
#include <cstdint>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/transport.hpp>
#include <nftpp/value/name.hpp>
#include <nftpp/value/port.hpp>

namespace nftpp {

NFTPP_RULE(a_ct_expectation_lives_1_ms_to_4294967295_ms,
           "a ct expectation's timeout is 1 ms to 4294967295 ms (about 49 days): give a duration in that range")
NFTPP_RULE(a_ct_expectation_size_is_1_to_255, "a ct expectation's size (how many may be pending) is 1 to 255")
NFTPP_CHECK(ct_expectation_only_in_ip_ip6,
    "ct expectation objects exist only in ip and ip6 tables (the kernel refuses them in inet: Address family not supported by protocol; elsewhere: Protocol error): declare it in an ip or ip6 table")

struct ct_expectation_key {
    static constexpr std::string_view nft_type = "";
};

template <fixed_string Name, layer4 L4>
struct ct_expectation_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    using table_object_tag = void;
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "ct expectation";
    using key_type = ct_expectation_key;
    static constexpr std::uint8_t object_families = bit(family::ip) | bit(family::ip6);
    static constexpr const rule* family_rule = &rules::ct_expectation_only_in_ip_ip6;
    port dport;
    std::uint32_t timeout_ms;
    std::uint8_t size;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_expectation_t& e) {
        out.put("ct expectation ");
        out.put(Name.view());
        out.put(L4 == layer4::tcp ? " {\n\t\tprotocol tcp\n\t\tdport " : " {\n\t\tprotocol udp\n\t\tdport ");
        write_nft(out, e.dport);
        out.put("\n\t\ttimeout ");
        put_uint(out, e.timeout_ms);
        out.put("ms\n\t\tsize ");
        put_uint(out, e.size);
        out.put("\n\t}");
    }
};

// ct_expectation<"name">(tcp, 21, 1min, 12); checked when made (a compile error in a
// constant expression, value_error otherwise).
template <fixed_string Name, class Protocol>
    requires(Protocol::protocol_layer4 == layer4::tcp || Protocol::protocol_layer4 == layer4::udp)
[[nodiscard]] constexpr ct_expectation_t<Name, Protocol::protocol_layer4> ct_expectation(const Protocol&, port dport,
                                                                                         std::chrono::milliseconds timeout,
                                                                                         int size) {
    if (timeout.count() < 1 || timeout.count() > 4294967295) raise(error{&rules::a_ct_expectation_lives_1_ms_to_4294967295_ms, 0});
    if (size < 1 || size > 255) raise(error{&rules::a_ct_expectation_size_is_1_to_255, 0});
    return {dport, static_cast<std::uint32_t>(timeout.count()), static_cast<std::uint8_t>(size)};
}

}  // namespace nftpp
