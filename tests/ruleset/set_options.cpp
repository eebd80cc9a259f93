// SPDX-License-Identifier: Apache-2.0
// Set flags and options (set_flag::..., set_size, set_timeout), element timeouts and
// comments, and what the elements of a set may not do (overlap, exceed the size) —
// golden and loaded, each refusal beside the form that is accepted; per-element counters
// counting real packets sent on loopback inside a namespace.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "golden.hpp"

#include <nftpp/readback.hpp>

using namespace nftpp;
using nftpp_test::refusal_of;
using namespace std::chrono_literals;
using nftpp::testing::scratch_netns;

namespace {
template <class T>
std::string text_of(const T& x) {
    return render_text(x);
}
}  // namespace

TEST_CASE("durations render as nft writes them", "[sets][golden]") {
    auto d = [](std::uint64_t ms) {
        count_sink c;
        put_duration(c, ms);
        std::string s(c.size, '\0');
        span_sink w{s.data()};
        put_duration(w, ms);
        return s;
    };
    CHECK(d(1) == "1ms");
    CHECK(d(1000) == "1s");
    CHECK(d(90 * 60 * 1000) == "1h30m");
    CHECK(d(86400000 + 1500) == "1d1s500ms");
    CHECK(d(600000) == "10m");
}

TEST_CASE("set options: flags, timeout, size, counter, auto-merge", "[sets][golden]") {
    const auto t = table<family::inet>("o",
        set<"nets", ipv4_addr>(set_flag::interval | set_flag::auto_merge | set_flag::counter | set_size(100),
                               {"10.0.0.0/8", "10.1.0.0/16", "192.168.0.0/16"}),
        set<"banned", ipv6_addr>(set_timeout(90min) | set_size(65536)),
        set<"seen", ipv4_addr>(set_flag::dynamic | set_flag::timeout),
        data_map<"marks", port, mark>(set_flag::interval | set_timeout(1500ms), {{range<port>(20, 25), 1}}),
        verdict_map<"dispatch", port>(set_flag::counter | set_size(8), on(22, nftpp::accept)));
    nftpp_test::golden(t,
        "table inet o {\n"
        "\tset nets {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\tsize 100\n\t\tcounter\n\t\tauto-merge\n"
        "\t\telements = {\n\t\t\t10.0.0.0/8,\n\t\t\t10.1.0.0/16,\n\t\t\t192.168.0.0/16\n\t\t}\n\t}\n"
        "\tset banned {\n\t\ttype ipv6_addr\n\t\ttimeout 1h30m\n\t\tsize 65536\n\t}\n"
        "\tset seen {\n\t\ttype ipv4_addr\n\t\tflags timeout,dynamic\n\t}\n"
        "\tmap marks {\n\t\ttype inet_service : mark\n\t\tflags interval\n\t\ttimeout 1s500ms\n"
        "\t\telements = {\n\t\t\t20-25 : 0x00000001\n\t\t}\n\t}\n"
        "\tmap dispatch {\n\t\ttype inet_service : verdict\n\t\tsize 8\n\t\tcounter\n"
        "\t\telements = {\n\t\t\t22 : accept\n\t\t}\n\t}\n"
        "}\n");
}

TEST_CASE("element timeouts and comments, added in the same transaction", "[sets][golden]") {
    const auto t = table<family::inet>("b", set<"banned", ipv4_addr>(set_flag::timeout),
                                       set<"tagged", ipv4_addr>());
    const std::vector<ipv4_addr> hosts{ipv4_addr("192.0.2.7"), ipv4_addr("192.0.2.8")};
    nftpp_test::golden(
        ruleset(replace(t), add_elements<"banned">(t, hosts, element_timeout(10min) | element_comment("ssh")),
                add_elements<"banned">(t, {"198.51.100.1"}, element_timeout(36h)),
                add_elements<"tagged">(t, {"203.0.113.5"}, element_comment("from config"))),
        render_text(replace(t)) +
            "add element inet b banned {\n\t192.0.2.7 timeout 10m comment \"ssh\",\n\t192.0.2.8 timeout 10m comment \"ssh\"\n}\n"
            "add element inet b banned {\n\t198.51.100.1 timeout 1d12h\n}\n"
            "add element inet b tagged {\n\t203.0.113.5 comment \"from config\"\n}\n");
}

