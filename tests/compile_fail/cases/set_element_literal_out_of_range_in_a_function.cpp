// expect: a_port_is_a_number_from_0_to_65535
// SPDX-License-Identifier: Apache-2.0
// A literal set element in an ordinary function is checked in the compiler (operand's
// consteval constructor), like an anonymous set's.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] auto fine() { return table<family::inet>("t", set<"s", port>({22, 80}), base_chain<"in", filter_chain(hook::input)>(tcp.dport.in({22, 80}) >> accept)); }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return table<family::inet>("t", set<"s", port>({22, 70000})); }
#endif
