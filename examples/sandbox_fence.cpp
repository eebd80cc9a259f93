// SPDX-License-Identifier: Apache-2.0
// sandbox_fence: the bypass fence of a sandbox network namespace (seed §1).
//
//   sandbox_fence NETNS PROXY PROXY_PORT            print the script
//   sandbox_fence --apply NETNS PROXY PROXY_PORT    probe, then load it into the namespace
//   sandbox_fence --apply --assume-missing log[,conntrack...] NETNS PROXY PROXY_PORT
//                                                   the same, treating those kernel
//                                                   features as missing (to try the
//                                                   degraded fence)
//   sandbox_fence [--apply ...] --nflog-group N NETNS PROXY PROXY_PORT
//                                                   log blocked attempts to nflog group N
//                                                   (0 to 65535) instead of the kernel
//                                                   log: what bypass_monitor reads by
//                                                   default, with no sysctl
//
// PROXY is an IPv4 or an IPv6 address ("10.200.0.1", "fd00:200::1" or "[fd00:200::1]");
// the fence is one inet table either way, and refuses every other IPv4 and IPv6
// connection. Every value is checked when it is read: a bad address, a port of 0 or over
// 65535, a namespace name with '/' or a log prefix that nft could not take are clear
// errors (exit 2), and nothing is applied.
//
// Applying is one transaction: the whole fence or, on any error, nothing. It goes through
// exec::best_executor_for: libnftables inside this process when the example was built
// with it (no nft process), else `nsenter --net=... -- nft -f -`. Before it,
// nftpp::apply_with_probes checks in the namespace whether the kernel has what the
// optional rules need (conntrack, log, limit), once per boot and kernel (the answers are
// kept in /run/nftpp/probes); the optional rules it cannot have are left out of that one
// transaction and listed on stderr. The script printed with --apply is the one that was
// loaded.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "fences.hpp"

namespace {

int usage(const char* self) {
    std::fprintf(stderr,
                 "usage: %s [--apply [--assume-missing FEATURE[,FEATURE...]]] [--nflog-group N] NETNS PROXY PROXY_PORT\n"
                 "  PROXY: an IPv4 or IPv6 address; FEATURE: conntrack, log, limit; N: 0 to 65535\n",
                 self);
    return 2;
}

// "log,conntrack" -> those features marked missing; false on an unknown word.
bool parse_features(std::string_view list, nftpp::capabilities& caps) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view word = list.substr(0, comma);
        bool known = false;
        for (const nftpp::kernel_feature* f : {&nftpp::feature::conntrack, &nftpp::feature::log, &nftpp::feature::limit,
                                               &nftpp::feature::reject, &nftpp::feature::nat, &nftpp::feature::notrack}) {
            if (f->name == word) {
                caps.remove(*f);
                known = true;
            }
        }
        if (!known) return false;
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace nftpp;
    int arg = 1;
    bool apply = false;
    capabilities assume_missing{};
    if (arg < argc && std::string_view(argv[arg]) == "--apply") {
        apply = true;
        ++arg;
        if (arg + 1 < argc && std::string_view(argv[arg]) == "--assume-missing") {
            if (!parse_features(argv[arg + 1], assume_missing)) {
                std::fprintf(stderr, "unknown feature in \"%s\" (conntrack, log, limit, reject, nat, notrack)\n",
                             argv[arg + 1]);
                return 2;
            }
            arg += 2;
        }
    }
    std::optional<log_group> nflog_group;
    if (arg + 1 < argc && std::string_view(argv[arg]) == "--nflog-group") {
        try {
            nflog_group = log_group::parse(argv[arg + 1]).value(argv[arg + 1]);
        } catch (const value_error& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 2;
        }
        arg += 2;
    }
    if (argc - arg != 3) return usage(argv[0]);
    const std::string netns = argv[arg];
    try {
        const fences::proxy_address proxy = fences::parse_proxy_address(argv[arg + 1]);
        const port proxy_port = fences::parse_service_port(argv[arg + 2]);
        const std::string prefix_text = "openshell:bypass:" + netns + ":";
        const log_prefix prefix = log_prefix::parse(prefix_text).value(prefix_text);

        return std::visit(
            [&](const auto& address) {
                const auto fence = ruleset(replace(fences::sandbox_fence(address, proxy_port, prefix, nflog_group)));
                if (!apply) {
                    const std::string text = render_text(fence);
                    std::fwrite(text.data(), 1, text.size(), stdout);
                    return 0;
                }
                const auto executor = exec::best_executor_for(netns);
                const apply_report report = apply_with_probes(*executor, fence, assume_missing);
                for (const skipped_rule& s : report.skipped) std::fprintf(stderr, "%s\n", s.describe().c_str());
                if (!report.outcome.ok()) {
                    std::fprintf(stderr, "%s\n", report.outcome.describe().c_str());
                    return report.outcome.kind == exec::outcome_kind::nft_not_found ? 3 : 1;
                }
                std::fwrite(report.applied.text().data(), 1, report.applied.text().size(), stdout);
                std::fprintf(stderr, "fence applied in network namespace %s (%zu optional rule%s left out)\n",
                             netns.c_str(), report.skipped.size(), report.skipped.size() == 1 ? "" : "s");
                return 0;
            },
            proxy);
    } catch (const value_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
}
