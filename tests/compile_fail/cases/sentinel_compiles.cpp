// expect: this text never appears
// SPDX-License-Identifier: Apache-2.0
// Harness sentinel: the "bad" part is valid C++, so check.cmake must report the case as
// compiling; ctest inverts that with WILL_FAIL. If this test ever fails, the harness has
// stopped detecting cases that compile when they should not.
#include <nftpp/nftpp.hpp>
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto ok_rule = nftpp::tcp.dport == 22 >> nftpp::accept;
#endif
