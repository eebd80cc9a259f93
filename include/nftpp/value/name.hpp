// SPDX-License-Identifier: Apache-2.0
#pragma once
// name: a table, chain or set name. nft 1.0.6 cannot quote names, so a name must be what
// its scanner reads as one identifier: a letter, '_' or '.' first (but not "." alone, the
// concatenation operator), then letters, digits, '_', '-', '.' or '/' (kube-proxy names
// chains "service-ULMVA6XW-ns1/svc1/tcp/p80"), at most 255 bytes — and not one of the 153
// words nft's scanner treats as keywords everywhere (accept, ip, log, set, ...), which
// nft would reject with a syntax error. Not a digit first (a number), nor ':' (which nft
// takes in some names and places and not in others: `jump a:b;` is a syntax error).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/value/detail.hpp>

namespace nftpp {

NFTPP_CHECK(a_name_is_1_to_255_bytes, "a table, chain or set name is 1 to 255 bytes")
NFTPP_CHECK(a_name_is_an_nft_identifier,
           "a table, chain or set name starts with a letter, '_' or '.' (not '.' alone), then letters, digits, '_', '-', '.' or '/' (nft cannot quote names)")
NFTPP_CHECK(a_name_may_not_be_an_nft_keyword,
           "a table, chain or set name may not be an nft keyword such as accept, ip, log or set: choose another name")

namespace detail {
// The words nft 1.0.6 refuses as names (sorted; from its scanner).
inline constexpr std::array<std::string_view, 153> nft_keywords{
    "accept", "add", "ah", "all", "and", "arp", "auto-merge", "bridge", "cgroup", "chain", "comment", "comp",
    "constant", "continue", "counter", "cpu", "create", "ct", "day", "dccp", "define", "delete", "describe",
    "device", "devices", "dnat", "drop", "dst", "dup", "dynamic", "ecn", "element", "elements", "eq", "esp",
    "ether", "exists", "expires", "export", "exthdr", "fib", "flags", "flow", "flowtable", "flush", "frag",
    "fwd", "gc-interval", "ge", "get", "goto", "gt", "handle", "hbh", "hook", "hour", "ibriport", "ibrname",
    "icmp", "icmpv6", "igmp", "iif", "iifgroup", "iifname", "iiftype", "import", "include", "index", "inet",
    "insert", "interval", "ip", "ip6", "ipsec", "jhash", "jump", "le", "limit", "list", "log", "lshift",
    "lt", "map", "mark", "masquerade", "meta", "meter", "mh", "missing", "monitor", "ne", "netdev",
    "nftrace", "not", "notrack", "numgen", "obriport", "obrname", "offload", "oif", "oifgroup", "oifname",
    "oiftype", "or", "osf", "pkttype", "policy", "position", "priority", "queue", "quota", "random",
    "redefine", "redirect", "reject", "rename", "replace", "reset", "return", "rshift", "rt", "rt0", "rt2",
    "rtclassid", "rule", "ruleset", "sctp", "secmark", "set", "size", "skgid", "skuid", "snat", "socket",
    "srh", "symhash", "synproxy", "table", "tcp", "th", "time", "timeout", "tproxy", "type", "typeof", "udp",
    "udplite", "undefine", "update", "vlan", "vmap", "xor", "xt",
};
}  // namespace detail

// error{} (no rule broken) when s is a valid name.
[[nodiscard]] constexpr error check_name(std::string_view s) noexcept {
    if (s.empty() || s.size() > 255) return error{&rules::a_name_is_1_to_255_bytes, s.size()};
    if (!(detail::is_alpha(s[0]) || s[0] == '_' || s[0] == '.') || s == ".")
        return error{&rules::a_name_is_an_nft_identifier, 0};
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (!(detail::is_alpha(c) || detail::is_digit(c) || c == '_' || c == '-' || c == '.' || c == '/'))
            return error{&rules::a_name_is_an_nft_identifier, i};
    }
    if (std::binary_search(detail::nft_keywords.begin(), detail::nft_keywords.end(), s))
        return error{&rules::a_name_may_not_be_an_nft_keyword, 0};
    return {};
}

struct name {
    char data_[256];
    std::uint8_t size_;

    template <std::size_t N>
    consteval name(const char (&s)[N])
        : name((parse(std::string_view(s, N - 1)).ok() ? void() : parse(std::string_view(s, N - 1)).err().broken->compile_time_report(),
               *parse(std::string_view(s, N - 1)))) {}

    static constexpr result<name> parse(std::string_view s) noexcept {
        if (error e = check_name(s); e.broken) return e;
        return name(tag{}, s);
    }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }
    friend constexpr bool operator==(const name& a, const name& b) noexcept { return a.view() == b.view(); }

    template <Sink S>
    friend constexpr void write_nft(S& out, const name& n) {
        out.put(n.view());
    }

private:
    struct tag {};
    constexpr name(tag, std::string_view s) noexcept : data_{}, size_(static_cast<std::uint8_t>(s.size())) {
        for (std::size_t i = 0; i < s.size(); ++i) data_[i] = s[i];
    }
};

// A chain, set or map name given as a template argument is checked by the compiler: the
// rule it breaks fires its named assertion (declared with the rule by NFTPP_RULE), whose
// message is the rule's sentence, so that it stands on the first error line with g++ and
// clang++ alike (a failed consteval call puts it in a note with clang), and the name
// itself shows in the assertion's template argument.
namespace detail {
struct name_is_valid_t {};
template <const rule* Broken, fixed_string Name>
struct name_check {
    using type = typename assertion_of<Broken>::template type<named<Name>>;
};
template <fixed_string Name>
struct name_check<nullptr, Name> {
    using type = name_is_valid_t;
};
// The assertion of the first rule the name breaks, or name_is_valid_t. Check a name with
// `static_assert(sizeof(detail::name_check_t<Name>))`: completing the type fires its
// assertion, one error and no other (a failed check inside a constexpr function would make
// clang report the caller's static_assert as well).
template <fixed_string Name, const rule* Broken = check_name(Name.view()).broken>
using name_check_t = typename name_check<Broken, Name>::type;
}  // namespace detail

}  // namespace nftpp
