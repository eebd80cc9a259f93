// expect: nft has no 'or' between the matches of a rule
// SPDX-License-Identifier: Apache-2.0
// `||` between matches: the rule's sentence, not "no match for operator||".
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = tcp.dport.in({22, 80}) >> accept;
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = tcp.dport == 22 || tcp.dport == 80 >> accept;
#endif
