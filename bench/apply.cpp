// Applying the sandbox fence in a network namespace, five ways (median of N runs each):
//   nftpp             render + netns_executor::apply: nsenter + one nft, one transaction
//   nft -f file       the same text, hand-written, loaded with nsenter + nft -f
//   nft add rule      what the seed project does today: one nft process per rule
//   iptables x13      the old way: 13 sequential iptables/ip6tables calls through nsenter
//   libnftables       (when built with it) the script loaded in-process, no nft process
// Needs root. Usage: bench_apply [runs]   (prints a Markdown table)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "fences.hpp"
#include "timing.hpp"

#include <nftpp/testing/scratch_netns.hpp>
#if NFTPP_HAVE_LIBNFTABLES
#include <nftpp/exec/libnftables_executor.hpp>
#endif

using namespace nftpp;

namespace {
using bench::median_ms;
using bench::run;
}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 15;
    if (auto why = testing::scratch_netns::unavailable_reason()) {
        std::fprintf(stderr, "bench_apply needs network namespaces: %s\n", why->c_str());
        return 2;
    }
    testing::scratch_netns ns("bench");
    const std::string nsenter = *exec::find_trusted(exec::nsenter_candidates).path;
    const std::string nft = *exec::find_trusted(exec::nft_candidates).path;
    const std::string net = "--net=" + ns.path();
    const auto proxy = ipv4_addr::parse("10.200.0.1").value();
    const auto prefix = log_prefix::parse("openshell:bypass:bench:").value();
    const auto fence = ruleset(replace(fences::sandbox_fence(proxy, port(3128), prefix)));
    const std::string text = render_text(fence);
    const std::string file =
        (std::filesystem::temp_directory_path() / ("nftpp-bench-" + std::to_string(::getpid()) + ".nft")).string();
    std::ofstream(file) << text;
    auto clean = [&] { run({nsenter, net, "--", nft, "flush", "ruleset"}); };
    auto ex = ns.executor();

    struct row { std::string name; double ms; int processes; };
    std::vector<row> rows;
    rows.push_back({"nftpp (render + apply)", median_ms(runs, clean, [&] { return ex.apply(render(fence)).ok(); }), 2});
    rows.push_back({"nft -f (hand-written file)", median_ms(runs, clean, [&] { return run({nsenter, net, "--", nft, "-f", file}); }), 2});

    // one nft process per rule, as the seed project does today
    const std::vector<std::string> rules = {
        "ip daddr 10.200.0.1 tcp dport 3128 accept", "oifname \"lo\" accept", "ct state established,related accept",
        "tcp flags syn limit rate 5/second burst 10 packets log prefix \"openshell:bypass:bench:\" flags skuid",
        "meta l4proto tcp reject with tcp reset",
        "meta l4proto udp limit rate 5/second burst 10 packets log prefix \"openshell:bypass:bench:\" flags skuid",
        "meta l4proto udp reject with icmpx type port-unreachable"};
    rows.push_back({"nft add rule, one process per rule", median_ms(runs, clean, [&] {
                        bool ok = run({nsenter, net, "--", nft, "add table inet openshell_bypass"}) &&
                                  run({nsenter, net, "--", nft,
                                       "add chain inet openshell_bypass output { type filter hook output priority 0; policy accept; }"});
                        for (const auto& r : rules) ok = ok && run({nsenter, net, "--", nft, "add rule inet openshell_bypass output " + r});
                        return ok;
                    }), 2 * 9});

    const char* iptables = ::access("/usr/sbin/iptables", X_OK) == 0 ? "/usr/sbin/iptables" : nullptr;
    const char* ip6tables = ::access("/usr/sbin/ip6tables", X_OK) == 0 ? "/usr/sbin/ip6tables" : nullptr;
    if (iptables && ip6tables) {
        const std::string P = "openshell:bypass:bench:";
        const std::vector<std::vector<std::string>> cmds = {
            {iptables, "-A", "OUTPUT", "-d", "10.200.0.1", "-p", "tcp", "--dport", "3128", "-j", "ACCEPT"},
            {iptables, "-A", "OUTPUT", "-o", "lo", "-j", "ACCEPT"},
            {iptables, "-A", "OUTPUT", "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "ACCEPT"},
            {iptables, "-A", "OUTPUT", "-p", "tcp", "--syn", "-m", "limit", "--limit", "5/s", "--limit-burst", "10", "-j", "LOG", "--log-prefix", P, "--log-uid"},
            {iptables, "-A", "OUTPUT", "-p", "tcp", "-j", "REJECT", "--reject-with", "icmp-port-unreachable"},
            {iptables, "-A", "OUTPUT", "-p", "udp", "-m", "limit", "--limit", "5/s", "--limit-burst", "10", "-j", "LOG", "--log-prefix", P, "--log-uid"},
            {iptables, "-A", "OUTPUT", "-p", "udp", "-j", "REJECT", "--reject-with", "icmp-port-unreachable"},
            {ip6tables, "-A", "OUTPUT", "-o", "lo", "-j", "ACCEPT"},
            {ip6tables, "-A", "OUTPUT", "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "ACCEPT"},
            {ip6tables, "-A", "OUTPUT", "-p", "tcp", "--syn", "-m", "limit", "--limit", "5/s", "--limit-burst", "10", "-j", "LOG", "--log-prefix", P, "--log-uid"},
            {ip6tables, "-A", "OUTPUT", "-p", "tcp", "-j", "REJECT", "--reject-with", "icmp6-port-unreachable"},
            {ip6tables, "-A", "OUTPUT", "-p", "udp", "-m", "limit", "--limit", "5/s", "--limit-burst", "10", "-j", "LOG", "--log-prefix", P, "--log-uid"},
            {ip6tables, "-A", "OUTPUT", "-p", "udp", "-j", "REJECT", "--reject-with", "icmp6-port-unreachable"}};
        rows.push_back({"iptables x13 through nsenter (the old way)", median_ms(runs, clean, [&] {
                            bool ok = true;
                            for (auto c : cmds) {
                                c.insert(c.begin(), {nsenter, net, "--"});
                                ok = ok && run(c);
                            }
                            return ok;
                        }), 2 * 13});
    }
#if NFTPP_HAVE_LIBNFTABLES
    exec::libnftables_executor in_process = exec::libnftables_executor::at_path(ns.path());
    rows.push_back({"libnftables in-process (no nft process)", median_ms(runs, clean, [&] { return in_process.apply(render(fence)).ok(); }), 0});
#endif
    std::remove(file.c_str());
    const double base = rows[0].ms;
    std::printf("| method | processes | median ms (%d runs) | vs nftpp |\n|---|---:|---:|---:|\n", runs);
    for (const auto& r : rows) std::printf("| %s | %d | %.1f | %.2fx |\n", r.name.c_str(), r.processes, r.ms, r.ms / base);
    return 0;
}
