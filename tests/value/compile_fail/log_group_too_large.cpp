// expect: a_log_group_is_a_number_from_0_to_65535
// SPDX-License-Identifier: Apache-2.0
// A log group over 65535 does not compile.
#include <nftpp/value/ids.hpp>
using namespace nftpp;
[[maybe_unused]] constexpr log_group fine = 65535;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr log_group bad = 65536;
#endif
