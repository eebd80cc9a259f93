// expect: names no chain of this table
// SPDX-License-Identifier: Apache-2.0
// A verdict added to a map joins the chain graph: its jump target must be a chain of the
// table (the kernel: 'No such file or directory').
#include <nftpp/nftpp.hpp>
using namespace nftpp;
inline const auto t = table<family::inet>("t", verdict_map<"dispatch", port>(), chain<"ssh">(accept));
[[maybe_unused]] inline const auto fine = add_map_elements<"dispatch">(t, on(22, jump<"ssh">));
#ifdef NFTPP_CF_BAD
[[maybe_unused]] inline const auto bad = add_map_elements<"dispatch">(t, on(22, jump<"sshd">));
#endif
