// SPDX-License-Identifier: Apache-2.0
#pragma once
// mss: a tcp maximum segment size, as `tcp option maxseg size set 1400` takes it. Decimal.
#include <cstdint>

#include <nftpp/core/error.hpp>
#include <nftpp/value/bounded_number.hpp>

namespace nftpp {

NFTPP_RULE(a_tcp_mss_is_a_number_from_0_to_65535, "a tcp maximum segment size is a number from 0 to 65535")

struct mss : bounded_number<mss, std::uint16_t, 65535, rules::a_tcp_mss_is_a_number_from_0_to_65535> {
    using bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval mss(I n)
        : bounded_number(literal{}, (in_range(n) ? void() : broken.compile_time_report(), detail::widen(n))) {}
};

}  // namespace nftpp
