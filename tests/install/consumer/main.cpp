// SPDX-License-Identifier: Apache-2.0
// Renders a small table with the library's entry headers; prints it. Exit 0 when the
// script is the expected one (and the version header is the expected version).
#include <cstdio>
#include <string>
#include <string_view>

#include <nftpp/dsl.hpp>
#include <nftpp/exec.hpp>
#include <nftpp/log.hpp>
#include <nftpp/nftpp.hpp>
#include <nftpp/values.hpp>
#include <nftpp/version.hpp>

int main(int argc, char** argv) {
    using namespace nftpp;
#ifdef EXPECT_VERSION
    if (std::string_view(NFTPP_VERSION_STRING) != EXPECT_VERSION) {
        std::fprintf(stderr, "<nftpp/version.hpp> says %s, the package %s\n", NFTPP_VERSION_STRING, EXPECT_VERSION);
        return 1;
    }
#endif
    // A run-time port, as the documentation says: through port::parse or port::from.
    const port ssh = port::parse(argc > 1 ? argv[1] : "22").value();
    const auto t = table<family::inet>("consumer",
        base_chain<"input", filter_chain(hook::input)>(tcp.dport == ssh >> accept, ip.saddr == "10.0.0.0/8" >> drop));
    const std::string text = render_text(ruleset(replace(t)));
    std::fwrite(text.data(), 1, text.size(), stdout);
    exec::host_executor host;  // constructed only: the executors are there and link
    (void)host;
    const bool ok = text.find("tcp dport 22 accept") != std::string::npos &&
                    text.find("ip saddr 10.0.0.0/8 drop") != std::string::npos;
    return ok ? 0 : 1;
}
