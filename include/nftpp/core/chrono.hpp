// SPDX-License-Identifier: Apache-2.0
#pragma once
// std::chrono's durations, time points and clocks, which nftpp uses (timeouts), without
// the rest of <chrono>. In C++20, libstdc++'s <chrono> also brings the calendar, time
// zones and <sstream> (about 0.3 s of compile time in every translation unit with g++ 12);
// its durations and clocks are <bits/chrono.h>, which its own <thread> and <mutex> use.
// Elsewhere this is <chrono>. A program that uses more of std::chrono includes <chrono>.
#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif
