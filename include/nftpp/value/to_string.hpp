// SPDX-License-Identifier: Apache-2.0
#pragma once
// to_string(v): a value as nft writes it, for printing and logging: "10.0.0.1",
// "fd00::/64", "1000-2000", "\"lo\"" for an interface name, and any element read back
// from a set (an operand<Key>: a value, a prefix, a range or a concatenation).
//   std::puts(nftpp::to_string(back.elements[0]).c_str());
#include <string>

#include <nftpp/core/sink.hpp>

namespace nftpp {

template <class T>
concept NftWritable = requires(count_sink& c, span_sink& s, const T& v) {
    write_nft(c, v);
    write_nft(s, v);
};

template <NftWritable T>
[[nodiscard]] std::string to_string(const T& v) {
    count_sink size;
    write_nft(size, v);
    std::string text(size.size, '\0');
    span_sink out{text.data()};
    write_nft(out, v);
    return text;
}

}  // namespace nftpp
