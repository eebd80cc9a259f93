// SPDX-License-Identifier: Apache-2.0
// nftpp::readback: a set listed through an executor (here one that answers a canned
// listing, so no root is needed) comes back as typed values; they print with to_string.
#include <cstdio>
#include <string>

#include <nftpp/nftpp.hpp>
#include <nftpp/readback.hpp>
#include <nftpp/testing/recording_executor.hpp>

int main() {
    using namespace nftpp;
    const auto t = table<family::inet>("allow", set<"hosts", ipv4_addr>(set_flag::interval));
    testing::recording_executor ex;
    exec::outcome listing;
    listing.out = R"({"nftables": [{"set": {"family": "inet", "name": "hosts", "table": "allow", "type": "ipv4_addr",)"
                  R"( "flags": ["interval"], "elem": ["10.0.0.1", {"prefix": {"addr": "10.1.0.0", "len": 16}}]}}]})";
    ex.queued.push_back(listing);
    const auto back = read_set<"hosts">(ex, t);
    if (!back.ok()) {
        std::fprintf(stderr, "%s\n", back.error.c_str());
        return 1;
    }
    std::string all;
    for (const auto& e : back.elements) all += to_string(e) + "\n";
    std::fputs(all.c_str(), stdout);
    return all == "10.0.0.1\n10.1.0.0/16\n" ? 0 : 1;
}
