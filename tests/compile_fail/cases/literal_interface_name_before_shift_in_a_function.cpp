// expect: an_interface_name_is_1_to_15_bytes
// SPDX-License-Identifier: Apache-2.0
// An interface name literal before `>>`, in an ordinary function.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] auto fine() { return oifname == "veth-vm1" >> accept; }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return oifname == "veth-a-very-long-name" >> accept; }
#endif
