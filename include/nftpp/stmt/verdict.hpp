// SPDX-License-Identifier: Apache-2.0
#pragma once
// Verdicts: accept, drop, continue_, return_, jump<"chain">, goto_<"chain">.
// (`continue`, `return` and `goto` are C++ keywords, hence the trailing underscore.)
// Jump and goto targets are names known to the compiler, so the table can check that the
// target exists, is a regular chain, and that the jump graph has no cycle and depth <= 15.
// A chain named from data is the target of jump_to(name) and go_to(name): the name is a
// run-time value, so the rule belongs in a table built at run time (ruleset/runtime_table.hpp),
// which runs the same checks over it when it is checked. (`jump` is a variable template,
// so a function of the same name cannot take a run-time name.)
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <nftpp/core/facts.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

// The verdicts a rule or a verdict map's element may end with.
enum class verdict_kind : std::uint8_t { accept, drop, return_, continue_, jump, goto_ };

template <verdict_kind K, bool Terminal>
struct simple_verdict_t {
    using statement_tag = void;
    static constexpr verdict_kind kind = K;
    static constexpr part_facts facts{.terminal = Terminal, .verdict = true};

    template <Sink S>
    friend constexpr void write_nft(S& out, const simple_verdict_t&) {
        switch (K) {
            case verdict_kind::accept: out.put("accept"); break;
            case verdict_kind::drop: out.put("drop"); break;
            case verdict_kind::return_: out.put("return"); break;
            case verdict_kind::continue_: out.put("continue"); break;
            default: break;
        }
    }
};

using accept_t = simple_verdict_t<verdict_kind::accept, true>;
using drop_t = simple_verdict_t<verdict_kind::drop, true>;
using return_t = simple_verdict_t<verdict_kind::return_, true>;
using continue_t = simple_verdict_t<verdict_kind::continue_, false>;  // nft: continue is not terminal

inline constexpr accept_t accept{};
inline constexpr drop_t drop{};
inline constexpr return_t return_{};
inline constexpr continue_t continue_{};

// jump<"x"> returns to the calling chain afterwards; goto_<"x"> does not.
template <fixed_string Target, bool Goto>
struct chain_verdict_t {
    using statement_tag = void;
    static constexpr auto target = Target;
    static constexpr bool is_goto = Goto;
    static constexpr verdict_kind kind = Goto ? verdict_kind::goto_ : verdict_kind::jump;
    static constexpr part_facts facts{.terminal = true, .verdict = true};
    static constexpr std::array<std::string_view, 1> chain_targets{Target.view()};

    template <Sink S>
    friend constexpr void write_nft(S& out, const chain_verdict_t&) {
        out.put(Goto ? "goto " : "jump ");
        out.put(Target.view());
    }
};

template <fixed_string Target>
using jump_t = chain_verdict_t<Target, false>;
template <fixed_string Target>
using goto_t = chain_verdict_t<Target, true>;

template <fixed_string Target>
inline constexpr jump_t<Target> jump{};
template <fixed_string Target>
inline constexpr goto_t<Target> goto_{};

// The chain names a statement type may transfer control to (for the chain graph).
template <class T>
inline constexpr bool is_chain_verdict_v = false;
template <fixed_string Target, bool Goto>
inline constexpr bool is_chain_verdict_v<chain_verdict_t<Target, Goto>> = true;

// jump_to(name) / go_to(name): a jump or goto to a chain named at run time. Its facts are
// a jump's; its target is data, which it reports through runtime_chain_targets() (the
// protocol of core/facts.hpp for references known only at run time).
struct runtime_jump_t {
    using statement_tag = void;
    static constexpr part_facts facts{.terminal = true, .verdict = true, .runtime_refs = true};

    std::string target;
    bool is_goto = false;

    [[nodiscard]] verdict_kind kind() const noexcept { return is_goto ? verdict_kind::goto_ : verdict_kind::jump; }
    [[nodiscard]] std::array<std::string_view, 1> runtime_chain_targets() const noexcept { return {target}; }

    template <Sink S>
    friend constexpr void write_nft(S& out, const runtime_jump_t& j) {
        out.put(j.is_goto ? "goto " : "jump ");
        out.put(j.target);
    }
};

[[nodiscard]] inline runtime_jump_t jump_to(std::string target) { return {std::move(target), false}; }
[[nodiscard]] inline runtime_jump_t go_to(std::string target) { return {std::move(target), true}; }

// A verdict as a value, what the element of a map filled at run time holds: accept, drop,
// return_, continue_, jump<"x">, goto_<"x">, jump_to(name) or go_to(name).
struct runtime_verdict {
    verdict_kind kind = verdict_kind::accept;
    std::string target{};  // the chain of a jump or goto

    runtime_verdict() = default;
    template <verdict_kind K, bool T>
    runtime_verdict(simple_verdict_t<K, T>) : kind(K) {}
    template <fixed_string Target, bool Goto>
    runtime_verdict(chain_verdict_t<Target, Goto>) : kind(Goto ? verdict_kind::goto_ : verdict_kind::jump), target(Target.view()) {}
    runtime_verdict(runtime_jump_t j) : kind(j.kind()), target(std::move(j.target)) {}

    friend bool operator==(const runtime_verdict&, const runtime_verdict&) = default;

    template <Sink S>
    friend constexpr void write_nft(S& out, const runtime_verdict& v) {
        switch (v.kind) {
            case verdict_kind::drop: out.put("drop"); break;
            case verdict_kind::return_: out.put("return"); break;
            case verdict_kind::continue_: out.put("continue"); break;
            case verdict_kind::jump: out.put("jump "); out.put(v.target); break;
            case verdict_kind::goto_: out.put("goto "); out.put(v.target); break;
            default: out.put("accept"); break;
        }
    }
};

}  // namespace nftpp
