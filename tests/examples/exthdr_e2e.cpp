// SPDX-License-Identifier: Apache-2.0
// exthdr, end to end: in a scratch namespace whose loopback has the IPv6 minimum MTU
// (1280), a datagram larger than that leaves as fragments. `exthdr.frag.exists() >> drop`
// on input drops those fragments (the input hook sees them before reassembly) and lets
// small datagrams through; `exthdr.frag.frag_off` and `more_fragments` tell the first
// fragment from the others.
#include <string>
#include <thread>

#include "e2e_support.hpp"
#include "golden.hpp"

using namespace nftpp;
using namespace std::chrono_literals;

namespace {

// Sends `count` datagrams of `size` bytes to [::1]:port in ns and returns what a receiver
// bound there counted: "got <count> <largest>".
std::string exchange(const nftpp::testing::scratch_netns& ns, const e2e::probe_binary& probe, int size, int count,
                     const std::string& port) {
    nftpp::exec::process_result got;
    std::thread receiver([&] { got = ns.run({probe.path(), "udprecv", "::1", port, "2500"}, {}, 10s); });
    std::this_thread::sleep_for(500ms);  // the receiver binds first
    const auto sent = ns.run({probe.path(), "udpsend", "::1", port, std::to_string(size), std::to_string(count)});
    receiver.join();
    if (e2e::first_word(sent.out) != "ok") return "send failed: " + sent.out + sent.err;
    const std::string out = got.out;
    return out.substr(0, out.find('\n'));
}

// The packets a named counter of table t saw, from the JSON listing ("" if absent).
std::string counter_packets(const nftpp::testing::scratch_netns& ns, const std::string& name) {
    std::string text = ns.executor().list_ruleset_json().out;
    std::erase(text, ' ');
    std::size_t at = text.find("{\"counter\":{\"family\":\"inet\",\"name\":\"" + name + "\"");
    if (at == std::string::npos) return "";
    at = text.find("\"packets\":", at);
    if (at == std::string::npos) return "";
    at += 10;
    return text.substr(at, text.find_first_of(",}", at) - at);
}

}  // namespace

TEST_CASE("exthdr.frag drops IPv6 fragments and lets whole datagrams through", "[examples][exthdr][e2e][netns]") {
    if (!nftpp_test::netns_usable()) return;
    nftpp::testing::scratch_netns ns("exthdr");
    REQUIRE(ns.ok());
    REQUIRE(e2e::ip_cmd({"-n", ns.name(), "link", "set", "lo", "mtu", "1280"}).succeeded());
    e2e::probe_binary probe;

    // without rules, large datagrams are reassembled and arrive
    CHECK(exchange(ns, probe, 3000, 3, "7200") == "got 3 3000");

    const auto t = table<family::inet>(
        "t", named_counter<"first">(), named_counter<"rest">(),
        base_chain<"in", filter_chain(hook::input)>(
            exthdr.frag.frag_off == 0 && exthdr.frag.more_fragments == 1 >> counter_name<"first">,
            exthdr.frag.frag_off != 0 >> counter_name<"rest">,
            exthdr.frag.exists() && udp.dport == 7201 >> drop));
    const auto applied = ns.executor().apply(render(ruleset(replace(t))));
    INFO(applied.describe());
    REQUIRE(applied.ok());

    // fragments of the port the rule names are dropped; whole datagrams pass, and so do
    // fragments to another port (udp.dport reads the first fragment's transport header)
    CHECK(exchange(ns, probe, 3000, 3, "7201") == "got 0 0");
    CHECK(exchange(ns, probe, 100, 3, "7201") == "got 3 100");
    CHECK(exchange(ns, probe, 3000, 3, "7202") == "got 3 3000");
    // six datagrams went as fragments: 3000 bytes over a 1280 MTU is three fragments each,
    // one first (offset 0, more to come) and two later ones
    CHECK(counter_packets(ns, "first") == "6");
    CHECK(counter_packets(ns, "rest") == "12");
}
