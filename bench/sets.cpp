// SPDX-License-Identifier: Apache-2.0
// Sets at scale: a table with one set of N IPv4 addresses (N = 1 000, 10 000, 100 000),
// replaced and filled in one transaction, four ways (median of R runs each):
//   render            nftpp renders the script (no process)
//   nftpp apply       render + netns_executor::apply: nsenter + one `nft -f -`
//   nft -f file       the same content written by hand-rolled string code into a file,
//                     loaded with nsenter + nft -f (what nftpp is measured against)
//   read back         read_set: `nft -j list table` parsed into typed values
// Needs root. Usage: bench_sets [runs]   (prints a Markdown table)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nftpp/nftpp.hpp>
#include <nftpp/readback.hpp>
#include <nftpp/testing/scratch_netns.hpp>

#include "timing.hpp"

using namespace nftpp;

namespace {
using bench::median_ms;
using bench::run;

auto allow_table() {
    return table<family::inet>("allow", set<"hosts", ipv4_addr>(),
                               base_chain<"input", filter_chain(hook::input)>(ip.saddr == at<"hosts"> >> accept));
}

// The same content as nftpp renders, written the way hand-rolled code would.
std::string hand_written(const std::vector<ipv4_addr>& hosts) {
    std::string s =
        "add table inet allow\ndelete table inet allow\ntable inet allow {\n\tset hosts {\n\t\ttype ipv4_addr\n\t}\n"
        "\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tip saddr @hosts accept\n\t}\n}\n"
        "add element inet allow hosts {\n";
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        const auto b = hosts[i].bits;
        s += '\t' + std::to_string(b >> 24) + '.' + std::to_string((b >> 16) & 255) + '.' + std::to_string((b >> 8) & 255) +
             '.' + std::to_string(b & 255) + (i + 1 < hosts.size() ? ",\n" : "\n");
    }
    return s + "}\n";
}
}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 7;
    if (auto why = testing::scratch_netns::unavailable_reason()) {
        std::fprintf(stderr, "bench_sets needs network namespaces: %s\n", why->c_str());
        return 2;
    }
    testing::scratch_netns ns("bench-sets");
    const std::string nsenter = *exec::find_trusted(exec::nsenter_candidates).path;
    const std::string nft = *exec::find_trusted(exec::nft_candidates).path;
    const std::string net = "--net=" + ns.path();
    auto ex = ns.executor();
    auto clean = [&] { run({nsenter, net, "--", nft, "flush", "ruleset"}); };
    const auto t = allow_table();
    const auto file = (std::filesystem::temp_directory_path() / ("nftpp-bench-sets-" + std::to_string(::getpid()) + ".nft")).string();

    std::printf("| elements | render ms | nftpp apply ms | nft -f file ms | apply vs file | read back ms |\n"
                "|---:|---:|---:|---:|---:|---:|\n");
    for (std::size_t n : {1000u, 10000u, 100000u}) {
        std::vector<ipv4_addr> hosts;
        hosts.reserve(n);
        for (std::size_t i = 0; i < n; ++i) hosts.push_back(ipv4_addr::from_bits(0x0a000001u + static_cast<std::uint32_t>(i)));
        const auto rs = ruleset(replace(t), add_elements<"hosts">(t, hosts));
        {
            const std::string text = hand_written(hosts);
            if (text != render_text(rs)) {
                std::fprintf(stderr, "the hand-written file differs from nftpp's script\n");
                return 1;
            }
            std::ofstream(file) << text;
        }
        const double render_ms = median_ms(runs, [] {}, [&] { return !render_text(rs).empty(); });
        const double apply_ms = median_ms(runs, clean, [&] { return ex.apply(render(rs)).ok(); });
        const double file_ms = median_ms(runs, clean, [&] { return run({nsenter, net, "--", nft, "-f", file}); });
        const double read_ms = median_ms(runs, [] {}, [&] {
            const auto back = read_set<"hosts">(ex, t);
            return back.ok() && back.elements.size() == n;
        });
        std::printf("| %zu | %.2f | %.1f | %.1f | %.2fx | %.1f |\n", n, render_ms, apply_ms, file_ms, apply_ms / file_ms, read_ms);
    }
    std::filesystem::remove(file);
    return 0;
}
