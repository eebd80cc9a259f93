// SPDX-License-Identifier: Apache-2.0
#pragma once
// Descriptors: a ruleset's structure as plain data, what the checker reads.
//
//   rule_summary  what one rule requires (from its parts' facts: ruleset/rule_check.hpp)
//   rule_desc     a rule in a chain: its summary, its position, the chains and sets it names
//   chain_desc    a chain: name, base spec, rules
//   set_desc      a set or map: name, kind, key and value types, a verdict map's targets
//   check_error   the first rule broken, with what it is about: a rule object (its
//                 sentence, its id), the chain or set, the other name, the rule's index
//
// A static table builds its descriptors in constexpr variables (ruleset/table_check.hpp)
// and the checker runs in the compiler; a table built from data builds the same
// descriptors in vectors and the same functions run when it is built.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/ruleset/hook.hpp>

namespace nftpp {

// What a whole rule requires of the chain and table it is in.
struct rule_summary {
    static constexpr std::size_t max_placements = 6;

    const rule* broken = nullptr;  // the first rule of shape the rule breaks, or nullptr
    layer3 l3 = layer3::any;
    layer4 l4 = layer4::any;
    bool transport_match = false;
    bool runtime_refs = false;  // a part names chains or sets by run-time values
    std::array<placement, max_placements> where{};  // its parts' restrictions, each once
    std::uint8_t n_where = 0;
    feature_set features{};  // the kernel features its parts need

    [[nodiscard]] constexpr std::span<const placement> placements() const noexcept { return {where.data(), n_where}; }
};

struct rule_desc {
    const rule_summary* summary = nullptr;
    long index = 0;  // the rule's position in its chain (the first of `count` equal ones)
    std::size_t count = 1;
    std::span<const std::string_view> targets{};  // chains it may jump or go to
    std::span<const set_ref_info> set_refs{};     // sets and maps it uses
    bool names_known = true;  // false: it names chains or sets at run time, which this
                              // descriptor (a static table's) cannot list
};

struct chain_desc {
    std::string_view name;
    base_spec spec{};
    std::span<const rule_desc> rules{};
};

struct set_desc {
    std::string_view name;
    std::string_view kind = "set";  // "set", "map" or "vmap"
    std::string_view key_type;
    std::string_view value_type{};                // a data map's value type
    std::span<const std::string_view> targets{};  // a verdict map's jump and goto targets
};

// The name space a set_desc's kind is named in: sets, maps and verdict maps share one in
// a table (the kernel: "File exists" for a map named like a set); every other object kind
// (counter, quota, ct helper, flowtable ...) has its own, so a counter and a quota may
// both be called "x".
[[nodiscard]] constexpr std::string_view name_space(std::string_view kind) noexcept {
    return kind == "map" || kind == "vmap" ? std::string_view("set") : kind;
}

// The first rule a structure breaks. `first` is the chain (or set) it is about; `second`
// the other chain or set (a jump's target, the chain a base chain reaches ...); `rule_index`
// the index
// of the rule in `first` when one rule is at fault.
struct check_error {
    const nftpp::rule* broken = nullptr;
    std::string_view first{};
    std::string_view second{};
    long rule_index = -1;

    constexpr explicit operator bool() const noexcept { return broken != nullptr; }
    [[nodiscard]] constexpr std::string_view sentence() const noexcept {
        return broken ? broken->sentence : std::string_view{};
    }
    [[nodiscard]] constexpr std::string_view id() const noexcept { return broken ? broken->id : std::string_view{}; }
};

}  // namespace nftpp
