// SPDX-License-Identifier: Apache-2.0
#pragma once
// parse_log_line: turn a kernel log line that an nft `log prefix "..."` statement wrote
// into a log_event, or nothing when the line is not one (another prefix, another
// message) or is malformed. The caller says where the line comes from (line_format), and
// exactly that source's framing is removed, never text that can be part of a prefix:
//   * /dev/kmsg records:  "4,366,4321930085,-;<message>"   (line_format::kmsg_record)
//   * dmesg text:         "[ 1552.107000] <message>"       (line_format::dmesg)
//   * the message alone:  "<message>" (dmesg --notime)      (line_format::message)
// where <message> is "<prefix>IN=... OUT=... SRC=... DST=... LEN=... PROTO=... SPT=... ...".
// The prefix must start the message (the kernel writes it first) and be followed directly
// by "IN=" (nft adds no separator), so "openshell:bypass:" never matches a line of
// "openshell:bypass:x:". Fields may come in any order; unknown fields and flag words (DF,
// SYN ...) are skipped.
//
// A line of the prefix is an event only when it is a whole packet line: IN=, OUT=, SRC=
// and DST= (valid addresses), LEN= and PROTO=, and for TCP, UDP and UDPLITE a valid SPT=
// and DPT=; a field the kernel writes once may not appear twice, and a number that does
// not fit its field (DPT=65536) is refused. Anything else is line_status::malformed and no
// event: fragments after the first and truncated headers (INCOMPLETE) have no ports.
//
// /dev/kmsg escapes bytes below 32, from 127, and '\' as "\xNN" in the message text: a
// record's message is decoded before the prefix is compared, so a prefix with a tab, a
// backslash or UTF-8 matches its records. Only records of facility 0 (the kernel's own)
// are read: what a program writes into /dev/kmsg always has another facility. dmesg text
// is taken as printed (dmesg decodes the escapes itself, then escapes what it finds
// unprintable in its own way: prefer /dev/kmsg for prefixes outside printable ASCII).
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
#include <type_traits>
#include <variant>

#include <nftpp/log/event.hpp>

