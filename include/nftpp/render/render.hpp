// SPDX-License-Identifier: Apache-2.0
#pragma once
// render/: turning the structure into nft script text, one protocol for every node.
// Leaves (values, matches, statements, rules, sets) render themselves with a hidden
// friend write_nft(sink, node); containers and commands are emitted through one emitter
// that tracks lines and origins. Builds on ruleset/ and below; knows nothing of executors.
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

#include <boost/hana/for_each.hpp>

#include <nftpp/render/script.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/optional.hpp>
#include <nftpp/ruleset/runtime_commands.hpp>
#include <nftpp/ruleset/transaction.hpp>

namespace nftpp {

// Counts lines as text passes through (to record origins).
template <Sink S>
struct line_sink {
    S& inner;
    std::size_t line = 1;
    std::size_t offset = 0;
    bool at_line_start = true;  // the last character written ended a line
    constexpr void put(std::string_view v) {
        for (char c : v)
            if (c == '\n') ++line;
        offset += v.size();
        if (!v.empty()) at_line_start = v.back() == '\n';
        inner.put(v);
    }
    constexpr void put(char c) {
        if (c == '\n') ++line;
        ++offset;
        at_line_start = c == '\n';
        inner.put(c);
    }
    // The line the last character written stands on.
    [[nodiscard]] constexpr std::size_t last_line() const { return at_line_start && line > 1 ? line - 1 : line; }
};

struct no_origins {};

// An optional rule left out of a script because the target lacks a feature it needs.
struct skipped_rule {
    std::string table;
    std::string chain;
    long rule = -1;
    feature_set missing_features{};
    std::string text;

    [[nodiscard]] std::string describe() const {
        std::string d = "table " + table + ", chain " + chain + ", rule #" + std::to_string(rule) + " (" + text + ") left out: the target lacks";
        for (const kernel_feature* f : missing_features) (d += ' ') += f->name;
        return d;
    }
};

// emitter: writes nodes to a sink; with Track, also records origins.
template <Sink S, bool Track>
class emitter {
public:
    constexpr explicit emitter(S& s) : out_{s} {}

    constexpr line_sink<S>& out() { return out_; }

    template <class T>
        requires(!std::is_convertible_v<const T&, std::string_view>)
    constexpr void put(const T& x) {
        write_nft(out_, x);
    }
    constexpr void put(std::string_view v) { out_.put(v); }
    constexpr void put(char c) { out_.put(c); }

    // Origins: open before writing a node, mark after. The start remembers the offset of
    // the node's first line, so its text is found without scanning the script again
    // (linear in the script's size, whatever the number of rules).
    struct start {
        std::size_t line;
        std::size_t offset;
    };
    constexpr start open() const { return {out_.line, out_.offset}; }
    template <class... A>
    constexpr void mark(start first, std::string_view command, const A&... a) {
        if (!std::is_constant_evaluated()) {
            if constexpr (Track) close(first, command, a...);
        }
    }
    void close(start first, std::string_view command, std::string table, std::string_view chain, long rule) {
        if constexpr (Track) {
            origins_.push_back(script_origin{first.line, out_.last_line(), std::string(command), std::move(table),
                                             std::string(chain), rule, {}});
            offsets_.push_back(first.offset);
        }
    }
    // Where each origin's first line starts in the text, in the order of take_origins().
    std::vector<std::size_t> take_offsets() { return std::move(offsets_); }

    std::vector<script_origin> take_origins() { return std::move(origins_); }

