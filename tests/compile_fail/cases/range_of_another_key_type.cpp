// expect: this range's elements are not values of the set's key datatype
// SPDX-License-Identifier: Apache-2.0
// A run-time range of elements holds the set's key type: IPv6 addresses do not go into an
// IPv4 set.
#include <vector>
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("t", set<"hosts", ipv4_addr>());
[[maybe_unused]] inline const auto fine = add_elements<"hosts">(t, std::vector<ipv4_addr>{});
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = add_elements<"hosts">(t, std::vector<ipv6_addr>{});
#endif
