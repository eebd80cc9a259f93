// expect: a_set_keeps_its_declaration_in_one_transaction
// SPDX-License-Identifier: Apache-2.0
// Two add()s of one table declare one set with two key types (nft: File exists).
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr auto addr_set = table<family::inet>("s", set<"x", ipv4_addr>());
constexpr auto port_set = table<family::inet>("s", set<"x", port>());
[[maybe_unused]] constexpr auto fine = ruleset(replace(addr_set), replace(port_set));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = ruleset(add(addr_set), add(port_set));
#endif
