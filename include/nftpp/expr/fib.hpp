// SPDX-License-Identifier: Apache-2.0
#pragma once
// fib: a route lookup for the packet, and what it found. The lookup is keyed by the source
// or the destination address, optionally the packet mark, and optionally the input or
// the output interface:
//   fib(fib_daddr).type == fib_addrtype::local            fib daddr type local
//   fib(fib_saddr, fib_iif).oif.missing()                 fib saddr . iif oif missing
//   fib(fib_saddr, fib_mark, fib_iif).oif.missing()       fib saddr . mark . iif oif missing
//   fib(fib_daddr, fib_oif).type.in({...})                fib daddr . oif type { ... }
//   fib(fib_daddr).oifname == "lo"                        fib daddr oifname "lo"
// (the second is reverse-path filtering: drop what would not be routed back out the way
// it came in). One address key, at most one interface key; a lookup by output interface
// gives only the type (the kernel refuses its oif and oifname). Where it may stand is the
// selector's data: ip, ip6 and inet tables; the oif and oifname results and the iif key
// need the input side (prerouting, input, forward), the oif key the output side
// (forward, output, postrouting), and no variant runs on an inet ingress chain.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/value/fib.hpp>

namespace nftpp {

NFTPP_FEATURE(fib, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook prerouting priority 0; policy accept;\n\t\tfib daddr type local accept\n\t}\n}\n")

NFTPP_CHECK(fib_keys_one_address_at_most_one_interface,
    "fib takes one address key (fib_saddr or fib_daddr), optionally fib_mark, and at most one interface key (fib_iif or fib_oif), each once: write fib(fib_saddr, fib_iif) or fib(fib_daddr)")
NFTPP_CHECK(fib_by_oif_gives_only_type,
    "a fib lookup keyed by fib_oif gives only .type (the kernel refuses its oif and oifname results): key it by fib_iif or by the address alone")
NFTPP_CHECK(fib_only_in_ip_ip6_inet,
    "fib is checked for ip, ip6 and inet tables (bridge and arp tables have no fib, and nftpp does not model netdev fib): move the rule to an ip, ip6 or inet table")
NFTPP_CHECK(fib_input_side_only_before_output,
    "fib's oif and oifname results, and a lookup keyed by fib_iif, are only valid on the prerouting, input and forward hooks (the kernel refuses them elsewhere at commit), also when reached through a jump: on output and postrouting key the lookup by fib_oif and test .type, or move the rule")
NFTPP_CHECK(fib_oif_key_only_after_routing,
    "a fib lookup keyed by fib_oif is only valid on the forward, output and postrouting hooks (the kernel refuses it elsewhere at commit), also when reached through a jump: on prerouting and input key it by fib_iif")
NFTPP_CHECK(fib_not_on_ingress,
    "fib is not valid on an ingress hook (the kernel refuses it at commit), also when reached through a jump: move the rule to a prerouting chain")

enum class fib_key : std::uint8_t { saddr, daddr, mark, iif, oif };

template <fib_key K>
struct fib_key_t {
    static constexpr fib_key key = K;
};
inline constexpr fib_key_t<fib_key::saddr> fib_saddr{};
inline constexpr fib_key_t<fib_key::daddr> fib_daddr{};
inline constexpr fib_key_t<fib_key::mark> fib_mark{};
inline constexpr fib_key_t<fib_key::iif> fib_iif{};
inline constexpr fib_key_t<fib_key::oif> fib_oif{};

template <> struct operand_traits<fib_addrtype> : operand_traits<void> {};
template <> struct operand_traits<fib_presence> : operand_traits<void> {};

enum class fib_iface : std::uint8_t { none, iif, oif };
enum class fib_result : std::uint8_t { oif, oifname, type };

