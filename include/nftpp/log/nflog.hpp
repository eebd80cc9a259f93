// SPDX-License-Identifier: Apache-2.0
#pragma once
// nflog_reader: the events of `log group N` rules, read over nfnetlink_log from a socket
// opened inside one network namespace. Plain netlink (NETLINK_NETFILTER), no library.
//
//   auto reader = nftpp::klog::nflog_reader::open_named(2, "sandbox-1a2b3c4d");
//   if (!reader.ok()) { std::puts(reader.error().c_str()); return; }
//   while (auto e = reader.next("openshell:bypass:sandbox-1a2b3c4d:", 1s)) { ... }
//   reader.stop();                                           // from any thread
//
// Unlike the kernel log, nothing is text: the prefix, the interfaces (by index, named in
// the namespace), uid and gid come as netlink attributes and the addresses, ports and
// lengths from the packet's own headers (IPv4, IPv6 with its extension headers, TCP, UDP,
// UDPLITE, ICMP, ICMPv6). It needs no sysctl, and the socket only ever sees packets of
// its own namespace: another namespace cannot write into it, whatever prefix it uses.
//
// The events are log_event, as the kernel log parser gives them, with in_ifindex and
// out_ifindex set and without sequence, the quoted packet of ICMP errors (inner) or a
// timestamp unless the kernel sends one. A packet whose headers cannot be read (a
// fragment after the first, a header cut short) is no event: it is counted in malformed().
//
// One socket per group and namespace: binding a group another socket holds fails (EPERM).
// The reader asks for 256 bytes of each packet (the headers) and for every packet at
// once (queue threshold 1). Opening needs CAP_NET_ADMIN in the namespace.
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <nftpp/log/event.hpp>

