// SPDX-License-Identifier: Apache-2.0
#pragma once
// The raw-netlink floor: the exact nf_tables batch that libnftables sends for a script,
// captured once, then sent again and again on one open netlink socket in a namespace —
// the kernel's own work with no parser, no cache, no process. (Kept apart from the files
// that say `using namespace nftpp`: it needs <sys/socket.h>.)
#include <memory>
#include <string>

namespace bench {

class raw_batch {
public:
    // Applies `text` once in the namespace at `netns_path` through libnftables, capturing
    // the batch it sends. ok() is false when nothing was captured.
    raw_batch(const std::string& netns_path, const std::string& text);
    ~raw_batch();
    raw_batch(const raw_batch&) = delete;
    raw_batch& operator=(const raw_batch&) = delete;

    [[nodiscard]] bool ok() const;
    [[nodiscard]] std::size_t bytes() const;
    // Sends the captured batch on the open socket; false if the kernel reported an error.
    bool send();

private:
    struct impl;
    std::unique_ptr<impl> p_;
};

}  // namespace bench
