// SPDX-License-Identifier: Apache-2.0
#pragma once
// sock: the local socket a packet belongs to, nft's `socket` (the kernel looks it up on
// prerouting and input, and takes the sending socket on output). Named sock, not socket:
// under `using namespace nftpp`, a variable nftpp::socket would make every call of the C
// library's socket() ambiguous.
//   sock.transparent == 1          socket transparent 1   (IP_TRANSPARENT: a tproxy listener)
//   sock.wildcard == 0             socket wildcard 0      (bound to a wildcard address)
//   sock.mark == 0x10              socket mark 0x00000010 (SO_MARK)
//   sock.cgroupv2<1> == "system.slice"
//                                  socket cgroupv2 level 1 "system.slice"
// sock.cgroupv2<Level> compares the socket's cgroup v2 ancestor at depth Level (0 is the root,
// 0 to 255; the kernel: "Numerical result out of range") with a cgroup_path, which nft
// resolves to the cgroup's id when it loads the rule (value/cgroup_path.hpp). nft 1.0.6
// lists the id, not the path, and its JSON listing drops the level.
// The kernel has socket in ip, ip6 and inet tables on prerouting, input and output
// ("Operation not supported" on forward and postrouting, and in bridge, netdev and arp).
// A packet with no socket matches none of them.
#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include <nftpp/core/assertion.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/expr/raw_payload.hpp>
#include <nftpp/expr/selector.hpp>

namespace nftpp {

NFTPP_CHECK(socket_only_on_prerouting_input_output_in_ip_families,
    "sock (nft's socket: the packet's local socket) is known in ip, ip6 and inet tables on prerouting, input and output "
    "(the kernel: Operation not supported): match it in such a chain")
NFTPP_CHECK(a_cgroupv2_level_is_0_to_255,
    "sock.cgroupv2<Level> takes a level from 0 (the root) to 255 (the kernel: Numerical result out of range)")

inline constexpr std::uint8_t socket_hooks = bit(hook::prerouting) | bit(hook::input) | bit(hook::output);
inline constexpr placement socket_placement{.families = ip_families,
                                            .family_rule = &rules::socket_only_on_prerouting_input_output_in_ip_families,
                                            .hooks = socket_hooks,
                                            .hook_rule = &rules::socket_only_on_prerouting_input_output_in_ip_families};

struct socket_transparent_t : selector_t<socket_transparent_t, socket_flag> {
    static constexpr std::string_view keyword = "socket transparent";
    static constexpr part_facts facts{.where = socket_placement};
};
struct socket_wildcard_t : selector_t<socket_wildcard_t, socket_flag> {
    static constexpr std::string_view keyword = "socket wildcard";
    static constexpr part_facts facts{.where = socket_placement};
};
struct socket_mark_t : selector_t<socket_mark_t, mark> {
    static constexpr std::string_view keyword = "socket mark";
    static constexpr part_facts facts{.where = socket_placement};
};

namespace detail {
template <unsigned Level>
struct cgroupv2_keyword {
    static constexpr std::string_view head = "socket cgroupv2 level ";
    static constexpr std::size_t size = head.size() + decimal_digits(Level);
    static constexpr std::array<char, size> text = [] {
        std::array<char, size> t{};
        std::size_t at = 0;
        for (char c : head) t[at++] = c;
        unsigned n = Level;
        for (std::size_t i = size; i-- > at;) {
            t[i] = static_cast<char>('0' + n % 10);
            n /= 10;
        }
        return t;
    }();
};
}  // namespace detail

template <unsigned Level>
struct socket_cgroupv2_t : selector_t<socket_cgroupv2_t<Level>, cgroup_path> {
    static constexpr std::string_view keyword{detail::cgroupv2_keyword<Level>::text.data(), detail::cgroupv2_keyword<Level>::size};
    static constexpr part_facts facts{.where = socket_placement};
};

namespace detail {
// A level over 255 fires its rule once. The variable below is const, not constexpr, so no
// compiler goes on to evaluate the failed check as a constant and say more; a match on it
// is still a constant expression (it never reads the selector).
template <unsigned Level>
constexpr socket_cgroupv2_t<(Level <= 255 ? Level : 0)> checked_cgroupv2() {
    fire<Level <= 255 ? nullptr : &rules::a_cgroupv2_level_is_0_to_255, socket_cgroupv2_t<Level>>();
    return {};
}
}  // namespace detail

struct socket_t {
    socket_transparent_t transparent;
    socket_wildcard_t wildcard;
    socket_mark_t mark;
    template <unsigned Level>
    static inline const socket_cgroupv2_t<(Level <= 255 ? Level : 0)> cgroupv2 = detail::checked_cgroupv2<Level>();
};
inline constexpr socket_t sock{};

}  // namespace nftpp
