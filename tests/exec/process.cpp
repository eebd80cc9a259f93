// The process runner against a helper program: big input, floods on stderr, timeouts,
// early exits, missing binaries, leaked descriptors, EINTR.
#include <fcntl.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include <nftpp/exec/process.hpp>

using namespace nftpp::exec;
using namespace std::chrono_literals;

namespace {
const std::string child = NFTPP_TEST_CHILD;

process_result run_child(std::vector<std::string> args, std::string input = {}, std::chrono::milliseconds timeout = 20s) {
    args.insert(args.begin(), child);
    return run_process({std::move(args), std::move(input), timeout});
}
}  // namespace

TEST_CASE("stdin larger than a pipe buffer is delivered whole", "[exec][process]") {
    const std::string big(8u << 20, 'x');
    const auto r = run_child({"count_stdin"}, big);
    REQUIRE(r.succeeded());
    CHECK(r.out == std::to_string(big.size()) + "\n");
}

TEST_CASE("a child flooding stderr before reading stdin does not deadlock", "[exec][process]") {
    const std::string input(1u << 20, 'y');
    const auto r = run_child({"flood_stderr", std::to_string(4u << 20)}, input);
    REQUIRE(r.succeeded());
    CHECK(r.err.size() == (4u << 20));
    CHECK(r.out == std::to_string(input.size()) + "\n");
}

TEST_CASE("a timeout kills and reaps the child", "[exec][process]") {
    const auto start = std::chrono::steady_clock::now();
    const auto r = run_child({"sleep_ms", "-1"}, {}, 300ms);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(r.timed_out);
    CHECK_FALSE(r.succeeded());
    CHECK(r.term_signal == SIGKILL);
    CHECK(elapsed < 5s);
    // reaped: no child of ours is left
    errno = 0;
    CHECK(waitpid(-1, nullptr, WNOHANG) == -1);
    CHECK(errno == ECHILD);
}

TEST_CASE("exit status is reported", "[exec][process]") {
    const auto r = run_child({"exit", "3"});
    CHECK_FALSE(r.succeeded());
    CHECK(r.exit_code == 3);
    CHECK_FALSE(r.timed_out);
}

TEST_CASE("a child that exits without reading its input does not kill the caller", "[exec][process]") {
    const std::string big(8u << 20, 'z');
    const auto r = run_child({"ignore_stdin"}, big);  // we write into a closed pipe: EPIPE, not SIGPIPE
    CHECK(r.exit_code == 0);
    sigset_t pending;
    sigpending(&pending);
    CHECK(sigismember(&pending, SIGPIPE) == 0);  // and no SIGPIPE is left pending for the caller
}

TEST_CASE("a missing or relative binary is a spawn failure", "[exec][process]") {
    auto r = run_process({{"/nonexistent/nft"}, {}, 5s});
    CHECK(r.spawn_failed);
    CHECK(r.spawn_errno == ENOENT);
    r = run_process({{"nft", "--version"}, {}, 5s});
    CHECK(r.spawn_failed);
    CHECK(r.spawn_errno == EINVAL);
}

TEST_CASE("no descriptor of the caller leaks into the child", "[exec][process]") {
    const int leaky = ::open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
    REQUIRE(leaky > 2);
    const auto r = run_child({"list_fds"});
    ::close(leaky);
    REQUIRE(r.succeeded());
    CHECK(r.out == "0\n1\n2\n");
}

namespace {
volatile sig_atomic_t alarms = 0;
void on_alarm(int) { alarms = alarms + 1; }
}  // namespace

TEST_CASE("signals interrupting the wait are handled (EINTR)", "[exec][process]") {
    struct sigaction sa {};
    sa.sa_handler = on_alarm;  // no SA_RESTART: poll, read and waitpid see EINTR
    sigemptyset(&sa.sa_mask);
    struct sigaction old {};
    sigaction(SIGALRM, &sa, &old);
    itimerval every_5ms{{0, 5000}, {0, 5000}};
    setitimer(ITIMER_REAL, &every_5ms, nullptr);
    const auto r = run_child({"flood_stderr", std::to_string(1u << 20)}, std::string(1u << 20, 'q'));
    const auto r2 = run_child({"sleep_ms", "200"});
    itimerval off{};
    setitimer(ITIMER_REAL, &off, nullptr);
    sigaction(SIGALRM, &old, nullptr);
    CHECK(alarms > 0);
    CHECK(r.succeeded());
    CHECK(r.err.size() == (1u << 20));
    CHECK(r2.succeeded());
}
