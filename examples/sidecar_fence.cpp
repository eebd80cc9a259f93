// sidecar_fence: the fence for a sidecar proxy in the current namespace (seed §2).
//
//   sidecar_fence PROXY_UID            print the script
//   sidecar_fence --apply PROXY_UID    and load it on this host (one nft process)
#include <cstdio>
#include <string_view>

#include "fences.hpp"

int main(int argc, char** argv) {
    using namespace nftpp;
    int arg = 1;
    const bool apply = argc > 1 && std::string_view(argv[1]) == "--apply";
    if (apply) ++arg;
    if (argc - arg != 1) {
        std::fprintf(stderr, "usage: %s [--apply] PROXY_UID\n", argv[0]);
        return 2;
    }
    try {
        const uid proxy_uid = uid::parse(argv[arg]).value(argv[arg]);
        const script s = render(ruleset(replace(fences::sidecar_fence(proxy_uid, "openshell:sidecar-bypass:"))));
        std::fwrite(s.text().data(), 1, s.text().size(), stdout);
        if (!apply) return 0;
        exec::host_executor executor;
        const exec::outcome result = executor.apply(s);
        if (!result.ok()) {
            std::fprintf(stderr, "%s\n", result.describe().c_str());
            return 1;
        }
        return 0;
    } catch (const value_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
}
