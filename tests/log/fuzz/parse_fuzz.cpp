// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the log parsers must never crash or read out of bounds on any input.
// The first byte splits the input into a prefix and a line, parsed in each line_format;
// the line is also fed through a kmsg_reader in chunks (read() failing with EPIPE where
// a chunk byte says so), and the whole input is parsed as a buffer of nflog netlink
// messages (the corpus has both kinds).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <nftpp/log/kmsg_reader.hpp>
#include <nftpp/log/nflog.hpp>
#include <nftpp/log/parse.hpp>

namespace {
std::string_view g_input;  // what fuzz_read serves
std::size_t g_at = 0;

// read(2) over g_input: chunks of 1 to 64 bytes, sized by the byte at the cursor; a byte
// 0xff there is an EPIPE (consumed).
ssize_t fuzz_read(int, void* buf, std::size_t n) {
    if (g_at >= g_input.size()) return 0;
    const auto b = static_cast<unsigned char>(g_input[g_at]);
    if (b == 0xff) {
        ++g_at;
        errno = EPIPE;
        return -1;
    }
    const std::size_t k = std::min({n, g_input.size() - g_at, std::size_t{1} + b % 64});
    std::memcpy(buf, g_input.data() + g_at, k);
    g_at += k;
    return static_cast<ssize_t>(k);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nftpp::klog;
    if (size == 0) return 0;
    const std::size_t cut = data[0] % (size);
    const std::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::string_view prefix = all.substr(0, cut < all.size() ? cut : all.size());
    const std::string_view line = all.substr(prefix.size());
    for (line_format f : {line_format::kmsg_record, line_format::dmesg, line_format::message}) {
        line_status st{};
        auto e = parse_log_line(line, prefix, f, &st);
        if (e && (e->prefix != prefix || st != line_status::event)) __builtin_trap();
        if (!e && st == line_status::event) __builtin_trap();
        if (e && (e->proto == "TCP" || e->proto == "UDP") && (!e->spt || !e->dpt)) __builtin_trap();
        auto any = parse_log_line(all, "", f);
        (void)any;
    }
    // the reader, over the line in chunks, in each format
    for (line_format f : {line_format::kmsg_record, line_format::message}) {
        g_input = line;
        g_at = 0;
        kmsg_reader reader(::open("/dev/null", O_RDONLY | O_CLOEXEC), f, &fuzz_read);
        for (int i = 0; i < 1000 && !reader.at_end(); ++i) {
            auto e = reader.next(prefix, std::chrono::milliseconds(1000));
            if (e && e->prefix != prefix) __builtin_trap();
            if (!e && !reader.at_end()) __builtin_trap();  // the input always ends: never a timeout
        }
        if (reader.buffered_bytes() > kmsg_reader::read_ahead + kmsg_reader::max_line) __builtin_trap();
    }
    // nflog: whole netlink messages only; an event that says it is well formed has its
    // addresses (the payload was an IPv4 or IPv6 packet)
    parse_nflog(data, size, [](const log_event& e, bool good) {
        if (good && (std::holds_alternative<std::monostate>(e.src) || std::holds_alternative<std::monostate>(e.dst)))
            __builtin_trap();
    });
    return 0;
}
