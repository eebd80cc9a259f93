// expect: an_interface_name_is_1_to_15_bytes
// SPDX-License-Identifier: Apache-2.0
// A literal interface name as a set element, in an ordinary function.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] auto fine() { return table<family::inet>("t", set<"lan", ifname>({"veth0", "br-lan"})); }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return table<family::inet>("t", set<"lan", ifname>({"veth0", "a-very-long-interface"})); }
#endif
