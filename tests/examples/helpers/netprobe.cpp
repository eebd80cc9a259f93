// A network helper for the end-to-end tests, run inside test namespaces.
//   netprobe listen SECONDS ADDR:PORT...   accept and close connections until SECONDS pass
//                                          or a client sends "quit"; prints "ready" first
//   netprobe connect ADDR PORT TIMEOUT_MS  prints "ok <ms>" or "<errno-name> <ms>"
//   netprobe udp ADDR PORT                 sends one datagram twice; prints "ok" or "<errno-name>"
//   netprobe quit ADDR PORT                asks a listener to exit
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

static sockaddr_in addr_of(const char* ip, int port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, ip, &a.sin_addr);
    return a;
}

static const char* errno_name(int e) {
    switch (e) {
        case ECONNREFUSED: return "ECONNREFUSED";
        case ETIMEDOUT: return "ETIMEDOUT";
        case EPERM: return "EPERM";
        case EHOSTUNREACH: return "EHOSTUNREACH";
        case ENETUNREACH: return "ENETUNREACH";
        case ECONNRESET: return "ECONNRESET";
        default: return "EOTHER";
    }
}

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    const std::string mode = argv[1];
    using clock = std::chrono::steady_clock;
    if (mode == "listen") {
        const auto until = clock::now() + std::chrono::seconds(std::atoi(argv[2]));
        std::vector<pollfd> fds;
        for (int i = 3; i < argc; ++i) {
            std::string spec = argv[i];
            const auto colon = spec.rfind(':');
            const int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            int one = 1;
            setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            sockaddr_in a = addr_of(spec.substr(0, colon).c_str(), std::atoi(spec.c_str() + colon + 1));
            if (bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(s, 16) != 0) {
                std::printf("bind-failed %s\n", spec.c_str());
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
                const int c = accept(p.fd, nullptr, nullptr);
                if (c < 0) continue;
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
    if (mode == "connect" || mode == "quit") {
        const int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a = addr_of(argv[2], std::atoi(argv[3]));
        const int timeout_ms = mode == "quit" ? 2000 : std::atoi(argv[4]);
        const auto start = clock::now();
        fcntl(s, F_SETFL, O_NONBLOCK);
        int rc = connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
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
    if (mode == "udp") {
        const int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in a = addr_of(argv[2], std::atoi(argv[3]));
        int err = 0;
        for (int i = 0; i < 2 && !err; ++i) {
            if (sendto(s, "x", 1, 0, reinterpret_cast<sockaddr*>(&a), sizeof a) < 0) err = errno;
            usleep(100000);
        }
        std::printf("%s\n", err == 0 ? "ok" : errno_name(err));
        close(s);
        return 0;
    }
    return 2;
}
