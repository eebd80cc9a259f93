// SPDX-License-Identifier: Apache-2.0
#pragma once
// Kernel features: what a node needs that a kernel may lack (conntrack, the log or limit
// expression, reject, NAT, tproxy ...). A node declares its feature where it is defined,
//
//   NFTPP_FEATURE(tproxy, "table ip nftpp_probe { chain c { type filter hook prerouting ... } }")
//
// which gives nftpp::feature::tproxy: its name and the probe, a minimal table that needs
// the feature (apply_with_probes loads it with `nft -c` in the target: refused means the
// feature is missing). Nothing central lists the features: a ruleset's optional rules name
// the ones they need, and only those are probed.
#include <array>
#include <initializer_list>
#include <cstddef>
#include <string_view>

namespace nftpp {

struct kernel_feature {
    std::string_view name;
    std::string_view probe;  // nft text of a table that loads only where the feature exists
};

#define NFTPP_FEATURE(id, probe_text)                               \
    namespace feature {                                             \
    inline constexpr ::nftpp::kernel_feature id{#id, probe_text};   \
    }

// A small set of features (a rule needs a few; capabilities lack a few). Constexpr, by
// identity of the feature objects.
class feature_set {
public:
    static constexpr std::size_t capacity = 16;

    constexpr feature_set() = default;
    constexpr feature_set(std::initializer_list<const kernel_feature*> fs) {
        for (auto f : fs) add(*f);
    }

    [[nodiscard]] constexpr bool contains(const kernel_feature& f) const noexcept {
        for (std::size_t i = 0; i < n_; ++i)
            if (items_[i] == &f) return true;
        return false;
    }
    // Adds f; a set already full keeps its features (capacity is far above any real use).
    constexpr void add(const kernel_feature& f) noexcept {
        if (!contains(f) && n_ < capacity) items_[n_++] = &f;
    }
    constexpr void add(const feature_set& o) noexcept {
        for (auto f : o) add(*f);
    }
    [[nodiscard]] constexpr bool empty() const noexcept { return n_ == 0; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return n_; }
    [[nodiscard]] constexpr const kernel_feature* const* begin() const noexcept { return items_.data(); }
    [[nodiscard]] constexpr const kernel_feature* const* end() const noexcept { return items_.data() + n_; }
    // The features of this set that are also in o.
    [[nodiscard]] constexpr feature_set common(const feature_set& o) const noexcept {
        feature_set r;
        for (auto f : *this)
            if (o.contains(*f)) r.add(*f);
        return r;
    }
    [[nodiscard]] constexpr bool operator==(const feature_set& o) const noexcept {
        if (n_ != o.n_) return false;
        for (auto f : *this)
            if (!o.contains(*f)) return false;
        return true;
    }

private:
    std::array<const kernel_feature*, capacity> items_{};
    std::size_t n_ = 0;
};

}  // namespace nftpp
