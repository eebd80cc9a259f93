// SPDX-License-Identifier: Apache-2.0
// The log line parser against the real lines from the reference runs.
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include <nftpp/log/log.hpp>
#include <nftpp/value/text.hpp>

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
    const auto e = parse_log_line(tcp_line, bypass, line_format::message);
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
    const auto e = parse_log_line(udp_line, bypass, line_format::message);
    REQUIRE(e);
    CHECK(e->proto == "UDP");
    CHECK(e->len == 29u);
    CHECK(e->l4_len == 9u);
    CHECK(e->dpt == 53);
}

TEST_CASE("kmsg records and dmesg timestamps", "[log]") {
    const auto k = parse_log_line("4,366,4321930085,-;" + tcp_line, bypass, line_format::kmsg_record);
    REQUIRE(k);
    CHECK(k->sequence == 366u);
    CHECK(k->timestamp_us == 4321930085u);
    CHECK(k->dpt == 80);
    const auto d = parse_log_line("[ 1552.107000] " + tcp_line, bypass, line_format::dmesg);
    REQUIRE(d);
    CHECK(d->timestamp_us == 1552107000u);
    // a kmsg record with continuation lines
    CHECK(parse_log_line("4,367,4321930099,-;" + udp_line + "\n SUBSYSTEM=net\n DEVICE=n2", bypass, line_format::kmsg_record)->l4_len == 9u);
}

TEST_CASE("IPv6, input side with MAC, no UID, flags all", "[log]") {
    const auto v6 = parse_log_line(
        "[ 1555.303954] nfx-tcp6: IN= OUT=nfxv1 SRC=fd00:0200:0000:0000:0000:0000:0000:0001 "
        "DST=fd00:0200:0000:0000:0000:0000:0000:0002 LEN=80 TC=0 HOPLIMIT=64 FLOWLBL=82200 PROTO=TCP SPT=45510 DPT=9 "
        "WINDOW=64800 RES=0x00 SYN URGP=0 UID=65534 GID=65534 ",
        "nfx-tcp6: ", line_format::dmesg);
    REQUIRE(v6);
    CHECK(v6->src == address(ipv6_addr("fd00:200::1")));
    CHECK(v6->dst == address(ipv6_addr("fd00:200::2")));
    CHECK(v6->uid == 65534u);
    const auto in = parse_log_line(
        "[ 1561.570527] nfx-in: IN=nfxv2 OUT= MAC=7e:8b:31:5c:e4:6f:76:81:46:a7:04:46:08:00 SRC=10.200.0.1 "
        "DST=10.200.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=40561 DF PROTO=TCP SPT=45628 DPT=10 WINDOW=64240 "
        "RES=0x00 SYN URGP=0 ",
        "nfx-in: ", line_format::dmesg);
    REQUIRE(in);
    CHECK(in->in == "nfxv2");
    CHECK(in->out.empty());
    CHECK(in->mac == std::string("7e:8b:31:5c:e4:6f:76:81:46:a7:04:46:08:00"));
    CHECK_FALSE(in->uid);
    const auto all = parse_log_line(
        "nfx-all: IN= OUT=nfxv1 SRC=10.200.0.1 DST=10.200.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=19526 DF PROTO=TCP "
        "SPT=59930 DPT=12 SEQ=1422987630 ACK=0 WINDOW=64240 RES=0x00 SYN URGP=0 OPT (020405B40402080A4578A934000000000103030A) "
        "UID=65534 GID=65534 ",
        "nfx-all: ", line_format::message);
    REQUIRE(all);
    CHECK(all->dpt == 12);
    CHECK(all->uid == 65534u);
    // log without a prefix
    const auto bare = parse_log_line("[ 1560.015393] IN= OUT=nfxv1 SRC=10.200.0.1 DST=10.200.0.2 LEN=60 PROTO=TCP SPT=1 DPT=14 ", "", line_format::dmesg);
    REQUIRE(bare);
    CHECK(bare->dpt == 14);
}

