// SPDX-License-Identifier: Apache-2.0
#pragma once
// quota: a byte budget. The statement holds until the bytes that passed it reach the
// budget (with `over`, only after), so what follows it runs within it:
//   quota(mbytes(10))              quota 10 mbytes
//   quota(over, mbytes(10))        quota over 10 mbytes
//   quota_name<"q">                quota name "q"  (the table's named_quota<"q">(...):
//                                  ruleset/named_quota.hpp; a missing one is quota_exists)
// The amount is bytes(n), kbytes(n) or mbytes(n) (nft 1.0.6 has no larger unit: "Wrong
// rate format"). The kernel keeps a quota as a signed 64-bit count of bytes: more is
// refused at commit ("Value too large for defined data type"), and nft silently wraps a
// count of kbytes or mbytes whose bytes pass 2^64 (`17592186044416 mbytes` loads as
// `0 bytes`), so both are refused here: in a constant expression at compile time, otherwise
// with a value_error when the statement is made.
#include <array>
#include <cstdint>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/stmt/limit.hpp>

namespace nftpp {

NFTPP_RULE(a_quota_is_at_most_2_63_minus_1_bytes,
           "a quota is at most 2^63 - 1 bytes (the kernel refuses more: Value too large for defined data type; nft "
           "wraps larger counts of kbytes or mbytes to small ones): give a smaller amount")
NFTPP_CHECK(quota_exists,
    "quota_name<\"name\"> names no quota of this table: add named_quota<\"name\">(mbytes(...)) to the table, or fix the name")

// A checked amount of bytes, as nft writes it (count and unit).
struct quota_amount {
    std::uint64_t count = 0;
    amount_unit unit = amount_unit::bytes;
    bool is_over = false;

    [[nodiscard]] static constexpr result<quota_amount> make(byte_amount a, bool over_) noexcept {
        const unsigned shift = a.unit == amount_unit::kbytes ? 10 : a.unit == amount_unit::mbytes ? 20 : 0;
        constexpr std::uint64_t max = (std::uint64_t{1} << 63) - 1;
        if (a.unit == amount_unit::packets || a.count > (max >> shift)) return error{&rules::a_quota_is_at_most_2_63_minus_1_bytes, 0};
        return quota_amount{a.count, a.unit, over_};
    }
    [[nodiscard]] constexpr std::uint64_t in_bytes() const noexcept {
        return count << (unit == amount_unit::kbytes ? 10 : unit == amount_unit::mbytes ? 20 : 0);
    }

    // "over 10 mbytes", "10 mbytes"
    template <Sink S>
    friend constexpr void write_nft(S& out, const quota_amount& q) {
        if (q.is_over) out.put("over ");
        put_uint(out, q.count);
        out.put(q.unit == amount_unit::kbytes ? " kbytes" : q.unit == amount_unit::mbytes ? " mbytes" : " bytes");
    }
};

struct quota_t {
    using statement_tag = void;
    static constexpr part_facts facts{};
    quota_amount amount;

    template <Sink S>
    friend constexpr void write_nft(S& out, const quota_t& q) {
        out.put("quota ");
        write_nft(out, q.amount);
    }
};

[[nodiscard]] constexpr quota_t quota(byte_amount a) { return {quota_amount::make(a, false).value()}; }
[[nodiscard]] constexpr quota_t quota(over_t, byte_amount a) { return {quota_amount::make(a, true).value()}; }

template <fixed_string Name>
struct quota_name_t {
    using statement_tag = void;
    static constexpr part_facts facts{};
    static constexpr std::array<set_ref_info, 1> set_refs{{{Name.view(), "", "quota", {}, &rules::quota_exists}}};

    template <Sink S>
    friend constexpr void write_nft(S& out, const quota_name_t&) {
        out.put("quota name \"");
        out.put(Name.view());
        out.put('"');
    }
};
// quota_name<"q">: the table's quota object "q" (`quota name "q"`).
template <fixed_string Name>
inline constexpr quota_name_t<Name> quota_name{};

}  // namespace nftpp
