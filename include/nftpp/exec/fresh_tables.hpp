// SPDX-License-Identifier: Apache-2.0
#pragma once
// fresh_tables: no `delete` where there is nothing to delete.
//
// nftpp's replace idiom is `add table F N` / `delete table F N` / `table F N { ... }`: it
// works whether the table exists or not, but it always deletes, and a netlink socket that
// closes after a batch that deleted anything waits for an RCU grace period (4-13 ms; nft
// closes its socket when it exits). When the table is absent there is nothing to delete.
//
// So before loading, an executor looks at the tables there (one netlink dump of the table
// names, no nft process: list_tables), and for each replace of an absent table loads
//     create table F N            instead of   add table F N
//                                 (empty line) delete table F N
//     table F N { ... }                        table F N { ... }
// The line numbers stay the same, so nft's errors still map to the script's origins.
//
// A concurrent writer can create the table between the look and the load. nft 1.0.6 does
// not send the ruleset generation with its batch (its batch-begin message carries no
// NFNL_BATCH_GENID attribute; `nft --debug=mnl` shows a 20-byte message), so the kernel
// cannot refuse a stale batch by generation. `create` is the guard instead: the kernel
// refuses it with EEXIST inside the same transaction (under the namespace's commit lock)
// when the table is there by then, and nothing is applied; the executor then loads the
// original script, replace idiom and all. The result is always what the original script
// gives; only the time differs.
// Not <sys/socket.h> (it declares ::accept, which `using namespace nftpp` would make
// ambiguous) nor <linux/netfilter.h> (it pulls <linux/in.h>, which clashes with
// <netinet/in.h>): the few constants needed are spelled out below.
#include <fcntl.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <nftpp/exec/outcome.hpp>
#include <nftpp/render/script.hpp>

