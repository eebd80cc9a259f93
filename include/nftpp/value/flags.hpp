#pragma once
// Bit-flag values (ct state, ct status, tcp flags): named constants combined with |,
// rendered as nft lists them, comma separated in bit order ("established,related").
#include <cstdint>
#include <string_view>

#include <nftpp/render/sink.hpp>

namespace nftpp::detail {

struct flag_name {
    std::uint32_t bit;
    std::string_view name;
};

template <Sink S, std::size_t N>
constexpr void write_flags(S& out, std::uint32_t bits, const flag_name (&names)[N]) {
    bool first = true;
    for (const auto& f : names) {
        if (!(bits & f.bit)) continue;
        if (!first) out.put(',');
        first = false;
        out.put(f.name);
    }
}

}  // namespace nftpp::detail
