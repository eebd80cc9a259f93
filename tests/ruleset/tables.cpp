// SPDX-License-Identifier: Apache-2.0
// Golden rendering of chains, tables, sets and commands, each script loaded for real.
#include <string>
#include <vector>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;

TEST_CASE("a base chain with policy and a regular chain reached by jump and goto", "[ruleset][golden]") {
    const auto t = table<family::inet>("filter",
        base_chain<"input", filter_chain(hook::input, -10)>(policy::drop,
            ct.state == (established | related) >> accept,
            tcp.dport == 22 >> jump<"ssh">,
            udp.dport == 53 >> goto_<"dns">),
        chain<"ssh">(ip.saddr == "10.0.0.0/8" >> accept, return_),
        chain<"dns">(accept));
    golden(replace(t),
           "add table inet filter\n"
           "delete table inet filter\n"
           "table inet filter {\n"
           "\tchain input {\n"
           "\t\ttype filter hook input priority -10; policy drop;\n"
           "\t\tct state established,related accept\n"
           "\t\ttcp dport 22 jump ssh\n"
           "\t\tudp dport 53 goto dns\n"
           "\t}\n"
           "\tchain ssh {\n"
           "\t\tip saddr 10.0.0.0/8 accept\n"
           "\t\treturn\n"
           "\t}\n"
           "\tchain dns {\n"
           "\t\taccept\n"
           "\t}\n"
           "}\n");
}

TEST_CASE("tables of every family", "[ruleset][golden]") {
    golden(table<family::ip>("a", base_chain<"c", filter_chain(hook::forward)>(counter)),
           "table ip a {\n\tchain c {\n\t\ttype filter hook forward priority 0; policy accept;\n\t\tcounter\n\t}\n}\n");
    golden(table<family::ip6>("b", base_chain<"c", route_chain(hook::output)>(meta.mark.set(1))),
           "table ip6 b {\n\tchain c {\n\t\ttype route hook output priority -150; policy accept;\n\t\tmeta mark set 0x00000001\n\t}\n}\n");
    golden(table<family::arp>("c", base_chain<"c", filter_chain(hook::output)>(counter >> accept)),
           "table arp c {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\tcounter accept\n\t}\n}\n");
    golden(table<family::bridge>("d", base_chain<"c", filter_chain(hook::prerouting, bridge_prio::filter)>(ip.saddr == "10.0.0.1" >> drop)),
           "table bridge d {\n\tchain c {\n\t\ttype filter hook prerouting priority -200; policy accept;\n\t\tip saddr 10.0.0.1 drop\n\t}\n}\n");
    golden(table<family::netdev>("e", base_chain<"c", filter_chain(hook::ingress)>(device("lo"), policy::accept, tcp.dport == 9 >> drop)),
           "table netdev e {\n\tchain c {\n\t\ttype filter hook ingress device \"lo\" priority 0; policy accept;\n\t\ttcp dport 9 drop\n\t}\n}\n");
    golden(table<family::inet>("f", base_chain<"c", filter_chain(hook::ingress)>(device("lo"), counter)),
           "table inet f {\n\tchain c {\n\t\ttype filter hook ingress device \"lo\" priority 0; policy accept;\n\t\tcounter\n\t}\n}\n");
}

TEST_CASE("named sets and references", "[ruleset][golden]") {
    const auto t = table<family::inet>("s",
        set<"allowed", ipv4_addr>(set_flag::interval, {"10.0.0.0/8", "192.168.1.1"}),
        set<"ports", port>({22, 80}),
        set<"empty", ifname>(),
        base_chain<"input", filter_chain(hook::input)>(
            ip.saddr == at<"allowed"> && tcp.dport == at<"ports"> >> accept,
            iifname == at<"empty"> >> drop,
            ip.saddr != at<"allowed"> >> drop));
    golden(t,
           "table inet s {\n"
           "\tset allowed {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\telements = {\n\t\t\t10.0.0.0/8,\n\t\t\t192.168.1.1\n\t\t}\n\t}\n"
           "\tset ports {\n\t\ttype inet_service\n\t\telements = {\n\t\t\t22,\n\t\t\t80\n\t\t}\n\t}\n"
           "\tset empty {\n\t\ttype ifname\n\t}\n"
           "\tchain input {\n"
           "\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\tip saddr @allowed tcp dport @ports accept\n"
           "\t\tiifname @empty drop\n"
           "\t\tip saddr != @allowed drop\n"
           "\t}\n"
           "}\n");
    const std::vector<ipv4_addr> many{ipv4_addr::parse("10.1.0.1").value(), ipv4_addr::parse("10.1.0.2").value()};
    golden(table<family::ip>("r", set<"m", ipv4_addr>(set_flags{}, many)),
           "table ip r {\n\tset m {\n\t\ttype ipv4_addr\n\t\telements = {\n\t\t\t10.1.0.1,\n\t\t\t10.1.0.2\n\t\t}\n\t}\n}\n");
}

