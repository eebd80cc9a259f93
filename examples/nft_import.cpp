// SPDX-License-Identifier: Apache-2.0
// nft_import [--strict] (FILE.json | --file FILE.json | - | --netns NAME | --host)
// Reads the JSON of `nft -j list ruleset` (from a network namespace or the host through
// nftpp's executors, from a file, or from standard input with `-`) and prints a C++20 program that builds the same
// ruleset with nftpp and prints its rendered script. What nftpp cannot express is listed
// on stderr, one line each (table, chain, rule handle, the construct); with --strict any
// such construct makes it print no program and exit 1. Without --strict such rules are
// written through unchecked("..."), and attributes nftpp cannot declare (set comments) are
// left out; a whole declaration it cannot write (a set of a datatype it lacks, a
// secmark object) still refuses the import. Exit status: 0 done, 1 refused, 2 bad usage or
// input, 3 the listing failed.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include <nftpp/exec/host_executor.hpp>
#include <nftpp/exec/netns_executor.hpp>

#include "nft_import.hpp"

namespace {

int usage() {
    std::fputs("usage: nft_import [--strict] (FILE.json | --file FILE.json | - | --netns NAME | --host)\n"
               "  FILE.json, --file FILE.json  the JSON that `nft -j list ruleset` printed\n"
               "  -                            the same JSON from standard input\n"
               "  --netns NAME, --host         list the ruleset of a network namespace or of the host\n"
               "  --strict                     refuse anything nftpp cannot express; print no program\n",
               stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    bool strict = false;
    std::string netns, file;
    bool host = false;
    int sources = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--strict") strict = true;
        else if (a == "--host") host = true, ++sources;
        else if (a == "--netns" && i + 1 < argc) netns = argv[++i], ++sources;
        else if (a == "--file" && i + 1 < argc) file = argv[++i], ++sources;
        else if (a == "-" || (!a.empty() && a.front() != '-')) file = a, ++sources;
        else return usage();
    }
    if (sources != 1) return usage();

    std::string text;
    if (file == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        text = ss.str();
    } else if (!file.empty()) {
        std::ifstream in(file);
        if (!in) {
            std::fprintf(stderr, "nft_import: cannot read %s\n", file.c_str());
            return 2;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
    } else {
        nftpp::exec::outcome o;
        if (host) {
            nftpp::exec::host_executor ex;
            o = ex.list_ruleset_json();
        } else {
            if (!nftpp::exec::netns_executor::valid_name(netns)) {
                std::fprintf(stderr, "nft_import: \"%s\" is not a network namespace name\n", netns.c_str());
                return 2;
            }
            auto ex = nftpp::exec::netns_executor::named(netns);
            o = ex.list_ruleset_json();
        }
        if (!o.ok()) {
            std::fprintf(stderr, "nft_import: listing the ruleset failed: %s\n", o.describe().c_str());
            return 3;
        }
        text = o.out;
    }
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        std::fputs("nft_import: the input is not JSON\n", stderr);
        return 2;
    }
    nft_import::result r;
    try {
        r = nft_import::import_ruleset(doc, strict);
    } catch (const nlohmann::json::exception& e) {
        std::fprintf(stderr, "nft_import: the listing is not of the shape `nft -j list ruleset` prints: %s\n", e.what());
        return 2;
    }
    if (!r.error.empty()) {
        std::fprintf(stderr, "nft_import: %s\n", r.error.c_str());
        return 2;
    }
    bool fatal = false;
    for (const auto& f : r.findings) {
        fatal = fatal || f.fatal;
        std::fprintf(stderr, "nft_import: %s%s\n", nft_import::describe(f).c_str(),
                     strict ? "" : (f.fatal ? " (cannot be written at all)" : f.handle >= 0 ? " (written as unchecked)" : " (left out)"));
    }
    if (!strict && fatal) {
        std::fputs("nft_import: a declaration nftpp cannot write would leave the rules that use it unloadable; no program "
                   "printed\n", stderr);
        return 1;
    }
    if (strict && !r.findings.empty()) {
        std::fprintf(stderr, "nft_import: --strict: %zu construct(s) nftpp cannot express; no program printed\n",
                     r.findings.size());
        return 1;
    }
    if (r.program.empty()) {
        std::fputs("nft_import: the ruleset has no tables\n", stderr);
        return 2;
    }
    std::fputs(r.program.c_str(), stdout);
    return 0;
}
