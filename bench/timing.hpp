#pragma once
// What the apply benchmarks share: the median of timed runs, and running a command.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <nftpp/exec/process.hpp>

namespace bench {

// Median milliseconds of `runs` calls of op, each after setup (not timed); -1 if one fails.
inline double median_ms(int runs, const std::function<void()>& setup, const std::function<bool()>& op) {
    using clock_type = std::chrono::steady_clock;
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        setup();
        const auto t0 = clock_type::now();
        if (!op()) {
            std::fprintf(stderr, "a run failed\n");
            return -1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

inline bool run(const std::vector<std::string>& argv) {
    return nftpp::exec::run_process({argv, {}, std::chrono::seconds(120)}).succeeded();
}

}  // namespace bench
