// SPDX-License-Identifier: Apache-2.0
// nftpp::libnftables: the in-process executor compiles and links (its virtual functions
// call libnftables). Nothing is loaded: this runs without root and touches no ruleset.
#include <cstdio>

#include <nftpp/exec/libnftables_executor.hpp>

#ifndef NFTPP_HAS_LIBNFTABLES
#error "<nftables/libnftables.h> was not found through nftpp::libnftables"
#endif

int main() {
    nftpp::exec::libnftables_executor in_process;
    nftpp::exec::executor& e = in_process;
    std::puts("libnftables_executor linked");
    return e.version().has_value() ? 1 : 0;  // libnftables reports no version
}
