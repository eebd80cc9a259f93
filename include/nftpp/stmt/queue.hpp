// SPDX-License-Identifier: Apache-2.0
#pragma once
// queue: hand the packet to a user-space program through nfnetlink_queue, and end the
// rule. The program's verdict decides the packet.
//   queue_num(1)                         queue num 1
//   queue_num(1, 3).fanout()             queue num 1-3 fanout     (spread by flow over 1 to 3)
//   queue_num(1).bypass()                queue num 1 bypass       (accept when no program listens)
//   queue_num(0, 3).bypass().fanout()    queue num 0-3 bypass,fanout
// A queue number is 0 to 65535 (nft: "Value 70000 exceeds valid range 0-65535"), a range
// runs from low to high ("Range has zero or negative size"), and fanout needs a range
// ("fanout requires a range to be specified"). Nothing may follow it ("Statement after
// terminal statement has no effect"); nft refuses it inside a verdict map.
// The kernel may lack it (CONFIG_NFT_QUEUE: nft then says "No such file or directory",
// with no hint of the cause): feature::queue, probed like the others, so an
// optional_rule(... >> queue_num(1)) is left out and reported where it cannot load.
#include <cstdint>

#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/bounded_number.hpp>

namespace nftpp {

NFTPP_FEATURE(queue, "table inet nftpp_probe {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tmeta l4proto 253 queue num 0 bypass\n\t}\n}\n")

NFTPP_RULE(a_queue_number_is_from_0_to_65535, "a queue number is from 0 to 65535")
NFTPP_RULE(a_queue_range_runs_from_low_to_high,
           "a queue range runs from its low number to its high one, queue_num(1, 3) (nft: Range has zero or negative size)")
NFTPP_RULE(queue_fanout_needs_a_range,
           "fanout() spreads packets over a range of queues: give one, queue_num(low, high).fanout() (nft: fanout requires a range to be specified)")

struct queue_number : bounded_number<queue_number, std::uint16_t, 65535, rules::a_queue_number_is_from_0_to_65535> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval queue_number(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};

struct queue_t {
    using statement_tag = void;
    static constexpr part_facts facts{.terminal = true, .verdict = true, .feature = &feature::queue};

    std::uint16_t low = 0;
    std::uint16_t high = 0;
    bool ranged = false;
    bool with_bypass = false;
    bool with_fanout = false;

    // Accept the packet when no program listens on the queue (instead of dropping it).
    [[nodiscard]] constexpr queue_t bypass() const noexcept {
        queue_t q = *this;
        q.with_bypass = true;
        return q;
    }
    // Spread packets over the range by flow (instead of by CPU).
    [[nodiscard]] constexpr queue_t fanout() const {
        if (!ranged) raise(error{&rules::queue_fanout_needs_a_range, 0});
        queue_t q = *this;
        q.with_fanout = true;
        return q;
    }

    template <Sink S>
    friend constexpr void write_nft(S& out, const queue_t& q) {
        out.put("queue num ");
        put_uint(out, q.low);
        if (q.ranged) {
            out.put('-');
            put_uint(out, q.high);
        }
        if (q.with_bypass || q.with_fanout) out.put(' ');
        if (q.with_bypass) out.put(q.with_fanout ? "bypass," : "bypass");
        if (q.with_fanout) out.put("fanout");
    }
};

[[nodiscard]] constexpr queue_t queue_num(queue_number n) noexcept { return {n.number, n.number, false, false, false}; }
[[nodiscard]] constexpr queue_t queue_num(queue_number low, queue_number high) {
    if (low.number > high.number) raise(error{&rules::a_queue_range_runs_from_low_to_high, 0});
    return {low.number, high.number, true, false, false};
}

}  // namespace nftpp
