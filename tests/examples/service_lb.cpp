// SPDX-License-Identifier: Apache-2.0
// examples/service_lb: the services file checked field by field, the table built from it,
// and, end to end, real connections to service addresses spread over endpoints in another
// namespace, in both families; update changes exactly what changed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e_support.hpp"
#include "golden.hpp"
#include "service_lb.hpp"

using namespace std::chrono_literals;
using nftpp::testing::scratch_netns;

namespace {

std::string refusal(const std::string& json) {
    try {
        (void)service_lb::build_table(service_lb::parse_config(json));
    } catch (const service_lb::input_error& e) {
        return e.what();
    }
    return "(accepted)";
}

const std::string two_services = R"({"table": "svc", "services": [
  {"name": "web", "vip": "10.96.0.10", "port": 80, "protocol": "tcp",
   "endpoints": [{"addr": "10.0.1.2", "port": 8080}, {"addr": "10.0.1.3", "port": 8080}]},
  {"name": "dns6", "vip": "fd00:96::53", "port": 53, "protocol": "udp", "endpoints": [{"addr": "fd00:1::2", "port": 5353}]},
  {"name": "idle", "vip": "10.96.0.11", "port": 443, "protocol": "tcp", "endpoints": []}]})";

}  // namespace

TEST_CASE("service_lb: bad input names the service and the field", "[examples][service_lb]") {
    auto svc = [](const std::string& fields) { return R"({"table": "svc", "services": [{)" + fields + "}]}"; };
    const std::string ok = R"("name": "web", "vip": "10.96.0.10", "port": 80, "protocol": "tcp")";
    CHECK(refusal(svc(ok)) == "(accepted)");
    CHECK(refusal(svc(R"("name": "web site", "vip": "10.96.0.10", "port": 80, "protocol": "tcp")")).rfind(
              "service \"web site\", field \"name\": a table, chain or set name starts with", 0) == 0);
    CHECK(refusal(svc(R"("name": "counter", "vip": "10.96.0.10", "port": 80, "protocol": "tcp")")) ==
          "service \"counter\", field \"name\": " + std::string(nftpp::rules::a_name_may_not_be_an_nft_keyword.sentence));
    CHECK(refusal(svc(R"("name": "web", "vip": "10.96.0.300", "port": 80, "protocol": "tcp")")).rfind(
              "service \"web\", field \"vip\": \"10.96.0.300\" is neither an IPv4 nor an IPv6 address", 0) == 0);
    CHECK(refusal(svc(R"("name": "web", "vip": "10.96.0.10", "port": 70000, "protocol": "tcp")")) ==
          "service \"web\", field \"port\": 70000 is not a port: a port is a number from 1 to 65535");
    CHECK(refusal(svc(R"("name": "web", "vip": "10.96.0.10", "port": 0, "protocol": "tcp")")).find("field \"port\"") != std::string::npos);
    CHECK(refusal(svc(R"("name": "web", "vip": "10.96.0.10", "port": "80", "protocol": "tcp")")) ==
          "service \"web\", field \"port\": must be a whole number");
    CHECK(refusal(svc(R"("name": "web", "vip": "10.96.0.10", "port": 80, "protocol": "sctp")")) ==
          "service \"web\", field \"protocol\": \"sctp\" is not tcp or udp");
    CHECK(refusal(svc(ok + R"(, "weight": 3)")).rfind("service \"web\", field \"weight\": unknown field", 0) == 0);
    CHECK(refusal(svc(R"("vip": "10.96.0.10", "port": 80, "protocol": "tcp")")) == "service #0, field \"name\": missing");
    CHECK(refusal(svc(ok + R"(, "endpoints": [{"addr": "10.0.1.2", "port": 99999}])")) ==
          "service \"web\", endpoint #0, field \"port\": 99999 is not a port: a port is a number from 1 to 65535");
    CHECK(refusal(svc(ok + R"(, "endpoints": [{"addr": "fd00::2", "port": 80}])")).rfind(
              "service \"web\", endpoint #0, field \"addr\": the endpoint is IPv6", 0) == 0);
    CHECK(refusal(svc(ok + R"(, "endpoints": [{"addr": "10.0.1.2", "port": 80, "zone": "a"}])")).rfind(
              "service \"web\", endpoint #0, field \"zone\": unknown field", 0) == 0);
    const std::string two = R"({"table": "svc", "services": [{)" + ok + "}, {" + ok + "}]}";
    CHECK(refusal(two) == "service \"web\", field \"name\": two services have this name: rename one");
    const std::string same_frontend = R"({"table": "svc", "services": [{)" + ok + R"(}, {"name": "www", "vip": "10.96.0.10", "port": 80, "protocol": "tcp"}]})";
    CHECK(refusal(same_frontend) == "service \"www\", field \"vip\": another service has the address 10.96.0.10 with tcp port 80: give each its own");
    const std::string other_protocol = R"({"table": "svc", "services": [{)" + ok + R"(}, {"name": "www", "vip": "10.96.0.10", "port": 80, "protocol": "udp"}]})";
    CHECK(refusal(other_protocol) == "(accepted)");  // tcp and udp on one port (as DNS has) are two services
    CHECK(refusal(R"({"table": "accept", "services": []})") == "the file, field \"table\": \"accept\": " +
                                                              std::string(nftpp::rules::a_name_may_not_be_an_nft_keyword.sentence));
    CHECK(refusal(R"({"table": "svc", "services": [], "extra": 1})").rfind("the file, field \"extra\": unknown field", 0) == 0);
    CHECK(refusal("{not json").rfind("the file is not JSON", 0) == 0);
}

