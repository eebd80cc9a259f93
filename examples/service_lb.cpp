// SPDX-License-Identifier: Apache-2.0
// service_lb: a Kubernetes-style service proxy. Each service (a virtual address, protocol
// and port) is spread over its endpoints with `numgen random`, and DNATed there.
//   service_lb print FILE                       the ruleset for the services in FILE
//   service_lb apply [--netns NAME] FILE        apply it, in one transaction (the table replaced)
//   service_lb update [--netns NAME] OLD NEW    apply only what changed from OLD to NEW, in one
//                                               transaction, without replacing the table
// FILE: {"table": "svc", "services": [{"name": "web", "vip": "10.96.0.10", "port": 80,
//        "protocol": "tcp", "endpoints": [{"addr": "10.0.1.2", "port": 8080}]}]}
// Bad input exits with status 2 and one sentence naming the service and the field; nothing
// is applied. The ruleset and its checks: service_lb.hpp.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include <nftpp/exec.hpp>
#include <nftpp/nftpp.hpp>

#include "service_lb.hpp"

namespace {

int usage(const char* argv0) {
    std::fprintf(stderr,
                 "usage: %s print FILE\n"
                 "       %s apply [--netns NAME] FILE\n"
                 "       %s update [--netns NAME] OLD NEW\n",
                 argv0, argv0, argv0);
    return 64;
}

service_lb::config load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw service_lb::input_error(path + ": cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return service_lb::parse_config(text.str());
    } catch (const service_lb::input_error& e) {
        throw service_lb::input_error(path + ": " + e.what());
    }
}

int apply_script(const std::string& netns, const nftpp::script& s) {
    auto executor = nftpp::exec::best_executor_for(netns);
    const nftpp::exec::outcome r = executor->apply(s);
    if (!r.ok()) {
        std::fprintf(stderr, "service_lb: %s\n", r.describe().c_str());
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace nftpp;
    if (argc < 3) return usage(argv[0]);
    const std::string_view command = argv[1];
    int arg = 2;
    std::string netns;
    if (command != "print" && argc > 3 && std::string_view(argv[2]) == "--netns") {
        netns = argv[3];
        arg = 4;
        if (!exec::netns_executor::valid_name(netns)) {
            std::fprintf(stderr, "service_lb: \"%s\" is not a network namespace name\n", netns.c_str());
            return 64;
        }
    }
    try {
        if ((command == "print" || command == "apply") && argc - arg == 1) {
            const script s = render(ruleset(replace(service_lb::build_table(load(argv[arg])))));
            if (command == "print") {
                std::fwrite(s.text().data(), 1, s.text().size(), stdout);
                return 0;
            }
            return apply_script(netns, s);
        }
        if (command == "update" && argc - arg == 2) {
            const runtime_table before = service_lb::build_table(load(argv[arg]));
            const table_update u = update(before, service_lb::build_table(load(argv[arg + 1])));
            if (u.empty()) return 0;
            return apply_script(netns, render(ruleset(u)));
        }
    } catch (const service_lb::input_error& e) {
        std::fprintf(stderr, "service_lb: %s\n", e.what());
        return 2;
    } catch (const invalid_structure& e) {
        std::fprintf(stderr, "service_lb: %s\n", e.what());
        return 2;
    } catch (const value_error& e) {
        std::fprintf(stderr, "service_lb: %s\n", e.what());
        return 2;
    }
    return usage(argv[0]);
}