TEST_CASE("unrelated lines and look-alike prefixes give nothing", "[log]") {
    CHECK_FALSE(parse_log_line(tcp_line, "openshell:bypass:", line_format::message));  // a prefix of the real prefix
    CHECK_FALSE(parse_log_line(tcp_line, "openshell:bypass:sandbox-9:", line_format::message));
    CHECK_FALSE(parse_log_line("[ 1.0] usb 1-1: new high-speed USB device", bypass, line_format::dmesg));
    CHECK_FALSE(parse_log_line("", bypass, line_format::message));
    CHECK_FALSE(parse_log_line(bypass, bypass, line_format::message));
    CHECK_FALSE(parse_log_line(bypass + "IN=", bypass, line_format::message));  // truncated: no OUT=
    CHECK_FALSE(parse_log_line("garbage;;;[[[ ===", "", line_format::message));
    // truncated in the middle: a TCP line without ports is no event
    line_status st{};
    CHECK_FALSE(parse_log_line(tcp_line.substr(0, tcp_line.find("SPT=")), bypass, line_format::message, &st));
    CHECK(st == line_status::malformed);
    CHECK_FALSE(parse_log_line(tcp_line, "other:", line_format::message, &st));
    CHECK(st == line_status::other);
    CHECK(parse_log_line(tcp_line, bypass, line_format::message, &st));
    CHECK(st == line_status::event);
}