TEST_CASE("what the kernel would refuse in a set is refused when it is bound", "[sets]") {
    const auto t = table<family::inet>("b", set<"plain", ipv4_addr>(), set<"small", port>(set_size(2)),
                                       set<"ranges", port>(set_flag::interval, {range<port>(20, 25)}));
    // an element timeout needs a set that expires elements
    CHECK(refusal_of([&] { (void)add_elements<"plain">(t, {"10.0.0.1"}, element_timeout(1s)); }) ==
          rules::an_element_timeout_needs_a_set_with_set_flag_timeout_or_a_set_timeout.sentence);
    CHECK_NOTHROW(add_elements<"plain">(t, {"10.0.0.1"}, element_comment("fine")));
    // one batch larger than the size
    CHECK(refusal_of([&] { (void)add_elements<"small">(t, {1, 2, 3}); }) ==
          rules::a_set_holds_at_most_its_set_size_elements.sentence);
    CHECK_NOTHROW(add_elements<"small">(t, {1, 2}));
    // overlapping intervals, in one batch (against the set's present content the kernel checks)
    CHECK(refusal_of([&] { (void)add_elements<"ranges">(t, {range<port>(30, 40), range<port>(35, 50)}); }) ==
          rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge.sentence);
    CHECK_NOTHROW(add_elements<"ranges">(t, {range<port>(30, 40), range<port>(41, 50), 60, 60}));  // adjacent, duplicate
    // deleting checks shapes only
    CHECK_NOTHROW(delete_elements<"ranges">(t, {range<port>(30, 40), range<port>(35, 50)}));
    CHECK_THROWS_AS(delete_elements<"plain">(t, {"10.0.0.0/8"}), value_error);
}

TEST_CASE("overlapping intervals in a declaration: refused, or merged with auto_merge", "[sets]") {
    std::vector<operand<ipv4_addr>> nets{ipv4_prefix("10.0.0.0/8"), ipv4_prefix("10.1.0.0/16")};
    CHECK(refusal_of([&] { (void)set<"n", ipv4_addr>(set_flag::interval, nets); }) ==
          rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge.sentence);
    CHECK_NOTHROW((set<"n", ipv4_addr>(set_flag::interval | set_flag::auto_merge, nets)));
    // a single address inside a prefix overlaps; the widest interval is carried forward
    std::vector<operand<ipv4_addr>> inside{ipv4_prefix("10.0.0.0/8"), ipv4_addr("10.200.0.1"), ipv4_addr("11.0.0.1")};
    CHECK_THROWS_AS((set<"n", ipv4_addr>(set_flag::interval, inside)), value_error);
    std::vector<operand<ipv4_addr>> spread{ipv4_prefix("10.0.0.0/8"), ipv4_addr("9.255.255.255"), ipv4_addr("11.0.0.0")};
    CHECK_NOTHROW((set<"n", ipv4_addr>(set_flag::interval, spread)));
    std::vector<operand<ipv6_addr>> v6{ipv6_prefix("fd00::/64"), ipv6_addr("fd00::ffff")};
    CHECK_THROWS_AS((set<"n", ipv6_addr>(set_flag::interval, v6)), value_error);
    std::vector<operand<ipv6_addr>> v6ok{ipv6_prefix("fd00::/64"), ipv6_addr("fd00:0:0:1::")};
    CHECK_NOTHROW((set<"n", ipv6_addr>(set_flag::interval, v6ok)));
    // auto-merge only with interval; sizes and timeouts are positive
    CHECK(refusal_of([] { (void)set<"n", port>(set_flag::auto_merge); }) ==
          rules::set_flag_auto_merge_works_only_with_set_flag_interval.sentence);
    CHECK(refusal_of([] { (void)set<"n", port>(set_size(0)); }) == rules::a_set_size_is_at_least_1.sentence);
    CHECK(refusal_of([] { (void)set<"n", port>(set_timeout(0s)); }) ==
          rules::a_timeout_is_at_least_1_millisecond.sentence);
    CHECK(refusal_of([] { (void)data_map<"m", port, mark>(set_flag::interval, {{range<port>(1, 10), 1}, {5, 2}}); }) ==
          rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge.sentence);
}

// Literal sets are checked by the compiler: the same checks run in constant evaluation.
constexpr bool declares(auto make) {
    (void)make();
    return true;
}
static_assert(declares([] { return set<"n", port>(set_flag::interval, {range<port>(1, 10), range<port>(11, 20)}); }));
static_assert(declares([] { return set<"n", port>(set_flag::interval | set_flag::auto_merge, {range<port>(1, 10), 5}); }));

