// SPDX-License-Identifier: Apache-2.0
// nflog: the netlink message parser against crafted messages, and the reader end to end in
// scratch namespaces with real blocked connections from other uids.
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "golden.hpp"

#include <nftpp/log/nflog.hpp>
#include <nftpp/testing/scratch_netns.hpp>

using namespace nftpp;
using namespace nftpp::klog;
using namespace std::chrono_literals;

namespace {

// A netlink message as the kernel's nfnetlink_log writes one: nlmsghdr, nfgenmsg, then
// attributes (each 4-byte aligned).
struct nl_builder {
    std::vector<std::uint8_t> bytes;
    std::size_t start = 0;

    void begin(std::uint16_t type = (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET, std::uint8_t family = AF_INET) {
        start = bytes.size();
        bytes.resize(start + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(nfgenmsg)));
        nlmsghdr h{};
        h.nlmsg_type = type;
        std::memcpy(bytes.data() + start, &h, sizeof h);
        nfgenmsg g{};
        g.nfgen_family = family;
        g.res_id = htons(5);
        std::memcpy(bytes.data() + start + NLMSG_HDRLEN, &g, sizeof g);
    }
    void attr(std::uint16_t type, const void* data, std::size_t len) {
        const std::size_t at = bytes.size();
        bytes.resize(at + NLA_ALIGN(NLA_HDRLEN + len));
        nlattr a{};
        a.nla_type = type;
        a.nla_len = static_cast<std::uint16_t>(NLA_HDRLEN + len);
        std::memcpy(bytes.data() + at, &a, sizeof a);
        std::memcpy(bytes.data() + at + NLA_HDRLEN, data, len);
    }
    void attr(std::uint16_t type, const std::vector<std::uint8_t>& v) { attr(type, v.data(), v.size()); }
    void be32(std::uint16_t type, std::uint32_t v) {
        const std::uint32_t n = htonl(v);
        attr(type, &n, 4);
    }
    void prefix(const std::string& p) { attr(NFULA_PREFIX, p.c_str(), p.size() + 1); }  // with its NUL
    void end() {
        const auto len = static_cast<std::uint32_t>(bytes.size() - start);
        std::memcpy(bytes.data() + start, &len, sizeof len);  // nlmsg_len comes first
    }
};

std::vector<std::uint8_t> ipv4_tcp(std::uint16_t sport, std::uint16_t dport, std::uint16_t frag = 0) {
    std::vector<std::uint8_t> p(40, 0);
    p[0] = 0x45;
    p[2] = 0;
    p[3] = 60;  // total length 60
    p[6] = static_cast<std::uint8_t>(frag >> 8);
    p[7] = static_cast<std::uint8_t>(frag);
    p[8] = 64;
    p[9] = IPPROTO_TCP;
    const std::uint8_t src[4] = {10, 200, 0, 2}, dst[4] = {198, 51, 100, 1};
    std::memcpy(&p[12], src, 4);
    std::memcpy(&p[16], dst, 4);
    p[20] = static_cast<std::uint8_t>(sport >> 8);
    p[21] = static_cast<std::uint8_t>(sport);
    p[22] = static_cast<std::uint8_t>(dport >> 8);
    p[23] = static_cast<std::uint8_t>(dport);
    p[32] = 0x50;  // data offset
    p[33] = 0x02;  // SYN
    return p;
}

// IPv6 / hop-by-hop options / UDP, 1 byte of data.
std::vector<std::uint8_t> ipv6_hbh_udp(std::uint16_t sport, std::uint16_t dport) {
    std::vector<std::uint8_t> p(40 + 8 + 8 + 1, 0);
    p[0] = 0x60;
    p[4] = 0;
    p[5] = 8 + 8 + 1;  // payload length
    p[6] = 0;          // next: hop-by-hop
    p[7] = 64;
    p[8] = 0xfd;  // fd00:200::2
    p[9] = 0x00;
    p[10] = 0x02;
    p[23] = 0x02;
    p[24] = 0x20;  // 2001:db8::1
    p[25] = 0x01;
    p[26] = 0x0d;
    p[27] = 0xb8;
    p[39] = 0x01;
    p[40] = IPPROTO_UDP;  // hop-by-hop: next header, length 0 (8 bytes)
    p[48] = static_cast<std::uint8_t>(sport >> 8);
    p[49] = static_cast<std::uint8_t>(sport);
    p[50] = static_cast<std::uint8_t>(dport >> 8);
    p[51] = static_cast<std::uint8_t>(dport);
    p[53] = 9;  // UDP length
    return p;
}

std::vector<std::pair<log_event, bool>> parse_all(const std::vector<std::uint8_t>& b, bool* whole = nullptr) {
    std::vector<std::pair<log_event, bool>> out;
    const bool w = parse_nflog(b.data(), b.size(), [&](const log_event& e, bool good) { out.emplace_back(e, good); });
    if (whole) *whole = w;
    return out;
}

}  // namespace