TEST_CASE("commands: several tables in one transaction", "[ruleset][golden]") {
    const auto a = table<family::ip>("a", chain<"x">());
    const auto b = table<family::ip6>("b", base_chain<"c", filter_chain(hook::output)>(accept));
    golden(ruleset(replace(a), create(b), flush_table(b), add(a), delete_table(a)),
           "add table ip a\ndelete table ip a\ntable ip a {\n\tchain x {\n\t}\n}\n"
           "create table ip6 b\ntable ip6 b {\n\tchain c {\n\t\ttype filter hook output priority 0; policy accept;\n\t\taccept\n\t}\n}\n"
           "flush table ip6 b\n"
           "table ip a {\n\tchain x {\n\t}\n}\n"
           "delete table ip a\n");
}

TEST_CASE("runtime values and runtime rule lists", "[ruleset][golden]") {
    const std::string tap_text = "vmtap-abcd1234";
    const ifname tap = ifname::parse(tap_text).value();
    std::string table_name_text = "openshell_vm_" + tap_text;
    for (auto& c : table_name_text)
        if (c == '-') c = '_';
    const name tname = name::parse(table_name_text).value();
    const std::vector<port> ports{port(22), port(8080)};
    const auto t = table<family::ip>(tname,
        base_chain<"input", filter_chain(hook::input)>(
            rules_from(ports, [&](port p) { return iifname == tap && tcp.dport == p >> accept; }),
            iifname == tap >> drop));
    golden(replace(t),
           "add table ip openshell_vm_vmtap_abcd1234\ndelete table ip openshell_vm_vmtap_abcd1234\n"
           "table ip openshell_vm_vmtap_abcd1234 {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\tiifname \"vmtap-abcd1234\" tcp dport 22 accept\n"
           "\t\tiifname \"vmtap-abcd1234\" tcp dport 8080 accept\n"
           "\t\tiifname \"vmtap-abcd1234\" drop\n\t}\n}\n");
    CHECK_THROWS_AS(ifname::parse("vmtap-0123456789abc").value(), value_error);
    CHECK_FALSE(name::parse("accept").ok());
}

TEST_CASE("the origin of each line", "[ruleset][render]") {
    const auto t = table<family::inet>("o", base_chain<"c", filter_chain(hook::input)>(counter, tcp.dport == 22 >> accept));
    const script s = render(ruleset(replace(t)));
    // line 1: add table, 2: delete table, 3: table, 4: chain, 5: type, 6: counter, 7: tcp dport
    const script_origin* o = s.origin_of_line(7);
    REQUIRE(o != nullptr);
    CHECK(o->table == "inet o");
    CHECK(o->chain == "c");
    CHECK(o->rule == 1);
    CHECK(o->text == "\t\ttcp dport 22 accept");
    CHECK(s.origin_of_line(6)->rule == 0);
    CHECK(s.origin_of_line(5)->rule == -1);
    CHECK(render_text(ruleset(replace(t))) == s.text());
    CHECK(rendered_size(ruleset(replace(t))) == s.text().size());
}

// A table whose values are all constants renders at compile time.
constexpr auto static_fence() {
    return table<family::inet>("static_fence",
        base_chain<"output", filter_chain(hook::output)>(policy::accept,
            oifname == "lo" >> accept,
            tcp.dport == 3128 >> accept,
            log("blocked: ", skuid) >> reject));
}

TEST_CASE("a constant table is a compile-time constant script", "[ruleset][render]") {
    constexpr auto& text = static_script<[] { return static_fence(); }>;
    STATIC_REQUIRE(text.view() ==
                   "table inet static_fence {\n\tchain output {\n\t\ttype filter hook output priority 0; policy accept;\n"
                   "\t\toifname \"lo\" accept\n\t\ttcp dport 3128 accept\n\t\tlog prefix \"blocked: \" flags skuid reject\n\t}\n}\n");
    nftpp_test::require_loads(script(std::string(text.view())));
    CHECK(render_text(static_fence()) == text.view());
}
