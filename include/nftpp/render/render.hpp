// SPDX-License-Identifier: Apache-2.0
#pragma once
// render/: turning the structure into nft script text, one protocol for every node.
// Leaves (values, matches, statements, rules, sets) render themselves with a hidden
// friend write_nft(sink, node), and so do containers and commands (core/sink.hpp): the
// render_context below is the context they write into, which tracks lines and origins and
// knows the target's capabilities. Builds on ruleset/ and below; knows nothing of executors.
//
//   to_nft_text(node)  -> std::string: the text of any node, from a port to a ruleset.
//   render(x)          -> nftpp::script: the text (allocated once: a counting pass, then a
//                         writing pass) plus the origin of every line, so an executor can
//                         map nft's "line:col" back to table, chain and rule.
//   render_text(x)     -> std::string, the text alone.
//   static_script<[] { return x; }>
//                      -> the text as a compile-time constant (a static_text), when every
//                         value in x is a constant.
// Output is deterministic: LF line endings, one rule per line, tabs for indentation,
// explicit family, numeric priority, every string quoted.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/render/script.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/optional.hpp>
#include <nftpp/ruleset/runtime_commands.hpp>
#include <nftpp/ruleset/transaction.hpp>

namespace nftpp {

struct no_origins {};

// An optional rule (or a declaration such as a flowtable, with no chain) left out of a
// script because the target lacks a feature it needs.
struct skipped_rule {
    std::string table;
    std::string chain;
    long rule = -1;
    feature_set missing_features{};
    std::string text;

    [[nodiscard]] std::string describe() const {
        std::string d = chain.empty() ? "table " + table + ": " + text + " left out: the target lacks"  // a declaration
                                      : "table " + table + ", chain " + chain + ", rule #" + std::to_string(rule) + " (" + text +
                                            ") left out: the target lacks";
        for (const kernel_feature* f : missing_features) (d += ' ') += f->name;
        return d;
    }
};

// The render context: a sink that counts lines as text passes through and, with Track,
// records the origin of each node the containers mark (core/sink.hpp's origin_*), and
// that knows what the target supports. Every node writes itself into it with write_nft.
template <Sink S, bool Track>
class render_context {
public:
    constexpr explicit render_context(S& s) : out_{s} {}

    constexpr void put(std::string_view v) {
        for (char c : v)
            if (c == '\n') ++line_;
        offset_ += v.size();
        if (!v.empty()) at_line_start_ = v.back() == '\n';
        out_.put(v);
    }
    constexpr void put(char c) {
        if (c == '\n') ++line_;
        ++offset_;
        at_line_start_ = c == '\n';
        out_.put(c);
    }

    // Origins. The start remembers the offset of the node's first line, so its text is
    // found without scanning the script again (linear in the script's size, whatever the
    // number of rules).
    constexpr void enter_table(family f, std::string_view table) {
        if constexpr (Track) {
            if (!std::is_constant_evaluated()) {
                table_.assign(keyword(f));
                (table_ += ' ') += table;
            }
        }
    }
    [[nodiscard]] constexpr origin_start open() const { return {line_, offset_}; }
    void mark(origin_start first, std::string_view command, std::string_view chain, long rule) {
        if constexpr (Track) {
            origins_.push_back(
                script_origin{first.line, last_line(), std::string(command), table_, std::string(chain), rule, {}});
            offsets_.push_back(first.offset);
        }
    }
    // Where each origin's first line starts in the text, in the order of take_origins().
    std::vector<std::size_t> take_offsets() { return std::move(offsets_); }
    std::vector<script_origin> take_origins() { return std::move(origins_); }

    // The target: what it supports, and where to report what is left out.
    [[nodiscard]] constexpr bool covers(const feature_set& needed) const { return !caps || caps->covers(needed); }
    void skip(std::string_view chain, long rule, const feature_set& needed, std::string text) {
        if constexpr (Track) {
            if (skipped && caps)
                skipped->push_back(skipped_rule{table_, std::string(chain), rule, needed.common(caps->missing), std::move(text)});
        }
    }
    const capabilities* caps = nullptr;
    std::vector<skipped_rule>* skipped = nullptr;

private:
    // The line the last character written stands on.
    [[nodiscard]] constexpr std::size_t last_line() const { return at_line_start_ && line_ > 1 ? line_ - 1 : line_; }