TEST_CASE("service_lb: the ruleset of a services file, checked and loadable", "[examples][service_lb]") {
    const auto t = service_lb::build_table(service_lb::parse_config(two_services));
    REQUIRE_FALSE(t.check());
    const nftpp::script s = nftpp::render(nftpp::ruleset(nftpp::replace(t)));
    const std::string& text = s.text();
    CHECK(text.find("\t\tip daddr . meta l4proto . th dport vmap @services_v4\n") != std::string::npos);
    CHECK(text.find("\t\t\t10.96.0.10 . tcp . 80 : goto svc_web") != std::string::npos);
    CHECK(text.find("\t\t\tfd00:96::53 . udp . 53 : goto svc_dns6") != std::string::npos);
    CHECK(text.find("\tchain svc_web {\n\t\tmeta l4proto tcp dnat ip to numgen random mod 2 map { 0 : 10.0.1.2 . 8080, 1 : 10.0.1.3 . 8080 }\n\t}\n") !=
          std::string::npos);
    CHECK(text.find("\tchain svc_dns6 {\n\t\tmeta l4proto udp dnat ip6 to numgen random mod 1 map { 0 : fd00:1::2 . 5353 }\n\t}\n") !=
          std::string::npos);
    CHECK(text.find("\tchain svc_idle {\n\t\treject\n\t}\n") != std::string::npos);
    nftpp_test::require_loads(s);
}

#if defined(NFTPP_SERVICE_LB)