namespace nftpp::klog {

// Where a line comes from, and so which framing precedes the message.
enum class line_format {
    kmsg_record,  // a /dev/kmsg record: "4,366,4321930085,-;<message>", escapes decoded
    dmesg,        // dmesg's default output: "[ 1552.107000] <message>"
    message,      // the message alone: dmesg --notime, or any source printing just the text
};

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

// The message of a line in `format`, with exactly that source's framing removed;
// nullopt when the line does not have the framing its source always writes.
//   kmsg_record: "P,SEQ,TS,FLAGS[,...];" with a facility of 0 in P (P < 8): the kernel's
//                own messages. Records written into /dev/kmsg by a program always carry
//                another facility (the kernel forces LOG_USER), so they are never events.
//   dmesg:       "[ SECONDS.MICROS] " (dmesg's default timestamp)
//   message:     the line itself (dmesg --notime, or any source that prints the message)
inline std::optional<std::string_view> strip_framing(std::string_view line, line_format format, log_event& e) noexcept {
    switch (format) {
    case line_format::message:
        return line;
    case line_format::kmsg_record: {
        const auto semi = line.find(';');
        if (semi == std::string_view::npos) return std::nullopt;
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
        if (n < 4 || !to_number(fields[0], prio) || !to_number(fields[1], seq) || !to_number(fields[2], ts) ||
            fields[3].empty())
            return std::nullopt;
        if (prio >= 8) return std::nullopt;  // facility != 0: written by a program, not the kernel
        e.sequence = seq;
        e.timestamp_us = ts;
        return line.substr(semi + 1);
    }
    case line_format::dmesg: {
        if (line.size() < 4 || line[0] != '[') return std::nullopt;
        const auto close = line.find(']');
        if (close == std::string_view::npos || close + 1 >= line.size() || line[close + 1] != ' ') return std::nullopt;
        std::string_view t = line.substr(1, close - 1);
        while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
        const auto dot = t.find('.');
        if (dot == std::string_view::npos) return std::nullopt;
        const std::string_view frac = t.substr(dot + 1);
        std::uint64_t sec = 0, micro = 0;
        if (frac.size() > 6 || !to_number(t.substr(0, dot), sec) || !to_number(frac, micro) ||
            sec >= 1'000'000'000'000ull)
            return std::nullopt;
        for (std::size_t i = frac.size(); i < 6; ++i) micro *= 10;
        e.timestamp_us = sec * 1'000'000 + micro;
        return line.substr(close + 2);
    }
    }
    return std::nullopt;
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

// What a line was: an event of the prefix; another line (another prefix, another message,
// not the framing of its source); or a line of the prefix that is not a well-formed
// packet line (a required field missing or unreadable), which yields no event.
enum class line_status { event, other, malformed };

// The event on `line`, read as `format`; nothing for any other line and for a malformed
// one (`status`, when given, says which).
[[nodiscard]] inline std::optional<log_event> parse_log_line(std::string_view line, std::string_view prefix,
                                                             line_format format, line_status* status = nullptr) noexcept {
    line_status ignored;
    line_status& st = status ? *status : ignored;
    st = line_status::other;
    try {
        log_event e;
        // one record: ignore continuation lines and a trailing CR/LF
        if (const auto nl = line.find('\n'); nl != std::string_view::npos) line = line.substr(0, nl);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        const auto framed = detail::strip_framing(line, format, e);
        if (!framed) return std::nullopt;
        std::string_view msg = *framed;
        std::string decoded;
        if (format == line_format::kmsg_record && msg.find('\\') != std::string_view::npos) {
            decoded = unescape_kmsg(msg);
            msg = decoded;
        }
        // the prefix where the kernel puts it: first in the message, "IN=" right after it
        if (msg.size() < prefix.size() + 3 || msg.substr(0, prefix.size()) != prefix) return std::nullopt;
        msg.remove_prefix(prefix.size());
        if (msg.substr(0, 3) != "IN=") return std::nullopt;
        st = line_status::malformed;  // ours from here on: an event, or malformed
        e.prefix = std::string(prefix);
        int lens = 0, inner_lens = 0;
        int depth = 0;  // inside [...]: 1 is the quoted packet of an ICMP error
        bool saw_out = false, bad = false;
        unsigned seen = 0;  // outer keys already read: the kernel writes each once
        auto once = [&](unsigned bit) {
            if (seen & bit) bad = true;
            seen |= bit;
        };
        auto number = [&](std::string_view val, auto& field) {
            std::remove_reference_t<decltype(*field)> v{};
            if (detail::to_number(val, v)) field = v;
            else bad = true;  // DPT=65536, UID=x: not a line the kernel writes
        };
        auto addr = [&](std::string_view val, address& field) {
            field = detail::to_address(val);
            if (std::holds_alternative<std::monostate>(field)) bad = true;
        };
        while (!msg.empty() && !bad) {
            const auto sp = msg.find(' ');
            std::string_view tok = msg.substr(0, sp);
            msg = sp == std::string_view::npos ? std::string_view{} : msg.substr(sp + 1);
            // Interface names follow "IN=" and "OUT=" and may hold '[' and ']' (never a
            // space): taken as they are, before any bracket is looked at.
            if (depth == 0 && (tok.substr(0, 3) == "IN=" || tok.substr(0, 4) == "OUT=")) {
                if (tok[0] == 'I') {
                    once(1u << 0);
                    e.in = std::string(tok.substr(3));
                } else {
                    once(1u << 1);
                    e.out = std::string(tok.substr(4));
                    saw_out = true;
                }
                continue;
            }
            // A '[' can only start a token where the kernel's format puts one; a ']' ends one.
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
                if (key == "MAC") {
                    once(1u << 2);
                    e.mac = std::string(val);
                } else if (key == "SRC") {
                    once(1u << 3);
                    addr(val, e.src);
                } else if (key == "DST") {
                    once(1u << 4);
                    addr(val, e.dst);
                } else if (key == "PROTO") {
                    once(1u << 5);
                    e.proto = std::string(val);
                } else if (key == "SPT") {
                    once(1u << 6);
                    number(val, e.spt);
                } else if (key == "DPT") {
                    once(1u << 7);
                    number(val, e.dpt);
                } else if (key == "UID") {
                    once(1u << 8);
                    number(val, e.uid);
                } else if (key == "GID") {
                    once(1u << 9);
                    number(val, e.gid);
                } else if (key == "LEN") {
                    if (lens == 0) number(val, e.len);
                    else if (lens == 1) number(val, e.l4_len);
                    else bad = true;
                    ++lens;
                } else if ((key == "TYPE" || key == "CODE") && (e.proto == "ICMP" || e.proto == "ICMPv6")) {
                    once(key == "TYPE" ? 1u << 10 : 1u << 11);
                    number(val, key == "TYPE" ? e.icmp_type : e.icmp_code);
                }
            } else if (eq != std::string_view::npos && depth == 1) {
                if (!e.inner) e.inner.emplace();
                inner_packet& in = *e.inner;
                const std::string_view key = tok.substr(0, eq), val = tok.substr(eq + 1);
                // the quoted packet may be cut short (INCOMPLETE): what is there is kept,
                // what cannot be read is left empty
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
        // every packet line the kernel writes for IP has these; TCP and UDP have ports
        if (bad || !saw_out || !(seen & (1u << 0)) || std::holds_alternative<std::monostate>(e.src) ||
            std::holds_alternative<std::monostate>(e.dst) || e.proto.empty() || !e.len)
            return std::nullopt;
        if ((e.proto == "TCP" || e.proto == "UDP" || e.proto == "UDPLITE") && (!e.spt || !e.dpt)) return std::nullopt;
        st = line_status::event;
        return e;
    } catch (...) {
        st = line_status::other;
        return std::nullopt;  // only allocation can throw here
    }
}

}  // namespace nftpp::klog