    S& out_;
    std::size_t line_ = 1;
    std::size_t offset_ = 0;
    bool at_line_start_ = true;  // the last character written ended a line
    [[no_unique_address]] std::conditional_t<Track, std::string, no_origins> table_{};
    [[no_unique_address]] std::conditional_t<Track, std::vector<script_origin>, no_origins> origins_{};
    [[no_unique_address]] std::conditional_t<Track, std::vector<std::size_t>, no_origins> offsets_{};
};

namespace detail {
template <class E, class T>
constexpr void emit(E& e, const T& x) {
    if constexpr (CommandRange<T>) {
        for (const auto& c : x) write_nft(e, c);
    } else {
        write_nft(e, x);
    }
}
}  // namespace detail

template <class T>
concept Renderable = is_ruleset_v<T> || is_table_v<T> || Command<T> || CommandRange<T> || std::is_same_v<T, runtime_table>;

// Bytes the script of x takes.
template <Renderable T>
[[nodiscard]] constexpr std::size_t rendered_size(const T& x) {
    count_sink c;
    render_context<count_sink, false> e{c};
    detail::emit(e, x);
    return c.size;
}

[[nodiscard]] inline std::string render_text_impl_alloc(std::size_t n) { return std::string(n, '\0'); }

// The script text alone: exactly one allocation.
template <Renderable T>
[[nodiscard]] std::string render_text(const T& x) {
    std::string text = render_text_impl_alloc(rendered_size(x));
    span_sink s{text.data()};
    render_context<span_sink, false> e{s};
    detail::emit(e, x);
    return text;
}

// The script with the origin of each line.
template <Renderable T>
[[nodiscard]] script render(const T& x) {
    return render(x, capabilities{}, nullptr);
}

// The script for a target with these capabilities: optional rules that need a missing
// feature are left out and, when `skipped` is given, reported there.
template <Renderable T>
[[nodiscard]] script render(const T& x, const capabilities& caps, std::vector<skipped_rule>* skipped) {
    count_sink c;
    render_context<count_sink, false> sizing{c};
    sizing.caps = &caps;
    detail::emit(sizing, x);
    std::string text = render_text_impl_alloc(c.size);
    span_sink s{text.data()};
    render_context<span_sink, true> e{s};
    e.caps = &caps;
    e.skipped = skipped;
    detail::emit(e, x);
    std::vector<script_origin> origins = e.take_origins();
    const std::vector<std::size_t> offsets = e.take_offsets();
    for (std::size_t i = 0; i < origins.size(); ++i) {
        std::string_view rest = std::string_view(text).substr(offsets[i]);
        origins[i].text = std::string(rest.substr(0, rest.find('\n')));
    }
    return script(std::move(text), std::move(origins));
}

// The nft text of any node: a value, a match, a statement, a rule, a chain, a set or map,
// a table, a command or a ruleset, as render_text writes it.
template <class T>
[[nodiscard]] std::string to_nft_text(const T& x) {
    if constexpr (Renderable<T>) {
        return render_text(x);
    } else {
        count_sink c;
        render_context<count_sink, false> sizing{c};
        write_nft(sizing, x);
        std::string text = render_text_impl_alloc(c.size);
        span_sink s{text.data()};
        render_context<span_sink, false> e{s};
        write_nft(e, x);
        return text;
    }
}

// Compile-time text.
template <std::size_t N>
struct static_text {
    std::array<char, N + 1> chars{};
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars.data(), N}; }
    constexpr operator std::string_view() const noexcept { return view(); }
    [[nodiscard]] constexpr const char* c_str() const noexcept { return chars.data(); }
    [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
};

template <auto Make>
inline constexpr auto static_script = [] {
    constexpr std::size_t n = rendered_size(Make());
    static_text<n> t{};
    span_sink s{t.chars.data()};
    render_context<span_sink, false> e{s};
    detail::emit(e, Make());
    return t;
}();

}  // namespace nftpp
