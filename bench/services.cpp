// SPDX-License-Identifier: Apache-2.0
// Structure from data at scale: 10 000 services with 30 000 endpoints (examples/service_lb),
// interleaved in one run:
//   build + check + render    the services parsed, the run-time table built, checked and
//                             rendered (what nftpp adds before nft sees anything)
//   full apply                the rendered script of every service, loaded (text rendered before the clock)
//   update one endpoint       update(old, new) of one service's endpoint: diffed, checked,
//                             rendered and applied
// Goals (issue "run-time structure"): build + check + render under 5% of the full apply;
// the update under 10% of it. Needs root (a scratch namespace) and libnftables.
// Usage: bench_services [repetitions]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "service_lb.hpp"
#include "timing.hpp"

#include <nftpp/exec/persistent_executor.hpp>
#include <nftpp/nftpp.hpp>
#include <nftpp/testing/scratch_netns.hpp>

using namespace nftpp;

namespace {
std::string services_json(int n, int changed_port) {
    std::string j = R"({"table": "svc", "services": [)";
    for (int i = 0; i < n; ++i) {
        const int a = i / 250, b = i % 250 + 1;
        j += (i ? "," : "");
        j += R"({"name": "s)" + std::to_string(i) + R"(", "vip": "10.96.)" + std::to_string(a) + "." + std::to_string(b) +
             R"(", "port": 80, "protocol": "tcp", "endpoints": [)";
        for (int k = 0; k < 3; ++k) {
            const int port = (i == 0 && k == 0) ? changed_port : 8080;
            j += std::string(k ? "," : "") + R"({"addr": "10.)" + std::to_string(100 + k) + "." + std::to_string(a) + "." +
                 std::to_string(b) + R"(", "port": )" + std::to_string(port) + "}";
        }
        j += "]}";
    }
    return j + "]}";
}
}  // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::atoi(argv[1]) : 7;
    if (auto why = testing::scratch_netns::unavailable_reason()) {
        std::fprintf(stderr, "bench_services needs network namespaces: %s\n", why->c_str());
        return 2;
    }
    testing::scratch_netns ns("services");
    if (!ns.ok()) return 2;
    const int n = 10000;
    const std::string v1 = services_json(n, 8080), v2 = services_json(n, 8081);
    const auto config1 = service_lb::parse_config(v1);
    const auto config2 = service_lb::parse_config(v2);
    const std::string full_text = render_text(ruleset(replace(service_lb::build_table(config1))));
    auto ex = exec::persistent_executor::named(ns.name());
    bool at_v2 = false;
    std::vector<bench::way> ways;
    ways.push_back({"build + check + render (10 000 services)", {}, [&] {
                        return !render(ruleset(replace(service_lb::build_table(config1)))).empty();
                    }});
    ways.push_back({"full apply of the rendered text", {}, [&] {
                        at_v2 = false;
                        return ex.apply(std::string_view(full_text)).ok();
                    }});
    ways.push_back({"update one endpoint: build both, diff, check, render, apply",
                    [&] {  // from the state the last full apply left (v1), or back to it
                        if (at_v2) at_v2 = !ex.apply(std::string_view(full_text)).ok();
                    },
                    [&] {
                        const auto u = update(service_lb::build_table(config1), service_lb::build_table(config2));
                        const bool ok = ex.apply(render(ruleset(u))).ok();
                        at_v2 = ok;
                        return ok;
                    }});
    ways.push_back({"update one endpoint: diff, check, render, apply (tables built before)",
                    [&] {
                        if (at_v2) at_v2 = !ex.apply(std::string_view(full_text)).ok();
                    },
                    [&] {
                        static const runtime_table t1 = service_lb::build_table(config1), t2 = service_lb::build_table(config2);
                        const bool ok = ex.apply(render(ruleset(update(t1, t2)))).ok();
                        at_v2 = ok;
                        return ok;
                    }});
    if (!ex.apply(std::string_view(full_text)).ok()) return 2;
    bench::interleave(ways, reps);
    std::printf("%d services, %d endpoints, %zu bytes of script; %d repetitions, interleaved, persistent_executor.\n\n", n, 3 * n,
                full_text.size(), reps);
    std::printf("| way | median ms |\n|---|---:|\n");
    for (const auto& w : ways)
        if (!w.ms.empty()) std::printf("| %s | %.1f |\n", w.name.c_str(), bench::median(w.ms));
    std::printf("\n| ratio (paired, median) | value | goal |\n|---|---:|---|\n");
    std::printf("| build + check + render / full apply | %.3f | < 0.05 |\n", bench::paired_ratio(ways[0], ways[1]));
    std::printf("| update one endpoint (all of it) / full apply | %.3f | < 0.10 |\n", bench::paired_ratio(ways[2], ways[1]));
    std::printf("| update one endpoint (tables built) / full apply | %.3f | < 0.10 |\n", bench::paired_ratio(ways[3], ways[1]));
    return 0;
}
