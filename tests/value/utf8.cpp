// SPDX-License-Identifier: Apache-2.0
// utf8_error: strict UTF-8 (RFC 3629), the check behind ifname, log_prefix and comment_text.
#include <string_view>

#include <nftpp/value/utf8.hpp>

#include <catch2/catch.hpp>

using nftpp::detail::utf8_error;
constexpr auto npos = std::string_view::npos;

TEST_CASE("utf8_error accepts valid UTF-8 and finds the first bad byte", "[value][utf8]") {
    STATIC_REQUIRE(utf8_error("") == npos);
    STATIC_REQUIRE(utf8_error("plain ascii \x7f") == npos);
    STATIC_REQUIRE(utf8_error("\xc2\x80 \xdf\xbf \xe0\xa0\x80 \xed\x9f\xbf \xee\x80\x80 \xef\xbf\xbf") == npos);
    STATIC_REQUIRE(utf8_error("\xf0\x90\x80\x80 \xf4\x8f\xbf\xbf") == npos);  // U+10000, U+10FFFF
    STATIC_REQUIRE(utf8_error("\x80") == 0);                // a continuation byte first
    STATIC_REQUIRE(utf8_error("ab\xc1\xbf") == 2);          // overlong two-byte
    STATIC_REQUIRE(utf8_error("\xe0\x9f\xbf") == 0);        // overlong three-byte
    STATIC_REQUIRE(utf8_error("\xf0\x8f\xbf\xbf") == 0);    // overlong four-byte
    STATIC_REQUIRE(utf8_error("x\xed\xa0\x80") == 1);       // U+D800, a surrogate
    STATIC_REQUIRE(utf8_error("\xf4\x90\x80\x80") == 0);    // above U+10FFFF
    STATIC_REQUIRE(utf8_error("\xf5\x80\x80\x80") == 0);
    STATIC_REQUIRE(utf8_error("\xff") == 0);
    STATIC_REQUIRE(utf8_error("ok\xe2\x82") == 2);          // truncated at the end
    STATIC_REQUIRE(utf8_error("\xe2\x82x") == 0);           // truncated before ASCII
    STATIC_REQUIRE(utf8_error("\xc3") == 0);
    STATIC_REQUIRE(utf8_error("\xf0\x9f\x98") == 0);
}
