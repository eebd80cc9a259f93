// SPDX-License-Identifier: Apache-2.0
// bypass_monitor: follows the bypass attempts of one sandbox namespace (the connections
// its fence refused and logged) and prints each as one JSON object per line.
//
//   bypass_monitor [--nflog-group N] NETNS     from nflog group N (default 0) inside NETNS:
//                                              pair with `sandbox_fence --nflog-group N`
//   bypass_monitor --kmsg NETNS                from /dev/kmsg: pair with sandbox_fence
//                                              without --nflog-group (needs
//                                              net.netfilter.nf_log_all_netns=1)
//   options: --prefix P (default "openshell:bypass:NETNS:", what sandbox_fence uses),
//            --count K (exit after K events), --for-ms T (exit after T milliseconds)
//
// One line per event:
//   {"time":"2026-12-01T23:40:00.123Z","namespace":"sandbox-1","source":"nflog",
//    "destination":"198.51.100.1","port":443,"protocol":"tcp","uid":1000,"gid":1000,
//    "process":{"pid":4242,"comm":"node"},"hint":"use the proxy: ..."}
// `process` is the process that owns the socket, found through /proc/net/{tcp,tcp6,udp,
// udp6} read inside the namespace and /proc/*/fd; null when it is gone already (a refused
// TCP connect closes its socket at once: UDP sockets usually stay long enough). uid, gid
// and port are null when the event has none. Once it follows, it says so on stderr
// ("following ..."). Exit status: 0 at the end (--count, --for-ms), 2 for bad arguments,
// 1 when the source cannot be opened.
//
// With nflog the events come from a socket opened in the sandbox's namespace: another
// namespace cannot make one, whatever prefix it logs with. With --kmsg every namespace
// writes into the one kernel log, and a namespace that can load rules can log a line with
// this sandbox's prefix: prefer nflog (docs/log-events.md).
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <variant>

#include <nftpp/log/log.hpp>
#include <nftpp/log/nflog.hpp>
#include <nftpp/value/ids.hpp>
#include <nftpp/value/text.hpp>
#include <nftpp/value/utf8.hpp>

namespace {

using namespace std::chrono_literals;
using nftpp::klog::log_event;

// A JSON string: quotes, backslashes and control characters escaped; text that is not
// UTF-8 has its bytes from 0x80 replaced by '?'.
std::string json_string(std::string_view s) {
    const bool utf8 = nftpp::detail::utf8_error(s) == std::string_view::npos;
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else if (u >= 0x80 && !utf8) {
            out += '?';
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string address_text(const nftpp::klog::address& a) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (const auto* v4 = std::get_if<nftpp::ipv4_addr>(&a)) {
        const std::uint32_t n = htonl(v4->bits);
        ::inet_ntop(AF_INET, &n, buf, sizeof buf);
    } else if (const auto* v6 = std::get_if<nftpp::ipv6_addr>(&a)) {
        ::inet_ntop(AF_INET6, v6->bytes.data(), buf, sizeof buf);
    }
    return buf;
}

std::string now_utc() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

// What the seed's monitor tells the sandbox's user about a blocked attempt.
std::string hint(const log_event& e) {
    if (e.proto == "UDP" && e.dpt == 53)
        return "DNS over UDP is blocked: let the proxy resolve names (HTTP CONNECT takes a host name), "
               "or use DNS over HTTPS through the proxy";
    if (e.proto == "UDP" || e.proto == "UDPLITE")
        return "UDP is blocked: it cannot go through the HTTP CONNECT proxy; use TCP through the proxy";
    if (e.proto == "TCP")
        return "use the proxy: set HTTPS_PROXY and HTTP_PROXY (Node.js fetch() also needs NODE_USE_ENV_PROXY=1)";
    return "only TCP through the proxy leaves the sandbox";
}

struct owner {
    long pid = 0;
    std::string comm;
};

// The inode of the socket bound to local port `port` (and owned by `uid`, when known) in
// the /proc/net table at `path`; 0 when there is none.
unsigned long socket_inode(const std::string& path, std::uint16_t port, std::optional<std::uint32_t> uid) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // the header
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string sl, local, remote, state, queues, timer, retr;
        unsigned long line_uid = 0, timeout = 0, inode = 0;
        if (!(f >> sl >> local >> remote >> state >> queues >> timer >> retr >> line_uid >> timeout >> inode)) continue;
        const auto colon = local.rfind(':');
        if (colon == std::string::npos) continue;
        if (std::strtoul(local.c_str() + colon + 1, nullptr, 16) != port) continue;
        if (uid && line_uid != *uid) continue;
        if (inode != 0) return inode;
    }
    return 0;
}