namespace {

nftpp::exec::process_result service_lb_run(const std::vector<std::string>& args) {
    std::vector<std::string> argv{NFTPP_SERVICE_LB};
    argv.insert(argv.end(), args.begin(), args.end());
    return nftpp::exec::run_process({argv, {}, 60s});
}

class temp_file {
public:
    explicit temp_file(const std::string& text)
        : path_(std::filesystem::temp_directory_path() / ("nftpp-svc-" + std::to_string(::getpid()) + "-" + std::to_string(n()++) + ".json")) {
        std::ofstream(path_) << text;
    }
    ~temp_file() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    [[nodiscard]] std::string path() const { return path_.string(); }

private:
    static int& n() {
        static int k = 0;
        return k;
    }
    std::filesystem::path path_;
};

std::string services(const std::vector<std::string>& web4, const std::vector<std::string>& web6, bool with_api, bool with_gone) {
    auto eps = [](const std::vector<std::string>& addrs) {
        std::string s;
        for (const auto& a : addrs) s += std::string(s.empty() ? "" : ", ") + R"({"addr": ")" + a + R"(", "port": 8080})";
        return s;
    };
    std::string j = R"({"table": "svc", "services": [)";
    j += R"({"name": "web", "vip": "10.96.0.10", "port": 80, "protocol": "tcp", "endpoints": [)" + eps(web4) + "]}";
    j += R"(, {"name": "web6", "vip": "fd00:96::10", "port": 80, "protocol": "tcp", "endpoints": [)" + eps(web6) + "]}";
    if (with_api) j += R"(, {"name": "api", "vip": "10.96.0.20", "port": 81, "protocol": "tcp", "endpoints": [)" + eps({"10.0.1.2"}) + "]}";
    if (with_gone) j += R"(, {"name": "gone", "vip": "10.96.0.30", "port": 82, "protocol": "tcp", "endpoints": []})";
    return j + "]}";
}

// Objects of a JSON listing without handles, sorted: two ways to the same table compare equal.
std::vector<std::string> objects(const std::string& listing) {
    std::vector<std::string> out;
    const nlohmann::json all = nlohmann::json::parse(listing);
    for (auto item : all.at("nftables")) {
        if (item.contains("metainfo")) continue;
        for (auto& [kind, body] : item.items()) body.erase("handle");
        out.push_back(item.dump());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("service_lb: the command line", "[examples][service_lb]") {
    temp_file good(two_services);
    const auto printed = service_lb_run({"print", good.path()});
    REQUIRE(printed.succeeded());
    CHECK(printed.out == nftpp::render_text(nftpp::ruleset(nftpp::replace(service_lb::build_table(service_lb::parse_config(two_services))))));
    temp_file bad(R"({"table": "svc", "services": [{"name": "web", "vip": "10.96.0.10", "port": 80, "protocol": "icmp"}]})");
    const auto refused = service_lb_run({"print", bad.path()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "service_lb: " + bad.path() + ": service \"web\", field \"protocol\": \"icmp\" is not tcp or udp\n");
    CHECK(service_lb_run({"print"}).exit_code == 64);
    CHECK(service_lb_run({"apply", "--netns", "../x", good.path()}).exit_code == 64);
}

TEST_CASE("service_lb: connections spread over endpoints in both families; bad input applies nothing; update changes only what changed",
          "[examples][service_lb][netns][e2e]") {
    if (!nftpp_test::netns_usable()) return;
    e2e::probe_binary probe;
    // client (10.0.1.1, fd00:1::1) <-> backends (10.0.1.2-4, fd00:1::2-3): services are DNATed in the client's output hook
    scratch_netns client("lbclient"), backends("lbback");
    REQUIRE(client.ok());
    REQUIRE(backends.ok());
    REQUIRE(e2e::veth_pair(client, "cl0", {"10.0.1.1/24", "fd00:1::1/64"}, backends, "be0",
                           {"10.0.1.2/24", "10.0.1.3/24", "10.0.1.4/24", "fd00:1::2/64", "fd00:1::3/64"}));
    // the service ranges are routed towards the backends (as a cluster's are), so the output
    // hook sees the connection and DNATs it
    REQUIRE(e2e::ip_cmd({"-n", client.name(), "route", "add", "10.96.0.0/16", "dev", "cl0"}).succeeded());
    REQUIRE(e2e::ip_cmd({"-n", client.name(), "-6", "route", "add", "fd00:96::/64", "dev", "cl0"}).succeeded());

    auto connect = [&](const std::string& addr, const std::string& port) {
        return e2e::first_word(client.run({probe.path(), "connect", addr, port, "3000"}).out);
    };
    auto listing = [&] {
        return client.run({e2e::nft_tool(), "-j", "list", "table", "inet", "svc"}).out;
    };

    // bad input: nothing applied
    temp_file bad(R"({"table": "svc", "services": [{"name": "web", "vip": "10.96.0.10", "port": 80, "protocol": "tcp", "endpoints": [{"addr": "10.0.1.2", "port": 0}]}]})");
    const auto refused = service_lb_run({"apply", "--netns", client.name(), bad.path()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("service \"web\", endpoint #0, field \"port\"") != std::string::npos);
    CHECK(client.run({e2e::nft_tool(), "list", "tables"}).out.empty());

    temp_file v1(services({"10.0.1.2", "10.0.1.3"}, {"fd00:1::2", "fd00:1::3"}, false, true));
    const auto applied = service_lb_run({"apply", "--netns", client.name(), v1.path()});
    INFO(applied.err);
    REQUIRE(applied.succeeded());

    // one listener per endpoint, counting the connections it gets
    std::map<std::string, std::unique_ptr<e2e::listener>> ls;
    for (std::string a : {"10.0.1.2", "10.0.1.3", "10.0.1.4", "fd00:1::2", "fd00:1::3"}) {
        ls[a] = std::make_unique<e2e::listener>(backends, probe, std::vector<std::string>{a + ":8080"}, a, "8080");
        REQUIRE(e2e::wait_ready(backends, probe, a, "8080"));
    }
    auto spread = [&](const std::string& vip, int n) {
        int ok = 0;
        for (int i = 0; i < n; ++i) ok += connect(vip, "80") == "ok" ? 1 : 0;
        return ok;
    };
    auto counts = [&] {
        std::map<std::string, int> c;
        for (auto& [a, l] : ls) {
            l->stop();
            const std::string& out = l->output();
            int n = 0;
            for (std::size_t p = out.find("from "); p != std::string::npos; p = out.find("from ", p + 1)) ++n;
            c[a] = n - 2;  // wait_ready's connection and stop()'s quit
        }
        return c;
    };
    CHECK(spread("10.96.0.10", 40) == 40);
    CHECK(spread("fd00:96::10", 40) == 40);
    CHECK(connect("10.96.0.30", "82") == "ECONNREFUSED");  // no endpoints: rejected at once
    CHECK(connect("10.96.0.20", "81") != "ok");           // not a service yet
    auto c = counts();
    INFO("10.0.1.2: " << c["10.0.1.2"] << ", 10.0.1.3: " << c["10.0.1.3"] << ", fd00:1::2: " << c["fd00:1::2"] << ", fd00:1::3: " << c["fd00:1::3"]);
    // random over two endpoints: fewer than 8 of 40 on one side has odds below 1e-4
    CHECK(c["10.0.1.2"] + c["10.0.1.3"] == 40);
    CHECK(std::min(c["10.0.1.2"], c["10.0.1.3"]) >= 8);
    CHECK(c["fd00:1::2"] + c["fd00:1::3"] == 40);
    CHECK(std::min(c["fd00:1::2"], c["fd00:1::3"]) >= 8);
    CHECK(c["10.0.1.4"] == 0);

    // update: web gains 10.0.1.4, web6 loses fd00:1::3, api appears
    const std::string before = listing();
    const auto table_handle = [](const std::string& l) {
        const nlohmann::json all = nlohmann::json::parse(l);  // kept: the loop walks into it
        for (const auto& item : all.at("nftables"))
            if (item.contains("table")) return item["table"]["handle"].get<long>();
        return -1L;
    };
    temp_file v2(services({"10.0.1.2", "10.0.1.3", "10.0.1.4"}, {"fd00:1::2"}, true, false));
    const auto updated = service_lb_run({"update", "--netns", client.name(), v1.path(), v2.path()});
    INFO(updated.err);
    REQUIRE(updated.succeeded());
    const std::string after = listing();
    CHECK(table_handle(after) == table_handle(before));  // the same table: not replaced
    // the unchanged chains keep their handles; the table lists as a fresh apply of v2 would
    scratch_netns fresh("lbfresh");
    REQUIRE(fresh.ok());
    REQUIRE(service_lb_run({"apply", "--netns", fresh.name(), v2.path()}).succeeded());
    CHECK(objects(after) == objects(fresh.run({e2e::nft_tool(), "-j", "list", "table", "inet", "svc"}).out));
    // exactly the changes: what update renders, compared with what changed
    const auto t1 = service_lb::build_table(service_lb::parse_config(services({"10.0.1.2", "10.0.1.3"}, {"fd00:1::2", "fd00:1::3"}, false, true)));
    const auto t2 = service_lb::build_table(service_lb::parse_config(services({"10.0.1.2", "10.0.1.3", "10.0.1.4"}, {"fd00:1::2"}, true, false)));
    const nftpp::table_update u = nftpp::update(t1, t2);
    CHECK(u.chains_added() == 1);    // svc_api
    CHECK(u.chains_changed() == 2);  // svc_web, svc_web6: their endpoints
    CHECK(u.chains_deleted() == 1);  // svc_gone
    const std::string text = nftpp::render_text(nftpp::ruleset(u));
    CHECK(text.find("delete table") == std::string::npos);
    CHECK(text.find("flush chain inet svc prerouting") == std::string::npos);
    CHECK(text.find("add element inet svc services_v4 {\n\t10.96.0.20 . tcp . 81 : goto svc_api\n}\n") != std::string::npos);
    CHECK(text.find("delete element inet svc services_v4 {\n\t10.96.0.30 . tcp . 82\n}\n") != std::string::npos);
    CHECK(text.find("delete chain inet svc svc_gone\n") != std::string::npos);
    CHECK(text.find("flush chain inet svc output") == std::string::npos);

    for (std::string a : {"10.0.1.2", "10.0.1.3", "10.0.1.4", "fd00:1::2", "fd00:1::3"}) {
        ls[a] = std::make_unique<e2e::listener>(backends, probe, std::vector<std::string>{a + ":8080"}, a, "8080");
        REQUIRE(e2e::wait_ready(backends, probe, a, "8080"));
    }
    CHECK(spread("10.96.0.10", 60) == 60);
    CHECK(spread("fd00:96::10", 20) == 20);
    CHECK(connect("10.96.0.20", "81") == "ok");
    CHECK(connect("10.96.0.30", "82") != "ECONNREFUSED");  // no longer a service: not rejected by it
    c = counts();
    CHECK(c["10.0.1.2"] + c["10.0.1.3"] + c["10.0.1.4"] == 61);  // with the api's one to 10.0.1.2
    CHECK(c["10.0.1.4"] >= 8);
    CHECK(c["fd00:1::2"] == 20);
    CHECK(c["fd00:1::3"] == 0);
}

#endif
