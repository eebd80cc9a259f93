// SPDX-License-Identifier: Apache-2.0
#include "raw_batch.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nftables/libnftables.h>

#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

namespace {
std::atomic<bool> capturing{false};
std::vector<char>* captured = nullptr;
}  // namespace

// Interposes sendmsg for this program: while capturing, records what libnftables sends
// (its batch goes out in one sendmsg), then passes every call on to the C library's.
extern "C" ssize_t sendmsg(int fd, const struct msghdr* msg, int flags) {
    using fn = ssize_t (*)(int, const struct msghdr*, int);
    static fn real = reinterpret_cast<fn>(::dlsym(RTLD_NEXT, "sendmsg"));
    if (capturing && captured && msg) {
        std::vector<char> all;
        for (std::size_t i = 0; i < msg->msg_iovlen; ++i) {
            const char* b = static_cast<const char*>(msg->msg_iov[i].iov_base);
            all.insert(all.end(), b, b + msg->msg_iov[i].iov_len);
        }
        // keep the largest message: the batch (cache dumps are small requests)
        if (all.size() > captured->size()) *captured = std::move(all);
    }
    return real(fd, msg, flags);
}

namespace bench {

struct raw_batch::impl {
    std::vector<char> batch;
    int sock = -1;
    int netns = -1;
    std::thread worker;  // the socket is opened inside the namespace; sending needs no thread
};

raw_batch::raw_batch(const std::string& netns_path, const std::string& text) : p_(std::make_unique<impl>()) {
    p_->netns = ::open(netns_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (p_->netns < 0) return;
    std::thread([&] {
        if (::setns(p_->netns, CLONE_NEWNET) != 0) return;
        nft_ctx* ctx = nft_ctx_new(NFT_CTX_DEFAULT);
        nft_ctx_buffer_output(ctx);
        nft_ctx_buffer_error(ctx);
        captured = &p_->batch;
        capturing = true;
        const int rc = nft_run_cmd_from_buffer(ctx, text.c_str());
        capturing = false;
        captured = nullptr;
        nft_ctx_free(ctx);
        if (rc != 0) p_->batch.clear();
        // a socket created in the namespace stays bound to it
        p_->sock = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
    }).join();
}

raw_batch::~raw_batch() {
    if (p_->sock >= 0) ::close(p_->sock);
    if (p_->netns >= 0) ::close(p_->netns);
}

bool raw_batch::ok() const { return !p_->batch.empty() && p_->sock >= 0; }
std::size_t raw_batch::bytes() const { return p_->batch.size(); }

bool raw_batch::send() {
    // the kernel runs the whole batch inside this call (nfnetlink processes it in the
    // sender's context), commit included
    if (::send(p_->sock, p_->batch.data(), p_->batch.size(), 0) != static_cast<ssize_t>(p_->batch.size())) return false;
    // errors (and only errors: nft asks for no acks) wait in the socket
    char buf[8192];
    bool failed = false;
    for (;;) {
        const ssize_t n = ::recv(p_->sock, buf, sizeof(buf), MSG_DONTWAIT);
        if (n <= 0) break;
        std::size_t left = static_cast<std::size_t>(n);
        for (auto* h = reinterpret_cast<nlmsghdr*>(buf); NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_type == NLMSG_ERROR && reinterpret_cast<nlmsgerr*>(NLMSG_DATA(h))->error != 0) failed = true;
        }
    }
    return !failed;
}

}  // namespace bench