namespace nftpp::klog {

namespace detail {
// netlink alignment (the <linux/netlink.h> macros mix int and size_t, which strict
// warnings refuse in a header)
constexpr std::size_t nl_align(std::size_t x) noexcept { return (x + 3) & ~std::size_t{3}; }
inline constexpr std::size_t nla_hdrlen = nl_align(sizeof(nlattr));
inline constexpr std::size_t nlmsg_hdrlen = nl_align(sizeof(nlmsghdr));
}  // namespace detail


namespace detail {

inline std::uint16_t be16(const std::uint8_t* p) noexcept { return static_cast<std::uint16_t>((p[0] << 8) | p[1]); }
inline std::uint32_t be32(const std::uint8_t* p) noexcept {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
inline std::uint64_t be64(const std::uint8_t* p) noexcept {
    return (std::uint64_t{be32(p)} << 32) | be32(p + 4);
}

// The protocol as the kernel log names it (PROTO=TCP ...; other protocols by number).
inline std::string proto_name(std::uint8_t p) {
    switch (p) {
    case IPPROTO_TCP: return "TCP";
    case IPPROTO_UDP: return "UDP";
    case IPPROTO_UDPLITE: return "UDPLITE";
    case IPPROTO_ICMP: return "ICMP";
    case IPPROTO_ICMPV6: return "ICMPv6";
    case IPPROTO_SCTP: return "SCTP";
    default: return std::to_string(p);
    }
}

// The transport header at `l4` (`n` bytes there) of protocol `p`; false when a header the
// event needs is cut short.
inline bool read_transport(log_event& e, std::uint8_t p, const std::uint8_t* l4, std::size_t n) {
    e.proto = proto_name(p);
    if (p == IPPROTO_TCP) {
        if (n < 20) return false;
        e.spt = be16(l4);
        e.dpt = be16(l4 + 2);
    } else if (p == IPPROTO_UDP || p == IPPROTO_UDPLITE) {
        if (n < 8) return false;
        e.spt = be16(l4);
        e.dpt = be16(l4 + 2);
        e.l4_len = be16(l4 + 4);
    } else if (p == IPPROTO_ICMP || p == IPPROTO_ICMPV6) {
        if (n < 4) return false;
        e.icmp_type = l4[0];
        e.icmp_code = l4[1];
    }
    return true;
}

// The IPv4 or IPv6 packet in an NFULA_PAYLOAD; false when it is not one whose addresses
// and (for TCP and UDP) ports can be read.
inline bool read_payload(log_event& e, const std::uint8_t* p, std::size_t n) {
    if (n < 1) return false;
    const int version = p[0] >> 4;
    if (version == 4) {
        if (n < 20) return false;
        const std::size_t ihl = static_cast<std::size_t>(p[0] & 0x0f) * 4;
        if (ihl < 20 || ihl > n) return false;
        e.len = be16(p + 2);
        e.src = ipv4_addr::from_bits(be32(p + 12));
        e.dst = ipv4_addr::from_bits(be32(p + 16));
        if ((be16(p + 6) & 0x1fff) != 0) {  // a fragment after the first: no transport header
            e.proto = proto_name(p[9]);
            return false;
        }
        return read_transport(e, p[9], p + ihl, n - ihl);
    }
    if (version == 6) {
        if (n < 40) return false;
        e.len = std::uint32_t{be16(p + 4)} + 40;
        std::array<std::uint8_t, 16> s{}, d{};
        std::memcpy(s.data(), p + 8, 16);
        std::memcpy(d.data(), p + 24, 16);
        e.src = ipv6_addr::from_bytes(s);
        e.dst = ipv6_addr::from_bytes(d);
        std::uint8_t next = p[6];
        std::size_t at = 40;
        for (int hops = 0; hops < 16; ++hops) {  // extension headers, bounded
            if (next == 0 || next == 43 || next == 60) {  // hop-by-hop, routing, destination options
                if (n < at + 8) return false;
                next = p[at];
                at += (static_cast<std::size_t>(p[at + 1]) + 1) * 8;
            } else if (next == 44) {  // fragment
                if (n < at + 8) return false;
                const bool later = (be16(p + at + 2) & 0xfff8) != 0;
                next = p[at];
                at += 8;
                if (later) {
                    e.proto = proto_name(next);
                    return false;
                }
            } else if (next == 51) {  // authentication header
                if (n < at + 8) return false;
                next = p[at];
                at += (static_cast<std::size_t>(p[at + 1]) + 2) * 4;
            } else {
                break;
            }
        }
        if (at > n) return false;
        return read_transport(e, next, p + at, n - at);
    }
    return false;
}

}  // namespace detail

// One NFULNL_MSG_PACKET message: on_packet(event, well_formed) for each packet message
// in `data` (a whole recv() buffer: several netlink messages); other messages are
// skipped. The event has the message's prefix (empty without one); well_formed is false
// when its packet could not be read (the event then has only what could be). Returns
// false when the buffer is not a sequence of whole netlink messages (the rest is not
// read). Never reads out of bounds; bounded by the buffer's size.
template <class F>
bool parse_nflog(const void* data, std::size_t size, F&& on_packet) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    std::size_t off = 0;
    while (off + sizeof(nlmsghdr) <= size) {
        nlmsghdr h;
        std::memcpy(&h, p + off, sizeof h);
        if (h.nlmsg_len < sizeof(nlmsghdr) || h.nlmsg_len > size - off) return false;
        const std::uint8_t* body = p + off + sizeof(nlmsghdr);
        const std::size_t body_len = h.nlmsg_len - sizeof(nlmsghdr);
        off += detail::nl_align(h.nlmsg_len);
        if (h.nlmsg_type != ((NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_PACKET) || body_len < sizeof(nfgenmsg)) continue;
        log_event e;
        bool have_payload = false, good = true;
        std::size_t a = detail::nl_align(sizeof(nfgenmsg));
        while (a + sizeof(nlattr) <= body_len) {
            nlattr at;
            std::memcpy(&at, body + a, sizeof at);
            if (at.nla_len < sizeof(nlattr) || at.nla_len > body_len - a) {
                good = false;
                break;
            }
            const std::uint8_t* v = body + a + detail::nla_hdrlen;
            const std::size_t n = at.nla_len - detail::nla_hdrlen;
            switch (at.nla_type & NLA_TYPE_MASK) {
            case NFULA_PREFIX: e.prefix.assign(reinterpret_cast<const char*>(v), strnlen(reinterpret_cast<const char*>(v), n)); break;
            case NFULA_UID: if (n >= 4) e.uid = detail::be32(v); break;
            case NFULA_GID: if (n >= 4) e.gid = detail::be32(v); break;
            case NFULA_IFINDEX_INDEV: if (n >= 4) e.in_ifindex = detail::be32(v); break;
            case NFULA_IFINDEX_OUTDEV: if (n >= 4) e.out_ifindex = detail::be32(v); break;
            case NFULA_TIMESTAMP:
                if (n >= 16) e.timestamp_us = detail::be64(v) * 1'000'000 + detail::be64(v + 8) % 1'000'000;
                break;
            case NFULA_HWHEADER: {
                static constexpr char hex[] = "0123456789abcdef";
                std::string mac;
                for (std::size_t i = 0; i < n && i < 64; ++i) {
                    if (i) mac += ':';
                    mac += hex[v[i] >> 4];
                    mac += hex[v[i] & 15];
                }
                if (!mac.empty()) e.mac = std::move(mac);
                break;
            }
            case NFULA_PAYLOAD:
                have_payload = true;
                if (!detail::read_payload(e, v, n)) good = false;
                break;
            default: break;
            }
            a += detail::nl_align(at.nla_len);
        }
        on_packet(e, good && have_payload);
    }
    return off >= size;  // trailing bytes too short for a header: not whole messages
}

class nflog_reader {
public:
    // Binds `group` in the network namespace `ip netns add NAME` created
    // (/var/run/netns/NAME); check ok().
    [[nodiscard]] static nflog_reader open_named(std::uint16_t group, std::string_view netns) {
        if (netns.empty() || netns == "." || netns == ".." || netns.find('/') != std::string_view::npos ||
            netns.find('\0') != std::string_view::npos)
            return failed("\"" + std::string(netns) + "\" is not a network namespace name (no '/', not empty)");
        return open_path(group, "/var/run/netns/" + std::string(netns));
    }
    // The same for a namespace file (/var/run/netns/NAME, /proc/PID/ns/net).
    [[nodiscard]] static nflog_reader open_path(std::uint16_t group, const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return failed("cannot open the network namespace " + path + ": " + std::strerror(errno));
        nflog_reader r = open_fd(group, fd);
        ::close(fd);
        if (!r.ok()) r.error_ += " (namespace " + path + ")";
        return r;
    }
    // The same for a namespace descriptor (kept open by the caller); -1: the caller's own.
    [[nodiscard]] static nflog_reader open_fd(std::uint16_t group, int netns_fd) {
        nflog_reader r;
        r.group_ = group;
        // The sockets belong to the namespace they are created in: create them in a thread
        // that enters it, so the caller's threads never change namespace.
        std::thread t([&] {
            if (netns_fd >= 0 && ::setns(netns_fd, CLONE_NEWNET) != 0) {
                r.error_ = std::string("cannot enter the network namespace: ") + std::strerror(errno);
                return;
            }
            r.fd_ = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_NETFILTER);
            if (r.fd_ < 0) {
                r.error_ = std::string("cannot open a netfilter netlink socket: ") + std::strerror(errno);
                return;
            }
            r.names_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);  // to name interfaces there
            if (r.names_ < 0) r.names_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        });
        t.join();
        if (r.fd_ < 0) return r;
        sockaddr_nl local{};
        local.nl_family = AF_NETLINK;
        if (::bind(r.fd_, reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0)
            return r.fail(std::string("cannot bind the netlink socket: ") + std::strerror(errno));
        const int rcvbuf = 1 << 20;
        ::setsockopt(r.fd_, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
        // Legacy per-family binding (a no-op since Linux 3.17, refused by nothing after it).
        for (std::uint8_t pf : {std::uint8_t{AF_INET}, std::uint8_t{AF_INET6}}) {
            (void)r.command(NFULNL_CFG_CMD_PF_UNBIND, pf, 0);
            (void)r.command(NFULNL_CFG_CMD_PF_BIND, pf, 0);
        }
        if (int e = r.command(NFULNL_CFG_CMD_BIND, AF_UNSPEC, group); e != 0)
            return r.fail("cannot bind nflog group " + std::to_string(group) + ": " + std::strerror(e) +
                          (e == EBUSY || e == EPERM ? " (another socket in this namespace reads the group, or no CAP_NET_ADMIN)" : ""));
        nfulnl_msg_config_mode mode{};
        mode.copy_range = htonl(256);
        mode.copy_mode = NFULNL_COPY_PACKET;
        if (int e = r.config(NFULA_CFG_MODE, &mode, sizeof mode); e != 0)
            return r.fail(std::string("cannot set the nflog copy mode: ") + std::strerror(e));
        const std::uint32_t one = htonl(1);
        if (int e = r.config(NFULA_CFG_QTHRESH, &one, sizeof one); e != 0)
            return r.fail(std::string("cannot set the nflog queue threshold: ") + std::strerror(e));
        r.wake_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        return r;
    }

    ~nflog_reader() { close_all(); }
    nflog_reader(nflog_reader&& o) noexcept
        : fd_(std::exchange(o.fd_, -1)), names_(std::exchange(o.names_, -1)), wake_(std::exchange(o.wake_, -1)),
          group_(o.group_), seq_(o.seq_), stopped_(o.stopped_.load()), error_(std::move(o.error_)),
          events_(std::move(o.events_)), lost_(o.lost_), malformed_(o.malformed_) {}
    nflog_reader(const nflog_reader&) = delete;
    nflog_reader& operator=(const nflog_reader&) = delete;
    nflog_reader& operator=(nflog_reader&&) = delete;

    [[nodiscard]] bool ok() const noexcept { return fd_ >= 0 && error_.empty(); }
    // Why open failed: a sentence naming the group or namespace.
    [[nodiscard]] const std::string& error() const noexcept { return error_; }
    [[nodiscard]] std::uint16_t group() const noexcept { return group_; }

    // The next event whose prefix is exactly `prefix`, or nothing after `timeout`, once
    // stop() has been called, or when the socket fails.
    std::optional<log_event> next(std::string_view prefix, std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (stopped() || !ok()) return std::nullopt;
            while (!events_.empty()) {
                if (stopped()) return std::nullopt;
                auto [e, good] = std::move(events_.front());
                events_.pop_front();
                if (e.prefix != prefix) continue;
                if (!good) {
                    ++malformed_;
                    continue;
                }
                name_interfaces(e);
                return std::move(e);
            }
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline) return std::nullopt;
            pollfd p[2] = {{fd_, POLLIN, 0}, {wake_, POLLIN, 0}};
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
            const int r = ::poll(p, wake_ >= 0 ? 2 : 1, static_cast<int>(std::min<decltype(ms)>(ms, wake_ >= 0 ? 1 << 30 : 100)));
            if (r < 0 && errno != EINTR) return std::nullopt;
            if (r <= 0) continue;
            if (wake_ >= 0 && p[1].revents) return std::nullopt;  // stop()
            if (p[0].revents) receive();
        }
    }

