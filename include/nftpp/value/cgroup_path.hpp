// SPDX-License-Identifier: Apache-2.0
#pragma once
// cgroup_path: a cgroup v2 as `socket cgroupv2 level N "system.slice/sshd.service"` names
// it: a path below /sys/fs/cgroup, 1 to 511 bytes of valid UTF-8, components separated by
// single '/', none empty, "." or "..", no '"', NUL, CR or newline (nft has no escapes).
// nft turns the path into the cgroup's id when it loads the rule, in the mount namespace
// of the process that runs it, and refuses a path that does not exist there ("cgroupv2
// path fails: No such file or directory"): that is known only at load time, and an
// executor reports it as a refused apply with nothing loaded.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/utf8.hpp>

namespace nftpp {

NFTPP_RULE(a_cgroupv2_path_is_1_to_511_bytes, "a cgroupv2 path is 1 to 511 bytes")
NFTPP_RULE(a_cgroupv2_path_is_relative_with_no_empty_dot_or_dotdot_component,
           "a cgroupv2 path names a cgroup below /sys/fs/cgroup, as \"system.slice/sshd.service\": no leading or trailing "
           "'/', no empty, '.' or '..' component")
NFTPP_RULE(a_cgroupv2_path_may_not_contain_quote_nul_or_newline,
           "a cgroupv2 path may not contain '\"', NUL, CR or newline: nft has no escapes")
NFTPP_RULE(a_cgroupv2_path_is_valid_utf_8,
           "a cgroupv2 path must be valid UTF-8: nft's JSON listing cannot carry other bytes")

struct cgroup_path {
    static constexpr std::size_t max_size = 511;
    static constexpr bool quoted_text = true;  // matches take string literals (expr/operand.hpp)
    char data_[max_size + 1];
    std::uint16_t size_;

    template <std::size_t N>
    consteval cgroup_path(const char (&s)[N])
        : cgroup_path((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                      *parse(std::string_view(s, N - 1)))) {}

    static constexpr result<cgroup_path> parse(std::string_view s) noexcept {
        if (s.empty() || s.size() > max_size) return error{&rules::a_cgroupv2_path_is_1_to_511_bytes, s.size()};
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s[i] == '"' || s[i] == '\0' || s[i] == '\n' || s[i] == '\r')
                return error{&rules::a_cgroupv2_path_may_not_contain_quote_nul_or_newline, i};
        if (const auto bad = detail::utf8_error(s); bad != std::string_view::npos)
            return error{&rules::a_cgroupv2_path_is_valid_utf_8, bad};
        // each component: not empty, "." or ".." (a plain loop: g++ 12 cannot evaluate
        // string_view::find on a literal's copy as a constant)
        for (std::size_t at = 0, i = 0; i <= s.size(); ++i) {
            if (i < s.size() && s[i] != '/') continue;
            const std::size_t n = i - at;
            if (n == 0 || (n == 1 && s[at] == '.') || (n == 2 && s[at] == '.' && s[at + 1] == '.'))
                return error{&rules::a_cgroupv2_path_is_relative_with_no_empty_dot_or_dotdot_component, at};
            at = i + 1;
        }
        return cgroup_path(tag{}, s);
    }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }
    friend constexpr bool operator==(const cgroup_path& a, const cgroup_path& b) noexcept { return a.view() == b.view(); }
    friend constexpr bool operator<(const cgroup_path& a, const cgroup_path& b) noexcept { return a.view() < b.view(); }

    template <Sink S>
    friend constexpr void write_nft(S& out, const cgroup_path& p) {
        out.put('"');
        out.put(p.view());
        out.put('"');
    }

private:
    struct tag {};
    constexpr cgroup_path(tag, std::string_view s) noexcept : data_{}, size_(static_cast<std::uint16_t>(s.size())) {
        for (std::size_t i = 0; i < s.size(); ++i) data_[i] = s[i];
    }
};

}  // namespace nftpp
