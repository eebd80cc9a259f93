// Fuzz target: the log parsers must never crash or read out of bounds on any input.
// The first byte splits the input into a prefix and a line, parsed in each line_format;
// the whole input is also parsed as a buffer of nflog netlink messages (the corpus has
// both kinds).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/log/nflog.hpp>
#include <nftpp/log/parse.hpp>

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
    // nflog: whole netlink messages only; an event that says it is well formed has its
    // addresses (the payload was an IPv4 or IPv6 packet)
    parse_nflog(data, size, [](const log_event& e, bool good) {
        if (good && (std::holds_alternative<std::monostate>(e.src) || std::holds_alternative<std::monostate>(e.dst)))
            __builtin_trap();
    });
    return 0;
}
