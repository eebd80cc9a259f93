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
// Bounded work, no allocation beyond the event, never throws, never reads out of bounds.
#include <charconv>
#include <cstdint>
#include <optional>
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

// Strips a /dev/kmsg header "P,SEQ,TS,FLAGS[,...];" or a dmesg "[ 123.456] " timestamp.
inline std::string_view strip_header(std::string_view line, log_event& e) noexcept {
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

[[nodiscard]] inline std::optional<log_event> parse_log_line(std::string_view line, std::string_view prefix) noexcept {
    try {
        log_event e;
        // one record: ignore continuation lines and a trailing CR/LF
        if (const auto nl = line.find('\n'); nl != std::string_view::npos) line = line.substr(0, nl);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        std::string_view msg = detail::strip_header(line, e);
        if (msg.size() < prefix.size() + 3 || msg.substr(0, prefix.size()) != prefix) return std::nullopt;
        msg.remove_prefix(prefix.size());
        if (msg.substr(0, 3) != "IN=") return std::nullopt;
        e.prefix = std::string(prefix);
        int lens = 0;
        bool saw_out = false;
        while (!msg.empty()) {
            const auto sp = msg.find(' ');
            const std::string_view tok = msg.substr(0, sp);
            msg = sp == std::string_view::npos ? std::string_view{} : msg.substr(sp + 1);
            const auto eq = tok.find('=');
            if (eq == std::string_view::npos) continue;  // DF, SYN, ACK, OPT (...) ...
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
            }
        }
        if (!saw_out) return std::nullopt;  // every netfilter log line has IN= and OUT=
        return e;
    } catch (...) {
        return std::nullopt;  // only allocation can throw here
    }
}

}  // namespace nftpp::klog
