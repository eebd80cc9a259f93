// expect: a_uid_is_a_number_from_0_to_4294967295
// SPDX-License-Identifier: Apache-2.0
// A uid literal of 2^32 does not compile.
#include <nftpp/value/ids.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr uid fine = 4294967295u;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr uid bad = 4294967296;
#endif
