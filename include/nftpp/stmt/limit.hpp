// SPDX-License-Identifier: Apache-2.0
#pragma once
// limit: rate limiting. The statement holds while the rate is not exceeded (or, with
// `over`, only when it is), so statements after it run at most that often:
//   limit(5 / second)                 limit rate 5/second
//   limit(5 / second, burst(10))      limit rate 5/second burst 10 packets
//   limit(over, 10 / minute)          limit rate over 10/minute
//   limit(mbytes(1) / second)         limit rate 1 mbytes/second
// A rate is a number over a time unit: `limit(5)` has none, and is refused with that
// sentence. A rate of 0 and a burst of 0 are errors (the kernel refuses both: a literal
// `0 / second` or `burst(0)` does not compile; a run-time 0 is a value_error), and so is a rate and
// burst too large for the kernel's token bucket, which it keeps in 64-bit nanoseconds:
// with packets, rate + burst and (unit in ns / rate) * burst must fit in 64 bits (an
// unset burst counts as 5); with bytes, (rate + burst) * unit in ns must. The kernel
// answers "Value too large for defined data type" at commit, which nft -c does not see.
#include <concepts>
#include <cstdint>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_FEATURE(limit, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tlimit rate 1/second\n\t}\n}\n")

NFTPP_RULE(a_limit_rate_must_be_greater_than_0, "a limit rate must be greater than 0")
NFTPP_RULE(a_limit_burst_must_be_greater_than_0, "a limit burst must be greater than 0")
NFTPP_CHECK(limit_takes_a_rate_with_a_time_unit,
    "limit(...) takes a rate with its time unit, such as limit(5 / second) or limit(mbytes(1) / second): a bare number has no unit")
NFTPP_RULE(a_limit_rate_and_burst_must_fit_the_kernel_token_bucket,
           "a limit's rate and burst are too large for the kernel, which counts its token bucket in 64-bit "
           "nanoseconds: use a smaller rate or burst, or a shorter time unit")

enum class time_unit : std::uint8_t { second, minute, hour, day, week };
enum class amount_unit : std::uint8_t { packets, bytes, kbytes, mbytes };

struct per_t { time_unit unit; };
// The time units of a rate, `5 / second`. They are in namespace units; second, minute,
// hour and week are also at namespace scope. `day` is only units::day: std::chrono::day
// (a calendar type) is found as `day` wherever std::chrono is opened, and the two would
// be ambiguous.
namespace units {
inline constexpr per_t second{time_unit::second};
inline constexpr per_t minute{time_unit::minute};
inline constexpr per_t hour{time_unit::hour};
inline constexpr per_t day{time_unit::day};
inline constexpr per_t week{time_unit::week};
}  // namespace units
using units::hour;
using units::minute;
using units::second;
using units::week;

struct byte_amount {
    std::uint64_t count;
    amount_unit unit;
};
[[nodiscard]] constexpr byte_amount bytes(std::uint64_t n) noexcept { return {n, amount_unit::bytes}; }
[[nodiscard]] constexpr byte_amount kbytes(std::uint64_t n) noexcept { return {n, amount_unit::kbytes}; }
[[nodiscard]] constexpr byte_amount mbytes(std::uint64_t n) noexcept { return {n, amount_unit::mbytes}; }

struct rate_t {
    std::uint64_t count;
    amount_unit amount;
    time_unit per;
};

namespace detail {
template <class I>
constexpr rate_t packet_rate(I n, per_t p) {
    if (n <= 0) raise(error{&rules::a_limit_rate_must_be_greater_than_0, 0});
    return {static_cast<std::uint64_t>(n), amount_unit::packets, p.unit};
}
}  // namespace detail
// `5 / second`: a literal is checked at compile time wherever it is written (by the
// consteval constructor of the count it converts to: clang 14 refuses a consteval
// operator called in a template), any other integer (`n / second`) when the rate is made.
struct literal_packet_count {
    std::int64_t n;
    template <class I>
        requires detail::int_literal_prvalue<I>
    consteval literal_packet_count(I&& v) : n(static_cast<std::int64_t>(v)) {
        if (v <= 0) raise(error{&rules::a_limit_rate_must_be_greater_than_0, 0});
    }
};
[[nodiscard]] constexpr rate_t operator/(literal_packet_count n, per_t p) noexcept {
    return {static_cast<std::uint64_t>(n.n), amount_unit::packets, p.unit};
}
template <class I>
    requires detail::runtime_integer_argument<I>
[[nodiscard]] constexpr rate_t operator/(I&& n, per_t p) {
    return detail::packet_rate(n, p);
}
[[nodiscard]] constexpr rate_t operator/(byte_amount a, per_t p) {
    if (a.count == 0) raise(error{&rules::a_limit_rate_must_be_greater_than_0, 0});
    return {a.count, a.unit, p.unit};
}

struct burst_t {
    std::uint64_t count;
    amount_unit unit;
};
namespace detail {
template <class I>
constexpr burst_t packet_burst(I packets) {
    if (packets <= 0) raise(error{&rules::a_limit_burst_must_be_greater_than_0, 0});
    return {static_cast<std::uint64_t>(packets), amount_unit::packets};
}
}  // namespace detail
// `burst(10)`: a literal is checked at compile time, any other integer when it is made.
template <class I>
    requires detail::int_literal_prvalue<I>
