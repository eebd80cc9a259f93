// SPDX-License-Identifier: Apache-2.0
#pragma once
// Named sets: set<"allowed", ipv4_addr>(set_flag::interval, {"10.0.0.0/8", "192.168.0.0/16"}).
// The key datatype is a value type (its nft name becomes `type ...`); elements are checked
// like literals, or come from a run-time range. Flags and options (set_flag::..., set_size,
// set_timeout) combine with |. What nft or the kernel would refuse in the elements (a
// prefix without set_flag::interval, overlapping intervals, more elements than the size)
// is an error when they are bound: at compile time for literals, a value_error otherwise.
// Rules refer to a set with at<"allowed">; the table checks the reference and the key
// datatype.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/chrono.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/ranges.hpp>
#include <nftpp/expr/anon_set.hpp>
#include <nftpp/expr/operand.hpp>
#include <nftpp/core/sink.hpp>
#include <nftpp/ruleset/rules.hpp>
#include <nftpp/stmt/comment.hpp>
#include <nftpp/value/concat_key.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp {

NFTPP_RULE(a_set_with_prefix_or_range_elements_needs_set_flag_interval,
           "a set with prefix or range elements needs set_flag::interval")
NFTPP_RULE(a_set_with_interface_name_wildcards_needs_set_flag_interval,
           "a set or map with an interface-name wildcard such as \"veth*\" needs set_flag::interval (nft: You must "
           "add 'flags interval' to your set declaration)")
NFTPP_RULE(set_flag_auto_merge_works_only_with_set_flag_interval,
           "set_flag::auto_merge works only with set_flag::interval (nft: auto-merge only works with interval sets)")
NFTPP_RULE(the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge,
           "two intervals of this set overlap, which nft refuses ('conflicting intervals specified'): merge them, "
           "or add set_flag::auto_merge to let nft merge them")
NFTPP_RULE(a_set_holds_at_most_its_set_size_elements,
           "more elements than the set's set_size(n) allows (the kernel would refuse them): raise the size or "
           "split the set")
NFTPP_RULE(a_set_of_values_without_an_nft_datatype_is_declared_with_key_typeof,
           "nft has no datatype for these values (raw payload fields, fragment ids and offsets, extension header bytes): "
           "declare the set with key_typeof(the selector that fills it), as key_typeof(raw_th<16, 16>) or "
           "key_typeof(exthdr.frag.id) (nft: typeof @th,16,16)")
NFTPP_RULE(key_typeof_names_selectors_of_the_set_key_datatype,
           "key_typeof(...) names selectors whose datatypes are not the set's key (e.g. key_typeof(ip.saddr, tcp.dport) "
           "is a key of concat_key<ipv4_addr, port>): give the set the selectors' key type, or other selectors")
NFTPP_RULE(key_typeof_is_for_sets_and_verdict_maps,
           "key_typeof(...) declares the key of a set or a verdict map; a data map's value would need an expression "
           "too: declare the data map with its key type alone")
NFTPP_RULE(a_set_size_is_at_least_1, "a set_size is at least 1 (leave it out for nft's default)")
NFTPP_RULE(a_timeout_is_at_least_1_millisecond,
           "a timeout is at least 1 millisecond (leave it out for elements that never expire)")
NFTPP_RULE(an_element_timeout_needs_a_set_with_set_flag_timeout_or_a_set_timeout,
           "an element timeout needs a set declared with set_flag::timeout or set_timeout(...) (the kernel refuses it "
           "otherwise: Invalid argument)")

// A set's flags and options, combined with |:
//   set_flag::interval | set_flag::auto_merge | set_size(65536) | set_timeout(std::chrono::hours(1))
// The nft flags constant, interval, timeout and dynamic; counter (a packet and byte
// counter on every element); auto_merge (nft merges overlapping and adjacent intervals);
// size (the most elements the set may hold); timeout (every element expires after it,
// unless added with its own element_timeout); a comment("...") on the declaration, once.
struct set_flags {
    std::uint8_t bits = 0;
    std::uint32_t size = 0;        // 0: nft's default
    std::uint64_t timeout_ms = 0;  // 0: elements do not expire
    std::optional<comment_text> note{};  // `comment "..."` in the declaration
    std::string_view typeof_decl{};      // `typeof ip saddr . tcp dport` (key_typeof), or empty
    std::string_view typeof_type{};      // the datatype of those selectors, checked against the key

