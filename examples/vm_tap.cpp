// vm_tap: per-VM NAT and forwarding on the host, one table per TAP device (seed §3).
//
//   vm_tap print TAP SUBNET GATEWAY_PORT     print the script for TAP
//   vm_tap setup TAP SUBNET GATEWAY_PORT     replace the TAP's table atomically
//   vm_tap teardown TAP                      delete the TAP's table (absent is fine)
//   [--netns NAME] before the command acts inside that namespace instead of the host.
//
// The table name is derived from the TAP name ("openshell_vm_" + tap, '-' -> '_'); the
// TAP name is checked (1-15 bytes, no quotes) and so is the subnet (no host bits).
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

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

int usage(const char* self) {
    std::fprintf(stderr,
                 "usage: %s [--netns NAME] print|setup TAP SUBNET GATEWAY_PORT\n"
                 "       %s [--netns NAME] teardown TAP\n",
                 self, self);
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