namespace nftpp::exec {

namespace detail {
// netlink attribute alignment written out (the <linux/netlink.h> macros mix int and
// size_t, which strict warnings refuse in a header)
constexpr std::size_t align4(std::size_t x) noexcept { return (x + 3) & ~std::size_t{3}; }
inline constexpr std::size_t nla_header = align4(sizeof(nlattr));
}  // namespace detail


// A table as the kernel names it: its NFPROTO_* family and its name.
struct table_id {
    int nfproto = 0;
    std::string name;
    friend bool operator==(const table_id&, const table_id&) = default;
};

// The kernel's NFPROTO_* numbers (<linux/netfilter.h>).
namespace nfproto {
inline constexpr int inet = 1, ipv4 = 2, arp = 3, netdev = 5, bridge = 7, ipv6 = 10;
}

// NFPROTO_* of an nft family keyword ("inet" -> 1), or -1.
[[nodiscard]] constexpr int nfproto_of(std::string_view keyword) noexcept {
    if (keyword == "ip") return nfproto::ipv4;
    if (keyword == "ip6") return nfproto::ipv6;
    if (keyword == "inet") return nfproto::inet;
    if (keyword == "arp") return nfproto::arp;
    if (keyword == "bridge") return nfproto::bridge;
    if (keyword == "netdev") return nfproto::netdev;
    return -1;
}

// A NETLINK_NETFILTER socket in the calling thread's network namespace, or -1.
[[nodiscard]] inline int open_nf_netlink_socket() noexcept {
    constexpr long af_netlink = 16, sock_raw = 3;  // AF_NETLINK, SOCK_RAW; SOCK_CLOEXEC is O_CLOEXEC
    return static_cast<int>(::syscall(SYS_socket, af_netlink, sock_raw | O_CLOEXEC, NETLINK_NETFILTER));
}

// The tables, asked on the NETLINK_NETFILTER socket `fd` (one NFT_MSG_GETTABLE dump; the
// socket never writes to the ruleset), or nothing when the kernel could not be asked.
// Keep such a socket open where looks are frequent: closing a netfilter netlink socket
// waits for an RCU grace period whenever anyone's deleted objects are still being freed.
[[nodiscard]] inline std::optional<std::vector<table_id>> list_tables(int fd) {
    struct {
        nlmsghdr h;
        nfgenmsg g;
    } req{};
    req.h.nlmsg_len = sizeof(req);
    req.h.nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_GETTABLE;
    req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.h.nlmsg_seq = 1;
    req.g.nfgen_family = 0;  // NFPROTO_UNSPEC: every family
    req.g.version = NFNETLINK_V0;
    // an unconnected netlink socket sends to the kernel: write() and read() suffice
    if (::write(fd, &req, sizeof(req)) != static_cast<ssize_t>(sizeof(req))) return std::nullopt;
    std::vector<table_id> out;
    std::vector<char> buf(64 * 1024);
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return std::nullopt;
        }
        if (n == 0) return std::nullopt;
        std::size_t left = static_cast<std::size_t>(n);
        for (auto* h = reinterpret_cast<nlmsghdr*>(buf.data()); NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_seq != req.h.nlmsg_seq) continue;  // not ours (a late answer to an abandoned dump)
            if (h->nlmsg_type == NLMSG_DONE) return out;
            if (h->nlmsg_type == NLMSG_ERROR) return std::nullopt;
            if (h->nlmsg_type != ((NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_NEWTABLE)) continue;
            if (h->nlmsg_len < NLMSG_LENGTH(sizeof(nfgenmsg))) continue;
            const auto* g = reinterpret_cast<const nfgenmsg*>(NLMSG_DATA(h));
            const char* attrs = reinterpret_cast<const char*>(NLMSG_DATA(h)) + NLMSG_ALIGN(sizeof(nfgenmsg));
            std::size_t alen = h->nlmsg_len - NLMSG_LENGTH(NLMSG_ALIGN(sizeof(nfgenmsg)));
            while (alen >= sizeof(nlattr)) {
                const auto* a = reinterpret_cast<const nlattr*>(attrs);
                if (a->nla_len < sizeof(nlattr) || a->nla_len > alen) break;
                if ((a->nla_type & NLA_TYPE_MASK) == NFTA_TABLE_NAME) {
                    const char* s = attrs + detail::nla_header;
                    const std::size_t len = ::strnlen(s, a->nla_len - detail::nla_header);
                    out.push_back(table_id{g->nfgen_family, std::string(s, len)});
                }
                const std::size_t step = detail::align4(a->nla_len);
                if (step >= alen) break;
                attrs += step;
                alen -= step;
            }
        }
    }
}

// The tables in the calling thread's network namespace, on a socket opened and closed here.
[[nodiscard]] inline std::optional<std::vector<table_id>> list_tables() {
    const int fd = open_nf_netlink_socket();
    if (fd < 0) return std::nullopt;
    auto out = list_tables(fd);
    ::close(fd);
    return out;
}

// The tables in the network namespace at `path` (looked at from a short-lived thread that
// enters it; the calling thread never changes namespace), or nothing when it cannot.
[[nodiscard]] inline std::optional<std::vector<table_id>> list_tables_at(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    std::optional<std::vector<table_id>> out;
    std::thread([&] {
        if (::setns(fd, CLONE_NEWNET) == 0) out = list_tables();
    }).join();
    ::close(fd);
    return out;
}

// One replace in a script's text: the 1-based line of its `add table`, its `delete table`
// on the next line, and the `table F N {` block on the line after.
struct replace_site {
    std::size_t add_line = 0;
    table_id table;
};

namespace detail {
// "add table inet t" -> {"inet", "t"} when `line` is exactly `<verb> table F N`.
inline std::optional<std::pair<std::string_view, std::string_view>> table_head(std::string_view line, std::string_view verb) {
    if (line.substr(0, verb.size()) != verb || line.substr(verb.size(), 7) != " table ") return std::nullopt;
    std::string_view rest = line.substr(verb.size() + 7);
    const auto sp = rest.find(' ');
    if (sp == std::string_view::npos || sp == 0) return std::nullopt;
    std::string_view fam = rest.substr(0, sp), name = rest.substr(sp + 1);
    if (name.empty() || name.find_first_of(" \t{;") != std::string_view::npos) return std::nullopt;
    return std::pair{fam, name};
}
}  // namespace detail

