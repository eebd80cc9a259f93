// sandbox_fence: the bypass fence of a sandbox network namespace (seed §1).
//
//   sandbox_fence NETNS PROXY_IPV4 PROXY_PORT            print the script
//   sandbox_fence --apply NETNS PROXY_IPV4 PROXY_PORT    and load it into the namespace
//
// Every value is checked when it is read: a bad address, a port over 65535, a namespace
// name with '/' or a log prefix that nft could not take are clear errors, and nothing is
// applied. Applying is one transaction (`nsenter --net=... -- nft -f -`): the whole fence
// or, on any error, nothing.
#include <cstdio>
#include <string>
#include <string_view>

#include "fences.hpp"

int main(int argc, char** argv) {
    using namespace nftpp;
    int arg = 1;
    const bool apply = argc > 1 && std::string_view(argv[1]) == "--apply";
    if (apply) ++arg;
    if (argc - arg != 3) {
        std::fprintf(stderr, "usage: %s [--apply] NETNS PROXY_IPV4 PROXY_PORT\n", argv[0]);
        return 2;
    }
    const std::string netns = argv[arg];
    try {
        const ipv4_addr proxy = ipv4_addr::parse(argv[arg + 1]).value(argv[arg + 1]);
        const port proxy_port = port::parse(argv[arg + 2]).value(argv[arg + 2]);
        const std::string prefix_text = "openshell:bypass:" + netns + ":";
        const log_prefix prefix = log_prefix::parse(prefix_text).value(prefix_text);

        const script s = render(ruleset(replace(fences::sandbox_fence(proxy, proxy_port, prefix))));
        std::fwrite(s.text().data(), 1, s.text().size(), stdout);
        if (!apply) return 0;

        auto executor = exec::netns_executor::named(netns);
        const exec::outcome result = executor.apply(s);
        if (!result.ok()) {
            std::fprintf(stderr, "%s\n", result.describe().c_str());
            return result.kind == exec::outcome_kind::nft_not_found ? 3 : 1;
        }
        std::fprintf(stderr, "fence applied in network namespace %s\n", netns.c_str());
        return 0;
    } catch (const value_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
}
