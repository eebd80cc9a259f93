// SPDX-License-Identifier: Apache-2.0
#pragma once
// log: write a kernel log line for the packet.
//   log()                                  log
//   log(prefix)                            log prefix "..."
//   log(prefix, skuid)                     log prefix "..." flags skuid
//   log(prefix, level::info, skuid | log_flag::ether)  log prefix "..." level info flags skuid flags ether
//   log(group(2), snaplen(64))             log group 2 snaplen 64   (to nflog, not the kernel log)
// The prefix is a checked nftpp::log_prefix (<= 127 bytes, no '"', '$', NUL or newline:
// nft 1.0.6 crashes at 137 bytes and the kernel refuses 128). nft puts no separator after
// the prefix; end it with ": " or similar yourself.
// Rules checked by the compiler: group excludes level and flags; level audit excludes
// every other option; each option at most once.
#include <cstdint>
#include <optional>
#include <type_traits>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/log_flags.hpp>
#include <nftpp/value/number.hpp>
#include <nftpp/value/text.hpp>

namespace nftpp {

NFTPP_FEATURE(log, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tlog prefix \"nftpp-probe: \" flags skuid\n\t}\n}\n")

enum class log_level : std::uint8_t { emerg, alert, crit, err, warn, notice, info, debug, audit };

template <log_level L>
struct level_t {
    static constexpr log_level value = L;
};

namespace level {
inline constexpr level_t<log_level::emerg> emerg{};
inline constexpr level_t<log_level::alert> alert{};
inline constexpr level_t<log_level::crit> crit{};
inline constexpr level_t<log_level::err> err{};
inline constexpr level_t<log_level::warn> warn{};
inline constexpr level_t<log_level::notice> notice{};
inline constexpr level_t<log_level::info> info{};
inline constexpr level_t<log_level::debug> debug{};
inline constexpr level_t<log_level::audit> audit{};
}  // namespace level

// Log flags (skuid, log_flag::ether ...) are a value: value/log_flags.hpp.

struct group_opt_t { log_group value; };
struct snaplen_opt_t { std::uint32_t value; };
struct queue_threshold_opt_t { std::uint16_t value; };

[[nodiscard]] constexpr group_opt_t group(log_group g) noexcept { return {g}; }
[[nodiscard]] constexpr snaplen_opt_t snaplen(std::uint32_t n) noexcept { return {n}; }
[[nodiscard]] constexpr queue_threshold_opt_t queue_threshold(std::uint16_t n) noexcept { return {n}; }

template <class T> inline constexpr bool is_level_v = false;
template <log_level L> inline constexpr bool is_level_v<level_t<L>> = true;
template <class T> inline constexpr bool is_audit_v = false;
template <> inline constexpr bool is_audit_v<level_t<log_level::audit>> = true;

template <class T>
concept LogOption = is_level_v<T> || std::is_same_v<T, log_flags> || std::is_same_v<T, group_opt_t> ||
                    std::is_same_v<T, snaplen_opt_t> || std::is_same_v<T, queue_threshold_opt_t>;

NFTPP_CHECK(log_group_excludes_level_and_flags,
    "log: group(n) sends packets to nflog and cannot be combined with a level or flags; "
                  "drop group(...) to log to the kernel log, or drop the level and flags")
NFTPP_CHECK(log_audit_stands_alone,
    "log: level::audit cannot be combined with any other log option (prefix, flags, group); "
                  "use level::audit alone or pick another level")
NFTPP_CHECK(log_option_once,
    "log: each option (level, flags, group, snaplen, queue_threshold) may be given once; "
                  "combine flags with |, e.g. log(prefix, skuid | log_flag::ether)")

struct log_t {
    using statement_tag = void;
    static constexpr part_facts facts{.feature = &feature::log};

    std::optional<log_prefix> prefix;
    std::optional<log_level> level;
    std::optional<log_flags> flags;
    std::optional<std::uint16_t> group;
    std::optional<std::uint32_t> snaplen;
    std::optional<std::uint16_t> queue_threshold;

