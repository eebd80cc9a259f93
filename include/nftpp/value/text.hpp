// SPDX-License-Identifier: Apache-2.0
#pragma once
// Quoted strings nft accepts: log prefixes and comments. nft 1.0.6 has no escapes, so a
// '"' can never appear inside a quoted string; '$' in a log prefix is variable
// interpolation; NUL truncates silently; a newline would split the script. All are
// refused here, as are lengths the kernel refuses (log prefix > 127 bytes — nft 1.0.6
// even crashes from 137 — and comments > 128 bytes). Both must be valid UTF-8: nft's JSON
// listing (jansson) silently drops a comment or prefix that is not, so a ruleset holding
// one could not be read back as it was written.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/utf8.hpp>

namespace nftpp {

NFTPP_RULE(a_log_prefix_is_1_to_127_bytes, "a log prefix is 1 to 127 bytes (the kernel refuses longer ones; nft 1.0.6 crashes from 137)")
NFTPP_RULE(a_log_prefix_may_not_contain_quote_dollar_nul_or_newline,
           "a log prefix may not contain '\"', '$', NUL, CR or newline: nft has no escapes and reads '$' as a variable")
NFTPP_RULE(a_comment_is_1_to_128_bytes, "a comment is 1 to 128 bytes")
NFTPP_RULE(a_comment_may_not_contain_quote_nul_or_newline,
           "a comment may not contain '\"', NUL, CR or newline: nft has no escapes")
NFTPP_RULE(a_log_prefix_is_valid_utf_8,
           "a log prefix must be valid UTF-8: nft's JSON listing drops other bytes (write the text in UTF-8)")
NFTPP_RULE(a_comment_is_valid_utf_8, "a comment must be valid UTF-8: nft's JSON listing drops other bytes (write the text in UTF-8)")

namespace detail {
constexpr std::size_t find_forbidden(std::string_view s, std::string_view forbidden) noexcept {
    for (std::size_t i = 0; i < s.size(); ++i)
        for (char f : forbidden)
            if (s[i] == f) return i;
    return std::string_view::npos;
}
}  // namespace detail

// What a quoted text type holds and does, but its literal constructor: that one is written
// in the type, so that a bad literal is reported in the constructor's own frame.
#define NFTPP_QUOTED_TEXT_MEMBERS(type_name, cap, length_rule, content_rule, utf8_rule, forbidden_chars)             \
    static constexpr std::size_t max_size = cap;                                                              \
    char data_[cap + 1];                                                                                      \
    std::uint8_t size_;                                                                                       \
                                                                                                              \
    static constexpr result<type_name> parse(std::string_view s) noexcept {                                   \
        if (s.empty() || s.size() > cap) return error{&rules::length_rule, s.size()};                        \
        constexpr char forbidden[] = forbidden_chars;                                                         \
        if (auto i = detail::find_forbidden(s, std::string_view(forbidden, sizeof forbidden - 1));            \
            i != std::string_view::npos)                                                                      \
            return error{&rules::content_rule, i};                                                            \
        if (auto i = detail::utf8_error(s); i != std::string_view::npos) return error{&rules::utf8_rule, i};  \
        return type_name(tag{}, s);                                                                           \
    }                                                                                                         \
                                                                                                              \
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }                 \
    friend constexpr bool operator==(const type_name& a, const type_name& b) noexcept {                       \
        return a.view() == b.view();                                                                          \
    }                                                                                                         \
    template <Sink S>                                                                                         \
    friend constexpr void write_nft(S& out, const type_name& t) {                                             \
        out.put('"');                                                                                         \
        out.put(t.view());                                                                                    \
        out.put('"');                                                                                         \
    }                                                                                                         \
                                                                                                              \
private:                                                                                                      \
    struct tag {};                                                                                            \
    constexpr type_name(tag, std::string_view s) noexcept : data_{}, size_(static_cast<std::uint8_t>(s.size())) { \
        for (std::size_t i = 0; i < s.size(); ++i) data_[i] = s[i];                                           \
    }

struct log_prefix {
    template <std::size_t N>
    consteval log_prefix(const char (&s)[N])
        : log_prefix((parse(std::string_view(s, N - 1)).ok() ? void()
                                                             : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                      *parse(std::string_view(s, N - 1)))) {}
    NFTPP_QUOTED_TEXT_MEMBERS(log_prefix, 127, a_log_prefix_is_1_to_127_bytes,
                              a_log_prefix_may_not_contain_quote_dollar_nul_or_newline, a_log_prefix_is_valid_utf_8,
                              "\"$\n\r\0")
};
struct comment_text {
    template <std::size_t N>
    consteval comment_text(const char (&s)[N])
        : comment_text((parse(std::string_view(s, N - 1)).ok() ? void()
                                                               : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
                        *parse(std::string_view(s, N - 1)))) {}
    NFTPP_QUOTED_TEXT_MEMBERS(comment_text, 128, a_comment_is_1_to_128_bytes, a_comment_may_not_contain_quote_nul_or_newline,
                              a_comment_is_valid_utf_8, "\"\n\r\0")
};

#undef NFTPP_QUOTED_TEXT_MEMBERS

}  // namespace nftpp
