// SPDX-License-Identifier: Apache-2.0
// A network helper for the end-to-end tests, run inside test namespaces. Addresses are
// IPv4 ("10.200.0.1") or IPv6 ("fd00:200::1"); a listen spec is ADDR:PORT, with an IPv6
// address in brackets or not ("[fd00:200::1]:3128", "fd00:200::1:3128": the last ':'
// separates the port).
//   netprobe listen SECONDS SPEC...        accept and close connections until SECONDS pass
//                                          or a client sends "quit"; prints "ready" first,
//                                          then "from <peer address>" per connection
//   netprobe connect ADDR PORT TIMEOUT_MS  prints "ok <ms>" or "<errno-name> <ms>"
//   netprobe udp ADDR PORT [HOLD_MS]       sends one datagram twice; prints "ok" or "<errno-name>";
//                                          keeps the socket HOLD_MS longer (to be found by its owner)
//   netprobe quit ADDR PORT                asks a listener to exit
//   netprobe udpsend ADDR PORT SIZE COUNT  sends COUNT datagrams of SIZE bytes, 50 ms apart
//                                          (over the MTU, IPv6 sends them as fragments)
//   netprobe udprecv ADDR PORT MS          counts the datagrams that arrive in MS; prints
//                                          "got <count> <largest size>"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct endpoint {
    sockaddr_storage storage{};
    socklen_t len = 0;
    int family = AF_UNSPEC;
    [[nodiscard]] const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
};

// false when ip is neither an IPv4 nor an IPv6 address
bool endpoint_of(std::string ip, int port, endpoint& e) {
    if (ip.size() >= 2 && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
    if (ip.find(':') != std::string::npos) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&e.storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(static_cast<uint16_t>(port));
        if (inet_pton(AF_INET6, ip.c_str(), &a->sin6_addr) != 1) return false;
        e.len = sizeof *a;
        e.family = AF_INET6;
        return true;
    }
    auto* a = reinterpret_cast<sockaddr_in*>(&e.storage);
    a->sin_family = AF_INET;
    a->sin_port = htons(static_cast<uint16_t>(port));
    if (inet_pton(AF_INET, ip.c_str(), &a->sin_addr) != 1) return false;
    e.len = sizeof *a;
    e.family = AF_INET;
    return true;
}

std::string address_text(const sockaddr_storage& s) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (s.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&s)->sin6_addr, buf, sizeof buf);
    else if (s.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&s)->sin_addr, buf, sizeof buf);
    return buf;
}