TEST_CASE("nflog messages: prefix, uid, gid, interfaces and the packet's headers", "[log][nflog]") {
    nl_builder b;
    b.begin();
    const nfulnl_msg_packet_hdr hdr{htons(0x0800), 3, 0};
    b.attr(NFULA_PACKET_HDR, &hdr, sizeof hdr);
    b.prefix("openshell:bypass:sb-1:");
    b.be32(NFULA_IFINDEX_OUTDEV, 7);
    b.be32(NFULA_UID, 1000);
    b.be32(NFULA_GID, 1001);
    b.attr(NFULA_PAYLOAD, ipv4_tcp(43286, 80));
    b.end();
    // a second message in the same buffer: IPv6 with an extension header, UDP
    b.begin((NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET, AF_INET6);
    b.prefix("openshell:bypass:sb-1:");
    b.be32(NFULA_IFINDEX_INDEV, 3);
    const std::uint8_t mac[14] = {0x7e, 0x8b, 0x31, 0x5c, 0xe4, 0x6f, 0x76, 0x81, 0x46, 0xa7, 0x04, 0x46, 0x86, 0xdd};
    b.attr(NFULA_HWHEADER, mac, sizeof mac);
    b.attr(NFULA_PAYLOAD, ipv6_hbh_udp(5353, 53));
    b.end();
    bool whole = false;
    const auto got = parse_all(b.bytes, &whole);
    CHECK(whole);
    REQUIRE(got.size() == 2u);
    const auto& [tcp, tcp_ok] = got[0];
    CHECK(tcp_ok);
    CHECK(tcp.prefix == "openshell:bypass:sb-1:");
    CHECK(tcp.out_ifindex == 7u);
    CHECK_FALSE(tcp.in_ifindex);
    CHECK(tcp.uid == 1000u);
    CHECK(tcp.gid == 1001u);
    CHECK(tcp.src == address(ipv4_addr("10.200.0.2")));
    CHECK(tcp.dst == address(ipv4_addr("198.51.100.1")));
    CHECK(tcp.proto == "TCP");
    CHECK(tcp.spt == 43286);
    CHECK(tcp.dpt == 80);
    CHECK(tcp.len == 60u);
    CHECK_FALSE(tcp.l4_len);
    const auto& [udp, udp_ok] = got[1];
    CHECK(udp_ok);
    CHECK(udp.in_ifindex == 3u);
    CHECK(udp.mac == std::string("7e:8b:31:5c:e4:6f:76:81:46:a7:04:46:86:dd"));
    CHECK(udp.src == address(ipv6_addr("fd00:200::2")));
    CHECK(udp.dst == address(ipv6_addr("2001:db8::1")));
    CHECK(udp.proto == "UDP");
    CHECK(udp.dpt == 53);
    CHECK(udp.l4_len == 9u);
    CHECK(udp.len == 57u);  // as the kernel log counts it: payload + the 40-byte header
    CHECK_FALSE(udp.uid);
}

TEST_CASE("nflog messages that cannot be read are not events", "[log][nflog]") {
    auto one = [](const std::vector<std::uint8_t>& payload, bool with_payload = true) {
        nl_builder b;
        b.begin();
        b.prefix("p:");
        if (with_payload) b.attr(NFULA_PAYLOAD, payload);
        b.end();
        const auto got = parse_all(b.bytes);
        REQUIRE(got.size() == 1u);
        CHECK(got[0].first.prefix == "p:");
        return got[0].second;
    };
    CHECK(one(ipv4_tcp(1, 2)));
    CHECK_FALSE(one(ipv4_tcp(1, 2, 0x0010)));  // a fragment after the first: no ports
    auto cut = ipv4_tcp(1, 2);
    cut.resize(30);  // the TCP header cut short
    CHECK_FALSE(one(cut));
    auto bad_ihl = ipv4_tcp(1, 2);
    bad_ihl[0] = 0x4f;  // a header of 60 bytes in a packet of 40
    CHECK_FALSE(one(bad_ihl));
    CHECK_FALSE(one({0x70, 0, 0}));            // neither IPv4 nor IPv6
    CHECK_FALSE(one({}, false));               // no payload at all
    auto v6 = ipv6_hbh_udp(1, 2);
    v6[41] = 200;  // the hop-by-hop header claims 1608 bytes
    CHECK_FALSE(one(v6));
    // other netlink messages are skipped; a truncated message ends the buffer
    nl_builder b;
    b.begin(NLMSG_NOOP);
    b.end();
    b.begin();
    b.prefix("p:");
    b.attr(NFULA_PAYLOAD, ipv4_tcp(1, 2));
    b.end();
    bool whole = false;
    CHECK(parse_all(b.bytes, &whole).size() == 1u);
    CHECK(whole);
    auto truncated = b.bytes;
    truncated.resize(truncated.size() - 4);
    CHECK(parse_all(truncated, &whole).empty());
    CHECK_FALSE(whole);
    // an attribute longer than its message
    nl_builder c;
    c.begin();
    c.prefix("p:");
    c.end();
    c.bytes[NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(nfgenmsg))] = 200;
    const auto bad_attr = parse_all(c.bytes);
    REQUIRE(bad_attr.size() == 1u);
    CHECK_FALSE(bad_attr[0].second);
}