[[nodiscard]] consteval burst_t burst(I&& packets) {
    if (packets <= 0) rules::a_limit_burst_must_be_greater_than_0.compile_time_report();  // consteval: the compile error
    return detail::packet_burst(packets);
}
template <class I>
    requires detail::runtime_integer_argument<I>
[[nodiscard]] constexpr burst_t burst(I&& packets) {
    return detail::packet_burst(packets);
}
[[nodiscard]] constexpr burst_t burst(byte_amount a) {
    if (a.count == 0) raise(error{&rules::a_limit_burst_must_be_greater_than_0, 0});
    return {a.count, a.unit};
}

inline constexpr struct over_t {
} over{};

namespace detail {
template <Sink S>
constexpr void put_amount_unit(S& out, amount_unit u) {
    switch (u) {
        case amount_unit::packets: out.put("packets"); break;
        case amount_unit::bytes: out.put("bytes"); break;
        case amount_unit::kbytes: out.put("kbytes"); break;
        case amount_unit::mbytes: out.put("mbytes"); break;
    }
}
}  // namespace detail

struct limit_t {
    using statement_tag = void;
    static constexpr part_facts facts{.feature = &feature::limit};

    rate_t rate;
    bool is_over = false;
    std::uint64_t burst_count = 0;
    amount_unit burst_unit = amount_unit::packets;

    template <Sink S>
    friend constexpr void write_nft(S& out, const limit_t& l) {
        constexpr std::string_view units[] = {"second", "minute", "hour", "day", "week"};
        out.put("limit rate ");
        if (l.is_over) out.put("over ");
        put_uint(out, l.rate.count);
        if (l.rate.amount != amount_unit::packets) {
            out.put(' ');
            detail::put_amount_unit(out, l.rate.amount);
        }
        out.put('/');
        out.put(units[static_cast<int>(l.rate.per)]);
        if (l.burst_count != 0) {
            out.put(" burst ");
            put_uint(out, l.burst_count);
            out.put(' ');
            detail::put_amount_unit(out, l.burst_unit);
        }
    }
};

namespace detail {
constexpr bool mul_fits(std::uint64_t a, std::uint64_t b, std::uint64_t& out) noexcept {
    if (a != 0 && b > UINT64_MAX / a) return false;
    out = a * b;
    return true;
}
constexpr std::uint64_t amount_bytes(amount_unit u) noexcept {
    switch (u) {
        case amount_unit::kbytes: return 1024;
        case amount_unit::mbytes: return 1024 * 1024;
        default: return 1;
    }
}
// The kernel's own overflow checks (nft_limit_init), on the values nft sends it.
constexpr bool limit_fits_kernel(const limit_t& l) noexcept {
    constexpr std::uint64_t unit_seconds[] = {1, 60, 3600, 86400, 604800};
    const std::uint64_t nsecs = unit_seconds[static_cast<int>(l.rate.per)] * 1'000'000'000ull;
    std::uint64_t rate = 0, burst = 0, sum = 0, tokens = 0;
    if (!mul_fits(l.rate.count, amount_bytes(l.rate.amount), rate)) return false;
    if (!mul_fits(l.burst_count, amount_bytes(l.burst_unit), burst)) return false;
    const bool packets = l.rate.amount == amount_unit::packets;
    if (packets && burst == 0) burst = 5;
    if (rate > UINT64_MAX - burst) return false;
    sum = rate + burst;
    if (packets) return mul_fits(nsecs / rate, burst, tokens);
    return mul_fits(nsecs, sum, tokens);
}
constexpr limit_t checked_limit(const limit_t& l) {
    if (!limit_fits_kernel(l)) raise(error{&rules::a_limit_rate_and_burst_must_fit_the_kernel_token_bucket, 0});
    return l;
}
}  // namespace detail

[[nodiscard]] constexpr limit_t limit(rate_t r) { return detail::checked_limit({r}); }
[[nodiscard]] constexpr limit_t limit(rate_t r, burst_t b) { return detail::checked_limit({r, false, b.count, b.unit}); }
[[nodiscard]] constexpr limit_t limit(over_t, rate_t r) { return detail::checked_limit({r, true}); }
[[nodiscard]] constexpr limit_t limit(over_t, rate_t r, burst_t b) { return detail::checked_limit({r, true, b.count, b.unit}); }

// A bare number where the rate goes (`limit(5)`, `limit(0)`): the rule's sentence, and a
// limit, so that nothing else fails after it.
template <class N, class... B>
    requires(std::integral<N> || std::floating_point<N>)
constexpr limit_t limit(N, B...) {
    (void)assert_limit_takes_a_rate_with_a_time_unit_t<N>::value;
    return limit_t{rate_t{1, amount_unit::packets, time_unit::second}};
}
template <class N, class... B>
    requires(std::integral<N> || std::floating_point<N>)
constexpr limit_t limit(over_t, N, B...) {
    (void)assert_limit_takes_a_rate_with_a_time_unit_t<N>::value;
    return limit_t{rate_t{1, amount_unit::packets, time_unit::second}};
}

}  // namespace nftpp
