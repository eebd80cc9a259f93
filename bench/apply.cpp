// SPDX-License-Identifier: Apache-2.0
// Applying the sandbox fence (7 rules) in a network namespace, every way, interleaved:
// each repetition runs every way once (the order rotates), so the ratios are paired per
// repetition. A second namespace holds the same hooks for the whole run, so no way pays
// the kernel's first-hook-of-a-kind code patching (static keys) by accident.
//
// Into an empty namespace (the table deleted before each run, not timed):
//   seed way            `ip netns exec NS nft add ...`: one nft process per command (9)
//   sandbox_fence       the example as a whole process (`sandbox_fence --apply NS ...`)
//   nft -f file         a plain apply as a whole process: nsenter + nft -f of the same text
//   netns_executor      nsenter + nft, one transaction (absent table: no delete)
//   netns_executor, as is   the same with the replace idiom's delete kept
//   persistent          persistent_executor (one libnftables context kept open)
//   libnftables, fresh  libnftables_executor (a context made and freed per apply)
// Over the fence already there (steady state):
//   seed way            `nft delete table` then the 9 commands: 10 processes
//   sandbox_fence, netns_executor, persistent, libnftables fresh: as above
//   persistent + probes apply_with_probes through the persistent executor (probes cached)
//   persistent, text    the pre-rendered script (no render)
//   raw netlink batch   the exact batch libnftables sends, replayed on an open socket:
//                       the kernel's own work, the floor
// Needs root. Usage: bench_apply [repetitions]   (prints Markdown tables)
#include <sched.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "fences.hpp"
#include "raw_batch.hpp"
#include "timing.hpp"

#include <nftpp/exec/libnftables_executor.hpp>
#include <nftpp/exec/persistent_executor.hpp>
#include <nftpp/testing/scratch_netns.hpp>

using namespace nftpp;

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::atoi(argv[1]) : 41;
    if (auto why = testing::scratch_netns::unavailable_reason()) {
        std::fprintf(stderr, "bench_apply needs network namespaces: %s\n", why->c_str());
        return 2;
    }
    testing::scratch_netns ns("bench"), pin("benchpin");
    if (!ns.ok() || !pin.ok()) {
        std::fprintf(stderr, "cannot make namespaces: %s %s\n", ns.error().c_str(), pin.error().c_str());
        return 2;
    }
    const std::string nsenter = *exec::find_trusted(exec::nsenter_candidates).path;
    const std::string nft = *exec::find_trusted(exec::nft_candidates).path;
    const std::string ip = *exec::find_trusted(exec::ip_candidates).path;
    const std::string net = "--net=" + ns.path();
    const auto proxy = ipv4_addr::parse("10.200.0.1").value();
    const std::string prefix_text = "openshell:bypass:" + ns.name() + ":";
    const auto prefix = log_prefix::parse(prefix_text).value();
    const auto fence = ruleset(replace(fences::sandbox_fence(proxy, port(3128), prefix)));
    const script rendered = render(fence);

    // the same hooks held elsewhere for the whole run
    if (!pin.executor().apply(rendered).ok()) {
        std::fprintf(stderr, "cannot load the fence into the pinning namespace\n");
        return 2;
    }

    auto ex = ns.executor();
    auto persistent = exec::persistent_executor::named(ns.name());
    auto fresh = exec::libnftables_executor::named(ns.name());
    const auto remove_table = [&] { bench::run({nsenter, net, "--", nft, "delete", "table", "inet", "openshell_bypass"}); };
    const auto seed_way = [&] {
        const std::vector<std::string> rules = {
            "ip daddr 10.200.0.1 tcp dport 3128 accept", "oifname \"lo\" accept", "ct state established,related accept",
            "tcp flags syn limit rate 5/second burst 10 packets log prefix \"" + prefix_text + "\" flags skuid",
            "meta l4proto tcp reject with tcp reset",
            "meta l4proto udp limit rate 5/second burst 10 packets log prefix \"" + prefix_text + "\" flags skuid",
            "meta l4proto udp reject with icmpx type port-unreachable"};
        bool ok = bench::run({ip, "netns", "exec", ns.name(), nft, "add table inet openshell_bypass"}) &&
                  bench::run({ip, "netns", "exec", ns.name(), nft,
                              "add chain inet openshell_bypass output { type filter hook output priority 0; policy accept; }"});
        for (const auto& r : rules) ok = ok && bench::run({ip, "netns", "exec", ns.name(), nft, "add rule inet openshell_bypass output " + r});
        return ok;
    };
#ifdef NFTPP_SANDBOX_FENCE
    const auto sandbox_fence = [&] { return bench::run({NFTPP_SANDBOX_FENCE, "--apply", ns.name(), "10.200.0.1", "3128"}); };
#endif
    if (!persistent.apply(rendered).ok()) {
        std::fprintf(stderr, "the persistent executor cannot load the fence\n");
        return 2;
    }
    bench::raw_batch raw(ns.path(), rendered.text());
    // a plain apply as a whole process: the same text from a file, nsenter + nft -f
    const std::string file = "/tmp/nftpp-bench-fence-" + std::to_string(::getpid()) + ".nft";
    if (std::FILE* f = std::fopen(file.c_str(), "w")) {
        std::fputs(rendered.text().c_str(), f);
        std::fclose(f);
    }
    const auto plain_file = [&] { return bench::run({nsenter, net, "--", nft, "-f", file}); };
    if (!raw.ok()) std::fprintf(stderr, "could not capture libnftables' batch: no raw floor\n");

    std::vector<bench::way> ways;
    ways.push_back({"empty: seed way, one nft per command through ip netns exec (9)", remove_table, seed_way});
