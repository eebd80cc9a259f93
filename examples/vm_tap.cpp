// SPDX-License-Identifier: Apache-2.0
// vm_tap: per-VM NAT and forwarding on the host, one table per TAP device (seed §3).
//
//   vm_tap print TAP SUBNET GATEWAY_PORT     print the script for TAP
//   vm_tap setup TAP SUBNET GATEWAY_PORT     replace the TAP's table atomically
//   vm_tap teardown TAP                      delete the TAP's table (absent is fine)
//   vm_tap cleanup-stale                     delete every openshell_vm_* table whose TAP
//                                            device no longer exists (one transaction)
//   [--netns NAME] before the command acts inside that namespace instead of the host.
//
// The table is "openshell_vm_" + the TAP name, unchanged ('-' is allowed in nft names, so
// no two TAPs share a table); a TAP name with other characters than letters, digits, '_'
// and '-' is refused. Every value is checked: the TAP name (1-15 bytes), the subnet (no
// host bits), the gateway port (1-65535: 0 is refused). Bad input exits with 2, a failed
// operation with 1; in both cases nothing was changed.
//
// cleanup-stale lists the devices with the trusted ip binary; if that fails (no trusted
// ip, ip exits non-zero, no device listed) it deletes nothing and exits with 1.
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "vm_tap.hpp"

namespace {

// In-process with libnftables (a persistent context), else nft processes.
std::unique_ptr<nftpp::exec::executor> executor_for(const std::string& netns) {
    return nftpp::exec::best_executor_for(netns);
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
        if (!exec::netns_executor::valid_name(netns)) {
            std::fprintf(stderr, "namespace name \"%s\" must be 1-255 bytes without '/' and not \".\" or \"..\"\n",
                         netns.c_str());
            return 2;
        }
    }
    if (argc - arg == 1 && std::string_view(argv[arg]) == "cleanup-stale") {
        auto executor = executor_for(netns);
        const auto r = vm_tap::cleanup_stale(*executor, [&] { return vm_tap::list_devices(netns); });
        for (const auto& t : r.deleted) std::fprintf(stderr, "deleted stale table ip %s\n", t.c_str());
        if (r.exit_code != 0) std::fprintf(stderr, "%s\n", r.message.c_str());
        return r.exit_code;
    }
    if (argc - arg < 2) return usage(argv[0]);
    const std::string_view command = argv[arg];
    try {
        const ifname tap = ifname::parse(argv[arg + 1]).value(argv[arg + 1]);
        const name table_name = vm_tap::table_name_for(tap);
        if (command == "teardown" && argc - arg == 2) {
            const exec::outcome r = executor_for(netns)->delete_table(family::ip, table_name.view(), exec::absent_table::is_success);
            if (!r.ok()) std::fprintf(stderr, "%s\n", r.describe().c_str());
            return r.ok() ? 0 : 1;
        }
        if ((command != "print" && command != "setup") || argc - arg != 4) return usage(argv[0]);
        const ipv4_prefix subnet = ipv4_prefix::parse(argv[arg + 2]).value(argv[arg + 2]);
        const port gateway = fences::parse_service_port(argv[arg + 3]);
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
