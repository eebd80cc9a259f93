// expect: a_port_is_a_number_from_0_to_65535
// SPDX-License-Identifier: Apache-2.0
// A negative port literal does not compile.
#include <nftpp/value/port.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr port fine = 0;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr port bad = -1;
#endif
