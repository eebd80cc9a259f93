#pragma once
// ct: connection tracking. `ct.state == (established | related)`,
// `ct.status == ct_status::dnat`, `ct.mark == 0x1`, `ct.mark.set(0x1)`,
// `ct.direction == ct_direction::original`. Every ct match needs conntrack, which only
// the ip, ip6 and inet families have.
#include <string_view>

#include <nftpp/expr/selector.hpp>
#include <nftpp/stmt/mark.hpp>

namespace nftpp {

inline constexpr part_facts ct_facts{.conntrack = true};

struct ct_state_t : selector_t<ct_state_t, ct_state> {
    static constexpr std::string_view keyword = "ct state";
    static constexpr part_facts facts = ct_facts;
};
struct ct_status_t : selector_t<ct_status_t, ct_status> {
    static constexpr std::string_view keyword = "ct status";
    static constexpr part_facts facts = ct_facts;
};
struct ct_mark_t : selector_t<ct_mark_t, mark> {
    static constexpr std::string_view keyword = "ct mark";
    static constexpr part_facts facts = ct_facts;
    [[nodiscard]] constexpr mark_set_t<true> set(mark m) const noexcept { return {m}; }
    template <class Sel, fixed_string N>
        requires requires { Sel::keyword; }
    [[nodiscard]] constexpr mark_set_map_t<true, Sel, N> set(const Sel&, set_ref_t<N>) const noexcept {
        return {};
    }
};
struct ct_direction_t : selector_t<ct_direction_t, ct_direction> {
    static constexpr std::string_view keyword = "ct direction";
    static constexpr part_facts facts = ct_facts;
};

struct ct_t {
    ct_state_t state;
    ct_status_t status;
    ct_mark_t mark;
    ct_direction_t direction;
};
inline constexpr ct_t ct{};

}  // namespace nftpp