    // Not an aggregate: `set<"s", port>({22, 80})` must read {22, 80} as elements.
    constexpr set_flags() noexcept = default;
    // set<"s", ipv4_addr>(comment("allowed hosts")), set_flag::interval | comment("...")
    constexpr set_flags(const comment_t& c) noexcept : note(c.text) {}
    [[nodiscard]] static constexpr set_flags make(std::uint8_t bits, std::uint32_t size = 0, std::uint64_t timeout_ms = 0) noexcept {
        set_flags f;
        f.bits = bits;
        f.size = size;
        f.timeout_ms = timeout_ms;
        return f;
    }

    friend constexpr set_flags operator|(set_flags a, set_flags b) {
        if (a.note && b.note) raise(error{&rules::one_comment_per_declaration, 0});
        set_flags f = make(static_cast<std::uint8_t>(a.bits | b.bits), b.size ? b.size : a.size, b.timeout_ms ? b.timeout_ms : a.timeout_ms);
        f.note = b.note ? b.note : a.note;
        f.typeof_decl = b.typeof_decl.empty() ? a.typeof_decl : b.typeof_decl;
        f.typeof_type = b.typeof_type.empty() ? a.typeof_type : b.typeof_type;
        return f;
    }
    [[nodiscard]] constexpr bool has(set_flags f) const noexcept { return (bits & f.bits) == f.bits && f.bits; }
    // Elements may carry their own timeout.
    [[nodiscard]] constexpr bool expiring() const noexcept { return (bits & 4) || timeout_ms; }
};
namespace set_flag {
inline constexpr set_flags constant = set_flags::make(1);
inline constexpr set_flags interval = set_flags::make(2);
inline constexpr set_flags timeout = set_flags::make(4);
inline constexpr set_flags dynamic = set_flags::make(8);
inline constexpr set_flags counter = set_flags::make(16);    // a counter on every element
inline constexpr set_flags auto_merge = set_flags::make(32);  // nft merges overlapping intervals
}  // namespace set_flag

namespace detail {
// The selectors' keywords and their datatypes, joined by " . " (static storage).
template <class... Sel>
inline constexpr auto typeof_decl_v =
    join_text<joined_size(" . ", std::string_view(Sel::keyword)...)>(" . ", std::string_view(Sel::keyword)...);
template <class... Sel>
inline constexpr auto typeof_type_v = join_text<joined_size(" . ", std::string_view(nft_type_of<typename Sel::value_type>)...)>(
    " . ", std::string_view(nft_type_of<typename Sel::value_type>)...);
}  // namespace detail

// key_typeof(ip.saddr, tcp.dport): declare the key by the expressions that fill it,
// `typeof ip saddr . tcp dport`, instead of by its datatypes. The selectors' datatypes
// must be the set's key (checked when the set is made): set<"pairs", concat_key<ipv4_addr,
// port>>(key_typeof(ip.saddr, tcp.dport)). For sets and verdict maps.
template <class... Sel>
    requires(sizeof...(Sel) >= 1 && ((requires { Sel::keyword; } && nft_typed<typename Sel::value_type>) && ...))
[[nodiscard]] constexpr set_flags key_typeof(const Sel&...) noexcept {
    set_flags f;
    f.typeof_decl = detail::typeof_decl_v<Sel...>.view();
    f.typeof_type = detail::typeof_type_v<Sel...>.view();
    return f;
}

namespace detail {
[[nodiscard]] constexpr std::uint64_t timeout_ms(std::chrono::milliseconds t) {
    if (t.count() < 1) raise(error{&rules::a_timeout_is_at_least_1_millisecond, 0});
    return static_cast<std::uint64_t>(t.count());
}
}  // namespace detail

[[nodiscard]] constexpr set_flags set_size(std::uint32_t n) {
    if (n == 0) raise(error{&rules::a_set_size_is_at_least_1, 0});
    return set_flags::make(0, n);
}
[[nodiscard]] constexpr set_flags set_timeout(std::chrono::milliseconds t) {
    return set_flags::make(0, 0, detail::timeout_ms(t));
}