const char* errno_name(int e) {
    switch (e) {
        case ECONNREFUSED: return "ECONNREFUSED";
        case ETIMEDOUT: return "ETIMEDOUT";
        case EPERM: return "EPERM";
        case EACCES: return "EACCES";
        case EHOSTUNREACH: return "EHOSTUNREACH";
        case ENETUNREACH: return "ENETUNREACH";
        case ECONNRESET: return "ECONNRESET";
        case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
        default: return "EOTHER";
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    const std::string mode = argv[1];
    using clock = std::chrono::steady_clock;
    if (mode == "listen" && argc >= 4) {
        const auto until = clock::now() + std::chrono::seconds(std::atoi(argv[2]));
        std::vector<pollfd> fds;
        for (int i = 3; i < argc; ++i) {
            const std::string spec = argv[i];
            const auto colon = spec.rfind(':');
            endpoint e;
            if (colon == std::string::npos || !endpoint_of(spec.substr(0, colon), std::atoi(spec.c_str() + colon + 1), e)) {
                std::printf("bad-spec %s\n", spec.c_str());
                return 2;
            }
            const int s = socket(e.family, SOCK_STREAM | SOCK_CLOEXEC, 0);
            int one = 1;
            setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (e.family == AF_INET6) setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
            if (bind(s, e.get(), e.len) != 0 || listen(s, 16) != 0) {
                std::printf("bind-failed %s %s\n", spec.c_str(), errno_name(errno));
                return 1;
            }
            fds.push_back({s, POLLIN, 0});
        }
        std::printf("ready\n");
        std::fflush(stdout);
        while (clock::now() < until) {
            if (poll(fds.data(), fds.size(), 100) <= 0) continue;
            for (auto& p : fds) {
                if (!(p.revents & POLLIN)) continue;
                sockaddr_storage peer{};
                socklen_t peer_len = sizeof peer;
                const int c = accept(p.fd, reinterpret_cast<sockaddr*>(&peer), &peer_len);
                if (c < 0) continue;
                std::printf("from %s\n", address_text(peer).c_str());
                std::fflush(stdout);
                char buf[8] = {};
                pollfd cp{c, POLLIN, 0};
                if (poll(&cp, 1, 200) > 0 && read(c, buf, 4) == 4 && std::strncmp(buf, "quit", 4) == 0) {
                    close(c);
                    return 0;
                }
                close(c);
            }
        }
        return 0;
    }
    if ((mode == "connect" && argc >= 5) || (mode == "quit" && argc >= 4)) {
        endpoint e;
        if (!endpoint_of(argv[2], std::atoi(argv[3]), e)) {
            std::printf("bad-address %s\n", argv[2]);
            return 2;
        }
        const int s = socket(e.family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int timeout_ms = mode == "quit" ? 2000 : std::atoi(argv[4]);
        const auto start = clock::now();
        fcntl(s, F_SETFL, O_NONBLOCK);
        int rc = connect(s, e.get(), e.len);
        int err = rc == 0 ? 0 : errno;
        if (rc != 0 && err == EINPROGRESS) {
            pollfd p{s, POLLOUT, 0};
            if (poll(&p, 1, timeout_ms) <= 0) err = ETIMEDOUT;
            else {
                socklen_t len = sizeof err;
                getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
            }
        }
        const long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start).count());
        if (err == 0 && mode == "quit") {
            fcntl(s, F_SETFL, 0);
            [[maybe_unused]] auto w = write(s, "quit", 4);
        }
        std::printf("%s %ld\n", err == 0 ? "ok" : errno_name(err), ms);
        close(s);
        return 0;
    }
    if (mode == "udp" && argc >= 4) {
        endpoint e;
        if (!endpoint_of(argv[2], std::atoi(argv[3]), e)) {
            std::printf("bad-address %s\n", argv[2]);
            return 2;
        }
        const int s = socket(e.family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        int err = 0;
        for (int i = 0; i < 2 && !err; ++i) {
            if (sendto(s, "x", 1, 0, e.get(), e.len) < 0) err = errno;
            usleep(100000);
        }
        std::printf("%s\n", err == 0 ? "ok" : errno_name(err));
        std::fflush(stdout);
        if (argc >= 5) usleep(static_cast<useconds_t>(std::atoi(argv[4])) * 1000);
        close(s);
        return 0;
    }
    if (mode == "udpsend" && argc >= 6) {
        endpoint e;
        if (!endpoint_of(argv[2], std::atoi(argv[3]), e)) {
            std::printf("bad-address %s\n", argv[2]);
            return 2;
        }
        const std::vector<char> data(static_cast<std::size_t>(std::atoi(argv[4])), 'x');
        const int s = socket(e.family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        int err = 0;
        for (int i = 0; i < std::atoi(argv[5]) && !err; ++i) {
            if (sendto(s, data.data(), data.size(), 0, e.get(), e.len) < 0) err = errno;
            usleep(50000);
        }
        std::printf("%s\n", err == 0 ? "ok" : errno_name(err));
        close(s);
        return 0;
    }
    if (mode == "udprecv" && argc >= 5) {
        endpoint e;
        if (!endpoint_of(argv[2], std::atoi(argv[3]), e)) {
            std::printf("bad-address %s\n", argv[2]);
            return 2;
        }
        const int s = socket(e.family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (bind(s, e.get(), e.len) < 0) {
            std::printf("%s\n", errno_name(errno));
            return 1;
        }
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::atoi(argv[4]));
        long count = 0;
        long largest = 0;
        std::vector<char> buf(70000);
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
            if (left <= 0) break;
            pollfd p{s, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
            const ssize_t n = recv(s, buf.data(), buf.size(), 0);
            if (n < 0) continue;
            ++count;
            if (n > largest) largest = n;
        }
        std::printf("got %ld %ld\n", count, largest);
        close(s);
        return 0;
    }
    return 2;
}
