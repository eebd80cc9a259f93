// SPDX-License-Identifier: Apache-2.0
#pragma once
// The logic of examples/vm_tap.cpp, in functions the tests call directly: the table name
// of a TAP, the device listing, and stale-table cleanup.
#include <chrono>
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nftpp/readback.hpp>

#include "fences.hpp"

namespace vm_tap {

using namespace nftpp;

NFTPP_RULE(a_tap_name_must_be_letters_digits_underscore_or_dash,
           "a TAP name may hold only letters, digits, '_' and '-' to name its table openshell_vm_<TAP> "
           "(nft table names cannot hold other characters, and a trailing '*' would be a wildcard): rename the TAP")

inline constexpr std::string_view table_prefix = "openshell_vm_";

// The TAP's table: "openshell_vm_" + the TAP name, unchanged. nft identifiers allow '-'
// (nft-ground-truth §5), so no character is rewritten and two TAP names never share a
// table (the seed turned '-' into '_', so "vm-tap" and "vm_tap" collided). A TAP name
// with any other character ('.', '@', '*', ...) is refused with value_error.
inline name table_name_for(const ifname& tap) {
    const std::string_view t = tap.view();
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) throw value_error(error{&rules::a_tap_name_must_be_letters_digits_underscore_or_dash, i}, t);
    }
    const std::string n = std::string(table_prefix) + std::string(t);
    return name::parse(n).value(n);  // cannot fail: a letter first, at most 13 + 15 bytes
}

// The seed's name for the same TAP ('-' -> '_'), to recognise tables it made.
inline std::string legacy_suffix(std::string_view device) {
    std::string s(device);
    for (char& c : s)
        if (c == '-') c = '_';
    return s;
}

// The network devices of a context, or why they could not be listed.
struct device_listing {
    bool ok = false;
    std::set<std::string> names;
    std::string error;  // when !ok
};

// Reads the output of `ip -o link show`: "7: vmtap-abcd1234@if6: <...> ...". A failed
// run, or one that lists no device at all (not even lo), is an error: an empty set would
// make every table look stale.
inline device_listing parse_link_listing(const exec::process_result& r) {
    device_listing d;
    if (!r.succeeded()) {
        d.error = r.spawn_failed ? "could not start ip"
                  : r.timed_out  ? "ip timed out"
                  : r.term_signal ? "ip was killed by signal " + std::to_string(r.term_signal)
                                 : "ip exited with status " + std::to_string(r.exit_code);
        std::string why = r.err;
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        if (!why.empty()) d.error += ": " + why;
        return d;
    }
    static const std::regex line(R"(^\d+: ([^:@ ]+)[@:])");
    std::size_t start = 0;
    while (start < r.out.size()) {
        const auto end = r.out.find('\n', start);
        const std::string l = r.out.substr(start, end == std::string::npos ? std::string::npos : end - start);
        std::smatch m;
        if (std::regex_search(l, m, line)) d.names.insert(m[1]);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    if (d.names.empty()) {
        d.error = "ip listed no network device (not even lo)";
        return d;
    }
    d.ok = true;
    return d;
}

// Lists the devices with the trusted ip binary (never through PATH; the file checked is
// the file run, through its descriptor), in the namespace or on this host, with the same
// clean environment as nft (exec::tool_environment(): a fixed PATH and LC_ALL=C).
inline device_listing list_devices(const std::string& netns) {
    const auto ip = exec::find_trusted(exec::ip_candidates);
    if (!ip.path) {
        device_listing d;
        d.error = ip.rejected.empty() ? "no ip binary at the trusted paths" : ip.why_rejected();
        return d;
    }
    std::vector<std::string> argv{*ip.path};
    if (!netns.empty()) argv.insert(argv.end(), {"-n", netns});
    argv.insert(argv.end(), {"-o", "link", "show"});
    exec::process_request req{std::move(argv), {}, std::chrono::seconds(10), exec::tool_environment()};
    req.exec_fd = ip.fd.get();
    return parse_link_listing(exec::run_process(req));
}

// The names of the `ip` family tables called openshell_vm_<letters, digits, '_' or '-'>
// among the tables listed (nftpp::list_tables), in their order.
inline std::vector<std::string> vm_tables(const std::vector<listed_table>& tables) {
    std::vector<std::string> out;
    for (const auto& t : tables) {
        if (t.family != family::ip || t.name.size() <= table_prefix.size() || t.name.compare(0, table_prefix.size(), table_prefix) != 0)
            continue;
        bool ours = true;
        for (std::size_t i = table_prefix.size(); i < t.name.size(); ++i) {
            const char c = t.name[i];
            ours = ours && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-');
        }
        if (ours) out.push_back(t.name);
    }
    return out;
}

// The tables whose device is gone. A table is live when a device has exactly its suffix,
// or when a device's seed-style name ('-' -> '_') is its suffix: tables the seed made for
// TAPs that still exist are kept.
inline std::vector<std::string> stale_tables(const std::vector<std::string>& tables, const std::set<std::string>& devices) {
    std::set<std::string> live(devices);
    for (const auto& d : devices) live.insert(legacy_suffix(d));
    std::vector<std::string> out;
    for (const auto& t : tables)
        if (!live.count(t.substr(table_prefix.size()))) out.push_back(t);
    return out;
}

struct cleanup_result {
    int exit_code = 0;                 // 0, or 1 when nothing could be decided or applied
    std::vector<std::string> deleted;  // tables deleted (in one transaction)
    std::string message;               // why not, when exit_code != 0
};

// Deletes, in one transaction, every openshell_vm_* ip table whose device is gone. The
// tables are listed before the devices: a TAP is created before its table, so a table
// that a concurrent setup adds after the listing is not considered at all. If either
// listing fails, nothing is deleted.
inline cleanup_result cleanup_stale(exec::executor& executor, const std::function<device_listing()>& devices_of) {
    cleanup_result res;
    const table_list listing = list_tables(executor);
    if (!listing.ok()) {
        res.exit_code = 1;
        res.message = "cannot list the tables, nothing deleted: " + listing.error;
        return res;
    }
    const device_listing devices = devices_of();
    if (!devices.ok) {
        res.exit_code = 1;
        res.message = "cannot list the network devices, nothing deleted: " + devices.error;
        return res;
    }
    std::vector<std::string> doomed;
    std::string text;
    for (const auto& t : stale_tables(vm_tables(listing.tables), devices.names)) {
        const auto n = name::parse(t);
        if (!n) continue;  // not a name nftpp could have made (a keyword, over 255 bytes): not ours
        text += render_text(delete_table(family::ip, *n));
        doomed.push_back(t);
    }
    if (text.empty()) return res;
    const exec::outcome r = executor.apply(std::string_view(text));
    if (!r.ok()) {
        res.exit_code = 1;
        res.message = "deleting the stale tables failed, nothing deleted: " + r.describe();
        return res;
    }
    res.deleted = std::move(doomed);
    return res;
}

}  // namespace vm_tap
