// Fuzz target: parse_log_line must never crash or read out of bounds on any input.
// The first byte splits the input into a prefix and a line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/log/parse.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t cut = data[0] % (size);
    const std::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::string_view prefix = all.substr(0, cut < all.size() ? cut : all.size());
    const std::string_view line = all.substr(prefix.size());
    auto e = nftpp::klog::parse_log_line(line, prefix);
    if (e && e->prefix != prefix) __builtin_trap();
    auto any = nftpp::klog::parse_log_line(all, "");
    (void)any;
    return 0;
}
