// SPDX-License-Identifier: Apache-2.0
#pragma once
// raw_bits<Len>: the value of a raw payload field of Len bits (expr/raw_payload.hpp),
// 0 to 2^Len - 1, written in hex with the field's width as nft lists it: a 48-bit field
// holds 0x00163e000001. nft takes up to 128 bits; nftpp numbers hold 63 (a longer field is
// two matches side by side).
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/value/bounded_number.hpp>

namespace nftpp {

NFTPP_RULE(a_raw_payload_value_fits_in_its_bits,
           "a raw payload value fits in its field's bits (raw_nh<0, 8> takes 0 to 255): write a smaller number or a longer field")

namespace detail {
template <unsigned Len>
struct raw_bits_name {
    static constexpr char chars[] = {'@', Len >= 10 ? static_cast<char>('0' + Len / 10) : static_cast<char>('0' + Len),
                                     Len >= 10 ? static_cast<char>('0' + Len % 10) : '\0', '\0'};
    static constexpr std::string_view text{chars, Len >= 10 ? 3u : 2u};
};
}  // namespace detail

template <unsigned Len>
    requires(Len >= 1 && Len <= 63)
struct raw_bits : bounded_number<raw_bits<Len>, std::uint64_t, (std::uint64_t{1} << Len) - 1, rules::a_raw_payload_value_fits_in_its_bits,
                                 number_format{.hex = true, .width = static_cast<int>((Len + 3) / 4)}> {
    using raw_bits::bounded_number::bounded_number;
    template <detail::integer_literal I>
    consteval raw_bits(I n) : raw_bits::bounded_number(typename raw_bits::literal{}, detail::widen(n)) {}
    // nft has no datatype for them: a set of them is declared with typeof (ruleset/set.hpp);
    // this name only tells one width from another ("@16").
    static constexpr std::string_view nft_type = detail::raw_bits_name<Len>::text;
};

}  // namespace nftpp