TEST_CASE("nflog_reader refuses a bad namespace with a sentence", "[log][nflog]") {
    const auto slash = nflog_reader::open_named(5, "../etc");
    CHECK_FALSE(slash.ok());
    CHECK(slash.error().find("not a network namespace name") != std::string::npos);
    const auto missing = nflog_reader::open_named(5, "nftpp-test-no-such-namespace");
    CHECK_FALSE(missing.ok());
    CHECK(missing.error().find("/var/run/netns/nftpp-test-no-such-namespace") != std::string::npos);
}

namespace {
// In a child: enter the namespace, become uid/gid `id`, connect (TCP) or send (UDP) to
// addr:port once. Returns the child's exit status (the connect is expected to fail).
int blocked_attempt(const std::string& netns_path, int id, bool tcp, const char* addr, std::uint16_t port) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int ns = ::open(netns_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (ns < 0 || ::setns(ns, CLONE_NEWNET) != 0) ::_exit(10);
        if (::setgid(static_cast<gid_t>(id)) != 0 || ::setuid(static_cast<uid_t>(id)) != 0) ::_exit(11);
        sockaddr_storage ss{};
        socklen_t len = 0;
        if (std::strchr(addr, ':')) {
            auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
            a->sin6_family = AF_INET6;
            a->sin6_port = htons(port);
            ::inet_pton(AF_INET6, addr, &a->sin6_addr);
            len = sizeof *a;
        } else {
            auto* a = reinterpret_cast<sockaddr_in*>(&ss);
            a->sin_family = AF_INET;
            a->sin_port = htons(port);
            ::inet_pton(AF_INET, addr, &a->sin_addr);
            len = sizeof *a;
        }
        const int s = ::socket(ss.ss_family, tcp ? SOCK_STREAM : SOCK_DGRAM, 0);
        if (s < 0) ::_exit(12);
        if (tcp) {
            const int r = ::connect(s, reinterpret_cast<sockaddr*>(&ss), len);
            ::_exit(r == 0 ? 0 : (errno == ECONNREFUSED ? 1 : 2));
        }
        const ssize_t r = ::sendto(s, "x", 1, 0, reinterpret_cast<sockaddr*>(&ss), len);
        ::_exit(r == 1 ? 0 : (errno == EPERM ? 1 : 2));
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A table that logs to nflog group `group` with `prefix` and refuses: TCP to port 9 and
// UDP to port 53 on loopback (the output hook sees them like any other).
std::string blocking_table(int group, const std::string& prefix) {
    const std::string g = std::to_string(group);
    return "table inet nflogt {\n chain out {\n  type filter hook output priority 0; policy accept;\n"
           "  tcp dport 9 log prefix \"" + prefix + "\" group " + g + "\n"
           "  tcp dport 9 reject with tcp reset\n"
           "  udp dport 53 log prefix \"" + prefix + "\" group " + g + "\n"
           "  udp dport 53 reject\n }\n}\n";
}
}  // namespace

TEST_CASE("nflog_reader end to end: blocked connections of uid 1000 and 1001, in one namespace only", "[log][nflog][netns]") {
    if (!nftpp_test::netns_usable()) return;
    testing::scratch_netns sandbox("nflog");
    testing::scratch_netns other("nflog-other");
    REQUIRE(sandbox.ok());
    REQUIRE(other.ok());
    const std::string prefix = "openshell:bypass:nflog-e2e:";
    auto ex = sandbox.executor();
    auto applied = ex.apply(blocking_table(5, prefix));
    INFO(applied.describe());
    REQUIRE(applied.ok());
    // the other namespace logs to the same group with the same prefix: a forger
    auto ex2 = other.executor();
    REQUIRE(ex2.apply(blocking_table(5, prefix)).ok());

    auto reader = nflog_reader::open_named(5, sandbox.name());
    INFO(reader.error());
    REQUIRE(reader.ok());
    CHECK(reader.group() == 5);
    // a second reader of the same group in the same namespace is refused with a sentence
    const auto second = nflog_reader::open_named(5, sandbox.name());
    CHECK_FALSE(second.ok());
    CHECK(second.error().find("cannot bind nflog group 5") != std::string::npos);

    CHECK(blocked_attempt(other.path(), 0, true, "127.0.0.1", 9) == 1);  // the forger, as root
    CHECK(blocked_attempt(sandbox.path(), 1000, true, "127.0.0.1", 9) == 1);
    CHECK(blocked_attempt(sandbox.path(), 1001, false, "::1", 53) == 1);

    const auto tcp = reader.next(prefix, 5s);
    REQUIRE(tcp);
    CHECK(tcp->uid == 1000u);  // not the forger's uid 0: its packets never reach this socket
    CHECK(tcp->gid == 1000u);
    CHECK(tcp->proto == "TCP");
    CHECK(tcp->dpt == 9);
    CHECK(tcp->spt.has_value());
    CHECK(tcp->dst == address(ipv4_addr("127.0.0.1")));
    CHECK(tcp->src == address(ipv4_addr("127.0.0.1")));
    CHECK(tcp->out == "lo");
    CHECK(tcp->out_ifindex == 1u);
    CHECK(tcp->len == 60u);
    const auto udp = reader.next(prefix, 5s);
    REQUIRE(udp);
    CHECK(udp->uid == 1001u);
    CHECK(udp->proto == "UDP");
    CHECK(udp->dpt == 53);
    CHECK(udp->dst == address(ipv6_addr("::1")));
    CHECK(udp->l4_len == 9u);
    CHECK(udp->len == 49u);
    // nothing else: the forger's event went to its own namespace's group
    CHECK_FALSE(reader.next(prefix, 500ms));
    CHECK(reader.malformed() == 0u);
    // another prefix asked for: not these events
    CHECK(blocked_attempt(sandbox.path(), 1000, true, "127.0.0.1", 9) == 1);
    CHECK_FALSE(reader.next("openshell:bypass:other:", 500ms));

    // stop() from another thread ends a blocked next() at once
    std::thread stopper([&] {
        std::this_thread::sleep_for(100ms);
        reader.stop();
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(reader.next(prefix, 30s));
    CHECK(std::chrono::steady_clock::now() - start < 5s);
    stopper.join();
}