// A set's or map's key line, without its indent and value: `type K` or `typeof EXPR`.
template <Sink S>
constexpr void write_key_decl(S& out, const set_flags& f, std::string_view key_type) {
    out.put(f.typeof_decl.empty() ? "type " : "typeof ");
    out.put(f.typeof_decl.empty() ? key_type : f.typeof_decl);
}

// The declaration lines of a set's or map's options, after its `type` line.
template <Sink S>
constexpr void write_set_options(S& out, set_flags f) {
    constexpr struct {
        set_flags flag;
        std::string_view name;
    } flags[] = {{set_flag::constant, "constant"}, {set_flag::interval, "interval"}, {set_flag::timeout, "timeout"},
                 {set_flag::dynamic, "dynamic"}};
    bool first = true;
    for (const auto& fl : flags) {
        if (!f.has(fl.flag)) continue;
        out.put(first ? "\t\tflags " : ",");
        first = false;
        out.put(fl.name);
    }
    if (!first) out.put('\n');
    if (f.timeout_ms) {
        out.put("\t\ttimeout ");
        put_duration(out, f.timeout_ms);
        out.put('\n');
    }
    if (f.size) {
        out.put("\t\tsize ");
        put_uint(out, f.size);
        out.put('\n');
    }
    if (f.has(set_flag::counter)) out.put("\t\tcounter\n");
    if (f.has(set_flag::auto_merge)) out.put("\t\tauto-merge\n");
    if (f.note) {
        out.put("\t\tcomment ");
        write_nft(out, *f.note);
        out.put('\n');
    }
}

struct no_elements_t {};

template <fixed_string Name, class Key, class Elements>
struct set_t {
    static_assert(sizeof(detail::name_check_t<Name>));
    static constexpr auto name = Name;
    static constexpr std::string_view kind = "set";
    using key_type = Key;
    set_flags flags{};
    Elements elements{};

    template <Sink S>
    friend constexpr void write_nft(S& out, const set_t& s) {
        out.put("set ");
        out.put(Name.view());
        out.put(" {\n\t\t");
        write_key_decl(out, s.flags, nft_type_of<Key>);
        out.put('\n');
        write_set_options(out, s.flags);
        if constexpr (!std::is_same_v<Elements, no_elements_t>) {
            if (!std::ranges::empty(s.elements)) {
                out.put("\t\telements = {");
                bool first = true;
                for (const auto& e : s.elements) {
                    out.put(first ? "\n\t\t\t" : ",\n\t\t\t");
                    first = false;
                    write_nft(out, e);
                }
                out.put("\n\t\t}\n");
            }
        }
        out.put("\t}");
    }
};

template <class T>
inline constexpr bool is_set_v = false;
template <fixed_string N, class K, class E>
inline constexpr bool is_set_v<set_t<N, K, E>> = true;

