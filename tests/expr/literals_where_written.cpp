// SPDX-License-Identifier: Apache-2.0
// A literal is checked by the compiler wherever it is written: before `>>` and as a vmap
// key in ordinary functions, function templates and lambdas, not only in constexpr ones
// (the failing spellings: tests/compile_fail/cases/literal_*, vmap_literal_*,
// set_element_literal_*, interface_name_element_*). The typed overloads still take
// run-time values, and a literal before a statement with values is checked when the match
// is formed. Each rule is rendered and loaded.
#include <concepts>
#include <string>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden_rule;

namespace {
auto in_a_function() { return tcp.dport == 3128 >> accept; }
auto address_in_a_function() { return ip.daddr == "10.0.0.2" && tcp.dport == 3128 >> counter >> accept; }
auto name_in_a_function() { return oifname != "veth-vm1" >> drop; }
template <class Verdict>
auto in_a_template(Verdict v) { return tcp.dport >= 1024 >> counter >> v; }
template <class T>
auto vmap_in_a_template(T) { return ip.saddr >> vmap(on("10.0.0.0/8", drop), on("192.168.0.1", accept)); }
auto vmap_in_a_function() { return tcp.dport >> vmap(on(22, jump<"ssh">), on(80, accept), on(range<port>(8000, 8080), drop)); }
auto typed_at_run_time(port p, ipv4_addr a) { return ip.daddr == a && tcp.dport == p >> accept; }
auto typed_vmap_key_at_run_time(port p) { return tcp.dport >> vmap(on(p, accept), on(80, drop)); }
}  // namespace

TEST_CASE("literals before >> in ordinary functions and templates", "[expr][literals]") {
    // the same rule type as the constexpr spelling: nothing is deferred
    constexpr auto at_compile_time = tcp.dport == 3128 >> accept;
    STATIC_REQUIRE(std::same_as<decltype(in_a_function()), std::remove_const_t<decltype(at_compile_time)>>);
    STATIC_REQUIRE(noexcept(tcp.dport == 3128 >> accept));  // checked by the compiler: nothing left to throw
    golden_rule(in_a_function(), "tcp dport 3128 accept");
    golden_rule(address_in_a_function(), "ip daddr 10.0.0.2 tcp dport 3128 counter accept");
    golden_rule(name_in_a_function(), "oifname != \"veth-vm1\" drop");
    golden_rule(in_a_template(drop), "tcp dport >= 1024 counter drop");
    const auto lambda = [](auto verdict) { return meta.mark == 0x10 >> verdict; };
    golden_rule(lambda(accept), "meta mark 0x00000010 accept");
}

TEST_CASE("literal vmap keys in ordinary functions and templates", "[expr][literals][vmap]") {
    golden_rule(vmap_in_a_template(0), "ip saddr vmap { 10.0.0.0/8 : drop, 192.168.0.1 : accept }");
    const auto t = table<family::inet>("t", base_chain<"input", filter_chain(hook::input)>(vmap_in_a_function()), chain<"ssh">(accept));
    nftpp_test::golden(t, "table inet t {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
                          "\t\ttcp dport vmap { 22 : jump ssh, 80 : accept, 8000-8080 : drop }\n\t}\n\tchain ssh {\n\t\taccept\n\t}\n}\n");
}

TEST_CASE("run-time values keep the typed overloads", "[expr][literals]") {
    golden_rule(typed_at_run_time(port(8080), ipv4_addr::parse("10.0.0.3").value()), "ip daddr 10.0.0.3 tcp dport 8080 accept");
    golden_rule(typed_vmap_key_at_run_time(port(22)), "tcp dport vmap { 22 : accept, 80 : drop }");
    CHECK_THROWS_AS(typed_vmap_key_at_run_time(port(80)), value_error);  // one key, two verdicts
    // a literal before a statement with a value is checked when the match is formed
    const auto logged = log(log_prefix::parse(std::string("drop: ")).value());
    golden_rule(tcp.dport == 23 >> logged >> drop, "tcp dport 23 log prefix \"drop: \" drop");
    CHECK_THROWS_AS(tcp.dport == 70000 >> logged >> drop, value_error);
}
