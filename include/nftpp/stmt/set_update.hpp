// SPDX-License-Identifier: Apache-2.0
#pragma once
// Set updates from the packet path: the packet's key is added to a named set, or its
// element refreshed, optionally with a timeout and a per-element limit or counter (what
// nft once called a meter):
//   set_add<"seen">(ip.saddr)                                add @seen { ip saddr }
//   set_update<"seen">(ip.saddr, entry_timeout(1min))        update @seen { ip saddr timeout 1m }
//   set_add<"flood">(ip.saddr, limit(over, 10 / second))     add @flood { ip saddr limit rate over 10/second }
//   set_update<"hits">(concat(ip.saddr, tcp.dport), counter) update @hits { ip saddr . tcp dport counter }
// The table checks the set: it exists and its key has the key's datatype
// (rules::set_exists, rules::set_key_matches_selector); an entry timeout needs a set whose
// elements expire (set_flag::timeout or set_timeout(...)), and no set may be constant or
// interval, checked when the table is built (the kernel refuses them otherwise). The key's facts are the
// rule's (ip.saddr pins ip, ct fields need conntrack). With a limit the statement holds
// like limit does: `set_add<"flood">(ip.saddr, limit(over, 10 / second)) >> drop`.
#include <array>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/chrono.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/expr/selector.hpp>
#include <nftpp/stmt/counter.hpp>
#include <nftpp/stmt/limit.hpp>

namespace nftpp {

NFTPP_RULE(an_entry_timeout_needs_a_set_whose_elements_expire,
           "set_add or set_update with entry_timeout(...) needs a set declared with set_flag::timeout or set_timeout(...) (the kernel refuses it otherwise: Operation not supported)")
NFTPP_RULE(a_set_updated_from_the_packet_path_is_neither_constant_nor_interval,
           "set_add and set_update need a set that is neither set_flag::constant (the kernel refuses: Device or resource busy) nor set_flag::interval (Operation not supported): declare the set without them")
NFTPP_RULE(an_entry_timeout_is_at_least_1_millisecond,
           "an entry timeout is at least 1 millisecond (leave it out for elements that never expire)")

// entry_timeout(d): the added element expires after d.
struct entry_timeout_t {
    static constexpr part_facts facts{};
    std::uint64_t ms;
};
[[nodiscard]] constexpr entry_timeout_t entry_timeout(std::chrono::milliseconds d) {
    if (d.count() < 1) raise(error{&rules::an_entry_timeout_is_at_least_1_millisecond, 0});
    return {static_cast<std::uint64_t>(d.count())};
}

template <class T>
inline constexpr bool is_set_update_option_v =
    std::is_same_v<T, entry_timeout_t> || std::is_same_v<T, limit_t> || std::is_same_v<T, counter_t>;

template <bool Update, fixed_string Name, class Key, class... Opts>
struct set_update_t {
    using statement_tag = void;
    static constexpr bool has_timeout = (std::is_same_v<Opts, entry_timeout_t> || ...);
    static constexpr part_facts facts = [] {
        part_facts f = Key::facts;  // what reading the key needs and pins
        f.is_match = false;  // (a tcp or udp key is the transport match a port NAT needs, as nft takes it)
        const kernel_feature* option_features[] = {Opts::facts.feature..., nullptr};
        for (const kernel_feature* x : option_features)
            if (!f.feature && x) f.feature = x;
        return f;
    }();
    static constexpr std::array<set_ref_info, 1> set_refs{{{Name.view(), nft_type_of<typename Key::value_type>, "set", {}}}};
    // What the set's flags must allow (checked by the table): updates, and expiring
    // elements with an entry timeout.
    static constexpr auto set_flags_needs = [] {
        if constexpr (has_timeout)
            return std::array<set_flags_need, 2>{
                {{Name.view(), set_need::updatable, &rules::a_set_updated_from_the_packet_path_is_neither_constant_nor_interval},
                 {Name.view(), set_need::expiring, &rules::an_entry_timeout_needs_a_set_whose_elements_expire}}};
        else
            return std::array<set_flags_need, 1>{
                {{Name.view(), set_need::updatable, &rules::a_set_updated_from_the_packet_path_is_neither_constant_nor_interval}}};
    }();

    std::tuple<Opts...> options;

    template <Sink S>
    friend constexpr void write_nft(S& out, const set_update_t& u) {
        out.put(Update ? "update @" : "add @");
        out.put(Name.view());
        out.put(" { ");
        out.put(Key::keyword);
        std::apply(
            [&out](const auto&... o) {
                (
                    [&out](const auto& x) {
                        out.put(' ');
                        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(x)>, entry_timeout_t>) {
                            out.put("timeout ");
                            put_duration(out, x.ms);
                        } else {
                            write_nft(out, x);
                        }
                    }(o),
                    ...);
            },
            u.options);
        out.put(" }");
    }
};

namespace detail {
template <class... Opts>
constexpr bool set_update_options_valid() {
    constexpr int timeouts = (0 + ... + std::is_same_v<Opts, entry_timeout_t>);
    return (is_set_update_option_v<Opts> && ...) && timeouts <= 1;
}
}  // namespace detail

// set_add<"name">(key, options...), set_update<"name">(key, options...): options are an
// entry_timeout(...) (at most one), limit(...) and counter, rendered in that order given.
template <fixed_string Name>
struct set_add_fn {
    template <Selector Key, class... Opts>
        requires(detail::set_update_options_valid<Opts...>())
    [[nodiscard]] constexpr set_update_t<false, Name, Key, Opts...> operator()(const Key&, const Opts&... o) const {
        return {{o...}};
    }
};
template <fixed_string Name>
struct set_update_fn {
    template <Selector Key, class... Opts>
        requires(detail::set_update_options_valid<Opts...>())
    [[nodiscard]] constexpr set_update_t<true, Name, Key, Opts...> operator()(const Key&, const Opts&... o) const {
        return {{o...}};
    }
};
template <fixed_string Name>
inline constexpr set_add_fn<Name> set_add{};
template <fixed_string Name>
inline constexpr set_update_fn<Name> set_update{};

}  // namespace nftpp
