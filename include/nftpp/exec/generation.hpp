// SPDX-License-Identifier: Apache-2.0
#pragma once
// The ruleset generation of a network namespace: a counter the kernel increments with
// every nf_tables transaction that commits (NFT_MSG_GETGEN, answered with NFTA_GEN_ID).
// Read it before an apply and again after one whose outcome is unknown (nft killed by a
// signal or after the timeout): unchanged means nothing committed there — neither this
// script nor anything else; changed means something committed (list the table to see
// whether it is this script). Needs CAP_NET_ADMIN in the namespace; empty when the
// question cannot be asked (no permission, the namespace is gone).
#include <endian.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <sched.h>
#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <thread>

#include <nftpp/exec/unique_fd.hpp>

namespace nftpp::exec {

namespace detail {

// From <linux/netfilter/nfnetlink.h> and <linux/netfilter/nf_tables.h> (stable kernel ABI;
// not included, since <linux/netfilter.h> clashes with <netinet/in.h>), and the socket
// constants of every Linux architecture: <sys/socket.h> is not included either, since it
// declares ::accept, which a caller's `using namespace nftpp` would make ambiguous.
inline constexpr int af_netlink = 16, sock_raw = 3, netlink_netfilter = 12;
inline constexpr unsigned nfnl_subsys_nftables = 10;
inline constexpr unsigned nft_msg_newgen = 15, nft_msg_getgen = 16;
inline constexpr unsigned nfta_gen_id = 1;
struct nfgenmsg_t {
    std::uint8_t nfgen_family;
    std::uint8_t version;  // NFNETLINK_V0
    std::uint16_t res_id;
};

// Asks the nf_tables subsystem of the socket's namespace for its generation.
inline std::optional<std::uint32_t> generation_on(int sock) {
    struct {
        nlmsghdr nh;
        nfgenmsg_t g;
    } req{};
    req.nh.nlmsg_len = sizeof req;
    req.nh.nlmsg_type = static_cast<__u16>((nfnl_subsys_nftables << 8) | nft_msg_getgen);
    req.nh.nlmsg_flags = NLM_F_REQUEST;
    req.nh.nlmsg_seq = 1;
    req.g.nfgen_family = 0;  // AF_UNSPEC
    req.g.version = 0;
    sockaddr_nl kernel{};
    kernel.nl_family = af_netlink;
    if (::syscall(SYS_sendto, sock, &req, sizeof req, 0, &kernel, sizeof kernel) != static_cast<long>(sizeof req))
        return std::nullopt;
    alignas(nlmsghdr) char buf[8192];
    for (;;) {
        pollfd p{sock, POLLIN, 0};  // the kernel answers at once; never hang on a socket that does not
        const int ready = ::poll(&p, 1, 5000);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return std::nullopt;
        const long n = ::syscall(SYS_recvfrom, sock, buf, sizeof buf, 0, nullptr, nullptr);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return std::nullopt;
        // nlmsg and nla alignment written out: the <linux/netlink.h> macros mix int and
        // size_t, which strict warnings refuse in a header
        constexpr auto align4 = [](std::size_t x) { return (x + 3) & ~std::size_t{3}; };
        std::size_t at = 0;
        const std::size_t total = static_cast<std::size_t>(n);
        while (at + sizeof(nlmsghdr) <= total) {
            nlmsghdr h;
            std::memcpy(&h, buf + at, sizeof h);
            if (h.nlmsg_len < sizeof(nlmsghdr) || at + h.nlmsg_len > total) return std::nullopt;
            const std::size_t next = at + align4(h.nlmsg_len);
            if (h.nlmsg_type == NLMSG_ERROR) return std::nullopt;
            if (h.nlmsg_type != ((nfnl_subsys_nftables << 8) | nft_msg_newgen)) {
                at = next;
                continue;
            }
            const char* attr = buf + at + align4(sizeof(nlmsghdr)) + align4(sizeof(nfgenmsg_t));
            const char* end = buf + at + h.nlmsg_len;
            while (attr + sizeof(nlattr) <= end) {
                nlattr a;
                std::memcpy(&a, attr, sizeof a);
                if (a.nla_len < sizeof(nlattr) || attr + a.nla_len > end) break;
                if ((a.nla_type & NLA_TYPE_MASK) == nfta_gen_id && a.nla_len >= sizeof(nlattr) + 4) {
                    std::uint32_t id;
                    std::memcpy(&id, attr + align4(sizeof(nlattr)), 4);
                    return be32toh(id);
                }
                attr += align4(a.nla_len);
            }
            return std::nullopt;
        }
    }
}

inline unique_fd netfilter_socket() {
    return unique_fd(static_cast<int>(::syscall(SYS_socket, af_netlink, sock_raw | O_CLOEXEC, netlink_netfilter)));
}

}  // namespace detail

// The generation of the caller's own network namespace.
[[nodiscard]] inline std::optional<std::uint32_t> ruleset_generation() {
    const unique_fd s = detail::netfilter_socket();
    if (!s) return std::nullopt;
    return detail::generation_on(s.get());
}

// The generation of the network namespace `netns_fd` refers to: the socket is opened on a
// short-lived thread that enters the namespace (setns affects that thread only); a
// netlink socket stays in the namespace it was created in.
[[nodiscard]] inline std::optional<std::uint32_t> ruleset_generation(int netns_fd) {
    unique_fd s;
    std::thread t([&] {
        if (::setns(netns_fd, CLONE_NEWNET) == 0) s = detail::netfilter_socket();
    });
    t.join();
    if (!s) return std::nullopt;
    return detail::generation_on(s.get());
}

}  // namespace nftpp::exec