    // Calls on_event for each event until it returns false or stop() is called.
    template <class F>
    void follow(std::string_view prefix, F&& on_event) {
        while (!stopped() && ok()) {
            if (auto e = next(prefix, std::chrono::milliseconds(500))) {
                if (!on_event(*e)) return;
            }
        }
    }

    // Thread-safe: wakes a blocked next(); every later next() returns nothing.
    void stop() noexcept {
        stopped_.store(true);
        const std::uint64_t one = 1;
        if (wake_ >= 0) {
            [[maybe_unused]] const ssize_t w = ::write(wake_, &one, sizeof one);
        }
    }
    [[nodiscard]] bool stopped() const noexcept { return stopped_.load(); }
    // Messages the kernel could not deliver because the socket's buffer was full (ENOBUFS).
    [[nodiscard]] std::uint64_t lost() const noexcept { return lost_; }
    // Packets of the prefix asked for whose headers could not be read (no event).
    [[nodiscard]] std::uint64_t malformed() const noexcept { return malformed_; }

    // The name of an interface of the reader's namespace (empty when there is none).
    [[nodiscard]] std::string interface_name(std::uint32_t index) const {
        if (index == 0 || names_ < 0) return {};
        ifreq req{};
        req.ifr_ifindex = static_cast<int>(index);
        if (::ioctl(names_, SIOCGIFNAME, &req) != 0) return {};
        return std::string(req.ifr_name, strnlen(req.ifr_name, sizeof req.ifr_name));
    }

private:
    nflog_reader() = default;
    static nflog_reader failed(std::string why) {
        nflog_reader r;
        r.error_ = std::move(why);
        return r;
    }
    nflog_reader&& fail(std::string why) {
        error_ = std::move(why);
        close_all();
        return std::move(*this);
    }
    void close_all() noexcept {
        for (int* fd : {&fd_, &names_, &wake_})
            if (*fd >= 0) ::close(std::exchange(*fd, -1));
    }

