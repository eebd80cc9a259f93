// expect: this_datatype_takes_a_number_literal_not_a_string
// SPDX-License-Identifier: Apache-2.0
// A string where a port belongs, as a vmap key in an ordinary function.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] auto fine() { return tcp.dport >> vmap(on(22, accept)); }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return tcp.dport >> vmap(on("ssh", accept)); }
#endif
