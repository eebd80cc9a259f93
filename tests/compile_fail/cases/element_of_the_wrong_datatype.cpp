// expect: an_ipv4_address_is_four_numbers_0_to_255_separated_by_dots
// SPDX-License-Identifier: Apache-2.0
// Elements are checked against the key datatype the table declared for the set.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("t", set<"hosts", ipv4_addr>());
[[maybe_unused]] inline const auto fine = add_elements<"hosts">(t, {"192.0.2.1"});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = add_elements<"hosts">(t, {"fd00::1"});
#endif