TEST_CASE("the kernel agrees: options load, elements expire, counters count", "[sets][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = table<family::inet>("k",
        set<"banned", ipv4_addr>(set_flag::timeout | set_size(10)),
        set<"nets", ipv4_addr>(set_flag::interval | set_flag::auto_merge | set_flag::counter,
                               {"10.0.0.0/8", "10.1.0.0/16"}));
    scratch_netns ns("setopts");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto r = ex.apply(render(ruleset(replace(t), add_elements<"banned">(t, {"192.0.2.7"}, element_timeout(1s)),
                                           add_elements<"banned">(t, {"192.0.2.8"}, element_comment("kept")))));
    INFO(r.describe());
    REQUIRE(r.ok());
    // auto-merge: nft keeps the wider prefix only
    const auto nets = read_set<"nets">(ex, t);
    REQUIRE(nets.ok());
    REQUIRE(nets.elements.size() == 1);
    CHECK(nets.elements[0] == operand<ipv4_addr>(ipv4_prefix("10.0.0.0/8")));
    auto banned = read_set<"banned">(ex, t);
    REQUIRE(banned.ok());
    CHECK(banned.elements.size() == 2);
    const auto listing = ex.list_ruleset_json().out;
    CHECK(listing.find("\"comment\": \"kept\"") != std::string::npos);
    CHECK(listing.find("\"counter\"") != std::string::npos);
    // the timed element expires, the other stays
    std::this_thread::sleep_for(2500ms);
    banned = read_set<"banned">(ex, t);
    REQUIRE(banned.ok());
    REQUIRE(banned.elements.size() == 1);
    CHECK(banned.elements[0] == operand<ipv4_addr>(ipv4_addr("192.0.2.8")));
}

namespace {
// Sends `count` UDP datagrams of `payload` bytes to 127.0.0.1:dport from inside the
// namespace: a thread joins it (setns changes only the calling thread's network
// namespace) and sends from a socket made there. Whether every datagram left.
bool send_udp_inside(const scratch_netns& ns, std::uint16_t dport, int count, std::size_t payload) {
    bool ok = false;
    std::thread sender([&] {
        const int nsfd = ::open(ns.path().c_str(), O_RDONLY | O_CLOEXEC);
        if (nsfd < 0) return;
        const bool entered = ::setns(nsfd, CLONE_NEWNET) == 0;
        ::close(nsfd);
        if (!entered) return;
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) return;
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(dport);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const std::string data(payload, 'x');
        int sent = 0;
        for (int i = 0; i < count; ++i)
            if (::sendto(fd, data.data(), data.size(), 0, reinterpret_cast<const sockaddr*>(&to), sizeof to) ==
                static_cast<ssize_t>(data.size()))
                ++sent;
        ::close(fd);
        ok = sent == count;
    });
    sender.join();
    return ok;
}
}  // namespace

TEST_CASE("per-element counters count real packets and read back", "[sets][counters][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const auto t = table<family::inet>("cnt",
        set<"ports", port>(set_flag::counter, {9, 10}),
        verdict_map<"by_port", port>(set_flag::counter, on(12, nftpp::accept)),
        base_chain<"input", filter_chain(hook::input)>(
            udp.dport == at<"ports"> >> nftpp::accept,
            udp.dport >> vmap(at<"by_port">)));
    scratch_netns ns("counters");
    REQUIRE(ns.ok());
    auto ex = ns.executor();
    const auto r = ex.apply(render(ruleset(replace(t), add_elements<"ports">(t, {11}), add_map_elements<"by_port">(t, on(13, nftpp::accept)))));
    INFO(r.describe());
    REQUIRE(r.ok());
    REQUIRE(send_udp_inside(ns, 9, 3, 5));
    REQUIRE(send_udp_inside(ns, 11, 1, 5));
    REQUIRE(send_udp_inside(ns, 12, 2, 5));
    constexpr std::uint64_t packet_bytes = 20 + 8 + 5;  // the IPv4 header, the UDP header, the payload
    const auto back = read_set<"ports">(ex, t);
    INFO(back.error);
    REQUIRE(back.ok());
    REQUIRE(back.elements.size() == 3);
    REQUIRE(back.counters.size() == 3);
    std::map<std::uint16_t, element_counter> by_port;
    for (std::size_t i = 0; i < back.elements.size(); ++i) by_port[back.elements[i].low().number] = back.counters[i];
    CHECK(by_port[9] == element_counter{3, 3 * packet_bytes});
    CHECK(by_port[10] == element_counter{0, 0});
    CHECK(by_port[11] == element_counter{1, packet_bytes});  // added later: counted too
    const auto vm = read_map<"by_port">(ex, t);
    INFO(vm.error);
    REQUIRE(vm.ok());
    REQUIRE(vm.entries.size() == 2);
    REQUIRE(vm.counters.size() == 2);
    for (std::size_t i = 0; i < vm.entries.size(); ++i) {
        CHECK(vm.entries[i].value == "accept");
        CHECK(vm.counters[i] == (vm.entries[i].key.low() == port(12) ? element_counter{2, 2 * packet_bytes} : element_counter{}));
    }
    // a set without counters reads back none
    const auto plain = table<family::inet>("cnt2", set<"ports", port>({9}));
    REQUIRE(ex.apply(render(ruleset(replace(plain)))).ok());
    const auto none = read_set<"ports">(ex, plain);
    REQUIRE(none.ok());
    CHECK(none.elements.size() == 1);
    CHECK(none.counters.empty());
}
