// SPDX-License-Identifier: Apache-2.0
// Large rulesets through the persistent executor, interleaved: a 10 000-rule chain and a
// 100 000-element set, each as nftpp render() + apply, against loading the same text
// (rendered once, before the clock) with the same executor. The ratio is what rendering
// with origins adds. render() and render_text() alone are timed too.
// Needs root. Usage: bench_large [repetitions]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "timing.hpp"

#include <nftpp/exec/persistent_executor.hpp>
#include <nftpp/nftpp.hpp>
#include <nftpp/testing/scratch_netns.hpp>

using namespace nftpp;

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::atoi(argv[1]) : 7;
    if (auto why = testing::scratch_netns::unavailable_reason()) {
        std::fprintf(stderr, "bench_large needs network namespaces: %s\n", why->c_str());
        return 2;
    }
    testing::scratch_netns ns("large"), pin("largepin");
    if (!ns.ok() || !pin.ok()) return 2;
    std::vector<port> ports;
    for (int i = 0; i < 10000; ++i) ports.push_back(port::from(1000 + i).value());
    const auto src = ipv4_addr::parse("10.0.0.1").value();
    const auto rules = [&] {
        return ruleset(replace(table<family::inet>("big", base_chain<"input", filter_chain(hook::input)>(
            rules_from(ports, [&](port p) { return ip.saddr == src && tcp.dport == p >> counter >> accept; })))));
    };
    std::vector<ipv4_addr> hosts;
    for (std::uint32_t i = 0; i < 100000; ++i) hosts.push_back(ipv4_addr::from_bits(0x0a000000u + i + 1));
    const auto set_table = table<family::inet>("allow", set<"hosts", ipv4_addr>());
    const auto elements = [&] { return ruleset(replace(set_table), add_elements<"hosts">(set_table, hosts)); };
    // the same hooks held elsewhere
    if (!pin.executor().apply(render(rules())).ok()) return 2;

    auto ex = exec::persistent_executor::named(ns.name());
    const std::string rules_text = render_text(rules());
    const std::string set_text = render_text(elements());
    std::vector<bench::way> ways;
    ways.push_back({"10 000 rules: render() + apply", {}, [&] { return ex.apply(render(rules())).ok(); }});
    ways.push_back({"10 000 rules: apply of the same text", {}, [&] { return ex.apply(std::string_view(rules_text)).ok(); }});
    ways.push_back({"10 000 rules: render() alone", {}, [&] { return !render(rules()).empty(); }});
    ways.push_back({"10 000 rules: render_text() alone", {}, [&] { return !render_text(rules()).empty(); }});
    ways.push_back({"100 000 elements: render() + apply", {}, [&] { return ex.apply(render(elements())).ok(); }});
    ways.push_back({"100 000 elements: apply of the same text", {}, [&] { return ex.apply(std::string_view(set_text)).ok(); }});
    ways.push_back({"100 000 elements: render() alone", {}, [&] { return !render(elements()).empty(); }});
    bench::interleave(ways, reps);
    std::printf("%d repetitions, interleaved, persistent_executor; a namespace holding the same hooks throughout.\n\n", reps);
    std::printf("| way | median ms |\n|---|---:|\n");
    for (const auto& w : ways)
        if (!w.ms.empty()) std::printf("| %s | %.1f |\n", w.name.c_str(), bench::median(w.ms));
    std::printf("\n| ratio (paired, median) | value | goal |\n|---|---:|---|\n");
    if (!ways[0].ms.empty() && !ways[1].ms.empty())
        std::printf("| 10 000 rules: render + apply / apply of the text | %.2f | <= 1.1 |\n", bench::paired_ratio(ways[0], ways[1]));
    if (!ways[4].ms.empty() && !ways[5].ms.empty())
        std::printf("| 100 000 elements: render + apply / apply of the text | %.2f | <= 1.1 |\n", bench::paired_ratio(ways[4], ways[5]));
    return 0;
}