// The replaces of a script: each `add table F N` line directly followed by
// `delete table F N` and `table F N {` (what nftpp renders for replace()).
[[nodiscard]] inline std::vector<replace_site> replace_sites(std::string_view text) {
    std::vector<replace_site> out;
    std::vector<std::string_view> lines;
    for (std::size_t at = 0; at <= text.size();) {
        const auto eol = text.find('\n', at);
        lines.push_back(text.substr(at, eol == std::string_view::npos ? std::string_view::npos : eol - at));
        if (eol == std::string_view::npos) break;
        at = eol + 1;
    }
    for (std::size_t i = 0; i + 2 < lines.size(); ++i) {
        const auto add = detail::table_head(lines[i], "add");
        if (!add) continue;
        const auto del = detail::table_head(lines[i + 1], "delete");
        if (!del || *del != *add) continue;
        const std::string block = "table " + std::string(add->first) + " " + std::string(add->second) + " {";
        if (lines[i + 2] != block) continue;
        const int p = nfproto_of(add->first);
        if (p < 0) continue;
        out.push_back(replace_site{i + 1, table_id{p, std::string(add->second)}});
    }
    return out;
}

// The script with every replace of a table absent from `present` loaded as `create`
// without its `delete` (same line numbers, same origins), or nothing when no replace
// qualifies. A table that an earlier line of the script also names is left alone only
// by luck of the kernel: its `create` fails with EEXIST and the caller loads the
// original (see apply_without_needless_deletes).
[[nodiscard]] inline std::optional<script> without_needless_deletes(const script& s, const std::vector<table_id>& present) {
    const auto sites = replace_sites(s.text());
    if (sites.empty()) return std::nullopt;
    std::string text = s.text();
    bool changed = false;
    // edit from the end so earlier offsets stay valid
    for (auto it = sites.rbegin(); it != sites.rend(); ++it) {
        bool there = false;
        for (const auto& t : present) there = there || t == it->table;
        if (there) continue;
        std::size_t at = 0;
        for (std::size_t l = 1; l < it->add_line; ++l) at = text.find('\n', at) + 1;
        const std::size_t add_end = text.find('\n', at);
        const std::size_t del_end = text.find('\n', add_end + 1);
        // "add table F N\ndelete table F N\n" -> "create table F N\n\n"
        std::string head = "create" + text.substr(at + 3, add_end - at - 3) + "\n";
        text.replace(at, del_end - at, head);
        changed = true;
    }
    if (!changed) return std::nullopt;
    return script(std::move(text), s.origins());
}

// True when nft refused because something it had to create already exists (EEXIST).
[[nodiscard]] inline bool refused_as_existing(const outcome& o) {
    return o.kind == outcome_kind::rejected && o.err.find("File exists") != std::string::npos;
}

// Load `s` through `load`, without the needless deletes when `look` says which tables are
// there. `look` returning nothing (the kernel could not be asked) means: load `s` as it is.
// `between` runs after the look and before the load (for tests of the race; empty
// otherwise). When the lighter script is refused with EEXIST — a concurrent writer made
// the table after the look — the original script is loaded.
inline outcome apply_without_needless_deletes(const script& s,
                                              const std::function<std::optional<std::vector<table_id>>()>& look,
                                              const std::function<outcome(const script&)>& load,
                                              const std::function<void()>& between = {}) {
    if (replace_sites(s.text()).empty()) return load(s);
    const auto present = look();
    if (!present) return load(s);
    const auto lighter = without_needless_deletes(s, *present);
    if (!lighter) return load(s);
    if (between) between();
    outcome o = load(*lighter);
    if (refused_as_existing(o)) return load(s);
    return o;
}

}  // namespace nftpp::exec
