// SPDX-License-Identifier: Apache-2.0
// sidecar_fence: the fence for a sidecar proxy in the current namespace (seed §2).
//
//   sidecar_fence PROXY_UID            print the script
//   sidecar_fence --apply PROXY_UID    probe, then load it here (one transaction)
//
// Loopback, replies and the proxy's uid get out; every other connection is logged with
// the uid (rate limited) and refused at once. As with sandbox_fence, the optional rules
// (the log rules and the conntrack accept) are left out, and listed on stderr, when the
// kernel here lacks what they need; the rest is one atomic apply.
#include <cstdio>
#include <string>
#include <string_view>

#include "fences.hpp"

int main(int argc, char** argv) {
    using namespace nftpp;
    int arg = 1;
    const bool apply = argc > 1 && std::string_view(argv[1]) == "--apply";
    if (apply) ++arg;
    if (argc - arg != 1) {
        std::fprintf(stderr, "usage: %s [--apply] PROXY_UID\n", argv[0]);
        return 2;
    }
    try {
        const uid proxy_uid = uid::parse(argv[arg]).value(argv[arg]);
        const auto fence = ruleset(replace(fences::sidecar_fence(proxy_uid, "openshell:sidecar-bypass:")));
        if (!apply) {
            const std::string text = render_text(fence);
            std::fwrite(text.data(), 1, text.size(), stdout);
            return 0;
        }
        const auto executor = exec::best_executor_for();  // in-process with libnftables, else nft
        const apply_report report = apply_with_probes(*executor, fence);
        for (const skipped_rule& s : report.skipped) std::fprintf(stderr, "%s\n", s.describe().c_str());
        if (!report.outcome.ok()) {
            std::fprintf(stderr, "%s\n", report.outcome.describe().c_str());
            return report.outcome.kind == exec::outcome_kind::nft_not_found ? 3 : 1;
        }
        std::fwrite(report.applied.text().data(), 1, report.applied.text().size(), stdout);
        return 0;
    } catch (const value_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
}
