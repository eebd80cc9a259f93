// The log line parser against the real lines from the reference runs.
#include <unistd.h>

#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include <nftpp/log/log.hpp>

using namespace nftpp;
using namespace nftpp::klog;
using namespace std::chrono_literals;

namespace {
const std::string bypass = "openshell:bypass:sandbox-1a2b3c4d:";
const std::string tcp_line =
    "openshell:bypass:sandbox-1a2b3c4d:IN= OUT=veth-s-1a2b3c4d SRC=10.200.0.2 DST=198.51.100.1 LEN=60 TOS=0x00 "
    "PREC=0x00 TTL=64 ID=28778 DF PROTO=TCP SPT=43286 DPT=80 WINDOW=64240 RES=0x00 SYN URGP=0 UID=1000 GID=1000 ";
const std::string udp_line =
    "openshell:bypass:sandbox-1a2b3c4d:IN= OUT=veth-s-1a2b3c4d SRC=10.200.0.2 DST=8.8.8.8 LEN=29 TOS=0x00 PREC=0x00 "
    "TTL=64 ID=22840 DF PROTO=UDP SPT=41628 DPT=53 LEN=9 UID=1000 GID=1000 ";
}  // namespace

TEST_CASE("an IPv4 TCP line with UID", "[log]") {
    const auto e = parse_log_line(tcp_line, bypass);
    REQUIRE(e);
    CHECK(e->prefix == bypass);
    CHECK(e->in.empty());
    CHECK(e->out == "veth-s-1a2b3c4d");
    CHECK(e->src == address(ipv4_addr("10.200.0.2")));
    CHECK(e->dst == address(ipv4_addr("198.51.100.1")));
    CHECK(e->proto == "TCP");
    CHECK(e->spt == 43286);
    CHECK(e->dpt == 80);
    CHECK(e->uid == 1000u);
    CHECK(e->gid == 1000u);
    CHECK(e->len == 60u);
    CHECK_FALSE(e->l4_len);
    CHECK_FALSE(e->mac);
}

TEST_CASE("a UDP line has two LEN= fields", "[log]") {
    const auto e = parse_log_line(udp_line, bypass);
    REQUIRE(e);
    CHECK(e->proto == "UDP");
    CHECK(e->len == 29u);
    CHECK(e->l4_len == 9u);
    CHECK(e->dpt == 53);
}

TEST_CASE("kmsg records and dmesg timestamps", "[log]") {
    const auto k = parse_log_line("4,366,4321930085,-;" + tcp_line, bypass);
    REQUIRE(k);
    CHECK(k->sequence == 366u);
    CHECK(k->timestamp_us == 4321930085u);
    CHECK(k->dpt == 80);
    const auto d = parse_log_line("[ 1552.107000] " + tcp_line, bypass);
    REQUIRE(d);
    CHECK(d->timestamp_us == 1552107000u);
    // a kmsg record with continuation lines
    CHECK(parse_log_line("4,367,4321930099,-;" + udp_line + "\n SUBSYSTEM=net\n DEVICE=n2", bypass)->l4_len == 9u);
}