#ifdef NFTPP_SANDBOX_FENCE
    ways.push_back({"empty: sandbox_fence --apply, whole process", remove_table, sandbox_fence});
#endif
    ways.push_back({"empty: nsenter + nft -f file (a plain apply, whole process)", remove_table, plain_file});
    ways.push_back({"empty: netns_executor (nsenter + nft)", remove_table, [&] { return ex.apply(render(fence)).ok(); }});
    ways.push_back({"empty: netns_executor, replace idiom as is (deletes)", remove_table, [&] { return ex.apply_as_is(render(fence)).ok(); }});
    ways.push_back({"empty: persistent_executor", remove_table, [&] { return persistent.apply(render(fence)).ok(); }});
    ways.push_back({"empty: libnftables_executor (context per apply)", remove_table, [&] { return fresh.apply(render(fence)).ok(); }});
    ways.push_back({"steady: seed way, delete + 9 commands (10 nft)", {}, [&] {
                        return bench::run({ip, "netns", "exec", ns.name(), nft, "delete table inet openshell_bypass"}) && seed_way();
                    }});
#ifdef NFTPP_SANDBOX_FENCE
    ways.push_back({"steady: sandbox_fence --apply, whole process", {}, sandbox_fence});
#endif
    ways.push_back({"steady: nsenter + nft -f file (a plain apply, whole process)", {}, plain_file});
    ways.push_back({"steady: netns_executor (nsenter + nft)", {}, [&] { return ex.apply(render(fence)).ok(); }});
    ways.push_back({"steady: libnftables_executor (context per apply)", {}, [&] { return fresh.apply(render(fence)).ok(); }});
    ways.push_back({"steady: persistent_executor", {}, [&] { return persistent.apply(render(fence)).ok(); }});
    ways.push_back({"steady: persistent_executor, apply_with_probes (cached)", {}, [&] {
                        return apply_with_probes(persistent, fence).outcome.ok();
                    }});
    ways.push_back({"steady: persistent_executor, pre-rendered script", {}, [&] { return persistent.apply(rendered).ok(); }});
    if (raw.ok()) ways.push_back({"steady: raw nf_tables batch on an open socket (floor)", {}, [&] { return raw.send(); }});

    bench::interleave(ways, reps);

    std::map<std::string, const bench::way*> by;
    for (const auto& w : ways) by[w.name] = &w;
    std::printf("%d repetitions, interleaved; a namespace holding the same hooks throughout.\n\n", reps);
    std::printf("| way | median ms | min ms |\n|---|---:|---:|\n");
    for (const auto& w : ways) {
        if (w.ms.empty()) continue;
        std::printf("| %s | %.3f | %.3f |\n", w.name.c_str(), bench::median(w.ms), *std::min_element(w.ms.begin(), w.ms.end()));
    }
    const auto ratio = [&](const char* what, const std::string& a, const std::string& b, const char* goal) {
        if (!by.count(a) || !by.count(b) || by[a]->ms.empty() || by[b]->ms.empty()) return;
        std::printf("| %s | %.2f | %s |\n", what, bench::paired_ratio(*by[a], *by[b]), goal);
    };
    std::printf("\n| ratio (paired per repetition, median) | value | goal |\n|---|---:|---|\n");
    ratio("seed way (empty) / persistent (steady)", "empty: seed way, one nft per command through ip netns exec (9)",
          "steady: persistent_executor", ">= 30");
    ratio("persistent (steady) / raw batch floor", "steady: persistent_executor",
          "steady: raw nf_tables batch on an open socket (floor)", "<= 3");
    ratio("apply_with_probes / plain apply (persistent, steady)", "steady: persistent_executor, apply_with_probes (cached)",
          "steady: persistent_executor", "<= 1.2");
    ratio("seed way / sandbox_fence process (empty namespace)", "empty: seed way, one nft per command through ip netns exec (9)",
          "empty: sandbox_fence --apply, whole process", ">= 10");
    ratio("seed way / sandbox_fence process (over the fence)", "steady: seed way, delete + 9 commands (10 nft)",
          "steady: sandbox_fence --apply, whole process", ">= 3");
    ratio("sandbox_fence process / plain apply process (empty)", "empty: sandbox_fence --apply, whole process",
          "empty: nsenter + nft -f file (a plain apply, whole process)", "<= 1.2");
    ratio("sandbox_fence process / plain apply process (over the fence)", "steady: sandbox_fence --apply, whole process",
          "steady: nsenter + nft -f file (a plain apply, whole process)", "<= 1.2");
    ratio("netns_executor: replace idiom as is / without the needless delete (empty)",
          "empty: netns_executor, replace idiom as is (deletes)", "empty: netns_executor (nsenter + nft)", "> 1");
    ratio("persistent: render + apply / pre-rendered", "steady: persistent_executor",
          "steady: persistent_executor, pre-rendered script", "");
    ratio("libnftables fresh context / persistent (steady)", "steady: libnftables_executor (context per apply)",
          "steady: persistent_executor", "");
    if (raw.ok()) std::printf("\nraw batch: %zu bytes\n", raw.bytes());
    std::remove(file.c_str());
    return 0;
}
