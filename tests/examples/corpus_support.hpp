// SPDX-License-Identifier: Apache-2.0
#pragma once
// The corpus (tests/corpus/*.nft): real rulesets from other projects, each an nft script
// with a header comment giving its origin. A file that matches devices by index (iif,
// oif) names them on a line `# corpus-interfaces: NAME...`; corpus::load() creates each
// as a veth device in the namespace before loading the file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <nftpp/exec/process.hpp>
#include <nftpp/render/script.hpp>
#include <nftpp/testing/scratch_netns.hpp>

#include "e2e_support.hpp"

namespace corpus {

inline std::string directory() { return std::string(NFTPP_TEST_SOURCE_DIR) + "/corpus"; }

// The corpus files, sorted by name.
inline std::vector<std::filesystem::path> files() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(directory()))
        if (e.path().extension() == ".nft") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

inline std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The devices a file needs (its `# corpus-interfaces:` line).
inline std::vector<std::string> interfaces(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream lines(text);
    std::string line;
    const std::string tag = "# corpus-interfaces:";
    while (std::getline(lines, line))
        if (line.rfind(tag, 0) == 0) {
            std::istringstream names(line.substr(tag.size()));
            std::string n;
            while (names >> n) out.push_back(n);
        }
    return out;
}

// Creates the devices the file needs in ns; the first failure, or "".
inline std::string add_interfaces(const nftpp::testing::scratch_netns& ns, const std::string& text) {
    for (const auto& dev : interfaces(text)) {
        const auto r = e2e::ip_cmd({"-n", ns.name(), "link", "add", dev, "type", "veth", "peer", "name", dev.substr(0, 10) + "-p"});
        if (!r.succeeded()) return "ip link add " + dev + " failed: " + r.err;
    }
    return "";
}

// Loads nft text into ns (after creating the devices the corpus file `source` needs); the
// outcome's description when it fails, "" when it loaded.
inline std::string load(const nftpp::testing::scratch_netns& ns, const std::string& text, const std::string& source) {
    if (auto why = add_interfaces(ns, source); !why.empty()) return why;
    auto ex = ns.executor();
    const auto o = ex.apply(nftpp::script(text));
    return o.ok() ? "" : o.describe();
}

// The listing without handles and metainfo, declarations sorted (their order is the
// order of creation, not meaning), each chain's rules in order: two listings of the same
// ruleset compare equal as strings.
inline std::string canonical(const nlohmann::json& listing) {
    std::vector<std::string> decls, rules;
    std::function<nlohmann::json(const nlohmann::json&)> strip = [&](const nlohmann::json& j) {
        if (j.is_object()) {
            nlohmann::json o = nlohmann::json::object();
            for (const auto& [k, v] : j.items())
                if (k != "handle") o[k] = strip(v);
            return o;
        }
        if (j.is_array()) {
            nlohmann::json a = nlohmann::json::array();
            for (const auto& v : j) a.push_back(strip(v));
            return a;
        }
        return j;
    };
    for (const auto& item : listing.at("nftables")) {
        if (item.contains("metainfo")) continue;
        (item.contains("rule") ? rules : decls).push_back(strip(item).dump());
    }
    std::sort(decls.begin(), decls.end());
    std::string out;
    for (const auto& d : decls) out += d + "\n";
    for (const auto& r : rules) out += r + "\n";
    return out;
}

inline std::size_t count_rules(const nlohmann::json& listing) {
    std::size_t n = 0;
    for (const auto& item : listing.at("nftables")) n += item.contains("rule") ? 1 : 0;
    return n;
}

}  // namespace corpus
