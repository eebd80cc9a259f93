// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the apply benchmarks share: ways of doing one thing, timed interleaved (each
// repetition runs every way once, in an order that rotates), medians and paired ratios
// (the median over repetitions of one way's time divided by another's in the same
// repetition: machine noise hits both alike), and running a command.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <nftpp/exec/process.hpp>

namespace bench {

using clock_type = std::chrono::steady_clock;

inline double ms_since(clock_type::time_point t0) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

inline double median(std::vector<double> v) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// One way of doing the thing: setup (not timed), then op (timed; false = it failed).
struct way {
    std::string name;
    std::function<void()> setup;
    std::function<bool()> op;
    std::string note = {};
    std::vector<double> ms = {};
    bool failed = false;
};

// Runs every way `reps` times, interleaved, in a new random order each round (a fixed
// seed), so that no way always follows the same other way; the first `warmup` rounds are
// not kept.
inline void interleave(std::vector<way>& ways, int reps, int warmup = 1) {
    std::mt19937 shuffle_with(20261202);
    std::vector<std::size_t> order(ways.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    for (int r = 0; r < reps + warmup; ++r) {
        std::shuffle(order.begin(), order.end(), shuffle_with);
        for (std::size_t k = 0; k < ways.size(); ++k) {
            way& w = ways[order[k]];
            if (w.failed) continue;
            if (w.setup) w.setup();
            const auto t0 = clock_type::now();
            const bool ok = w.op();
            const double t = ms_since(t0);
            if (!ok) {
                std::fprintf(stderr, "%s: a run failed\n", w.name.c_str());
                w.failed = true;
                continue;
            }
            if (r >= warmup) w.ms.push_back(t);
        }
    }
}

// Median over repetitions of a.ms[i] / b.ms[i].
inline double paired_ratio(const way& a, const way& b) {
    std::vector<double> r;
    for (std::size_t i = 0; i < std::min(a.ms.size(), b.ms.size()); ++i) r.push_back(a.ms[i] / b.ms[i]);
    return median(r);
}

inline bool run(const std::vector<std::string>& argv, const std::string& input = {}) {
    return nftpp::exec::run_process({argv, input, std::chrono::seconds(120)}).succeeded();
}

// Median milliseconds of `runs` calls of op, each after setup (not timed); -1 if one fails.
inline double median_ms(int runs, const std::function<void()>& setup, const std::function<bool()>& op) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        setup();
        const auto t0 = clock_type::now();
        if (!op()) {
            std::fprintf(stderr, "a run failed\n");
            return -1;
        }
        ms.push_back(ms_since(t0));
    }
    return median(ms);
}

}  // namespace bench
