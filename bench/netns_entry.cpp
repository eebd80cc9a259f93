// SPDX-License-Identifier: Apache-2.0
// Entering the namespace: the process executor's two ways, applying the seed's 7-rule fence
// (render + apply, the replace idiom) into a namespace, interleaved in one run:
//   setns    the runner process enters the namespace with setns, then runs nft (1 program)
//   nsenter  nsenter --net=... -- nft (2 programs, the way before)
// Each repetition applies both, in alternating order, after a delete that is not timed;
// the ratio is taken per repetition (paired). The same for a listing (`nft -j list
// ruleset`), where no commit and so no RCU grace period hides the cost of starting nft. A second namespace holds the same hooks for
// the whole run, so the kernel's one-time cost of the first hook of a kind is not measured.
// Needs root. Usage: bench_netns_entry [repetitions]   (prints a Markdown table)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fences.hpp"

#include <nftpp/testing/scratch_netns.hpp>

using namespace nftpp;

namespace {
double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::atoi(argv[1]) : 41;
    if (auto why = testing::scratch_netns::unavailable_reason()) {
        std::fprintf(stderr, "bench_netns_entry needs network namespaces: %s\n", why->c_str());
        return 2;
    }
    const auto proxy = ipv4_addr::parse("10.200.0.1").value();
    const auto prefix = log_prefix::parse("openshell:bypass:bench:").value();
    const auto fence = ruleset(replace(fences::sandbox_fence(proxy, port(3128), prefix)));
    testing::scratch_netns holder("bench-hooks");  // keeps the hooks in place all along
    testing::scratch_netns ns("bench-entry");
    if (!holder.ok() || !ns.ok() || !holder.executor().apply(render(fence)).ok()) {
        std::fprintf(stderr, "could not prepare the namespaces\n");
        return 1;
    }
    exec::executor_options via_nsenter;
    via_nsenter.entry = exec::netns_entry::nsenter;
    auto with_setns = ns.executor();
    auto with_nsenter = ns.executor(via_nsenter);
    const auto timed = [&](exec::netns_executor& ex) {
        if (!ex.delete_table(family::inet, "openshell_bypass", exec::absent_table::is_success).ok()) return -1.0;
        const auto t0 = std::chrono::steady_clock::now();
        if (!ex.apply(render(fence)).ok()) return -1.0;
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    };
    for (int i = 0; i < 3; ++i) {  // warm up both
        timed(with_setns);
        timed(with_nsenter);
    }
    const auto listed = [&](exec::netns_executor& ex) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!ex.list_ruleset_json().ok()) return -1.0;
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    };
    std::vector<double> la, lb, lratio;
    for (int i = 0; i < reps; ++i) {
        double x, y;
        if (i % 2 == 0) {
            x = listed(with_setns);
            y = listed(with_nsenter);
        } else {
            y = listed(with_nsenter);
            x = listed(with_setns);
        }
        if (x < 0 || y < 0) {
            std::fprintf(stderr, "a listing failed\n");
            return 1;
        }
        la.push_back(x);
        lb.push_back(y);
        lratio.push_back(x / y);
    }
    std::vector<double> a, b, ratio;
    for (int i = 0; i < reps; ++i) {
        double x, y;
        if (i % 2 == 0) {
            x = timed(with_setns);
            y = timed(with_nsenter);
        } else {
            y = timed(with_nsenter);
            x = timed(with_setns);
        }
        if (x < 0 || y < 0) {
            std::fprintf(stderr, "an apply failed\n");
            return 1;
        }
        a.push_back(x);
        b.push_back(y);
        ratio.push_back(x / y);
    }
    std::printf("| operation | way | programs | median ms (%d repetitions, interleaved) | vs nsenter (paired median) |\n", reps);
    std::printf("|---|---|---:|---:|---:|\n");
    std::printf("| apply the fence (render + replace) | setns in the runner | 1 | %.2f | %.2fx |\n", median(a), median(ratio));
    std::printf("| apply the fence (render + replace) | nsenter + nft | 2 | %.2f | 1.00x |\n", median(b));
    std::printf("| list the ruleset (JSON) | setns in the runner | 1 | %.2f | %.2fx |\n", median(la), median(lratio));
    std::printf("| list the ruleset (JSON) | nsenter + nft | 2 | %.2f | 1.00x |\n", median(lb));
    return 0;
}
