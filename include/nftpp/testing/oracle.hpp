// SPDX-License-Identifier: Apache-2.0
#pragma once
// load_in_scratch: load a script for real in a fresh scratch namespace and list the
// result — the test oracle (`nft -c` alone misses hook and jump errors that the kernel
// refuses at commit).
#include <string>

#include <nftpp/exec/outcome.hpp>
#include <nftpp/render/script.hpp>
#include <nftpp/testing/scratch_netns.hpp>

namespace nftpp::testing {

struct load_report {
    exec::outcome apply;
    std::string listing_json;  // `nft -j list ruleset` after the apply
};

[[nodiscard]] inline load_report load_in_scratch(const script& s) {
    scratch_netns ns("oracle");
    load_report r;
    if (!ns.ok()) {
        r.apply.kind = exec::outcome_kind::namespace_missing;
        r.apply.detail = ns.error();
        return r;
    }
    auto ex = ns.executor();
    r.apply = ex.apply(s);
    r.listing_json = ex.list_ruleset_json().out;
    return r;
}

}  // namespace nftpp::testing
