// A stand-in for nft or nsenter in the executor tests. The tests copy it, root-owned and
// mode 0755, into a temporary root-owned 0755 directory under the name of the behaviour
// they want (its arguments are the executor's and are ignored):
//   nft-sleep      sleep until killed
//   nft-env        print the environment, one NAME=value a line, exit 0
//   nft-mark       create the file "ran" next to itself, exit 0 (proves that it ran)
//   nsenter-eperm  fail the way nsenter does when setns is refused, exit 1
#include <fcntl.h>
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
    return 100;
}
