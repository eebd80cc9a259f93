// SPDX-License-Identifier: Apache-2.0
// Mapping nft's error lines back to the script (exec::map_nft_errors): the cost for N error
// lines against a script of N/2 one-line rules, each with its origin (what N/2 refused rules
// print), next to the per-message lookup it replaced (script::origin_of_line and
// script::line for every message: linear each, so quadratic in all).
// Usage: bench_errors [runs]   (prints a Markdown table; median of runs)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nftpp/exec/outcome.hpp>

using namespace nftpp;

namespace {

script many_rules(std::size_t rules) {
    std::string text = "table inet t {\n\tchain c {\n";
    std::vector<script_origin> origins;
    origins.push_back(script_origin{1, rules + 4, "replace table inet t", "inet t", "", 0, ""});
    for (std::size_t i = 0; i < rules; ++i) {
        text += "\t\ttcp dport " + std::to_string(i % 65535 + 1) + " accept\n";
        origins.push_back(script_origin{i + 3, i + 3, "rule", "inet t", "c", static_cast<long>(i), ""});
    }
    text += "\t}\n}\n";
    return script(std::move(text), std::move(origins));
}

std::string errors_for(std::size_t lines, std::size_t rules) {
    std::string err;
    for (std::size_t i = 0; i < lines; ++i) {
        err += "/dev/stdin:" + std::to_string((i * 7919) % rules + 3) +
               ":3-9: Error: Could not process rule: No such file or directory\n\t\ttcp dport 1 accept\n\t\t^^^^^^^\n";
    }
    return err;
}

// The mapping as it was: every message looks its origin and its line up from the start.
std::size_t per_message_lookup(std::string_view err, const script& s) {
    std::size_t mapped = 0;
    for (const auto& m : exec::map_nft_errors(err, nullptr, static_cast<std::size_t>(-1)).messages) {
        if (m.line == 0) continue;
        if (s.origin_of_line(m.line)) ++mapped;
        mapped += s.line(m.line).size() > 1000000 ? 1 : 0;  // (the line text, looked up as it was)
    }
    return mapped;
}

template <class F>
double median_ms(int runs, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    std::printf("| error lines | rules | map_nft_errors, all mapped (ms) | map_nft_errors, default bound (ms) | per-message lookup (ms) |\n");
    std::printf("|---:|---:|---:|---:|---:|\n");
    volatile std::size_t sink = 0;
    for (const std::size_t n : {2500u, 5000u, 10000u, 20000u, 120000u}) {
        const std::size_t rules = n / 2;
        const script s = many_rules(rules);
        const std::string err = errors_for(n, rules);
        const double all = median_ms(runs, [&] { sink = sink + exec::map_nft_errors(err, &s, n).messages.size(); });
        const double bounded = median_ms(runs, [&] { sink = sink + exec::map_nft_errors(err, &s).messages.size(); });
        if (n <= 20000) {
            const double old = median_ms(runs, [&] { sink = sink + per_message_lookup(err, s); });
            std::printf("| %zu | %zu | %.1f | %.1f | %.0f |\n", n, rules, all, bounded, old);
        } else {
            std::printf("| %zu | %zu | %.1f | %.1f | (not run: quadratic) |\n", n, rules, all, bounded);
        }
    }
    return 0;
}
