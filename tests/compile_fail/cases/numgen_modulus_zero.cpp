// expect: a_numgen_modulus_is_from_1_to_4294967295
// SPDX-License-Identifier: Apache-2.0
// numgen mod 0 (the kernel: 'Numerical result out of range') does not compile, wherever
// the literal is written.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
[[maybe_unused]] static const auto fine = numgen.random.mod(2) >> vmap(on(0, accept), on(1, drop));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] static const auto bad = numgen.random.mod(0) >> vmap(on(0, accept), on(1, drop));
#endif