    template <Sink S>
    friend constexpr void write_nft(S& out, const log_t& l) {
        out.put("log");
        if (l.prefix) {
            out.put(" prefix ");
            write_nft(out, *l.prefix);
        }
        if (l.group) {
            out.put(" group ");
            put_uint(out, *l.group);
        }
        if (l.snaplen) {
            out.put(" snaplen ");
            put_uint(out, *l.snaplen);
        }
        if (l.queue_threshold) {
            out.put(" queue-threshold ");
            put_uint(out, *l.queue_threshold);
        }
        if (l.level) {
            constexpr std::string_view names[] = {"emerg", "alert", "crit",  "err",  "warn",
                                                  "notice", "info", "debug", "audit"};
            out.put(" level ");
            out.put(names[static_cast<int>(*l.level)]);
        }
        if (!l.flags) return;
        if (*l.flags == log_flag::all) {
            out.put(" flags all");
            return;
        }
        const bool sequence = l.flags->has(log_flag::tcp_sequence), options = l.flags->has(log_flag::tcp_options);
        if (sequence || options) {
            out.put(" flags tcp ");
            out.put(sequence && options ? "sequence,options" : sequence ? "sequence" : "options");
        }
        if (l.flags->has(log_flag::ip_options)) out.put(" flags ip options");
        if (l.flags->has(log_flag::skuid)) out.put(" flags skuid");
        if (l.flags->has(log_flag::ether)) out.put(" flags ether");
    }
};

namespace detail {
template <class... O>
constexpr bool log_options_valid() {
    constexpr int levels = (0 + ... + (is_level_v<O> ? 1 : 0));
    constexpr int flags = (0 + ... + (std::is_same_v<O, log_flags> ? 1 : 0));
    constexpr int groups = (0 + ... + (std::is_same_v<O, group_opt_t> ? 1 : 0));
    constexpr int snaps = (0 + ... + (std::is_same_v<O, snaplen_opt_t> ? 1 : 0));
    constexpr int queues = (0 + ... + (std::is_same_v<O, queue_threshold_opt_t> ? 1 : 0));
    return levels <= 1 && flags <= 1 && groups <= 1 && snaps <= 1 && queues <= 1;
}

template <bool HasPrefix, class... O>
constexpr void check_log_options() {
    constexpr bool audit = (false || ... || is_audit_v<O>);
    constexpr bool has_group = (false || ... || std::is_same_v<O, group_opt_t>);
    constexpr bool has_level_or_flags = (false || ... || (is_level_v<O> || std::is_same_v<O, log_flags>));
    if constexpr (!log_options_valid<O...>()) {
        (void)assert_log_option_once_t<O...>::value;
    } else if constexpr (audit && (HasPrefix || sizeof...(O) > 1)) {
        (void)assert_log_audit_stands_alone_t<O...>::value;
    } else if constexpr (has_group && has_level_or_flags) {
        (void)assert_log_group_excludes_level_and_flags_t<O...>::value;
    }
}

template <class O>
constexpr void apply_log_option(log_t& l, const O& o) {
    if constexpr (is_level_v<O>) l.level = O::value;
    else if constexpr (std::is_same_v<O, log_flags>) l.flags = o;
    else if constexpr (std::is_same_v<O, group_opt_t>) l.group = o.value.number;
    else if constexpr (std::is_same_v<O, snaplen_opt_t>) l.snaplen = o.value;
    else if constexpr (std::is_same_v<O, queue_threshold_opt_t>) l.queue_threshold = o.value;
}
}  // namespace detail

template <LogOption... O>
[[nodiscard]] constexpr log_t log(log_prefix prefix, O... options) {
    detail::check_log_options<true, O...>();
    log_t l{};
    l.prefix = prefix;
    (detail::apply_log_option(l, options), ...);
    return l;
}

template <LogOption... O>
[[nodiscard]] constexpr log_t log(O... options) {
    detail::check_log_options<false, O...>();
    log_t l{};
    (detail::apply_log_option(l, options), ...);
    return l;
}

}  // namespace nftpp