namespace detail {

inline constexpr std::uint8_t fib_input_hooks = bit(hook::prerouting) | bit(hook::input) | bit(hook::forward);
inline constexpr std::uint8_t fib_output_hooks = bit(hook::forward) | bit(hook::output) | bit(hook::postrouting);

// The hooks a fib variant may run on, and the rule refusing the others (the kernel's
// nft_fib_validate, and no inet ingress: the ingress hook is in none of its sets).
constexpr placement fib_placement(fib_iface iface, fib_result result) {
    placement p{.families = ip_families, .family_rule = &rules::fib_only_in_ip_ip6_inet};
    if (result != fib_result::type || iface == fib_iface::iif) {
        p.hooks = fib_input_hooks;
        p.hook_rule = &rules::fib_input_side_only_before_output;
    } else if (iface == fib_iface::oif) {
        p.hooks = fib_output_hooks;
        p.hook_rule = &rules::fib_oif_key_only_after_routing;
    } else {
        p.hooks = fib_input_hooks | fib_output_hooks;
        p.hook_rule = &rules::fib_not_on_ingress;
    }
    return p;
}

// "fib saddr . mark . iif oif": the keys joined by " . ", then the result.
template <bool Daddr, bool Mark, fib_iface Iface, fib_result Result>
struct fib_keyword {
    static constexpr auto text = [] {
        std::array<char, 40> out{};
        std::size_t n = 0;
        auto put = [&](std::string_view s) {
            for (char c : s) out[n++] = c;
        };
        put(Daddr ? "fib daddr" : "fib saddr");
        if (Mark) put(" . mark");
        if (Iface == fib_iface::iif) put(" . iif");
        if (Iface == fib_iface::oif) put(" . oif");
        put(Result == fib_result::oif ? " oif" : Result == fib_result::oifname ? " oifname" : " type");
        return std::pair{out, n};
    }();
    static constexpr std::string_view view{text.first.data(), text.second};
};

template <class... K>
constexpr bool fib_keys_valid() {
    const fib_key ks[] = {K::key..., fib_key::mark};
    int address = 0, iface = 0, mark = 0;
    for (std::size_t i = 0; i < sizeof...(K); ++i) {
        if (ks[i] == fib_key::saddr || ks[i] == fib_key::daddr) ++address;
        else if (ks[i] == fib_key::mark) ++mark;
        else ++iface;
    }
    return address == 1 && iface <= 1 && mark <= 1;
}
template <fib_key W, class... K>
constexpr bool fib_has() {
    return ((K::key == W) || ...);
}

}  // namespace detail

// One result of one lookup: a selector whose facts carry the variant's placement.
template <bool Daddr, bool Mark, fib_iface Iface, fib_result Result, class T>
struct fib_selector_t : selector_t<fib_selector_t<Daddr, Mark, Iface, Result, T>, T> {
    static constexpr std::string_view keyword = detail::fib_keyword<Daddr, Mark, Iface, Result>::view;
    static constexpr part_facts facts{.where = detail::fib_placement(Iface, Result), .feature = &feature::fib};
};

// `fib ... oif missing` / `oif exists`: whether the lookup found an output interface.
template <bool Daddr, bool Mark, fib_iface Iface>
struct fib_oif_t : fib_selector_t<Daddr, Mark, Iface, fib_result::oif, fib_presence> {
    [[nodiscard]] constexpr rel_t<fib_oif_t, op::eq, operand<fib_presence>> missing() const noexcept {
        return {fib_presence::missing};
    }
    [[nodiscard]] constexpr rel_t<fib_oif_t, op::eq, operand<fib_presence>> exists() const noexcept {
        return {fib_presence::exists};
    }
};

// The results of a lookup by output interface that the kernel refuses: any use fires
// fib_by_oif_gives_only_type.
struct fib_refused_result_t {
    template <class X = void>
    constexpr bool missing() const {
        return assert_fib_by_oif_gives_only_type_t<X>::value;
    }
    template <class X = void>
    constexpr bool exists() const {
        return assert_fib_by_oif_gives_only_type_t<X>::value;
    }
    template <class X>
    friend constexpr bool operator==(const fib_refused_result_t&, const X&) {
        return assert_fib_by_oif_gives_only_type_t<X>::value;
    }
    template <class X>
    friend constexpr bool operator!=(const fib_refused_result_t&, const X&) {
        return assert_fib_by_oif_gives_only_type_t<X>::value;
    }
};

template <bool Daddr, bool Mark, fib_iface Iface>
struct fib_lookup_t {
    fib_oif_t<Daddr, Mark, Iface> oif;
    fib_selector_t<Daddr, Mark, Iface, fib_result::oifname, ifname> oifname;
    fib_selector_t<Daddr, Mark, Iface, fib_result::type, fib_addrtype> type;
};
template <bool Daddr, bool Mark>
struct fib_lookup_t<Daddr, Mark, fib_iface::oif> {
    fib_refused_result_t oif;
    fib_refused_result_t oifname;
    fib_selector_t<Daddr, Mark, fib_iface::oif, fib_result::type, fib_addrtype> type;
};

// fib(keys...): the lookup; its keys are checked here.
template <fib_key... K>
[[nodiscard]] constexpr auto fib(fib_key_t<K>...) noexcept {
    if constexpr (!detail::fib_keys_valid<fib_key_t<K>...>()) {
        (void)assert_fib_keys_one_address_at_most_one_interface_t<fib_key_t<K>...>::value;
        return fib_lookup_t<false, false, fib_iface::none>{};
    } else {
        constexpr fib_iface iface = detail::fib_has<fib_key::iif, fib_key_t<K>...>()   ? fib_iface::iif
                                    : detail::fib_has<fib_key::oif, fib_key_t<K>...>() ? fib_iface::oif
                                                                                       : fib_iface::none;
        return fib_lookup_t<detail::fib_has<fib_key::daddr, fib_key_t<K>...>(),
                            detail::fib_has<fib_key::mark, fib_key_t<K>...>(), iface>{};
    }
}

}  // namespace nftpp