    // Optional rules: what the target supports, and where to report what is left out.
    const capabilities* caps = nullptr;
    std::vector<skipped_rule>* skipped = nullptr;

private:
    line_sink<S> out_;
    [[no_unique_address]] std::conditional_t<Track, std::vector<script_origin>, no_origins> origins_{};
    [[no_unique_address]] std::conditional_t<Track, std::vector<std::size_t>, no_origins> offsets_{};
};

namespace detail {

template <class E>
std::string table_label(family f, const name& n) {
    std::string s(keyword(f));
    s += ' ';
    s += n.view();
    return s;
}

template <class R>
void record_skip(std::vector<skipped_rule>& out, const R& rule, family f, const name& tname, std::string_view chain,
                 long index, feature_set missing) {
    count_sink c;
    write_nft(c, rule);
    std::string text(c.size, '\0');
    span_sink w{text.data()};
    write_nft(w, rule);
    out.push_back(skipped_rule{table_label<void>(f, tname), std::string(chain), index, missing, std::move(text)});
}

template <class E, class R>
constexpr void emit_rule(E& e, const R& rule, family f, const name& tname, std::string_view chain, long index) {
    const auto first = e.open();
    e.put("\t\t");
    e.put(rule);
    if (!std::is_constant_evaluated()) e.mark(first, "rule", table_label<E>(f, tname), chain, index);
    e.put('\n');
}

template <class E, class C>
constexpr void emit_chain(E& e, const C& c, family f, const name& tname) {
    const auto first = e.open();
    e.put("\tchain ");
    e.put(C::name.view());
    e.put(" {\n");
    if (c.note) detail::emit_comment_line(e, *c.note, "\t\t");
    if constexpr (C::spec.is_base) {
        e.put("\t\ttype ");
        e.put(keyword(C::spec.type));
        e.put(" hook ");
        e.put(keyword(C::spec.hk));
        if (c.dev) {
            e.put(" device ");
            e.put(*c.dev);
        }
        e.put(" priority ");
        put_int(e.out(), C::spec.priority);
        e.put(c.policy == chain_policy::drop ? "; policy drop;\n" : "; policy accept;\n");
    }
    long index = 0;
    boost::hana::for_each(c.rules, [&](const auto& item) {
        using I = std::remove_cvref_t<decltype(item)>;
        if constexpr (is_rule_list_v<I>) {
            for (const auto& r : item.rules) emit_rule(e, r, f, tname, C::name.view(), index++);
        } else if constexpr (is_optional_rule_v<I>) {
            constexpr feature_set needed = features_of_v<item_rule_t<I>>;
            if (!e.caps || e.caps->covers(needed)) {
                emit_rule(e, item.rule, f, tname, C::name.view(), index++);
            } else {
                if (!std::is_constant_evaluated() && e.skipped)
                    record_skip(*e.skipped, item.rule, f, tname, C::name.view(), index, needed.common(e.caps->missing));
                ++index;
            }
        } else {
            emit_rule(e, item, f, tname, C::name.view(), index++);
        }
    });
    e.put("\t}\n");
    if (!std::is_constant_evaluated()) e.mark(first, "chain", table_label<E>(f, tname), C::name.view(), -1L);
}

template <class E, family F, class Cs, class Ss>
constexpr void emit_table_block(E& e, const table_t<F, Cs, Ss>& t) {
    e.put("table ");
    e.put(keyword(F));
    e.put(' ');
    e.put(t.table_name);
    e.put(" {\n");
    if (t.note) detail::emit_comment_line(e, *t.note, "\t");
    boost::hana::for_each(t.sets, [&](const auto& s) {
        const auto first = e.open();
        e.put('\t');
        e.put(s);
        e.put('\n');
        if (!std::is_constant_evaluated()) e.mark(first, "set", table_label<E>(F, t.table_name), std::string_view{}, -1L);
    });
    boost::hana::for_each(t.chains, [&](const auto& c) { emit_chain(e, c, F, t.table_name); });
    e.put("}\n");
}

template <class E>
constexpr void emit_table_head(E& e, std::string_view verb, family f, const name& n) {
    e.put(verb);
    e.put(" table ");
    e.put(keyword(f));
    e.put(' ');
    e.put(n);
    e.put('\n');
}

template <class E, class T>
constexpr void emit(E& e, const T& x) {
    if constexpr (is_ruleset_v<T>) {
        boost::hana::for_each(x.commands, [&](const auto& c) { emit(e, c); });
    } else if constexpr (is_table_v<T>) {
        emit_table_block(e, x);
    } else if constexpr (std::is_same_v<T, table_ref_command_t>) {
        const auto first = e.open();
        emit_table_head(e, x.op == table_ref_command_t::kind::delete_table ? "delete" : "flush", x.table_family,
                        x.table_name);
        if (!std::is_constant_evaluated())
            e.mark(first, x.op == table_ref_command_t::kind::delete_table ? "delete table" : "flush table",
                   table_label<E>(x.table_family, x.table_name), std::string_view{}, -1L);
    } else if constexpr (requires { typename T::command_tag; }) {
        x.emit_to(e);
    } else if constexpr (CommandRange<T>) {
        for (const auto& c : x) emit(e, c);
    } else if constexpr (std::is_same_v<T, runtime_table>) {
        emit_runtime_table_block(e, x);
    } else {
        using Table = decltype(x.table);
        constexpr family f = Table::table_family;
        const auto first = e.open();
        if constexpr (std::is_same_v<T, table_command_t<Table, table_op::replace>>) {
            emit_table_head(e, "add", f, x.table.table_name);
            emit_table_head(e, "delete", f, x.table.table_name);
        } else if constexpr (std::is_same_v<T, table_command_t<Table, table_op::create>>) {
            emit_table_head(e, "create", f, x.table.table_name);
        }
        emit_table_block(e, x.table);
        if (!std::is_constant_evaluated())
            e.mark(first, "table", table_label<E>(f, x.table.table_name), std::string_view{}, -1L);
    }
}

}  // namespace detail

template <class T>
concept Renderable = is_ruleset_v<T> || is_table_v<T> || Command<T> || CommandRange<T> || std::is_same_v<T, runtime_table>;

// Bytes the script of x takes.
template <Renderable T>
[[nodiscard]] constexpr std::size_t rendered_size(const T& x) {
    count_sink c;
    emitter<count_sink, false> e{c};
    detail::emit(e, x);
    return c.size;
}

[[nodiscard]] inline std::string render_text_impl_alloc(std::size_t n) { return std::string(n, '\0'); }

// The script text alone: exactly one allocation.
template <Renderable T>
[[nodiscard]] std::string render_text(const T& x) {
    std::string text = render_text_impl_alloc(rendered_size(x));
    span_sink s{text.data()};
    emitter<span_sink, false> e{s};
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
    emitter<count_sink, false> sizing{c};
    sizing.caps = &caps;
    detail::emit(sizing, x);
    std::string text = render_text_impl_alloc(c.size);
    span_sink s{text.data()};
    emitter<span_sink, true> e{s};
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
    } else if constexpr (std::is_same_v<T, runtime_chain>) {
        count_sink c;
        emitter<count_sink, false> sizing{c};
        const runtime_table t(family::inet, "t");
        detail::emit_runtime_chain(sizing, t, x, true);
        std::string text = render_text_impl_alloc(c.size);
        span_sink s{text.data()};
        emitter<span_sink, false> e{s};
        detail::emit_runtime_chain(e, t, x, true);
        return text;
    } else if constexpr (is_chain_v<T>) {
        count_sink c;
        emitter<count_sink, false> sizing{c};
        detail::emit_chain(sizing, x, family::inet, name("t"));
        std::string text = render_text_impl_alloc(c.size);
        span_sink s{text.data()};
        emitter<span_sink, false> e{s};
        detail::emit_chain(e, x, family::inet, name("t"));
        return text;
    } else {
        count_sink c;
        write_nft(c, x);
        std::string text = render_text_impl_alloc(c.size);
        span_sink s{text.data()};
        write_nft(s, x);
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
    emitter<span_sink, false> e{s};
    detail::emit(e, Make());
    return t;
}();

}  // namespace nftpp