TEST_CASE("the reader follows a stream and stops when asked", "[log][reader]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    kmsg_reader reader(fds[0], line_format::dmesg);
    std::thread writer([w = fds[1]] {
        const std::string lines = "[ 1.0] unrelated line\n[ 1.5] " + udp_line + "\n[ 2.0] " + tcp_line + "\n";
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

// Lines captured on this machine (nft 1.0.6, Linux 6.x) from a namespace pair, as
// /dev/kmsg records: ICMP errors quoting the packet they answer, an IPv6 UDP line, and a
// prefix with a tab and backslashes, which /dev/kmsg escapes.
namespace {
const std::string icmp_tcp_record =
    "4,350,651208760,-;nftpp-cap4: IN=va OUT= MAC=ea:f4:91:83:cc:ed:e6:98:61:58:04:07:08:00 SRC=10.201.0.2 "
    "DST=10.201.0.1 LEN=88 TOS=0x00 PREC=0xC0 TTL=64 ID=54870 PROTO=ICMP TYPE=3 CODE=3 [SRC=10.201.0.1 "
    "DST=10.201.0.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=33066 DF PROTO=TCP SPT=52798 DPT=9 WINDOW=64240 RES=0x00 "
    "SYN URGP=0 ] ";
const std::string icmp6_udp_record =
    "4,353,652219756,-;nftpp-cap6: IN=va OUT= MAC=ea:f4:91:83:cc:ed:e6:98:61:58:04:07:86:dd "
    "SRC=fd00:0201:0000:0000:0000:0000:0000:0002 DST=fd00:0201:0000:0000:0000:0000:0000:0001 LEN=97 TC=0 "
    "HOPLIMIT=64 FLOWLBL=285504 PROTO=ICMPv6 TYPE=1 CODE=4 [SRC=fd00:0201:0000:0000:0000:0000:0000:0001 "
    "DST=fd00:0201:0000:0000:0000:0000:0000:0002 LEN=49 TC=0 HOPLIMIT=64 FLOWLBL=605117 PROTO=UDP SPT=58385 DPT=9 "
    "LEN=9 ] ";
const std::string udp6_record =
    "4,349,642070326,-;nftpp-cap6: IN= OUT=va SRC=fd00:0201:0000:0000:0000:0000:0000:0001 "
    "DST=fd00:0201:0000:0000:0000:0000:0000:0002 LEN=50 TC=0 HOPLIMIT=64 FLOWLBL=385753 PROTO=UDP SPT=58919 DPT=9 "
    "LEN=10 UID=0 GID=0 ";
// log prefix "nftpp-cap:<TAB>tab\\bs: " (nft has no escapes: two backslashes stay two)
const std::string escaped_record =
    "4,348,642070085,-;nftpp-cap:\\x09tab\\x5c\\x5cbs: IN=va OUT= MAC=86:e8:8f:db:cd:5a:be:18:fa:2d:7b:32:08:00 "
    "SRC=10.201.0.2 DST=10.201.0.1 LEN=57 TOS=0x00 PREC=0xC0 TTL=64 ID=31636 PROTO=ICMP TYPE=3 CODE=3 "
    "[SRC=10.201.0.1 DST=10.201.0.2 LEN=29 TOS=0x00 PREC=0x00 TTL=64 ID=3127 DF PROTO=UDP SPT=42679 DPT=9 LEN=9 ] ";
const std::string tab_prefix = "nftpp-cap:\ttab\\\\bs: ";
}  // namespace

TEST_CASE("ICMP errors: the quoted packet in [...] does not overwrite the outer fields", "[log][icmp]") {
    const auto e = parse_log_line(icmp_tcp_record, "nftpp-cap4: ", line_format::kmsg_record);
    REQUIRE(e);
    CHECK(e->in == "va");
    CHECK(e->src == address(ipv4_addr("10.201.0.2")));  // the router or host that sent the error
    CHECK(e->dst == address(ipv4_addr("10.201.0.1")));
    CHECK(e->proto == "ICMP");
    CHECK(e->len == 88u);
    CHECK(e->icmp_type == 3);
    CHECK(e->icmp_code == 3);
    CHECK_FALSE(e->spt);
    CHECK_FALSE(e->dpt);
    CHECK_FALSE(e->l4_len);
    REQUIRE(e->inner);
    CHECK(e->inner->src == address(ipv4_addr("10.201.0.1")));
    CHECK(e->inner->dst == address(ipv4_addr("10.201.0.2")));
    CHECK(e->inner->proto == "TCP");
    CHECK(e->inner->spt == 52798);
    CHECK(e->inner->dpt == 9);
    CHECK(e->inner->len == 60u);

    const auto v6 = parse_log_line(icmp6_udp_record, "nftpp-cap6: ", line_format::kmsg_record);
    REQUIRE(v6);
    CHECK(v6->proto == "ICMPv6");
    CHECK(v6->src == address(ipv6_addr("fd00:201::2")));
    CHECK(v6->len == 97u);
    CHECK_FALSE(v6->l4_len);  // the inner UDP LEN= is the inner packet's
    CHECK(v6->icmp_type == 1);
    CHECK(v6->icmp_code == 4);
    REQUIRE(v6->inner);
    CHECK(v6->inner->src == address(ipv6_addr("fd00:201::1")));
    CHECK(v6->inner->proto == "UDP");
    CHECK(v6->inner->len == 49u);
    CHECK(v6->inner->l4_len == 9u);
    CHECK(v6->inner->dpt == 9);

    // fields after the brackets are outer again; INCOMPLETE [n bytes] is not a packet
    const auto after = parse_log_line(
        "nftpp-cap4: IN= OUT=va SRC=10.201.0.1 DST=10.201.0.2 LEN=56 PROTO=ICMP TYPE=3 CODE=1 [SRC=10.201.0.2 "
        "DST=198.51.100.1 LEN=28 PROTO=UDP INCOMPLETE [8 bytes] ] UID=1000 GID=1000 ",
        "nftpp-cap4: ", line_format::message);
    REQUIRE(after);
    CHECK(after->uid == 1000u);
    CHECK(after->gid == 1000u);
    CHECK(after->dst == address(ipv4_addr("10.201.0.2")));
    REQUIRE(after->inner);
    CHECK(after->inner->dst == address(ipv4_addr("198.51.100.1")));
    CHECK_FALSE(after->inner->spt);
    // an ICMP echo has no brackets and no inner packet
    const auto echo = parse_log_line(
        "p: IN= OUT=va SRC=10.201.0.1 DST=10.201.0.2 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=1 DF PROTO=ICMP TYPE=8 "
        "CODE=0 ID=7 SEQ=1 ",
        "p: ", line_format::message);
    REQUIRE(echo);
    CHECK(echo->icmp_type == 8);
    CHECK_FALSE(echo->inner);
    // TYPE= of other protocols is not an ICMP type
    const auto tcp_type = parse_log_line("p: IN= OUT=va SRC=10.0.0.1 DST=10.0.0.2 LEN=1 PROTO=TCP SPT=1 DPT=2 TYPE=3 ", "p: ",
                                         line_format::message);
    REQUIRE(tcp_type);
    CHECK_FALSE(tcp_type->icmp_type);
}

TEST_CASE("an IPv6 UDP line has two LEN= fields; IPv6 /dev/kmsg records", "[log][ipv6]") {
    const auto e = parse_log_line(udp6_record, "nftpp-cap6: ", line_format::kmsg_record);
    REQUIRE(e);
    CHECK(e->sequence == 349u);
    CHECK(e->timestamp_us == 642070326u);
    CHECK(e->out == "va");
    CHECK(e->src == address(ipv6_addr("fd00:201::1")));
    CHECK(e->dst == address(ipv6_addr("fd00:201::2")));
    CHECK(e->proto == "UDP");
    CHECK(e->len == 50u);
    CHECK(e->l4_len == 10u);
    CHECK(e->spt == 58919);
    CHECK(e->dpt == 9);
    CHECK(e->uid == 0u);
    CHECK(e->gid == 0u);
    CHECK_FALSE(e->inner);
    // the dmesg form of the same line gives the same fields, without the record's numbers
    auto d = parse_log_line(udp6_record.substr(udp6_record.find(';') + 1), "nftpp-cap6: ", line_format::message);
    REQUIRE(d);
    CHECK_FALSE(d->sequence);
    d->sequence = e->sequence;
    d->timestamp_us = e->timestamp_us;
    CHECK(*d == *e);
}

TEST_CASE("/dev/kmsg escapes are decoded before the prefix is compared", "[log][kmsg]") {
    // log_prefix takes tabs, backslashes and UTF-8 (only '"', '$', NUL, CR and LF are refused)
    REQUIRE(log_prefix::parse(tab_prefix));
    const auto e = parse_log_line(escaped_record, tab_prefix, line_format::kmsg_record);
    REQUIRE(e);
    CHECK(e->prefix == tab_prefix);
    CHECK(e->in == "va");
    CHECK(e->src == address(ipv4_addr("10.201.0.2")));
    REQUIRE(e->inner);
    CHECK(e->inner->l4_len == 9u);
    // the escaped spelling is not the prefix
    CHECK_FALSE(parse_log_line(escaped_record, "nftpp-cap:\\x09tab\\x5c\\x5cbs: ", line_format::kmsg_record));
    CHECK_FALSE(parse_log_line(escaped_record, "nftpp-cap:\ttab\\bs: ", line_format::kmsg_record));  // one backslash is another prefix
    // a prefix that really contains the four characters \x09 is written \x5cx09 by the kernel
    const std::string literal = "a\\x09b: ";
    const std::string body = "IN= OUT=va SRC=10.0.0.1 DST=10.0.0.2 LEN=28 PROTO=UDP SPT=1 DPT=2 LEN=8 ";
    CHECK(parse_log_line("4,1,2,-;a\\x5cx09b: " + body, literal, line_format::kmsg_record));
    CHECK_FALSE(parse_log_line("4,1,2,-;a\\x5cx09b: " + body, "a\tb: ", line_format::kmsg_record));
    CHECK(parse_log_line("4,1,2,-;a\\x09b: " + body, "a\tb: ", line_format::kmsg_record));
    // UTF-8 bytes (>= 127) are escaped too
    CHECK(parse_log_line("4,1,2,-;gr\\xc3\\xbc\\xc3\\x9fe: " + body, "gr\xc3\xbc\xc3\x9f" "e: ", line_format::kmsg_record));
    // dmesg text is not decoded: it is printed as the kernel wrote the prefix
    CHECK(parse_log_line("[ 5.5] nftpp-cap:\ttab\\\\bs: " + body, tab_prefix, line_format::dmesg));
    CHECK_FALSE(parse_log_line("[ 5.5] nftpp-cap:\\x09tab\\x5c\\x5cbs: " + body, tab_prefix, line_format::dmesg));
    // broken escapes are kept as they are, never read past the end
    for (const char* tail : {"\\", "\\x", "\\x4", "\\xZZ", "\\x4g"})
        CHECK_FALSE(parse_log_line(std::string("4,1,2,-;p: ") + tail, "p: ", line_format::kmsg_record));
    CHECK(unescape_kmsg("a\\x5cb\\x0\\") == "a\\b\\x0\\");
}

TEST_CASE("after stop(), next() returns nothing, also for lines already read", "[log][reader]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    kmsg_reader reader(fds[0], line_format::dmesg);
    const std::string three = "[ 1.0] " + udp_line + "\n[ 1.1] " + tcp_line + "\n[ 1.2] " + udp_line + "\n";
    REQUIRE(::write(fds[1], three.data(), three.size()) == static_cast<ssize_t>(three.size()));
    const auto first = reader.next(bypass, 5s);  // reads all three lines, returns the first
    REQUIRE(first);
    CHECK(first->proto == "UDP");
    CHECK_FALSE(reader.stopped());
    reader.stop();
    CHECK(reader.stopped());
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(reader.next(bypass, 5s));  // two lines are queued: still nothing
    CHECK_FALSE(reader.next(bypass, 5s));
    int calls = 0;
    reader.follow(bypass, [&](const log_event&) { return ++calls < 10; });
    CHECK(calls == 0);
    CHECK(std::chrono::steady_clock::now() - start < 1s);
    ::close(fds[1]);
}

TEST_CASE("the reader takes /dev/kmsg records from any descriptor, and ends with its input", "[log][reader]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    kmsg_reader reader(fds[0], line_format::kmsg_record);
    // two records in one write, each with dictionary lines (which start with a space)
    const std::string records = "4,366,4321930085,-;" + tcp_line + "\n SUBSYSTEM=net\n DEVICE=n2\n" + udp6_record +
                                "\n SUBSYSTEM=net\n" + escaped_record + "\n";
    REQUIRE(::write(fds[1], records.data(), records.size()) == static_cast<ssize_t>(records.size()));
    ::close(fds[1]);
    const auto tcp = reader.next(bypass, 5s);
    REQUIRE(tcp);
    CHECK(tcp->sequence == 366u);
    CHECK(tcp->uid == 1000u);
    const auto tab = reader.next(tab_prefix, 5s);  // skips the IPv6 record (another prefix)
    REQUIRE(tab);
    CHECK(tab->sequence == 348u);
    // the writer is gone: nothing more, at once, not after the timeout
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(reader.next(bypass, 10s));
    CHECK(std::chrono::steady_clock::now() - start < 2s);
    CHECK(reader.at_end());
}

TEST_CASE("a reader without a descriptor ends at once", "[log][reader]") {
    kmsg_reader reader(-1, line_format::kmsg_record);
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(reader.next(bypass, 10s));
    CHECK(std::chrono::steady_clock::now() - start < 1s);
    CHECK(reader.at_end());
}

// The defects an adversarial review found, each with the input that showed it.
TEST_CASE("only the framing of the source is stripped: prefixes that look like headers", "[log][framing]") {
    // log_prefix takes these; before, the parser stripped any leading "[...]" or "N,N,N;"
    // from every line, so dmesg --notime lines of these prefixes were dropped
    const std::string body = "IN= OUT=veth-s SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 DPT=80 UID=1000 GID=1000 ";
    for (const std::string prefix : {"[fw] ", "7,7,7;", "[ 1.5] x: ", "4,1,2,-;y: "}) {
        INFO("prefix: " << prefix);
        REQUIRE(log_prefix::parse(prefix));
        const auto m = parse_log_line(prefix + body, prefix, line_format::message);
        REQUIRE(m);
        CHECK(m->dpt == 80);
        CHECK_FALSE(m->timestamp_us);
        // the same line from dmesg with timestamps and from /dev/kmsg
        const auto d = parse_log_line("[  12.500000] " + prefix + body, prefix, line_format::dmesg);
        REQUIRE(d);
        CHECK(d->timestamp_us == 12'500'000u);
        const auto k = parse_log_line("4,9,10,-;" + prefix + body, prefix, line_format::kmsg_record);
        REQUIRE(k);
        CHECK(k->sequence == 9u);
    }
    // and a line framed for another source is not read as this one's
    CHECK_FALSE(parse_log_line("[  12.500000] " + bypass + body, bypass, line_format::message));
    CHECK_FALSE(parse_log_line(bypass + body, bypass, line_format::dmesg));
    CHECK_FALSE(parse_log_line(bypass + body, bypass, line_format::kmsg_record));
    CHECK_FALSE(parse_log_line("[x] " + bypass + body, bypass, line_format::dmesg));  // not a timestamp
    CHECK_FALSE(parse_log_line("4,1;" + bypass + body, bypass, line_format::kmsg_record));
}

TEST_CASE("the prefix counts only where the kernel puts it: no forged events", "[log][forgery]") {
    const std::string body = "IN= OUT=veth-s SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 DPT=80 UID=0 GID=0 ";
    // another namespace logs with a prefix that ends in the victim's prefix (after framing
    // that used to be stripped), or writes the line into /dev/kmsg as a program
    CHECK_FALSE(parse_log_line("[1] " + bypass + body, bypass, line_format::message));
    CHECK_FALSE(parse_log_line("7,7,7;" + bypass + body, bypass, line_format::message));
    CHECK_FALSE(parse_log_line("4,1,2,-;[1] " + bypass + body, bypass, line_format::kmsg_record));
    CHECK_FALSE(parse_log_line("evil:" + bypass + body, bypass, line_format::message));
    CHECK_FALSE(parse_log_line("4,1,2,-;evil:" + bypass + body, bypass, line_format::kmsg_record));
    // a record a program wrote into /dev/kmsg has a facility other than 0 (LOG_USER: 12 is
    // user.warning): never an event, whatever its text
    CHECK_FALSE(parse_log_line("12,1,2,-;" + bypass + body, bypass, line_format::kmsg_record));
    CHECK_FALSE(parse_log_line("8,1,2,-;" + bypass + body, bypass, line_format::kmsg_record));
    CHECK(parse_log_line("7,1,2,-;" + bypass + body, bypass, line_format::kmsg_record));
    // an interface name may hold '[' or ']': it is not a bracket of the format
    const auto br = parse_log_line(bypass + "IN= OUT=x] SRC=10.0.0.1 DST=10.0.0.2 LEN=60 PROTO=TCP SPT=1 DPT=2 UID=5 ",
                                   bypass, line_format::message);
    REQUIRE(br);
    CHECK(br->out == "x]");
    CHECK(br->uid == 5u);
    // the kernel writes each field once: a line with two DST= or two UID= is not its own
    line_status st{};
    CHECK_FALSE(parse_log_line(bypass + "IN= OUT=v SRC=10.0.0.1 DST=10.0.0.2 DST=10.0.0.3 LEN=60 PROTO=TCP SPT=1 DPT=2 ",
                               bypass, line_format::message, &st));
    CHECK(st == line_status::malformed);
    CHECK_FALSE(parse_log_line(bypass + body + "UID=1000 ", bypass, line_format::message, &st));
    CHECK(st == line_status::malformed);
}

TEST_CASE("a line the parser cannot fill is no event: malformed", "[log][malformed]") {
    const std::string head = bypass + "IN= OUT=veth-s ";
    const std::string cases[] = {
        "SRC=10.200.0.2 LEN=60 PROTO=TCP SPT=1 DPT=80 ",                   // no DST=
        "SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 ",         // no DPT=
        "SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 DPT=65536 ",  // DPT out of range
        "SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 DPT=x ",
        "SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=UDP SPT=1 LEN=9 ",   // UDP without DPT=
        "SRC=10.200.0.2 DST=999.1.1.1 LEN=60 PROTO=TCP SPT=1 DPT=80 ",      // not an address
        "SRC= DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 DPT=80 ",
        "DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 DPT=80 ",                 // no SRC=
        "SRC=10.200.0.2 DST=198.51.100.1 PROTO=TCP SPT=1 DPT=80 ",          // no LEN=
        "SRC=10.200.0.2 DST=198.51.100.1 LEN=60 SPT=1 DPT=80 ",             // no PROTO=
        "SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 DPT=80 UID=-1 ",
        "SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=TCP SPT=1 DPT=80 GID=4294967296 ",
        "SRC=10.200.0.2 DST=198.51.100.1 LEN=60 PROTO=TCP INCOMPLETE [65535 bytes] ",  // truncated header
    };
    for (const auto& c : cases) {
        INFO(c);
        line_status st{};
        CHECK_FALSE(parse_log_line(head + c, bypass, line_format::message, &st));
        CHECK(st == line_status::malformed);
    }
    // the reader counts them and goes on to the next event
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    kmsg_reader reader(fds[0], line_format::message);
    const std::string lines = head + cases[0] + "\n" + head + cases[2] + "\n" + tcp_line + "\n";
    REQUIRE(::write(fds[1], lines.data(), lines.size()) == static_cast<ssize_t>(lines.size()));
    ::close(fds[1]);
    const auto e = reader.next(bypass, 5s);
    REQUIRE(e);
    CHECK(e->dpt == 80);
    CHECK(reader.malformed() == 2u);
}

namespace {
// A stand-in for read(2) that fails with EPIPE every time (a device that keeps saying its
// records were overwritten).
ssize_t always_epipe(int, void*, std::size_t) {
    errno = EPIPE;
    return -1;
}
}  // namespace

TEST_CASE("kmsg_reader: EPIPE again and again ends the input instead of spinning", "[log][reader]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    REQUIRE(::write(fds[1], "x", 1) == 1);  // readable, so poll() says POLLIN at once
    kmsg_reader reader(fds[0], line_format::kmsg_record, &always_epipe);
    std::atomic<bool> returned{false};
    std::thread t([&] {
        CHECK_FALSE(reader.next(bypass, 100ms));
        returned = true;
    });
    // next(100ms) returns well within a second (before: it never returned, and stop()
    // could not end it)
    for (int i = 0; i < 100 && !returned; ++i) std::this_thread::sleep_for(20ms);
    if (!returned) reader.stop();  // let the thread end if the defect is back
    const bool in_time = returned.load();
    t.join();
    CHECK(in_time);
    CHECK(reader.at_end());
    CHECK(reader.lost() == 64u);
    ::close(fds[1]);
}

namespace {
// An unlinked temporary file holding `text`, positioned at its start (reads of a file are
// whole: 8 KiB each).
int file_with(const std::string& text) {
    char path[] = "/tmp/nftpp-kmsg-XXXXXX";
    const int fd = ::mkstemp(path);
    if (fd < 0) return -1;
    ::unlink(path);
    std::size_t off = 0;
    while (off < text.size()) {
        const ssize_t n = ::write(fd, text.data() + off, text.size() - off);
        if (n <= 0) break;
        off += static_cast<std::size_t>(n);
    }
    ::lseek(fd, 0, SEEK_SET);
    return fd;
}
}  // namespace

TEST_CASE("kmsg_reader: the tail of a line over 1 MiB is not a line of its own", "[log][reader]") {
    // A line of 1 MiB + 8 KiB of filler, then a well-formed event line of the prefix,
    // without a newline between: before, the first part was dropped once the buffer
    // passed 1 MiB and the rest was parsed as a line of its own (an event).
    const std::string all = std::string(kmsg_reader::max_line + 8192, 'A') + tcp_line + "\n" + udp_line + "\n";
    const int fd = file_with(all);
    REQUIRE(fd >= 0);
    kmsg_reader reader(fd, line_format::message);
    std::vector<log_event> got;
    while (auto e = reader.next(bypass, 5s)) got.push_back(*e);
    REQUIRE(got.size() == 1u);
    CHECK(got[0].proto == "UDP");  // the next line, whole
    CHECK(reader.at_end());
}

TEST_CASE("kmsg_reader: read-ahead is bounded", "[log][reader]") {
    // a backlog of ~8 MiB: one next() reads a bounded amount, not all of it (before:
    // everything, 170 MiB of memory for a 100 MB backlog)
    std::string backlog;
    while (backlog.size() < (std::size_t{8} << 20)) backlog += udp_line + "\n";
    const std::size_t total = backlog.size();
    const int fd = file_with(backlog);
    REQUIRE(fd >= 0);
    kmsg_reader reader(fd, line_format::message);
    REQUIRE(reader.next(bypass, 5s));
    CHECK(reader.buffered_bytes() <= kmsg_reader::read_ahead + 8192);
    // and everything is still read, in bounded steps
    std::size_t n = 1;
    while (reader.next(bypass, 5s)) {
        ++n;
        if (reader.buffered_bytes() > kmsg_reader::read_ahead + 8192) FAIL("read-ahead grew to " << reader.buffered_bytes());
    }
    CHECK(n * (udp_line.size() + 1) == total);
}
