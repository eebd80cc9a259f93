// expect: name no set of this table
// SPDX-License-Identifier: Apache-2.0
// Element commands name a set of the table's type.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("t", set<"hosts", ipv4_addr>());
[[maybe_unused]] inline const auto fine = flush_set<"hosts">(t);
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = flush_set<"guests">(t);
#endif
