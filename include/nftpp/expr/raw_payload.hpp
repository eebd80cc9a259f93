// SPDX-License-Identifier: Apache-2.0
#pragma once
// Raw payload: Len bits at bit Offset of a header, for fields nft has no name for.
//   raw_nh<528, 48> != 0x00163e000001     @nh,528,48 != 0x00163e000001  (network header)
//   raw_th<96, 24> == 0x123456            @th,96,24 0x123456           (transport header)
//   raw_ll<48, 48>, raw_ih<0, 8>          @ll (link layer), @ih (inner header)
// The value is raw_bits<Len>: a literal wider than the field does not compile. A set of
// them is declared with `typeof` (key_typeof(raw_th<16, 16>)); nft has no datatype name.
// They pin nothing: nft and the kernel load them in every family and hook (checked: inet,
// arp, bridge, netdev), @th without a transport match too. The kernel reads at most 65535
// bytes into a header ("Numerical result out of range"); nft takes fields of 1 to 128
// bits (1.0.6 aborts on 129), and so does nftpp: raw_nh<64, 96> == "0x000102030405060708090a0b".
#include <array>
#include <cstddef>
#include <string_view>

#include <nftpp/core/assertion.hpp>
#include <nftpp/expr/payload.hpp>

namespace nftpp {

enum class payload_base : unsigned char { ll, nh, th, ih };

NFTPP_CHECK(a_raw_payload_field_has_1_to_128_bits_within_65535_bytes,
    "a raw payload field has 1 to 128 bits and starts within 65535 bytes of its header (raw_nh<Offset, Len>, both in bits; "
    "the kernel: Numerical result out of range; nft 1.0.6 aborts from 129 bits): split a longer field into two matches")

namespace detail {
constexpr std::size_t decimal_digits(unsigned n) noexcept {
    std::size_t d = 1;
    while (n >= 10) {
        n /= 10;
        ++d;
    }
    return d;
}
template <payload_base B, unsigned Offset, unsigned Len>
struct raw_keyword {
    static constexpr std::size_t size = 4 + decimal_digits(Offset) + 1 + decimal_digits(Len);
    static constexpr std::array<char, size> text = [] {
        std::array<char, size> t{};
        constexpr std::string_view names[] = {"@ll,", "@nh,", "@th,", "@ih,"};
        std::size_t at = 0;
        for (char c : names[static_cast<unsigned>(B)]) t[at++] = c;
        auto put = [&](unsigned n) {
            const std::size_t d = decimal_digits(n);
            for (std::size_t i = d; i-- > 0;) {
                t[at + i] = static_cast<char>('0' + n % 10);
                n /= 10;
            }
            at += d;
        };
        put(Offset);
        t[at++] = ',';
        put(Len);
        return t;
    }();
};
template <unsigned Offset, unsigned Len>
inline constexpr bool raw_field_fits = Len >= 1 && Len <= 128 && Offset / 8 <= 65535;
// raw_bits<Len> for a field that fits; a placeholder after the assertion fired, so that one
// sentence is all the compiler says.
template <unsigned Offset, unsigned Len>
using raw_value_t = raw_bits<raw_field_fits<Offset, Len> ? Len : 1>;
}  // namespace detail

template <payload_base B, unsigned Offset, unsigned Len>
struct raw_payload_t : payload_t<raw_payload_t<B, Offset, Len>, detail::raw_value_t<Offset, Len>> {
    static constexpr std::string_view keyword{detail::raw_keyword<B, Offset, Len>::text.data(),
                                              detail::raw_keyword<B, Offset, Len>::size};
    static constexpr part_facts facts{};
};

// A field out of range fires its rule once. The variables are const, not constexpr, so no
// compiler goes on to evaluate the failed check as a constant and say more; a match on one
// is still a constant expression (it never reads the selector).
namespace detail {
template <payload_base B, unsigned Offset, unsigned Len>
constexpr raw_payload_t<B, Offset, Len> checked_raw() {
    fire<raw_field_fits<Offset, Len> ? nullptr : &rules::a_raw_payload_field_has_1_to_128_bits_within_65535_bytes,
         raw_payload_t<B, Offset, Len>>();
    return {};
}
}  // namespace detail

template <unsigned Offset, unsigned Len>
inline const raw_payload_t<payload_base::ll, Offset, Len> raw_ll = detail::checked_raw<payload_base::ll, Offset, Len>();
template <unsigned Offset, unsigned Len>
inline const raw_payload_t<payload_base::nh, Offset, Len> raw_nh = detail::checked_raw<payload_base::nh, Offset, Len>();
template <unsigned Offset, unsigned Len>
inline const raw_payload_t<payload_base::th, Offset, Len> raw_th = detail::checked_raw<payload_base::th, Offset, Len>();
template <unsigned Offset, unsigned Len>
inline const raw_payload_t<payload_base::ih, Offset, Len> raw_ih = detail::checked_raw<payload_base::ih, Offset, Len>();

}  // namespace nftpp
