// expect: a_chain_keeps_its_spec_in_one_transaction
// SPDX-License-Identifier: Apache-2.0
// Two add()s of one table (family and name) declare one base chain on two hooks.
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr auto in = table<family::inet>("v", base_chain<"c", filter_chain(hook::input)>());
[[maybe_unused]] constexpr auto out = table<family::inet>("v", base_chain<"c", filter_chain(hook::output)>());
constexpr auto other = table<family::inet>("w", base_chain<"c", filter_chain(hook::output)>());
[[maybe_unused]] constexpr auto fine = ruleset(add(in), add(in), add(other));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = ruleset(add(in), add(out));
#endif
