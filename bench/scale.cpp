// SPDX-License-Identifier: Apache-2.0
// The fence into many namespaces from one process: N = 1, 10, 100, 300 namespaces, each
// with its own persistent_executor (open, apply the fence, close), sequentially and with
// 4 workers, the whole process pinned to one CPU ("on one core"). The namespaces exist
// before the clock starts and are empty (their table deleted, not timed) before each
// repetition; a namespace outside the set holds the same hooks throughout. For
// comparison, netns_executor (nsenter + nft) sequentially at N = 10 and 100.
// Needs root. Usage: bench_scale [repetitions]
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "fences.hpp"
#include "timing.hpp"

#include <nftpp/exec/persistent_executor.hpp>
#include <nftpp/testing/scratch_netns.hpp>

using namespace nftpp;

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::atoi(argv[1]) : 5;
    if (auto why = testing::scratch_netns::unavailable_reason()) {
        std::fprintf(stderr, "bench_scale needs network namespaces: %s\n", why->c_str());
        return 2;
    }
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    const bool pinned = ::sched_setaffinity(0, sizeof(one), &one) == 0;
    const auto proxy = ipv4_addr::parse("10.200.0.1").value();
    const auto prefix = log_prefix::parse("openshell:bypass:scale:").value();
    const auto fence = ruleset(replace(fences::sandbox_fence(proxy, port(3128), prefix)));

    testing::scratch_netns pin("scalepin");
    if (!pin.ok() || !pin.executor().apply(render(fence)).ok()) {
        std::fprintf(stderr, "cannot prepare the pinning namespace\n");
        return 2;
    }
    constexpr std::size_t most = 300;
    std::vector<std::unique_ptr<testing::scratch_netns>> spaces;
    for (std::size_t i = 0; i < most; ++i) {
        spaces.push_back(std::make_unique<testing::scratch_netns>("scale"));
        if (!spaces.back()->ok()) {
            std::fprintf(stderr, "cannot make namespace %zu: %s\n", i, spaces.back()->error().c_str());
            return 2;
        }
    }
    const auto empty_all = [&](std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            auto e = exec::persistent_executor::named(spaces[i]->name());
            (void)e.delete_table(family::inet, "openshell_bypass", exec::absent_table::is_success);
        }
    };
    // open, apply, close each of namespaces [from, to) with the persistent executor
    std::atomic<int> failures{0};
    const auto fence_range = [&](std::size_t from, std::size_t to, std::size_t step) {
        for (std::size_t i = from; i < to; i += step) {
            auto e = exec::persistent_executor::named(spaces[i]->name());
            if (!e.apply(render(fence)).ok()) ++failures;
            e.close();
        }
    };
    std::printf("%d repetitions; %s\n\n", reps, pinned ? "pinned to CPU 0" : "NOT pinned (sched_setaffinity failed)");
    std::printf("| N | way | median ms | namespaces/s |\n|---:|---|---:|---:|\n");
    for (std::size_t n : {std::size_t{1}, std::size_t{10}, std::size_t{100}, std::size_t{300}}) {
        std::vector<bench::way> ways;
        ways.push_back({"persistent, sequential", [&] { empty_all(n); }, [&] {
                            fence_range(0, n, 1);
                            return failures == 0;
                        }});
        ways.push_back({"persistent, 4 workers", [&] { empty_all(n); }, [&] {
                            std::vector<std::thread> pool;
                            for (std::size_t w = 0; w < 4; ++w) pool.emplace_back([&, w] { fence_range(w, n, 4); });
                            for (auto& t : pool) t.join();
                            return failures == 0;
                        }});
        if (n == 10 || n == 100) {
            ways.push_back({"netns_executor (nsenter + nft), sequential", [&] { empty_all(n); }, [&] {
                                for (std::size_t i = 0; i < n; ++i)
                                    if (!spaces[i]->executor().apply(render(fence)).ok()) return false;
                                return true;
                            }});
        }
        bench::interleave(ways, n >= 100 ? std::max(1, reps / 2) : reps, n >= 100 ? 0 : 1);
        for (const auto& w : ways) {
            if (w.ms.empty()) continue;
            const double m = bench::median(w.ms);
            std::printf("| %zu | %s | %.1f | %.0f |\n", n, w.name.c_str(), m, 1000.0 * static_cast<double>(n) / m);
        }
    }
    // the same, without reopening: one executor per namespace kept open, the fence applied
    // again (steady state)
    {
        std::vector<exec::persistent_executor> kept;
        for (std::size_t i = 0; i < most; ++i) kept.push_back(exec::persistent_executor::named(spaces[i]->name()));
        for (auto& e : kept) (void)e.apply(render(fence));
        std::vector<bench::way> ways;
        ways.push_back({"persistent, kept open, re-apply (steady), sequential", {}, [&] {
                            for (auto& e : kept)
                                if (!e.apply(render(fence)).ok()) return false;
                            return true;
                        }});
        bench::interleave(ways, reps);
        const double m = bench::median(ways[0].ms);
        std::printf("| %zu | %s | %.1f | %.0f |\n", most, ways[0].name.c_str(), m, 1000.0 * static_cast<double>(most) / m);
    }
    if (failures) std::fprintf(stderr, "%d applies failed\n", failures.load());
    return failures == 0 ? 0 : 1;
}
