// SPDX-License-Identifier: Apache-2.0
// The VM TAP example in a namespace playing the host: setup loads NAT and forwarding for
// the TAP, teardown removes exactly that table, stale cleanup removes only tables whose
// device is gone and deletes nothing when the devices cannot be listed; traffic from a VM
// namespace is forwarded and masqueraded, and the input rules hold.
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>

#include "e2e_support.hpp"
#include "golden.hpp"
#include "vm_tap.hpp"

using namespace std::chrono_literals;
using nftpp::testing::scratch_netns;
using e2e::first_word;

namespace {

// "family name" of every table in the namespace, from `nft list tables`.
std::set<std::string> tables_in(const scratch_netns& ns) {
    std::set<std::string> out;
    std::istringstream in(ns.run({e2e::nft_tool(), "list", "tables"}).out);
    std::string word, family, name;
    while (in >> word >> family >> name)
        if (word == "table") out.insert(family + " " + name);
    return out;
}


nftpp::exec::process_result load(const scratch_netns& ns, const std::string& text) {
    return ns.run({e2e::nft_tool(), "-f", "-"}, text);
}

}  // namespace

TEST_CASE("vm_tap: one table per TAP name, no two TAPs share one", "[examples][vm_tap]") {
    using vm_tap::table_name_for;
    CHECK(table_name_for("vmtap-abcd1234").view() == "openshell_vm_vmtap-abcd1234");
    CHECK(table_name_for("vm-tap").view() != table_name_for("vm_tap").view());  // the seed mapped both to vm_tap
    CHECK(table_name_for("TAP_0-x").view() == "openshell_vm_TAP_0-x");
    CHECK(table_name_for("0123456789abcde").view() == "openshell_vm_0123456789abcde");  // 15 bytes
    // (an escaped "tap\*" is refused earlier, as an interface name: nft would list it as
    // the wildcard "tap*")
    CHECK_FALSE(nftpp::ifname::parse("tap\\*").ok());
    for (const char* bad : {"vlan.100", "tap@1", "tap*", "tap:0", "t\xc3\xbc"}) {
        INFO(bad);
        try {
            (void)table_name_for(nftpp::ifname::parse(bad).value());
            FAIL("accepted");
        } catch (const nftpp::value_error& e) {
            CHECK(std::string(e.what()).find("a TAP name may hold only letters, digits, '_' and '-'") != std::string::npos);
        }
    }
    // the seed's names are recognised as live while their device exists
    const std::set<std::string> devices{"lo", "vm-a", "vm_b"};
    const std::vector<std::string> tables{"openshell_vm_vm-a", "openshell_vm_vm_a", "openshell_vm_vm_b", "openshell_vm_vm-b",
                                          "openshell_vm_gone", "openshell_vm_lo"};
    CHECK(vm_tap::stale_tables(tables, devices) == std::vector<std::string>{"openshell_vm_vm-b", "openshell_vm_gone"});
    using nftpp::family;
    CHECK(vm_tap::vm_tables({{family::ip, "openshell_vm_a-1"}, {family::inet, "openshell_vm_x"}, {family::ip, "other"},
                             {family::ip, "openshell_vm_"}, {family::ip, "openshell_vm_a.b"}, {family::ip, "openshell_vm_B_2"}}) ==
          std::vector<std::string>{"openshell_vm_a-1", "openshell_vm_B_2"});
}

TEST_CASE("vm_tap: ip runs with the tools' clean environment, not the caller's", "[examples][vm_tap][env]") {
    // with LD_TRACE_LOADED_OBJECTS=1 in its environment, ld.so lists ip's libraries
    // instead of running it: the listing would hold no device at all
    if (!nftpp::exec::find_trusted(nftpp::exec::ip_candidates).path) {
        WARN("SKIPPED (no trusted ip binary)");
        return;
    }
    ::setenv("LD_TRACE_LOADED_OBJECTS", "1", 1);
    const auto d = vm_tap::list_devices("");  // this host's devices: only read
    ::unsetenv("LD_TRACE_LOADED_OBJECTS");
    INFO(d.error);
    CHECK(d.ok);
    CHECK(d.names.count("lo") == 1);
}

