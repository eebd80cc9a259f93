// SPDX-License-Identifier: Apache-2.0
#pragma once
// Flowtables: a fast path for forwarded connections. A rule on the forward hook adds a
// connection with flow_add<"ft"> (stmt/flow_add.hpp); from then on its packets are
// forwarded from the ingress hook of the flowtable's devices, past the rest of the stack.
//   table<family::inet>("fw", flowtable<"ft">({"eth0", "eth1"}), ...)
//     flowtable ft {
//         hook ingress priority 0
//         devices = { "eth0", "eth1" }
//     }
//   flowtable<"ft">({"eth0"}, {.priority = -100, .counter = true, .offload = true})
//   flowtable<"ft">(names)      the devices from a run-time range of ifname
// `counter` keeps per-connection counters in conntrack; `offload` asks the devices'
// drivers for hardware offload (the kernel refuses it where a driver has none). Each
// device once, an interface rather than a wildcard: nft 1.0.6 sends "veth*" as a name,
// which no device has. In ip, ip6 and inet tables only. The kernel may lack flowtables
// (nf_flow_table): feature::flowtable, probed by apply_with_probes like an optional rule's
// feature; on a target without it the flowtable is left out and reported (a flowtable
// only makes forwarding faster), and so must be the rules that use it:
// optional_rule(meta.l4proto.in({tcp, udp}) >> flow_add<"ft">).
#include <array>
#include <cstddef>
#include <cstdint>
#include <ranges>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/stmt/flow_add.hpp>
#include <nftpp/value/ifname.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

NFTPP_RULE(a_flowtable_lists_each_device_once,
           "a flowtable lists each device once (the kernel: File exists): remove the repeated interface name")
NFTPP_RULE(a_flowtable_device_is_an_interface_not_a_wildcard,
           "a flowtable's devices are interfaces, not wildcards such as \"veth*\" (nft 1.0.6 sends the name as it is, and no device has it): name each interface")
NFTPP_CHECK(flowtable_only_in_ip_ip6_inet,
    "flowtables exist only in ip, ip6 and inet tables (the kernel has no flowtable type for the others): move the flowtable and the rules that use it to one of those")

struct flowtable_options {
    std::int32_t priority = 0;  // of its ingress hook
    bool counter = false;       // per-connection counters in conntrack
    bool offload = false;       // hardware offload (`flags offload`)
};

// What a table reference to a flowtable compares (no key: found by name and kind).
struct flowtable_key {
    static constexpr std::string_view nft_type = "";
};

template <fixed_string Name, class Devices>
struct flowtable_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    using table_object_tag = void;
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "flowtable";
    using key_type = flowtable_key;
    static constexpr std::uint8_t object_families = ip_families;
    static constexpr const rule* family_rule = &rules::flowtable_only_in_ip_ip6_inet;
    static constexpr const kernel_feature* feature = &feature::flowtable;  // left out where missing
    Devices devices;
    flowtable_options options{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const flowtable_t& f) {
        out.put("flowtable ");
        out.put(Name.view());
        out.put(" {\n\t\thook ingress priority ");
        put_int(out, f.options.priority);
        out.put('\n');
        if (!std::ranges::empty(f.devices)) {
            out.put("\t\tdevices = { ");
            bool first = true;
            for (const ifname& d : f.devices) {
                if (!first) out.put(", ");
                first = false;
                write_nft(out, d);
            }
            out.put(" }\n");
        }
        if (f.options.counter) out.put("\t\tcounter\n");
        if (f.options.offload) out.put("\t\tflags offload\n");
        out.put("\t}");
    }
};

namespace detail {
template <class Rg>
constexpr void check_flowtable_devices(const Rg& devices) {
    std::size_t i = 0;
    for (const ifname& d : devices) {
        if (d.is_wildcard()) raise(error{&rules::a_flowtable_device_is_an_interface_not_a_wildcard, i}, d.view());
        std::size_t j = 0;
        for (const ifname& e : devices) {
            if (j == i) break;
            if (e == d) raise(error{&rules::a_flowtable_lists_each_device_once, i}, d.view());
            ++j;
        }
        ++i;
    }
}
}  // namespace detail

// flowtable<"ft">({"eth0", "eth1"}[, options]): the devices written in place (checked at
// compile time in a constant expression, with value_error otherwise).
template <fixed_string Name, std::size_t N>
[[nodiscard]] constexpr flowtable_t<Name, std::array<ifname, N>> flowtable(const ifname (&devices)[N],
                                                                           flowtable_options o = {}) {
    auto a = [&]<std::size_t... I>(std::index_sequence<I...>) { return std::array<ifname, N>{{devices[I]...}}; }(
        std::make_index_sequence<N>{});
    detail::check_flowtable_devices(a);
    return {a, o};
}
// flowtable<"ft">(names[, options]): the devices from a run-time range of ifname (none is
// allowed: the flowtable hooks no device until one is added).
template <fixed_string Name, std::ranges::input_range Rg>
    requires std::is_convertible_v<std::ranges::range_reference_t<const Rg&>, ifname>
[[nodiscard]] flowtable_t<Name, std::vector<ifname>> flowtable(const Rg& devices, flowtable_options o = {}) {
    std::vector<ifname> v;
    for (auto&& d : devices) v.push_back(d);
    detail::check_flowtable_devices(v);
    return {std::move(v), o};
}

}  // namespace nftpp
