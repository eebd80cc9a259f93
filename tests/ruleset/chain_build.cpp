// SPDX-License-Identifier: Apache-2.0
// How a chain is built from its arguments: the policy and device may stand anywhere among
// the rules and give the same chain; building rules from typed values does not throw, so
// a long chain written in one call stays linear to compile (bench/compile_time.sh).
#include <type_traits>
#include <vector>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;

namespace {
constexpr port ssh = 22;
constexpr ipv4_addr admin = "10.0.0.7";

// The same chain with the policy before, between and after its rules.
auto policy_first() {
    return base_chain<"input", filter_chain(hook::input)>(policy::drop, tcp.dport == ssh >> accept, counter);
}
auto policy_between() {
    return base_chain<"input", filter_chain(hook::input)>(tcp.dport == ssh >> accept, policy::drop, counter);
}
auto policy_last() {
    return base_chain<"input", filter_chain(hook::input)>(tcp.dport == ssh >> accept, counter, policy::drop);
}
}  // namespace

TEST_CASE("the policy may stand anywhere among a chain's rules", "[ruleset][chain]") {
    using first = decltype(policy_first());
    STATIC_REQUIRE(std::is_same_v<first, decltype(policy_between())>);
    STATIC_REQUIRE(std::is_same_v<first, decltype(policy_last())>);
    const std::string expected =
        "table inet t {\n"
        "\tchain input {\n"
        "\t\ttype filter hook input priority 0; policy drop;\n"
        "\t\ttcp dport 22 accept\n"
        "\t\tcounter\n"
        "\t}\n"
        "}\n";
    golden(table<family::inet>("t", policy_first()), expected);
    golden(table<family::inet>("t", policy_between()), expected);
    golden(table<family::inet>("t", policy_last()), expected);
}

TEST_CASE("the device may stand before or after the policy and the rules", "[ruleset][chain]") {
    const std::string expected =
        "table netdev t {\n"
        "\tchain in {\n"
        "\t\ttype filter hook ingress device \"lo\" priority 0; policy drop;\n"
        "\t\tip saddr 10.0.0.7 accept\n"
        "\t}\n"
        "}\n";
    golden(table<family::netdev>("t", base_chain<"in", filter_chain(hook::ingress)>(
                                          device("lo"), policy::drop, ip.saddr == admin >> accept)),
           expected);
    golden(table<family::netdev>("t", base_chain<"in", filter_chain(hook::ingress)>(
                                          policy::drop, device("lo"), ip.saddr == admin >> accept)),
           expected);
    golden(table<family::netdev>("t", base_chain<"in", filter_chain(hook::ingress)>(
                                          ip.saddr == admin >> accept, device("lo"), policy::drop)),
           expected);
}

TEST_CASE("building a rule throws only where a literal is checked at run time", "[ruleset][chain]") {
    const port p = ssh;
    const ipv4_addr a = admin;
    // typed values: nothing to check, nothing to throw
    STATIC_REQUIRE(noexcept(tcp.dport == p >> accept));
    STATIC_REQUIRE(noexcept(ip.saddr == a && tcp.dport == p >> accept));
    STATIC_REQUIRE(noexcept(tcp.dport == p >> counter >> accept));
    const auto logged = log(log_prefix("x: "), skuid);
    STATIC_REQUIRE(noexcept(logged >> reject));
    STATIC_REQUIRE(noexcept(tcp.dport == p >> logged >> reject));
    // a literal before >> a statement with values is checked when the match is formed, and
    // may throw value_error; before statements without values it is checked in the compiler
    STATIC_REQUIRE(!noexcept(tcp.dport == 22 >> logged >> reject));
    STATIC_REQUIRE(noexcept(tcp.dport == 22 >> accept));
    // a run-time anonymous set owns a vector: copying it may throw
    const std::vector<port> ports{22, 80};
    STATIC_REQUIRE(!noexcept(tcp.dport.in(ports) >> accept));
    CHECK_THROWS_AS(tcp.dport == 70000 >> logged >> reject, value_error);
}