namespace detail {
// What nft and the kernel would refuse in a set's elements, or nullptr: a prefix, range
// or interface-name wildcard without set_flag::interval; more than set_size(n) elements
// (a declaration, or one batch of added elements); overlapping intervals without
// set_flag::auto_merge. The checks are values (tests read them); check_set_elements
// raises the rule: a compile error when constant evaluated, a value_error otherwise.
template <class Key>
[[nodiscard]] constexpr const rule* element_shape_error(set_flags f, const operand<Key>* xs, std::size_t n) {
    if (f.has(set_flag::interval)) return nullptr;
    for (std::size_t i = 0; i < n; ++i) {
        if (xs[i].shape() != operand<Key>::form::single)
            return &rules::a_set_with_prefix_or_range_elements_needs_set_flag_interval;
        if (is_wildcard_value(xs[i].low())) return &rules::a_set_with_interface_name_wildcards_needs_set_flag_interval;
    }
    return nullptr;
}
template <class Key>
[[nodiscard]] constexpr const rule* set_elements_error(set_flags f, const operand<Key>* xs, std::size_t n) {
    if (f.typeof_decl.empty() && detail::find_char(nft_type_of<Key>, '@') != std::string_view::npos) return &rules::a_set_of_values_without_an_nft_datatype_is_declared_with_key_typeof;
    if (!f.typeof_type.empty() && f.typeof_type != nft_type_of<Key>) return &rules::key_typeof_names_selectors_of_the_set_key_datatype;
    if (f.has(set_flag::auto_merge) && !f.has(set_flag::interval))
        return &rules::set_flag_auto_merge_works_only_with_set_flag_interval;
    if (f.size && n > f.size) return &rules::a_set_holds_at_most_its_set_size_elements;
    if (const rule* r = element_shape_error<Key>(f, xs, n)) return r;
    if (f.has(set_flag::interval) && !f.has(set_flag::auto_merge) && intervals_overlap(xs, n))
        return &rules::the_intervals_of_a_set_overlap_merge_them_or_add_set_flag_auto_merge;
    return nullptr;
}
template <class Key, class Range>
[[nodiscard]] constexpr const rule* set_elements_error(set_flags f, const Range& elements) {
    return set_elements_error<Key>(f, std::ranges::data(elements), std::ranges::size(elements));
}

constexpr void raise_if(const rule* r) {
    if (r) raise(error{r, 0});
}
template <class Key>
constexpr void check_element_shapes(set_flags f, const operand<Key>* xs, std::size_t n) {
    raise_if(element_shape_error<Key>(f, xs, n));
}
template <class Key>
constexpr void check_set_elements(set_flags f, const operand<Key>* xs, std::size_t n) {
    raise_if(set_elements_error<Key>(f, xs, n));
}
template <class Key, class Range>
constexpr void check_set_elements(set_flags f, const Range& elements) {
    check_set_elements<Key>(f, std::ranges::data(elements), std::ranges::size(elements));
}
}  // namespace detail

// Fired when a run-time range of elements holds values of another datatype than the
// set's key (its arguments show the set, its key type and the range's element type).
NFTPP_CHECK(range_holds_the_set_key_type,
    "this range's elements are not values of the set's key datatype (the arguments of "
                  "assert_range_holds_the_set_key_type_t are the set's name, its key type and the range's element "
                  "type): give a range of the key type, e.g. std::vector<ipv4_addr> for a set of ipv4_addr")

// A range whose elements convert to the key's operands (values, prefixes, ranges).
template <class R, class Key>
concept ElementRangeOf = std::ranges::input_range<const R&> &&
                         std::convertible_to<std::ranges::range_reference_t<const R&>, operand<Key>>;

template <fixed_string Name, class Key>
[[nodiscard]] constexpr set_t<Name, Key, no_elements_t> set(set_flags f = {}) {
    detail::check_set_elements<Key>(f, static_cast<const operand<Key>*>(nullptr), 0);
    return {f, {}};
}
template <fixed_string Name, class Key, std::size_t N>
[[nodiscard]] constexpr auto set(set_flags f, const operand<Key> (&elements)[N]) {
    std::array<operand<Key>, N> a = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<operand<Key>, N>{{elements[I]...}};
    }(std::make_index_sequence<N>{});
    detail::check_set_elements<Key>(f, a);
    return set_t<Name, Key, std::array<operand<Key>, N>>{f, a};
}
template <fixed_string Name, class Key, std::size_t N>
[[nodiscard]] constexpr auto set(const operand<Key> (&elements)[N]) {
    return set<Name, Key>(set_flags{}, elements);
}
// From a run-time range of elements (a std::vector<ipv4_addr>, a view ...), in one pass.
template <fixed_string Name, class Key, std::ranges::input_range R>
[[nodiscard]] auto set(set_flags f, const R& values) {
    if constexpr (!ElementRangeOf<R, Key>) {
        (void)assert_range_holds_the_set_key_type_t<named<Name>, Key, std::ranges::range_value_t<const R&>>::value;
        return set_t<Name, Key, no_elements_t>{f, {}};
    } else {
        std::vector<operand<Key>> v;
        if constexpr (std::ranges::sized_range<const R&>) v.reserve(std::ranges::size(values));
        for (auto&& x : values) v.emplace_back(x);
        detail::check_set_elements<Key>(f, v);
        return set_t<Name, Key, std::vector<operand<Key>>>{f, std::move(v)};
    }
}
template <fixed_string Name, class Key, std::ranges::input_range R>
[[nodiscard]] auto set(const R& values) {
    return set<Name, Key>(set_flags{}, values);
}

}  // namespace nftpp
