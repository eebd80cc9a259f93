// SPDX-License-Identifier: Apache-2.0
#pragma once
// Named counters and quotas: stateful objects declared in a table, which rules update by
// name with counter_name<"c"> and quota_name<"q"> (stmt/counter.hpp, stmt/quota.hpp):
//   table<family::inet>("fw", named_counter<"ssh">(), named_quota<"guest">(over, mbytes(100)), ...)
//     counter ssh {
//     }
//     quota guest {
//         over 100 mbytes
//     }
// Both exist in every family. A comment("...") may follow the amount (or stand alone for
// a counter). Several rules may share one object: that is what makes it useful (one count
// of a service's traffic from every chain that sees it; one budget for a guest network).
#include <optional>
#include <string_view>

#include <nftpp/core/family.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/stmt/comment.hpp>
#include <nftpp/stmt/quota.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

// What a table reference to a named object compares (no key: found by name and kind).
struct object_key {
    static constexpr std::string_view nft_type = "";
};

namespace detail {
template <Sink S>
constexpr void write_object_comment(S& out, const std::optional<comment_text>& note) {
    if (!note) return;
    out.put("\t\tcomment ");
    write_nft(out, *note);
    out.put('\n');
}
}  // namespace detail

template <fixed_string Name>
struct named_counter_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    using table_object_tag = void;  // a table member beside sets and maps
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "counter";
    using key_type = object_key;
    static constexpr std::uint8_t object_families = all_families;
    static constexpr const rule* family_rule = nullptr;  // every family has counters
    std::optional<comment_text> note{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const named_counter_t& c) {
        out.put("counter ");
        out.put(Name.view());
        out.put(" {\n");
        detail::write_object_comment(out, c.note);
        out.put("\t}");
    }
};

template <fixed_string Name>
struct named_quota_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    using table_object_tag = void;
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "quota";
    using key_type = object_key;
    static constexpr std::uint8_t object_families = all_families;
    static constexpr const rule* family_rule = nullptr;  // every family has quotas
    quota_amount amount;
    std::optional<comment_text> note{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const named_quota_t& q) {
        out.put("quota ");
        out.put(Name.view());
        out.put(" {\n");
        detail::write_object_comment(out, q.note);
        out.put("\t\t");
        write_nft(out, q.amount);
        out.put("\n\t}");
    }
};

// named_counter<"c">(), named_counter<"c">(comment("..."))
template <fixed_string Name>
[[nodiscard]] constexpr named_counter_t<Name> named_counter() noexcept {
    return {};
}
template <fixed_string Name>
[[nodiscard]] constexpr named_counter_t<Name> named_counter(const comment_t& c) noexcept {
    return {c.text};
}
// named_quota<"q">(mbytes(100)), named_quota<"q">(over, mbytes(100), comment("..."))
template <fixed_string Name>
[[nodiscard]] constexpr named_quota_t<Name> named_quota(byte_amount a) {
    return {quota_amount::make(a, false).value()};
}
template <fixed_string Name>
[[nodiscard]] constexpr named_quota_t<Name> named_quota(byte_amount a, const comment_t& c) {
    return {quota_amount::make(a, false).value(), c.text};
}
template <fixed_string Name>
[[nodiscard]] constexpr named_quota_t<Name> named_quota(over_t, byte_amount a) {
    return {quota_amount::make(a, true).value()};
}
template <fixed_string Name>
[[nodiscard]] constexpr named_quota_t<Name> named_quota(over_t, byte_amount a, const comment_t& c) {
    return {quota_amount::make(a, true).value(), c.text};
}

}  // namespace nftpp