TEST_CASE("IPv6, input side with MAC, no UID, flags all", "[log]") {
    const auto v6 = parse_log_line(
        "[ 1555.303954] nfx-tcp6: IN= OUT=nfxv1 SRC=fd00:0200:0000:0000:0000:0000:0000:0001 "
        "DST=fd00:0200:0000:0000:0000:0000:0000:0002 LEN=80 TC=0 HOPLIMIT=64 FLOWLBL=82200 PROTO=TCP SPT=45510 DPT=9 "
        "WINDOW=64800 RES=0x00 SYN URGP=0 UID=65534 GID=65534 ",
        "nfx-tcp6: ");
    REQUIRE(v6);
    CHECK(v6->src == address(ipv6_addr("fd00:200::1")));
    CHECK(v6->dst == address(ipv6_addr("fd00:200::2")));
    CHECK(v6->uid == 65534u);
    const auto in = parse_log_line(
        "[ 1561.570527] nfx-in: IN=nfxv2 OUT= MAC=7e:8b:31:5c:e4:6f:76:81:46:a7:04:46:08:00 SRC=10.200.0.1 "
        "DST=10.200.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=40561 DF PROTO=TCP SPT=45628 DPT=10 WINDOW=64240 "
        "RES=0x00 SYN URGP=0 ",
        "nfx-in: ");
    REQUIRE(in);
    CHECK(in->in == "nfxv2");
    CHECK(in->out.empty());
    CHECK(in->mac == std::string("7e:8b:31:5c:e4:6f:76:81:46:a7:04:46:08:00"));
    CHECK_FALSE(in->uid);
    const auto all = parse_log_line(
        "nfx-all: IN= OUT=nfxv1 SRC=10.200.0.1 DST=10.200.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=19526 DF PROTO=TCP "
        "SPT=59930 DPT=12 SEQ=1422987630 ACK=0 WINDOW=64240 RES=0x00 SYN URGP=0 OPT (020405B40402080A4578A934000000000103030A) "
        "UID=65534 GID=65534 ",
        "nfx-all: ");
    REQUIRE(all);
    CHECK(all->dpt == 12);
    CHECK(all->uid == 65534u);
    // log without a prefix
    const auto bare = parse_log_line("[ 1560.015393] IN= OUT=nfxv1 SRC=10.200.0.1 DST=10.200.0.2 LEN=60 PROTO=TCP SPT=1 DPT=14 ", "");
    REQUIRE(bare);
    CHECK(bare->dpt == 14);
}

TEST_CASE("unrelated lines and look-alike prefixes give nothing", "[log]") {
    CHECK_FALSE(parse_log_line(tcp_line, "openshell:bypass:"));  // a prefix of the real prefix
    CHECK_FALSE(parse_log_line(tcp_line, "openshell:bypass:sandbox-9:"));
    CHECK_FALSE(parse_log_line("[ 1.0] usb 1-1: new high-speed USB device", bypass));
    CHECK_FALSE(parse_log_line("", bypass));
    CHECK_FALSE(parse_log_line(bypass, bypass));
    CHECK_FALSE(parse_log_line(bypass + "IN=", bypass));  // truncated: no OUT=
    CHECK_FALSE(parse_log_line("garbage;;;[[[ ===", ""));
    // truncated in the middle: what is there is parsed, nothing is invented
    const auto cut = parse_log_line(tcp_line.substr(0, tcp_line.find("SPT=")), bypass);
    REQUIRE(cut);
    CHECK_FALSE(cut->spt);
    CHECK(cut->proto == "TCP");
}

TEST_CASE("the reader follows a stream and stops when asked", "[log][reader]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    kmsg_reader reader(fds[0], false);
    std::thread writer([w = fds[1]] {
        const std::string lines = "[ 1.0] unrelated line\n" + udp_line + "\n[ 2.0] " + tcp_line + "\n";
        for (char c : lines) {  // byte by byte: lines arrive split across reads
            [[maybe_unused]] auto n = ::write(w, &c, 1);
        }
    });
    const auto first = reader.next(bypass, 5s);
    const auto second = reader.next(bypass, 5s);
    writer.join();
    REQUIRE(first);
    CHECK(first->proto == "UDP");
    REQUIRE(second);
    CHECK(second->proto == "TCP");
    CHECK(second->timestamp_us == 2000000u);
    // nothing more: a timeout, then stop() wakes a blocked next() at once
    CHECK_FALSE(reader.next(bypass, 50ms));
    std::thread stopper([&] {
        std::this_thread::sleep_for(100ms);
        reader.stop();
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(reader.next(bypass, 30s));
    CHECK(std::chrono::steady_clock::now() - start < 5s);
    stopper.join();
    ::close(fds[1]);
}
