// A helper program for the process runner tests. Modes:
//   sleep_ms N        sleep N ms, exit 0 (N = -1: sleep until killed)
//   count_stdin       read all of stdin, print its length
//   exit N            exit with status N
//   flood_stderr N    write N bytes to stderr, then read stdin and print its length
//   ignore_stdin      exit 0 at once without reading stdin
//   list_fds          print the open descriptors, one per line
#include <dirent.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

static long count_stdin() {
    char buf[65536];
    long total = 0;
    for (;;) {
        const ssize_t r = read(0, buf, sizeof buf);
        if (r > 0) total += r;
        else if (r == 0) return total;
        else return -1;
    }
}

int main(int argc, char** argv) {
    if (argc < 2) return 100;
    const std::string mode = argv[1];
    if (mode == "sleep_ms") {
        const long ms = std::atol(argv[2]);
        if (ms < 0) for (;;) pause();
        usleep(static_cast<useconds_t>(ms) * 1000);
        return 0;
    }
    if (mode == "count_stdin") {
        std::printf("%ld\n", count_stdin());
        return 0;
    }
    if (mode == "exit") return std::atoi(argv[2]);
    if (mode == "flood_stderr") {
        const long n = std::atol(argv[2]);
        std::vector<char> block(65536, 'e');
        for (long done = 0; done < n;) {
            const long chunk = std::min<long>(n - done, static_cast<long>(block.size()));
            const ssize_t w = write(2, block.data(), static_cast<std::size_t>(chunk));
            if (w <= 0) return 101;
            done += w;
        }
        std::printf("%ld\n", count_stdin());
        return 0;
    }
    if (mode == "ignore_stdin") return 0;
    if (mode == "list_fds") {
        DIR* d = opendir("/proc/self/fd");
        if (!d) return 102;
        const int self = dirfd(d);
        while (dirent* e = readdir(d)) {
            if (e->d_name[0] == '.') continue;
            const int fd = std::atoi(e->d_name);
            if (fd != self) std::printf("%d\n", fd);
        }
        closedir(d);
        return 0;
    }
    return 100;
}
