#pragma once
// parse_log_line: turn a kernel log line that an nft `log prefix "..."` statement wrote
// into a log_event, or nothing when the line is not one (another prefix, another
// message). Accepts
//   * /dev/kmsg records:  "4,366,4321930085,-;<message>"
//   * dmesg text:         "[ 1552.107000] <message>" or "<message>" (dmesg --notime)
// where <message> is "<prefix>IN=... OUT=... SRC=... DST=... LEN=... PROTO=... SPT=... ...".
// The prefix must match exactly and be followed directly by "IN=" (nft adds no
// separator), so "openshell:bypass:" never matches a line of "openshell:bypass:x:".
// Fields may come in any order; unknown fields and flag words (DF, SYN ...) are skipped.
//
// /dev/kmsg escapes bytes below 32, from 127, and '\' as "\xNN" in the message text: a
// record's message is decoded before the prefix is compared, so a prefix with a tab, a
// backslash or UTF-8 matches its records. dmesg text is taken as printed (dmesg decodes
// the escapes itself, then escapes what it finds unprintable in its own way: prefer
// /dev/kmsg for prefixes outside printable ASCII).
//
// ICMP and ICMPv6 error lines quote the packet that caused the error in brackets,
// "PROTO=ICMP TYPE=3 CODE=3 [SRC=... DST=... PROTO=TCP SPT=... DPT=... ]": those fields go
// to log_event::inner and never overwrite the outer ones.
//
// Bounded work (one pass), no allocation beyond the event and, for a record with
// escapes, one decoded copy of it; never throws, never reads out of bounds.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nftpp/log/event.hpp>