TEST_CASE("vm_tap: a device listing that failed or is empty is an error", "[examples][vm_tap]") {
    nftpp::exec::process_result r;
    r.exit_code = 1;
    r.err = "Cannot open network namespace \"x\": No such file or directory\n";
    auto d = vm_tap::parse_link_listing(r);
    CHECK_FALSE(d.ok);
    CHECK(d.error == "ip exited with status 1: Cannot open network namespace \"x\": No such file or directory");
    r = {};
    r.timed_out = true;
    CHECK(vm_tap::parse_link_listing(r).error.find("timed out") != std::string::npos);
    r = {};
    r.exit_code = 0;  // succeeded, but nothing listed
    d = vm_tap::parse_link_listing(r);
    CHECK_FALSE(d.ok);
    CHECK(d.error.find("no network device") != std::string::npos);
    r.out =
        "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
        "7: vmtap-abcd1234@vmtap-abcd1234p: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN\\    link/ether 1a:2b:3c:4d:5e:6f brd ff:ff:ff:ff:ff:ff\n";
    d = vm_tap::parse_link_listing(r);
    CHECK(d.ok);
    CHECK(d.names == std::set<std::string>{"lo", "vmtap-abcd1234"});
}

// These tests run the example programs; they exist when the examples are built.
#if defined(NFTPP_VM_TAP)

namespace {
nftpp::exec::process_result vm_tap_run(const std::vector<std::string>& args) {
    std::vector<std::string> argv{NFTPP_VM_TAP};
    argv.insert(argv.end(), args.begin(), args.end());
    return nftpp::exec::run_process({argv, {}, 30s});
}

bool add_veth(const scratch_netns& ns, const std::string& dev) {
    return e2e::ip_cmd({"-n", ns.name(), "link", "add", dev, "type", "veth", "peer", "name", dev.substr(0, 13) + "p"}).succeeded();
}

// Unrelated tables that vm_tap must never touch: another family with a TAP table's name,
// an openshell_vm_ table in ip6 whose "device" does not exist, and an unrelated ip table.
const std::string unrelated =
    "table inet openshell_vm_vmtap-abcd1234 {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t}\n}\n"
    "table ip6 openshell_vm_gone {\n}\n"
    "table ip keepme {\n\tchain c {\n\t\ttype filter hook forward priority 0; policy accept;\n\t}\n}\n";
}  // namespace