    void name_interfaces(log_event& e) const {
        if (e.in_ifindex) e.in = interface_name(*e.in_ifindex);
        if (e.out_ifindex) e.out = interface_name(*e.out_ifindex);
    }

    void receive() {
        alignas(nlmsghdr) static thread_local std::uint8_t buf[1 << 16];
        for (int i = 0; i < 16; ++i) {  // bounded: at most 16 buffers per call
            const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n < 0) {
                if (errno == EINTR) continue;
                if (errno == ENOBUFS) {  // the kernel dropped messages; the socket reads on
                    ++lost_;
                    continue;
                }
                if (errno != EAGAIN && errno != EWOULDBLOCK) error_ = std::string("nflog socket: ") + std::strerror(errno);
                return;
            }
            parse_nflog(buf, static_cast<std::size_t>(n),
                        [&](const log_event& e, bool good) { events_.emplace_back(e, good); });
        }
    }

    // Sends one config message and waits for its acknowledgement: 0 or an errno.
    int send_config(std::uint8_t family, std::uint16_t res_id, std::uint16_t attr, const void* data, std::size_t len) {
        alignas(nlmsghdr) std::uint8_t msg[128] = {};
        auto* h = reinterpret_cast<nlmsghdr*>(msg);
        h->nlmsg_type = (NFNL_SUBSYS_ULOG << 8) | NFULNL_MSG_CONFIG;
        h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
        h->nlmsg_seq = ++seq_;
        auto* g = reinterpret_cast<nfgenmsg*>(msg + detail::nlmsg_hdrlen);
        g->nfgen_family = family;
        g->version = NFNETLINK_V0;
        g->res_id = htons(res_id);
        const std::size_t at = detail::nlmsg_hdrlen + detail::nl_align(sizeof(nfgenmsg));
        auto* a = reinterpret_cast<nlattr*>(msg + at);
        a->nla_type = attr;
        a->nla_len = static_cast<std::uint16_t>(detail::nla_hdrlen + len);
        std::memcpy(msg + at + detail::nla_hdrlen, data, len);
        h->nlmsg_len = static_cast<std::uint32_t>(at + detail::nl_align(a->nla_len));
        sockaddr_nl kernel{};
        kernel.nl_family = AF_NETLINK;
        if (::sendto(fd_, msg, h->nlmsg_len, 0, reinterpret_cast<const sockaddr*>(&kernel), sizeof kernel) < 0) return errno;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        alignas(nlmsghdr) std::uint8_t reply[1024];
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 200) <= 0) continue;
            const ssize_t n = ::recv(fd_, reply, sizeof reply, 0);
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN) continue;
                return errno;
            }
            for (std::size_t off = 0; off + sizeof(nlmsghdr) <= static_cast<std::size_t>(n);) {
                nlmsghdr r;
                std::memcpy(&r, reply + off, sizeof r);
                if (r.nlmsg_len < sizeof r || r.nlmsg_len > static_cast<std::size_t>(n) - off) break;
                if (r.nlmsg_type == NLMSG_ERROR && r.nlmsg_seq == seq_ && r.nlmsg_len >= detail::nlmsg_hdrlen + sizeof(int)) {
                    int err = 0;
                    std::memcpy(&err, reply + off + detail::nlmsg_hdrlen, sizeof err);
                    return -err;
                }
                off += detail::nl_align(r.nlmsg_len);
            }
        }
        return ETIMEDOUT;
    }
    int command(std::uint8_t cmd, std::uint8_t family, std::uint16_t group) {
        nfulnl_msg_config_cmd c{};
        c.command = cmd;
        return send_config(family, group, NFULA_CFG_CMD, &c, sizeof c);
    }
    int config(std::uint16_t attr, const void* data, std::size_t len) {
        return send_config(AF_UNSPEC, group_, attr, data, len);
    }

    int fd_ = -1;
    int names_ = -1;
    int wake_ = -1;
    std::uint16_t group_ = 0;
    std::uint32_t seq_ = 0;
    std::atomic<bool> stopped_{false};
    std::string error_;
    std::deque<std::pair<log_event, bool>> events_;
    std::uint64_t lost_ = 0;
    std::uint64_t malformed_ = 0;
};

}  // namespace nftpp::klog
