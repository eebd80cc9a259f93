// Verdict maps: golden, loaded for real, and their jump targets checked like jumps.
#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;

TEST_CASE("verdict maps", "[expr][vmap][golden]") {
    const auto t = table<family::inet>("vm",
        base_chain<"input", filter_chain(hook::input)>(
            tcp.dport >> vmap(on(22, jump<"ssh">), on(80, accept), on(range<port>(8000, 8080), drop)),
            ip.saddr == "10.0.0.0/8" && udp.dport >> vmap(on(53, goto_<"dns">), on(123, continue_)) >> counter),
        chain<"ssh">(accept),
        chain<"dns">(accept));
    nftpp_test::golden(t,
        "table inet vm {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
        "\t\ttcp dport vmap { 22 : jump ssh, 80 : accept, 8000-8080 : drop }\n"
        "\t\tip saddr 10.0.0.0/8 udp dport vmap { 53 : goto dns, 123 : continue } counter\n"
        "\t}\n\tchain ssh {\n\t\taccept\n\t}\n\tchain dns {\n\t\taccept\n\t}\n}\n");
    const auto v6 = table<family::inet>("vm6", base_chain<"input", filter_chain(hook::input)>(
        ip6.saddr >> vmap(on("fd00::/8", accept), on("::1", drop))));
    nftpp_test::golden(v6, "table inet vm6 {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
                           "\t\tip6 saddr vmap { fd00::/8 : accept, ::1 : drop }\n\t}\n}\n");
    CHECK_THROWS_AS(tcp.dport >> vmap(on(70000, accept)), value_error);
}

TEST_CASE("jump targets inside verdict maps join the chain graph", "[expr][vmap][checks]") {
    using M = decltype(tcp.dport >> vmap(on(22, jump<"ssh">), on(23, goto_<"telnet">)));
    using R = rule_t<M>;
    using base = chain_t<"input", filter_chain(hook::input), boost::hana::tuple<R>>;
    using ssh = chain_t<"ssh", regular_spec, boost::hana::tuple<rule_t<accept_t>>>;
    using telnet = chain_t<"telnet", regular_spec, boost::hana::tuple<rule_t<drop_t>>>;
    using masq = chain_t<"telnet", regular_spec, boost::hana::tuple<rule_t<masquerade_t<false>>>>;
    STATIC_REQUIRE(table_verdict_of<family::inet, base, ssh, telnet>().error == detail::table_error::none);
    STATIC_REQUIRE(table_verdict_of<family::inet, base, ssh>().error == detail::table_error::jump_missing);
    STATIC_REQUIRE(table_verdict_of<family::inet, base, ssh, masq>().error == detail::table_error::masquerade_hook);
    STATIC_REQUIRE(rule_summary_v<decltype(as_rule(tcp.dport >> vmap(on(22, accept)) >> counter))>.error == rule_error::none);
}
