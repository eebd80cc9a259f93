// SPDX-License-Identifier: Apache-2.0
// A helper program for the process runner tests. Modes:
//   sleep_ms N        sleep N ms, exit 0 (N = -1: sleep until killed)
//   count_stdin       read all of stdin, print its length
//   exit N            exit with status N
//   flood_stderr N    write N bytes to stderr, then read stdin and print its length
//   ignore_stdin      exit 0 at once without reading stdin
//   list_fds          print the open descriptors, one per line
//   flood_stdout N    write N bytes to stdout, exit 0
//   print_env         print the environment, one NAME=value a line
//   touch PATH        create the file PATH, exit 0
//   grandchild_sleep  fork a grandchild that sleeps 30 s holding stdout and stderr, print
//                     its pid, then sleep until killed
//   grandchild_exit   the same, but exit 0 at once after printing the pid
//   setsid_exit       fork a grandchild that calls setsid() and sleeps 30 s holding stdout
//                     and stderr, fork a great-grandchild from it that does the same, print
//                     both pids, exit 0 at once
//   setsid_sleep      the same, then sleep until killed
//   kill_parent       SIGKILL the parent (the runner), then exit 0
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
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

extern char** environ;

static bool write_all(int fd, long n) {
    std::vector<char> block(65536, 'o');
    for (long done = 0; done < n;) {
        const long chunk = std::min<long>(n - done, static_cast<long>(block.size()));
        const ssize_t w = write(fd, block.data(), static_cast<std::size_t>(chunk));
        if (w <= 0) return false;
        done += w;
    }
    return true;
}

// Forks a grandchild that holds our stdout and stderr for 30 s; prints its pid.
static bool start_grandchild() {
    const pid_t g = fork();
    if (g < 0) return false;
    if (g == 0) {
        sleep(30);
        _exit(0);
    }
    std::printf("%d\n", static_cast<int>(g));
    std::fflush(stdout);
    return true;
}

// Two detached descendants (each in a session of its own) holding our stdout and stderr
// for 30 s; prints "PID1 PID2".
static bool start_setsid_descendants() {
    int p[2];
    if (pipe(p) != 0) return false;
    const pid_t g = fork();
    if (g < 0) return false;
    if (g == 0) {
        close(p[0]);
        setsid();
        const pid_t gg = fork();
        if (gg == 0) {
            close(p[1]);
            setsid();
            sleep(30);
            _exit(0);
        }
        const int v = static_cast<int>(gg);
        if (write(p[1], &v, sizeof v) != static_cast<ssize_t>(sizeof v)) _exit(1);
        close(p[1]);
        sleep(30);
        _exit(0);
    }
    close(p[1]);
    int gg = 0;
    if (read(p[0], &gg, sizeof gg) != static_cast<ssize_t>(sizeof gg)) return false;
    close(p[0]);
    std::printf("%d %d\n", static_cast<int>(g), gg);
    std::fflush(stdout);
    return true;
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
        if (!write_all(2, std::atol(argv[2]))) return 101;
        std::printf("%ld\n", count_stdin());
        return 0;
    }
    if (mode == "ignore_stdin") return 0;
    if (mode == "flood_stdout") return write_all(1, std::atol(argv[2])) ? 0 : 101;
    if (mode == "print_env") {
        for (char** e = environ; *e; ++e) std::printf("%s\n", *e);
        return 0;
    }
    if (mode == "touch") {
        const int fd = open(argv[2], O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0) return 103;
        close(fd);
        return 0;
    }
    if (mode == "grandchild_sleep") {
        if (!start_grandchild()) return 104;
        for (;;) pause();
    }
    if (mode == "grandchild_exit") return start_grandchild() ? 0 : 104;
    if (mode == "setsid_exit") return start_setsid_descendants() ? 0 : 105;
    if (mode == "setsid_sleep") {
        if (!start_setsid_descendants()) return 105;
        for (;;) pause();
    }
    if (mode == "kill_parent") {
        kill(getppid(), SIGKILL);
        return 0;
    }
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
