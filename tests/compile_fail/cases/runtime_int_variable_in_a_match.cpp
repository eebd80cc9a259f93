// expect: a run-time integer must go through port::from
// SPDX-License-Identifier: Apache-2.0
// An int variable in a match: the error names the fix instead of "not a constant expression".
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] auto fine(int p) { return tcp.dport == port::from(p).value(); }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad(int p) { return tcp.dport == p; }
#endif
