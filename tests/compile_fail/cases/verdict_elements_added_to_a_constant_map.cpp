// expect: a_constant_set_keeps_its_elements
// SPDX-License-Identifier: Apache-2.0
// A verdict map declared set_flag::constant takes no entries once loaded (the kernel:
// Device or resource busy).
#include <nftpp/nftpp.hpp>
using namespace nftpp;
constexpr auto t = table<family::inet>("k", verdict_map<"fixed", port>(set_flag::constant, on(22, accept)),
                                       verdict_map<"open", port>(on(22, accept)));
[[maybe_unused]] constexpr auto fine = add_map_elements<"open">(t, on(80, accept));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] constexpr auto bad = add_map_elements<"fixed">(t, on(80, accept));
#endif
