// The VM TAP example in a namespace playing the host: setup loads NAT and forwarding for
// the TAP, teardown removes exactly that table, stale cleanup removes only tables whose
// device is gone.
#include <string>

#include "golden.hpp"

// These tests run the example programs; they exist when the examples are built.
#if defined(NFTPP_VM_TAP) && defined(NFTPP_SANDBOX_FENCE)

using namespace std::chrono_literals;
using nftpp::testing::scratch_netns;

namespace {
nftpp::exec::process_result vm_tap(const std::vector<std::string>& args) {
    std::vector<std::string> argv{NFTPP_VM_TAP};
    argv.insert(argv.end(), args.begin(), args.end());
    return nftpp::exec::run_process({argv, {}, 30s});
}
}  // namespace

TEST_CASE("vm_tap: setup, teardown, stale cleanup", "[examples][vm_tap][netns]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns host("vmhost");
    REQUIRE(host.ok());
    const std::string ip = *nftpp::exec::find_trusted(nftpp::exec::ip_candidates).path;
    for (const char* tap : {"vmtap-abcd1234", "vmtap-ffff0000"})
        REQUIRE(host.run({ip, "link", "add", tap, "type", "veth", "peer", "name", std::string(tap) + "p"}).succeeded());
    const std::string ns = host.name();
    REQUIRE(vm_tap({"--netns", ns, "setup", "vmtap-abcd1234", "10.0.128.0/30", "8080"}).succeeded());
    REQUIRE(vm_tap({"--netns", ns, "setup", "vmtap-ffff0000", "10.0.128.4/30", "8080"}).succeeded());
    // setting up again replaces (no duplicated rules)
    REQUIRE(vm_tap({"--netns", ns, "setup", "vmtap-abcd1234", "10.0.128.0/30", "8080"}).succeeded());
    const std::string t1 = host.run({"/usr/sbin/nft", "list", "table", "ip", "openshell_vm_vmtap_abcd1234"}).out;
    CHECK(t1.find("type nat hook postrouting priority srcnat; policy accept;") != std::string::npos);
    CHECK(t1.find("ip saddr 10.0.128.0/30 masquerade") != std::string::npos);
    CHECK(t1.find("oifname \"vmtap-abcd1234\" ct state established,related accept") != std::string::npos);
    CHECK(t1.find("iifname \"vmtap-abcd1234\" tcp dport 8080 accept") != std::string::npos);
    CHECK(t1.find("masquerade") == t1.rfind("masquerade"));

    // bad input: nothing applied, a clear message
    auto bad = vm_tap({"--netns", ns, "setup", "vmtap-0123456789abcdef", "10.0.128.0/30", "8080"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("an interface name is 1 to 15 bytes") != std::string::npos);
    bad = vm_tap({"--netns", ns, "setup", "vmtap-abcd1234", "not-an-ip/30", "8080"});
    CHECK(bad.exit_code == 2);

    // a table for a TAP that no longer exists
    REQUIRE(vm_tap({"--netns", ns, "setup", "vmtap-ffff0000", "10.0.128.4/30", "8080"}).succeeded());
    REQUIRE(host.run({ip, "link", "del", "vmtap-ffff0000"}).succeeded());
    const auto cleaned = vm_tap({"--netns", ns, "cleanup-stale"});
    REQUIRE(cleaned.succeeded());
    CHECK(cleaned.err.find("openshell_vm_vmtap_ffff0000") != std::string::npos);
    std::string tables = host.run({"/usr/sbin/nft", "list", "tables"}).out;
    CHECK(tables.find("openshell_vm_vmtap_abcd1234") != std::string::npos);
    CHECK(tables.find("openshell_vm_vmtap_ffff0000") == std::string::npos);

    // teardown removes exactly its table; again is fine
    REQUIRE(vm_tap({"--netns", ns, "teardown", "vmtap-abcd1234"}).succeeded());
    REQUIRE(vm_tap({"--netns", ns, "teardown", "vmtap-abcd1234"}).succeeded());
    tables = host.run({"/usr/sbin/nft", "list", "tables"}).out;
    CHECK(tables.find("openshell_vm") == std::string::npos);
}

TEST_CASE("sandbox_fence --apply loads the fence into a namespace with one transaction", "[examples][netns]") {
    if (!nftpp_test::netns_usable()) return;
    scratch_netns sb("fence");
    REQUIRE(sb.ok());
    const auto r = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, "--apply", sb.name(), "10.200.0.1", "3128"}, {}, 30s});
    INFO(r.err);
    REQUIRE(r.succeeded());
    const std::string listing = sb.run({"/usr/sbin/nft", "list", "table", "inet", "openshell_bypass"}).out;
    CHECK(listing.find("ip daddr 10.200.0.1 tcp dport 3128 accept") != std::string::npos);
    CHECK(listing.find("flags skuid") != std::string::npos);
    const auto bad = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, "--apply", sb.name(), "10.200.0.1", "70000"}, {}, 30s});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("a port is a number from 0 to 65535") != std::string::npos);
    const auto missing = nftpp::exec::run_process({{NFTPP_SANDBOX_FENCE, "--apply", "nftpp-test-none", "10.200.0.1", "3128"}, {}, 30s});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("network namespace does not exist") != std::string::npos);
}
#endif