// The process holding socket:[inode] among /proc/*/fd (the first found).
std::optional<owner> owner_of(unsigned long inode) {
    const std::string wanted = "socket:[" + std::to_string(inode) + "]";
    DIR* proc = ::opendir("/proc");
    if (!proc) return std::nullopt;
    std::optional<owner> found;
    while (dirent* d = ::readdir(proc)) {
        char* end = nullptr;
        const long pid = std::strtol(d->d_name, &end, 10);
        if (pid <= 0 || *end) continue;
        const std::string fd_dir = "/proc/" + std::string(d->d_name) + "/fd";
        DIR* fds = ::opendir(fd_dir.c_str());
        if (!fds) continue;
        while (dirent* f = ::readdir(fds)) {
            if (f->d_name[0] == '.') continue;
            char target[64] = {};
            const std::string link = fd_dir + "/" + f->d_name;
            const ssize_t n = ::readlink(link.c_str(), target, sizeof target - 1);
            if (n > 0 && wanted == std::string_view(target, static_cast<std::size_t>(n))) {
                owner o;
                o.pid = pid;
                std::ifstream comm("/proc/" + std::string(d->d_name) + "/comm");
                std::getline(comm, o.comm);
                found = o;
                break;
            }
        }
        ::closedir(fds);
        if (found) break;
    }
    ::closedir(proc);
    return found;
}

// The owner of the event's socket: its /proc/net tables are the namespace's, so they are
// read by a thread that enters it (/proc/thread-self/net is the thread's namespace).
std::optional<owner> find_owner(const log_event& e, int netns_fd) {
    if (!e.spt || (e.proto != "TCP" && e.proto != "UDP")) return std::nullopt;
    unsigned long inode = 0;
    std::thread t([&] {
        if (::setns(netns_fd, CLONE_NEWNET) != 0) return;
        const std::string base = "/proc/thread-self/net/";
        const bool tcp = e.proto == "TCP";
        for (const char* table : {tcp ? "tcp" : "udp", tcp ? "tcp6" : "udp6"}) {
            inode = socket_inode(base + table, *e.spt, e.uid);
            if (inode) return;
        }
    });
    t.join();
    if (!inode) return std::nullopt;
    return owner_of(inode);
}

std::string event_json(const log_event& e, const std::string& netns, const char* source, int netns_fd) {
    std::string j = "{\"time\":" + json_string(now_utc());
    j += ",\"namespace\":" + json_string(netns);
    j += ",\"source\":" + json_string(source);
    j += ",\"destination\":" + json_string(address_text(e.dst));
    j += ",\"port\":" + (e.dpt ? std::to_string(*e.dpt) : std::string("null"));
    std::string proto = e.proto;
    for (char& c : proto) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    j += ",\"protocol\":" + json_string(proto);
    j += ",\"uid\":" + (e.uid ? std::to_string(*e.uid) : std::string("null"));
    j += ",\"gid\":" + (e.gid ? std::to_string(*e.gid) : std::string("null"));
    if (const auto o = find_owner(e, netns_fd))
        j += ",\"process\":{\"pid\":" + std::to_string(o->pid) + ",\"comm\":" + json_string(o->comm) + "}";
    else
        j += ",\"process\":null";
    j += ",\"hint\":" + json_string(hint(e)) + "}";
    return j;
}

int usage(const char* self) {
    std::fprintf(stderr,
                 "usage: %s [--kmsg | --nflog-group N] [--prefix P] [--count K] [--for-ms T] NETNS\n"
                 "  follows the bypass attempts of namespace NETNS, one JSON object per line\n",
                 self);
    return 2;
}

bool valid_netns_name(std::string_view n) {
    return !n.empty() && n != "." && n != ".." && n.find('/') == std::string_view::npos && n.size() < 256;
}

}  // namespace

