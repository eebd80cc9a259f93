// expect: a_port_is_a_number_from_0_to_65535
// SPDX-License-Identifier: Apache-2.0
// A literal vmap key, in an ordinary function: checked as the selector's datatype in the
// compiler.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] auto fine() { return tcp.dport >> vmap(on(22, accept), on(8080, drop)); }
#ifdef NFTPP_CF_BAD
[[maybe_unused]] auto bad() { return tcp.dport >> vmap(on(22, accept), on(70000, drop)); }
#endif
