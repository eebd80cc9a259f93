// SPDX-License-Identifier: Apache-2.0
#pragma once
// nft_type_of<T>: the name of nft's set datatype for values of T ("ipv4_addr",
// "inet_service", "icmpv6_type" ...), which set and map declarations, concatenated keys
// and the checker's set references use. A class type says it with a static member
// `nft_type`; an enumeration (icmp_type ...) with a specialization of nft_type_trait next
// to it. `nft_typed<T>` holds when T has one; a value type without one (ttl) cannot key a set.
#include <string_view>

namespace nftpp {

template <class T>
struct nft_type_trait {};
template <class T>
    requires requires { T::nft_type; }
struct nft_type_trait<T> {
    static constexpr std::string_view value = T::nft_type;
};

template <class T>
concept nft_typed = requires { nft_type_trait<T>::value; };

template <nft_typed T>
inline constexpr std::string_view nft_type_of = nft_type_trait<T>::value;

}  // namespace nftpp
