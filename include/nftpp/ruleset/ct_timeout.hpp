// SPDX-License-Identifier: Apache-2.0
#pragma once
// ct timeout objects: conntrack timeouts of one protocol, declared in a table, which rules
// give to connections with ct_timeout_set<"name"> (stmt/ct_objects.hpp):
//   table<family::inet>("fw", ct_timeout<"long-tcp">(tcp_timeouts{.established = 2h}), ...)
//     ct timeout long-tcp {
//         protocol tcp
//         policy = { established : 7200 }
//     }
// The states are the protocol's own (a field of tcp_timeouts or udp_timeouts: nft says
// "invalid state for this protocol" for others); a state left out keeps the kernel's
// default. Each timeout is whole seconds, 0 to 4294967295 (nft silently cuts a larger one
// to 32 bits). The layer-3 protocol is the table's. Like ct helpers, they exist in ip, ip6
// and inet tables only (the kernel: Protocol error).
#include <array>
#include <chrono>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

NFTPP_RULE(a_ct_timeout_is_0_to_4294967295_seconds,
           "a ct timeout is 0 to 4294967295 whole seconds (nft cuts a larger one to 32 bits): give a shorter duration")
NFTPP_CHECK(ct_timeout_only_in_ip_ip6_inet,
    "ct timeout objects exist only in ip, ip6 and inet tables (the kernel refuses them elsewhere: Protocol error): move the timeout and the rules that use it to one of those")

// A state's timeout, or unset (the kernel's default).
struct ct_state_timeout {
    std::int64_t seconds = -1;
    constexpr ct_state_timeout() = default;
    // Any duration of whole seconds (2h, 30s); 1500ms does not convert.
    template <class Rep, class Period>
        requires std::is_convertible_v<std::chrono::duration<Rep, Period>, std::chrono::seconds>
    constexpr ct_state_timeout(std::chrono::duration<Rep, Period> d)  // NOLINT(google-explicit-constructor)
        : seconds(std::chrono::seconds(d).count()) {}
    [[nodiscard]] constexpr bool set() const noexcept { return seconds >= 0; }
};

// The tcp states nft names, in its order.
struct tcp_timeouts {
    // (each with an initializer: a designated list may leave any out, -Wextra quiet)
    ct_state_timeout syn_sent{}, syn_recv{}, established{}, fin_wait{}, close_wait{}, last_ack{}, time_wait{}, close{},
        syn_sent2{}, retrans{}, unack{};
    static constexpr std::string_view protocol = "tcp";
    static constexpr std::array<std::string_view, 11> names{"syn_sent",  "syn_recv", "established", "fin_wait",
                                                            "close_wait", "last_ack", "time_wait",   "close",
                                                            "syn_sent2", "retrans",  "unack"};
    [[nodiscard]] constexpr std::array<ct_state_timeout, 11> values() const noexcept {
        return {syn_sent, syn_recv, established, fin_wait, close_wait, last_ack, time_wait, close, syn_sent2, retrans, unack};
    }
};
struct udp_timeouts {
    ct_state_timeout unreplied{}, replied{};
    static constexpr std::string_view protocol = "udp";
    static constexpr std::array<std::string_view, 2> names{"unreplied", "replied"};
    [[nodiscard]] constexpr std::array<ct_state_timeout, 2> values() const noexcept { return {unreplied, replied}; }
};

// What a table reference to a timeout compares (no key: found by name and kind).
struct ct_timeout_key {
    static constexpr std::string_view nft_type = "";
};

template <fixed_string Name, class Policy>
struct ct_timeout_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    using table_object_tag = void;
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "ct timeout";
    using key_type = ct_timeout_key;
    static constexpr std::uint8_t object_families = ip_families;
    static constexpr const rule* family_rule = &rules::ct_timeout_only_in_ip_ip6_inet;
    Policy policy;

    template <Sink S>
    friend constexpr void write_nft(S& out, const ct_timeout_t& t) {
        out.put("ct timeout ");
        out.put(Name.view());
        out.put(" {\n\t\tprotocol ");
        out.put(Policy::protocol);
        out.put("\n\t\tpolicy = { ");
        const auto values = t.policy.values();
        bool first = true;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!values[i].set()) continue;
            if (!first) out.put(", ");
            first = false;
            out.put(Policy::names[i]);
            out.put(" : ");
            put_uint(out, static_cast<std::uint64_t>(values[i].seconds));
        }
        out.put(" }\n\t}");
    }
};

namespace detail {
template <class Policy>
constexpr Policy checked_timeouts(const Policy& p) {
    for (const ct_state_timeout& v : p.values())
        if (v.set() && v.seconds > 4294967295) raise(error{&rules::a_ct_timeout_is_0_to_4294967295_seconds, 0});
    return p;
}
}  // namespace detail

// ct_timeout<"name">(tcp_timeouts{.established = 2h, .close = 10s}); checked when made (a
// compile error in a constant expression, value_error otherwise).
template <fixed_string Name, class Policy>
    requires(std::is_same_v<Policy, tcp_timeouts> || std::is_same_v<Policy, udp_timeouts>)
[[nodiscard]] constexpr ct_timeout_t<Name, Policy> ct_timeout(const Policy& p) {
    return {detail::checked_timeouts(p)};
}

}  // namespace nftpp
