// vm_tap: per-VM NAT and forwarding on the host, one table per TAP device (seed §3).
//
//   vm_tap print TAP SUBNET GATEWAY_PORT     print the script for TAP
//   vm_tap setup TAP SUBNET GATEWAY_PORT     replace the TAP's table atomically
//   vm_tap teardown TAP                      delete the TAP's table (absent is fine)
//   vm_tap cleanup-stale                     delete every openshell_vm_* table whose TAP
//                                            device no longer exists (one transaction)
//   [--netns NAME] before the command acts inside that namespace instead of the host.
//
// The table name is derived from the TAP name ("openshell_vm_" + tap, '-' -> '_'); the
// TAP name is checked (1-15 bytes, no quotes) and so is the subnet (no host bits).
#include <cstdio>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fences.hpp"

namespace {

nftpp::name table_name_for(const nftpp::ifname& tap) {
    std::string n = "openshell_vm_" + std::string(tap.view());
    for (char& c : n)
        if (c == '-') c = '_';
    return nftpp::name::parse(n).value(n);
}

std::unique_ptr<nftpp::exec::executor> executor_for(const std::string& netns) {
    if (netns.empty()) return std::make_unique<nftpp::exec::host_executor>();
    return std::make_unique<nftpp::exec::netns_executor>(nftpp::exec::netns_executor::named(netns));
}

// Interface names in the context (the namespace, or this host), with '-' turned into '_'.
std::set<std::string> interface_table_suffixes(const std::string& netns) {
    auto ip = nftpp::exec::find_trusted(nftpp::exec::ip_candidates);
    std::set<std::string> out;
    if (!ip.path) return out;
    std::vector<std::string> argv{*ip.path};
    if (!netns.empty()) argv.insert(argv.end(), {"-n", netns});
    argv.insert(argv.end(), {"-o", "link", "show"});
    const auto r = nftpp::exec::run_process({argv, {}, std::chrono::seconds(10)});
    // "7: vmtap-abcd1234@if6: <...>" -> vmtap-abcd1234
    static const std::regex line(R"(^\d+: ([^:@ ]+)[@:])");
    std::size_t start = 0;
    while (start < r.out.size()) {
        const auto end = r.out.find('\n', start);
        const std::string l = r.out.substr(start, end == std::string::npos ? std::string::npos : end - start);
        std::smatch m;
        if (std::regex_search(l, m, line)) {
            std::string n = m[1];
            for (char& c : n)
                if (c == '-') c = '_';
            out.insert(n);
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// Deletes, in one transaction, every openshell_vm_* ip table whose device is gone.
int cleanup_stale(const std::string& netns) {
    using namespace nftpp;
    auto executor = executor_for(netns);
    const exec::outcome listing = executor->list_ruleset_json();
    if (!listing.ok()) {
        std::fprintf(stderr, "%s\n", listing.describe().c_str());
        return 1;
    }
    const auto devices = interface_table_suffixes(netns);
    static const std::regex table(R"re("table": \{"family": "ip", "name": "openshell_vm_([A-Za-z0-9_-]+)")re");
    std::string text;
    for (auto it = std::sregex_iterator(listing.out.begin(), listing.out.end(), table); it != std::sregex_iterator(); ++it) {
        const std::string suffix = (*it)[1];
        if (devices.count(suffix)) continue;
        const std::string n = "openshell_vm_" + suffix;
        text += render_text(delete_table(family::ip, name::parse(n).value(n)));
        std::fprintf(stderr, "stale: table ip %s\n", n.c_str());
    }
    if (text.empty()) return 0;
    const exec::outcome r = executor->apply(std::string_view(text));
    if (!r.ok()) std::fprintf(stderr, "%s\n", r.describe().c_str());
    return r.ok() ? 0 : 1;
}

int usage(const char* self) {
    std::fprintf(stderr,
                 "usage: %s [--netns NAME] print|setup TAP SUBNET GATEWAY_PORT\n"
                 "       %s [--netns NAME] teardown TAP\n"
                 "       %s [--netns NAME] cleanup-stale\n",
                 self, self, self);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace nftpp;
    int arg = 1;
    std::string netns;
    if (argc > 2 && std::string_view(argv[1]) == "--netns") {
        netns = argv[2];
        arg = 3;
    }
    if (argc - arg == 1 && std::string_view(argv[arg]) == "cleanup-stale") return cleanup_stale(netns);
    if (argc - arg < 2) return usage(argv[0]);
    const std::string_view command = argv[arg];
    try {
        const ifname tap = ifname::parse(argv[arg + 1]).value(argv[arg + 1]);
        const name table_name = table_name_for(tap);
        if (command == "teardown" && argc - arg == 2) {
            const exec::outcome r = executor_for(netns)->delete_table(family::ip, table_name.view(), exec::absent_table::is_success);
            if (!r.ok()) std::fprintf(stderr, "%s\n", r.describe().c_str());
            return r.ok() ? 0 : 1;
        }
        if ((command != "print" && command != "setup") || argc - arg != 4) return usage(argv[0]);
        const ipv4_prefix subnet = ipv4_prefix::parse(argv[arg + 2]).value(argv[arg + 2]);
        const port gateway = port::parse(argv[arg + 3]).value(argv[arg + 3]);
        const script s = render(ruleset(replace(fences::vm_tap_table(table_name, tap, subnet, gateway))));
        if (command == "print") {
            std::fwrite(s.text().data(), 1, s.text().size(), stdout);
            return 0;
        }
        const exec::outcome r = executor_for(netns)->apply(s);
        if (!r.ok()) std::fprintf(stderr, "%s\n", r.describe().c_str());
        return r.ok() ? 0 : 1;
    } catch (const value_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
}
