// SPDX-License-Identifier: Apache-2.0
// Rendering cost: the sandbox fence with run-time values, a 10 000-rule chain built from
// a run-time range (and 1k/10k/16k rules both as render_text() and as render(), the
// script with origins that executors load), a 100 000-element set, and a constant table (rendered by the compiler:
// at run time it is a string already in the binary).
#include <benchmark/benchmark.h>

#include <vector>

#include "fences.hpp"

using namespace nftpp;

static void fence(benchmark::State& state) {
    const auto proxy = ipv4_addr::parse("10.200.0.1").value();
    const auto p = port::parse("3128").value();
    const auto prefix = log_prefix::parse("openshell:bypass:sandbox-1a2b3c4d:").value();
    for (auto _ : state) {
        auto text = render_text(ruleset(replace(fences::sandbox_fence(proxy, p, prefix))));
        benchmark::DoNotOptimize(text.data());
    }
}
BENCHMARK(fence);

static void fence_with_origins(benchmark::State& state) {
    const auto proxy = ipv4_addr::parse("10.200.0.1").value();
    const auto prefix = log_prefix::parse("openshell:bypass:sandbox-1a2b3c4d:").value();
    for (auto _ : state) {
        auto s = render(ruleset(replace(fences::sandbox_fence(proxy, port(3128), prefix))));
        benchmark::DoNotOptimize(s.text().data());
    }
}
BENCHMARK(fence_with_origins);

static void rules_10k(benchmark::State& state) {
    std::vector<port> ports;
    for (int i = 0; i < 10000; ++i) ports.push_back(port::from(1000 + i).value());
    const auto src = ipv4_addr::parse("10.0.0.1").value();
    for (auto _ : state) {
        auto t = table<family::inet>("big", base_chain<"input", filter_chain(hook::input)>(
            rules_from(ports, [&](port p) { return ip.saddr == src && tcp.dport == p >> counter >> accept; })));
        auto text = render_text(ruleset(replace(t)));
        benchmark::DoNotOptimize(text.data());
    }
    state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(rules_10k)->Unit(benchmark::kMillisecond);

// render() (the script with origins, the form the executors load) beside render_text(),
// at 1 000, 10 000 and 16 000 rules.
template <bool WithOrigins>
static void rules_n(benchmark::State& state) {
    std::vector<port> ports;
    for (int i = 0; i < state.range(0); ++i) ports.push_back(port::from(1000 + i).value());
    const auto src = ipv4_addr::parse("10.0.0.1").value();
    for (auto _ : state) {
        auto t = table<family::inet>("big", base_chain<"input", filter_chain(hook::input)>(
            rules_from(ports, [&](port p) { return ip.saddr == src && tcp.dport == p >> counter >> accept; })));
        if constexpr (WithOrigins) {
            auto s = render(ruleset(replace(t)));
            benchmark::DoNotOptimize(s.text().data());
        } else {
            auto text = render_text(ruleset(replace(t)));
            benchmark::DoNotOptimize(text.data());
        }
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK_TEMPLATE(rules_n, false)->Name("rules_render_text")->Arg(1000)->Arg(10000)->Arg(16000)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(rules_n, true)->Name("rules_render_with_origins")->Arg(1000)->Arg(10000)->Arg(16000)->Unit(benchmark::kMillisecond);

static void set_100k(benchmark::State& state) {
    std::vector<ipv4_addr> hosts;
    for (std::uint32_t i = 0; i < 100000; ++i) hosts.push_back(ipv4_addr::from_bits(0x0a000000u + i + 1));
    const auto t = table<family::inet>("allow", set<"hosts", ipv4_addr>());
    for (auto _ : state) {
        auto text = render_text(ruleset(add_elements<"hosts">(t, hosts)));
        benchmark::DoNotOptimize(text.data());
    }
    state.SetItemsProcessed(state.iterations() * 100000);
}
BENCHMARK(set_100k)->Unit(benchmark::kMillisecond);

static void static_table(benchmark::State& state) {
    for (auto _ : state) {
        constexpr auto& text = static_script<[] {
            return table<family::inet>("fence", base_chain<"output", filter_chain(hook::output)>(policy::accept,
                oifname == "lo" >> accept, tcp.dport == 3128 >> accept, log("blocked: ", skuid) >> reject));
        }>;
        benchmark::DoNotOptimize(text.c_str());
    }
}
BENCHMARK(static_table);

BENCHMARK_MAIN();