TEST_CASE("vm_tap: setup, teardown of exactly one table, stale cleanup of only stale ones", "[examples][vm_tap][netns]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns host("vmhost");
    REQUIRE(host.ok());
    for (const char* dev : {"vmtap-abcd1234", "vmtap-ffff0000", "vm-tap", "vm_tap", "legacy-dev"}) REQUIRE(add_veth(host, dev));
    const std::string ns = host.name();
    REQUIRE(load(host, unrelated).succeeded());
    // a table the seed made for a TAP that still exists ("legacy-dev" -> legacy_dev), and
    // one the seed made for a TAP that is gone
    REQUIRE(load(host, "table ip openshell_vm_legacy_dev {\n}\ntable ip openshell_vm_old_gone {\n}\n").succeeded());

    REQUIRE(vm_tap_run({"--netns", ns, "setup", "vmtap-abcd1234", "10.0.128.0/30", "8080"}).succeeded());
    REQUIRE(vm_tap_run({"--netns", ns, "setup", "vmtap-ffff0000", "10.0.128.4/30", "8080"}).succeeded());
    REQUIRE(vm_tap_run({"--netns", ns, "setup", "vm-tap", "10.0.128.8/30", "8080"}).succeeded());
    REQUIRE(vm_tap_run({"--netns", ns, "setup", "vm_tap", "10.0.128.12/30", "8080"}).succeeded());
    // setting up again replaces (no duplicated rules)
    REQUIRE(vm_tap_run({"--netns", ns, "setup", "vmtap-abcd1234", "10.0.128.0/30", "8080"}).succeeded());
    const std::string t1 = host.run({e2e::nft_tool(), "list", "table", "ip", "openshell_vm_vmtap-abcd1234"}).out;
    CHECK(t1.find("type nat hook postrouting priority srcnat; policy accept;") != std::string::npos);
    CHECK(t1.find("ip saddr 10.0.128.0/30 masquerade") != std::string::npos);
    CHECK(t1.find("iifname \"vmtap-abcd1234\" accept") != std::string::npos);
    CHECK(t1.find("oifname \"vmtap-abcd1234\" ct state established,related accept") != std::string::npos);
    CHECK(t1.find("oifname \"vmtap-abcd1234\" drop") != std::string::npos);
    CHECK(t1.find("iifname \"vmtap-abcd1234\" tcp dport 8080 accept") != std::string::npos);
    CHECK(t1.find("masquerade") == t1.rfind("masquerade"));
    // vm-tap and vm_tap have a table each
    CHECK(host.run({e2e::nft_tool(), "list", "table", "ip", "openshell_vm_vm-tap"}).out.find("10.0.128.8/30") != std::string::npos);
    CHECK(host.run({e2e::nft_tool(), "list", "table", "ip", "openshell_vm_vm_tap"}).out.find("10.0.128.12/30") != std::string::npos);

    const std::set<std::string> all{"inet openshell_vm_vmtap-abcd1234", "ip6 openshell_vm_gone", "ip keepme",
                                    "ip openshell_vm_legacy_dev", "ip openshell_vm_old_gone",
                                    "ip openshell_vm_vmtap-abcd1234", "ip openshell_vm_vmtap-ffff0000",
                                    "ip openshell_vm_vm-tap", "ip openshell_vm_vm_tap"};
    REQUIRE(tables_in(host) == all);

    // bad input: nothing applied, a clear message
    auto bad = vm_tap_run({"--netns", ns, "setup", "vmtap-0123456789abcdef", "10.0.128.0/30", "8080"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("an interface name is 1 to 15 bytes") != std::string::npos);
    bad = vm_tap_run({"--netns", ns, "setup", "vmtap-abcd1234", "not-an-ip/30", "8080"});
    CHECK(bad.exit_code == 2);
    bad = vm_tap_run({"--netns", ns, "setup", "vm.tap", "10.0.128.0/30", "8080"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("a TAP name may hold only letters, digits, '_' and '-'") != std::string::npos);
    CHECK(bad.err.find("vm.tap") != std::string::npos);
    bad = vm_tap_run({"--netns", ns, "setup", "vmtap-abcd1234", "10.0.128.0/30", "0"});  // the seed's unknown port
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("a proxy or gateway port is a number from 1 to 65535") != std::string::npos);
    bad = vm_tap_run({"--netns", ns, "setup", "vmtap-abcd1234", "10.0.128.0/30", ""});
    CHECK(bad.exit_code == 2);
    bad = vm_tap_run({"--netns", ns, "teardown", "tap*"});
    CHECK(bad.exit_code == 2);
    bad = vm_tap_run({"--netns", "../x", "cleanup-stale"});
    CHECK(bad.exit_code == 2);
    CHECK(tables_in(host) == all);
    CHECK(host.run({e2e::nft_tool(), "list", "table", "ip", "openshell_vm_vmtap-abcd1234"}).out == t1);

    // teardown removes exactly its table (not the inet one of the same name, not vm_tap's); again is fine
    REQUIRE(vm_tap_run({"--netns", ns, "teardown", "vmtap-abcd1234"}).succeeded());
    REQUIRE(vm_tap_run({"--netns", ns, "teardown", "vmtap-abcd1234"}).succeeded());
    REQUIRE(vm_tap_run({"--netns", ns, "teardown", "vm-tap"}).succeeded());
    auto after_teardown = all;
    after_teardown.erase("ip openshell_vm_vmtap-abcd1234");
    after_teardown.erase("ip openshell_vm_vm-tap");
    CHECK(tables_in(host) == after_teardown);

    // stale cleanup: only ip openshell_vm_* tables whose device is gone
    REQUIRE(vm_tap_run({"--netns", ns, "setup", "vmtap-abcd1234", "10.0.128.0/30", "8080"}).succeeded());
    REQUIRE(e2e::ip_cmd({"-n", ns, "link", "del", "vmtap-ffff0000"}).succeeded());
    const auto cleaned = vm_tap_run({"--netns", ns, "cleanup-stale"});
    INFO(cleaned.err);
    REQUIRE(cleaned.succeeded());
    CHECK(cleaned.err.find("deleted stale table ip openshell_vm_vmtap-ffff0000") != std::string::npos);
    CHECK(cleaned.err.find("deleted stale table ip openshell_vm_old_gone") != std::string::npos);
    CHECK(tables_in(host) == std::set<std::string>{"inet openshell_vm_vmtap-abcd1234", "ip6 openshell_vm_gone", "ip keepme",
                                                   "ip openshell_vm_legacy_dev", "ip openshell_vm_vmtap-abcd1234",
                                                   "ip openshell_vm_vm_tap"});
    // nothing stale left: nothing deleted, success
    const auto again = vm_tap_run({"--netns", ns, "cleanup-stale"});
    CHECK(again.succeeded());
    CHECK(again.err.find("deleted") == std::string::npos);
}

TEST_CASE("vm_tap cleanup-stale deletes nothing when the devices cannot be listed", "[examples][vm_tap][netns]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns host("vmhost");
    REQUIRE(host.ok());
    REQUIRE(add_veth(host, "vmtap-live0001"));
    REQUIRE(vm_tap_run({"--netns", host.name(), "setup", "vmtap-live0001", "10.0.128.0/30", "8080"}).succeeded());
    REQUIRE(load(host, "table ip openshell_vm_gone-0001 {\n}\n").succeeded());
    const auto before = tables_in(host);
    REQUIRE(before.size() == 2);

    auto executor = host.executor();
    // ip failed
    auto r = vm_tap::cleanup_stale(executor, [] {
        nftpp::exec::process_result p;
        p.exit_code = 255;
        p.err = "Cannot open network namespace";
        return vm_tap::parse_link_listing(p);
    });
    CHECK(r.exit_code == 1);
    CHECK(r.deleted.empty());
    CHECK(r.message.find("cannot list the network devices, nothing deleted: ip exited with status 255") != std::string::npos);
    CHECK(tables_in(host) == before);
    // ip "succeeded" but listed nothing: an empty set would make every table stale
    r = vm_tap::cleanup_stale(executor, [] {
        nftpp::exec::process_result p;
        p.exit_code = 0;
        return vm_tap::parse_link_listing(p);
    });
    CHECK(r.exit_code == 1);
    CHECK(tables_in(host) == before);
    // no trusted ip at all
    r = vm_tap::cleanup_stale(executor, [] { return vm_tap::device_listing{false, {}, "no ip binary at the trusted paths"}; });
    CHECK(r.exit_code == 1);
    CHECK(tables_in(host) == before);
    // the real listing works, and only the stale table goes
    r = vm_tap::cleanup_stale(executor, [&] { return vm_tap::list_devices(host.name()); });
    CHECK(r.exit_code == 0);
    CHECK(r.deleted == std::vector<std::string>{"openshell_vm_gone-0001"});
    CHECK(tables_in(host) == std::set<std::string>{"ip openshell_vm_vmtap-live0001"});

    // the program, for a namespace that does not exist: an error, nothing deleted
    const auto missing = vm_tap_run({"--netns", host.name() + "-missing", "cleanup-stale"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("nothing deleted") != std::string::npos);
    CHECK(vm_tap::list_devices(host.name() + "-missing").error.find("ip exited with status") != std::string::npos);
}

TEST_CASE("vm_tap: traffic from a VM is forwarded and masqueraded; the input rules hold", "[examples][vm_tap][netns][e2e]") {
    if (!nftpp_test::netns_usable()) return;
    e2e::probe_binary probe;
    // vm (vmeth 10.0.128.2/30) <-> host (vmtap-abcd1234 10.0.128.1/30, uplink 203.0.113.1/24) <-> outside (203.0.113.2/24)
    scratch_netns vm("vm"), host("vmhost"), outside("out");
    REQUIRE(vm.ok());
    REQUIRE(host.ok());
    REQUIRE(outside.ok());
    REQUIRE(e2e::veth_pair(vm, "vmeth", {"10.0.128.2/30"}, host, "vmtap-abcd1234", {"10.0.128.1/30"}));
    REQUIRE(e2e::veth_pair(host, "uplink", {"203.0.113.1/24"}, outside, "peer", {"203.0.113.2/24"}));
    REQUIRE(e2e::ip_cmd({"-n", vm.name(), "route", "add", "default", "via", "10.0.128.1"}).succeeded());
    // forwarding in the host namespace only (a namespace's own sysctl; it goes with it)
    const auto initial_forward = e2e::read_first_line("/proc/sys/net/ipv4/ip_forward");
    REQUIRE(host.run({"/usr/sbin/sysctl", "-q", "-w", "net.ipv4.ip_forward=1"}).succeeded());
    REQUIRE(first_word(host.run({"/bin/cat", "/proc/sys/net/ipv4/ip_forward"}).out) == "1");
    CHECK(e2e::read_first_line("/proc/sys/net/ipv4/ip_forward") == initial_forward);

    e2e::listener web(outside, probe, {"203.0.113.2:80"}, "203.0.113.2", "80");
    e2e::listener gateway(host, probe, {"10.0.128.1:8080", "10.0.128.1:8081"}, "10.0.128.1", "8080");
    e2e::listener guest(vm, probe, {"10.0.128.2:22"}, "10.0.128.2", "22");
    REQUIRE(e2e::wait_ready(outside, probe, "203.0.113.2", "80"));
    REQUIRE(e2e::wait_ready(host, probe, "10.0.128.1", "8080"));
    REQUIRE(e2e::wait_ready(vm, probe, "10.0.128.2", "22"));
    auto from_vm = [&](const std::string& addr, const std::string& port) {
        return first_word(vm.run({probe.path(), "connect", addr, port, "1000"}).out);
    };
    auto from_outside = [&](const std::string& addr, const std::string& port) {
        return first_word(outside.run({probe.path(), "connect", addr, port, "1000"}).out);
    };

    // before setup: the outside has no route back to the VM's /30, so without NAT the
    // VM gets nowhere; the host's other port is open
    CHECK(from_vm("203.0.113.2", "80") != "ok");
    CHECK(from_vm("10.0.128.1", "8081") == "ok");

    REQUIRE(vm_tap_run({"--netns", host.name(), "setup", "vmtap-abcd1234", "10.0.128.0/30", "8080"}).succeeded());
    CHECK(from_vm("203.0.113.2", "80") == "ok");  // forwarded, and masqueraded (see below)
    CHECK(from_vm("10.0.128.1", "8080") == "ok");  // the gateway port
    CHECK(from_vm("10.0.128.1", "8081") == "ETIMEDOUT");  // anything else from the TAP is dropped
    // new connections towards the VM are dropped, even with a route to it
    REQUIRE(e2e::ip_cmd({"-n", outside.name(), "route", "add", "10.0.128.0/30", "via", "203.0.113.1"}).succeeded());
    CHECK(from_outside("10.0.128.2", "22") == "ETIMEDOUT");

    REQUIRE(vm_tap_run({"--netns", host.name(), "teardown", "vmtap-abcd1234"}).succeeded());
    CHECK(from_outside("10.0.128.2", "22") == "ok");
    CHECK(from_vm("10.0.128.1", "8081") == "ok");
    CHECK(from_vm("203.0.113.2", "80") == "ok");  // now routed back, not masqueraded

    web.stop();
    gateway.stop();
    guest.stop();
    // the outside saw the VM's first connection from the host's address, the last one from the VM's
    const std::string seen = web.output();
    INFO(seen);
    const auto masqueraded = seen.find("from 203.0.113.1\n");
    const auto direct = seen.find("from 10.0.128.2\n");
    REQUIRE(masqueraded != std::string::npos);
    REQUIRE(direct != std::string::npos);
    CHECK(masqueraded < direct);
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = seen.find(what); at != std::string::npos; at = seen.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count("from 203.0.113.1\n") == 1);  // the VM's connection while the table was loaded
    CHECK(count("from 10.0.128.2\n") == 1);   // after teardown; the one before setup never completed
}

#endif