int main(int argc, char** argv) {
    bool kmsg = false;
    std::uint16_t group = 0;
    std::optional<std::string> prefix_arg;
    long count = -1, for_ms = -1;
    int arg = 1;
    try {
        for (; arg < argc && std::string_view(argv[arg]).substr(0, 2) == "--"; ++arg) {
            const std::string_view opt = argv[arg];
            if (opt == "--kmsg") {
                kmsg = true;
                continue;
            }
            if (arg + 1 >= argc) return usage(argv[0]);
            const char* value = argv[++arg];
            if (opt == "--nflog-group") group = nftpp::log_group::parse(value).value(value).number;
            else if (opt == "--prefix") prefix_arg = value;
            else if (opt == "--count" || opt == "--for-ms") {
                char* end = nullptr;
                const long n = std::strtol(value, &end, 10);
                if (!*value || *end || n <= 0) {
                    std::fprintf(stderr, "%s takes a positive number (got \"%s\")\n", argv[arg - 1], value);
                    return 2;
                }
                (opt == "--count" ? count : for_ms) = n;
            } else {
                return usage(argv[0]);
            }
        }
    } catch (const nftpp::value_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    if (argc - arg != 1) return usage(argv[0]);
    const std::string netns = argv[arg];
    if (!valid_netns_name(netns)) {
        std::fprintf(stderr, "\"%s\" is not a network namespace name (no '/', not empty)\n", netns.c_str());
        return 2;
    }
    const std::string prefix = prefix_arg.value_or("openshell:bypass:" + netns + ":");
    try {
        (void)nftpp::log_prefix::parse(prefix).value(prefix);  // what a fence could log with
    } catch (const nftpp::value_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    const std::string ns_path = "/var/run/netns/" + netns;
    const int netns_fd = ::open(ns_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (netns_fd < 0) {
        std::fprintf(stderr, "cannot open the network namespace %s: %s\n", ns_path.c_str(), std::strerror(errno));
        return 1;
    }

    const auto deadline = for_ms > 0 ? std::chrono::steady_clock::now() + std::chrono::milliseconds(for_ms)
                                     : std::chrono::steady_clock::time_point::max();
    long printed = 0;
    auto on_event = [&](const log_event& e, const char* source) {
        const std::string line = event_json(e, netns, source, netns_fd);
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
        return ++printed != count;
    };
    auto wait_for = [&] {
        const auto left = deadline - std::chrono::steady_clock::now();
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::min<std::chrono::steady_clock::duration>(left, 1s));
    };
    auto done = [&] { return std::chrono::steady_clock::now() >= deadline; };

    if (kmsg) {
        auto reader = nftpp::klog::kmsg_reader::open();
        if (!reader) {
            std::fprintf(stderr, "cannot read /dev/kmsg: %s (needs root or CAP_SYSLOG)\n", std::strerror(errno));
            return 1;
        }
        std::ifstream all_netns("/proc/sys/net/netfilter/nf_log_all_netns");
        std::string v;
        if (std::getline(all_netns, v) && v == "0")
            std::fprintf(stderr, "net.netfilter.nf_log_all_netns is 0: the kernel log gets nothing from %s "
                                 "(use nflog: sandbox_fence --nflog-group N)\n", netns.c_str());
        std::fprintf(stderr, "following %s in /dev/kmsg (prefix %s)\n", netns.c_str(), prefix.c_str());
        while (!done() && !reader->at_end()) {
            if (auto e = reader->next(prefix, wait_for())) {
                if (!on_event(*e, "kmsg")) break;
            }
        }
    } else {
        auto reader = nftpp::klog::nflog_reader::open_fd(group, netns_fd);
        if (!reader.ok()) {
            std::fprintf(stderr, "%s (namespace %s)\n", reader.error().c_str(), netns.c_str());
            return 1;
        }
        std::fprintf(stderr, "following %s on nflog group %u (prefix %s)\n", netns.c_str(), unsigned{group}, prefix.c_str());
        while (!done() && reader.ok()) {
            if (auto e = reader.next(prefix, wait_for())) {
                if (!on_event(*e, "nflog")) break;
            }
        }
        if (!reader.ok()) {
            std::fprintf(stderr, "%s\n", reader.error().c_str());
            return 1;
        }
    }
    ::close(netns_fd);
    return 0;
}
