// SPDX-License-Identifier: Apache-2.0
#pragma once
// fixed_string: compile-time text usable as a template argument (chain, set and jump
// target names are fixed_strings, so the chain graph is known to the compiler).
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace nftpp {

template <std::size_t N>
struct fixed_string {
    char data_[N + 1]{};

    constexpr fixed_string() = default;
    constexpr fixed_string(const char (&s)[N + 1]) noexcept { std::copy_n(s, N + 1, data_); }
    constexpr explicit fixed_string(std::string_view s) noexcept {
        std::copy_n(s.data(), std::min(N, s.size()), data_);
    }

    [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
    [[nodiscard]] constexpr const char* c_str() const noexcept { return data_; }
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, N}; }
    constexpr operator std::string_view() const noexcept { return view(); }

    template <std::size_t M>
    [[nodiscard]] constexpr bool operator==(const fixed_string<M>& o) const noexcept {
        return view() == o.view();
    }
};

template <std::size_t N>
fixed_string(const char (&)[N]) -> fixed_string<N - 1>;

}  // namespace nftpp