namespace nftpp::klog {

namespace detail {

template <class T>
inline bool to_number(std::string_view s, T& out) noexcept {
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

inline address to_address(std::string_view s) noexcept {
    if (s.find(':') != std::string_view::npos) {
        if (auto a = ipv6_addr::parse(s)) return *a;
    } else if (auto a = ipv4_addr::parse(s)) {
        return *a;
    }
    return std::monostate{};
}

inline int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Strips a /dev/kmsg header "P,SEQ,TS,FLAGS[,...];" (is_record: true) or a dmesg
// "[ 123.456] " timestamp.
inline std::string_view strip_header(std::string_view line, log_event& e, bool& is_record) noexcept {
    is_record = false;
    const auto semi = line.find(';');
    if (semi != std::string_view::npos && semi < 64 && !line.empty() && line[0] >= '0' && line[0] <= '9') {
        std::string_view head = line.substr(0, semi);
        std::string_view fields[4];
        int n = 0;
        while (n < 4) {
            const auto comma = head.find(',');
            fields[n++] = head.substr(0, comma);
            if (comma == std::string_view::npos) break;
            head.remove_prefix(comma + 1);
        }
        std::uint64_t seq = 0, ts = 0;
        unsigned prio = 0;
        if (n >= 3 && to_number(fields[0], prio) && to_number(fields[1], seq) && to_number(fields[2], ts)) {
            e.sequence = seq;
            e.timestamp_us = ts;
            is_record = true;
            return line.substr(semi + 1);
        }
    }
    if (!line.empty() && line[0] == '[') {
        const auto close = line.find(']');
        if (close != std::string_view::npos && close < 32) {
            std::string_view t = line.substr(1, close - 1);
            while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
            const auto dot = t.find('.');
            std::uint64_t sec = 0, micro = 0;
            const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1, 6);
            if (dot != std::string_view::npos && to_number(t.substr(0, dot), sec) && to_number(frac, micro) &&
                sec < 1'000'000'000'000ull) {
                for (std::size_t i = frac.size(); i < 6; ++i) micro *= 10;
                e.timestamp_us = sec * 1'000'000 + micro;
            }
            line.remove_prefix(close + 1);
            if (!line.empty() && line[0] == ' ') line.remove_prefix(1);
        }
    }
    return line;
}

}  // namespace detail

// The text of a /dev/kmsg message with its "\xNN" escapes decoded. A '\' that does not
// start a well-formed escape is kept as it is (the kernel never writes one).
[[nodiscard]] inline std::string unescape_kmsg(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
            const int hi = detail::hex_digit(s[i + 2]), lo = detail::hex_digit(s[i + 3]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 3;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

[[nodiscard]] inline std::optional<log_event> parse_log_line(std::string_view line, std::string_view prefix) noexcept {
    try {
        log_event e;
        // one record: ignore continuation lines and a trailing CR/LF
        if (const auto nl = line.find('\n'); nl != std::string_view::npos) line = line.substr(0, nl);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        bool is_record = false;
        std::string_view msg = detail::strip_header(line, e, is_record);
        std::string decoded;
        if (is_record && msg.find('\\') != std::string_view::npos) {
            decoded = unescape_kmsg(msg);
            msg = decoded;
        }
        if (msg.size() < prefix.size() + 3 || msg.substr(0, prefix.size()) != prefix) return std::nullopt;
        msg.remove_prefix(prefix.size());
        if (msg.substr(0, 3) != "IN=") return std::nullopt;
        e.prefix = std::string(prefix);
        int lens = 0, inner_lens = 0;
        int depth = 0;  // inside [...]: 1 is the quoted packet of an ICMP error
        bool saw_out = false;
        while (!msg.empty()) {
            const auto sp = msg.find(' ');
            std::string_view tok = msg.substr(0, sp);
            msg = sp == std::string_view::npos ? std::string_view{} : msg.substr(sp + 1);
            // A '[' can only start a token where the kernel's format puts one (interface
            // names follow "IN=" and cannot contain spaces); a ']' ends one.
            bool closes = false;
            if (!tok.empty() && tok.front() == '[') {
                if (depth < 64) ++depth;  // the kernel nests one level; bound the rest
                tok.remove_prefix(1);
            }
            if (!tok.empty() && tok.back() == ']') {
                closes = true;
                tok.remove_suffix(1);
            }
            const auto eq = tok.find('=');
            if (eq != std::string_view::npos && depth == 0) {
                const std::string_view key = tok.substr(0, eq), val = tok.substr(eq + 1);
                if (key == "IN") e.in = std::string(val);
                else if (key == "OUT") {
                    e.out = std::string(val);
                    saw_out = true;
                } else if (key == "MAC") e.mac = std::string(val);
                else if (key == "SRC") e.src = detail::to_address(val);
                else if (key == "DST") e.dst = detail::to_address(val);
                else if (key == "PROTO") e.proto = std::string(val);
                else if (key == "SPT") {
                    std::uint16_t v = 0;
                    if (detail::to_number(val, v)) e.spt = v;
                } else if (key == "DPT") {
                    std::uint16_t v = 0;
                    if (detail::to_number(val, v)) e.dpt = v;
                } else if (key == "UID") {
                    std::uint32_t v = 0;
                    if (detail::to_number(val, v)) e.uid = v;
                } else if (key == "GID") {
                    std::uint32_t v = 0;
                    if (detail::to_number(val, v)) e.gid = v;
                } else if (key == "LEN") {
                    std::uint32_t v = 0;
                    if (detail::to_number(val, v)) {
                        if (lens == 0) e.len = v;
                        else if (lens == 1) e.l4_len = v;
                    }
                    ++lens;
                } else if ((key == "TYPE" || key == "CODE") && (e.proto == "ICMP" || e.proto == "ICMPv6")) {
                    std::uint8_t v = 0;
                    if (detail::to_number(val, v)) (key == "TYPE" ? e.icmp_type : e.icmp_code) = v;
                }
            } else if (eq != std::string_view::npos && depth == 1) {
                if (!e.inner) e.inner.emplace();
                inner_packet& in = *e.inner;
                const std::string_view key = tok.substr(0, eq), val = tok.substr(eq + 1);
                if (key == "SRC") in.src = detail::to_address(val);
                else if (key == "DST") in.dst = detail::to_address(val);
                else if (key == "PROTO") in.proto = std::string(val);
                else if (key == "SPT") {
                    std::uint16_t v = 0;
                    if (detail::to_number(val, v)) in.spt = v;
                } else if (key == "DPT") {
                    std::uint16_t v = 0;
                    if (detail::to_number(val, v)) in.dpt = v;
                } else if (key == "LEN") {
                    std::uint32_t v = 0;
                    if (detail::to_number(val, v)) {
                        if (inner_lens == 0) in.len = v;
                        else if (inner_lens == 1) in.l4_len = v;
                    }
                    ++inner_lens;
                }
            }
            // DF, SYN, ACK, OPT (...), INCOMPLETE [n bytes] ... carry no field we keep
            if (closes && depth > 0) --depth;
        }
        if (!saw_out) return std::nullopt;  // every netfilter log line has IN= and OUT=
        return e;
    } catch (...) {
        return std::nullopt;  // only allocation can throw here
    }
}

}  // namespace nftpp::klog
