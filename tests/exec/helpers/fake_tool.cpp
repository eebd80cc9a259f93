// SPDX-License-Identifier: Apache-2.0
// A stand-in for nft or nsenter in the executor tests. The tests copy it, root-owned and
// mode 0755, into a temporary root-owned 0755 directory under the name of the behaviour
// they want (its arguments are the executor's and are ignored):
//   nft-sleep      sleep until killed
//   nft-env        print the environment, one NAME=value a line, exit 0
//   nft-mark       create the file "ran" next to itself, exit 0 (proves that it ran)
//   nsenter-eperm  fail the way nsenter does when setns is refused, exit 1
//   nft-killed     die by SIGKILL (as when something kills nft from outside)
//   nft-setsid     fork a descendant that calls setsid() and sleeps 30 s holding stdout and
//                  stderr, print its pid, exit 0
//   nft-errors     print 3000 nft error lines pointing at line 1, exit 1
//   nft-netns      print the inode of its network namespace, exit 0
//   ip-env         print "N: NAME=value: <>" for each environment variable, the way
//                  `ip -o link show` prints devices, exit 0
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>

extern char** environ;

int main(int, char** argv) {
    const std::string self = argv[0];
    const auto slash = self.rfind('/');
    const std::string dir = self.substr(0, slash);
    const std::string name = self.substr(slash + 1);
    if (name == "nft-sleep") {
        for (;;) pause();
    }
    if (name == "nft-env") {
        for (char** e = environ; *e; ++e) std::printf("%s\n", *e);
        return 0;
    }
    if (name == "nft-mark") {
        const int fd = open((dir + "/ran").c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0) return 3;
        close(fd);
        return 0;
    }
    if (name == "nsenter-eperm") {
        std::fprintf(stderr, "nsenter: reassociate to namespace 'ns/net' failed: Operation not permitted\n");
        return 1;
    }
    if (name == "nft-killed") {
        kill(getpid(), SIGKILL);
        for (;;) pause();
    }
    if (name == "nft-setsid") {
        const pid_t g = fork();
        if (g == 0) {
            setsid();
            sleep(30);
            _exit(0);
        }
        std::printf("%d\n", static_cast<int>(g));
        return 0;
    }
    if (name == "nft-errors") {
        for (int i = 0; i < 3000; ++i) std::fprintf(stderr, "/dev/stdin:1:1-5: Error: syntax error %d\nbogus\n^^^^^\n", i);
        return 1;
    }
    if (name == "nft-netns") {
        struct stat st {};
        if (stat("/proc/self/ns/net", &st) != 0) return 4;
        std::printf("%lu\n", static_cast<unsigned long>(st.st_ino));
        return 0;
    }
    if (name == "ip-env") {
        int n = 1;
        for (char** e = environ; *e; ++e) std::printf("%d: %s: <>\n", n++, *e);
        return 0;
    }
    return 100;
}
