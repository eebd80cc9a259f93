// Trusting binaries: only regular, root-owned files that group and others cannot write.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "golden.hpp"

#include <nftpp/exec/exec.hpp>

using namespace nftpp;
using namespace nftpp::exec;
namespace fs = std::filesystem;

namespace {
struct temp_dir {
    fs::path path;
    temp_dir() : path(fs::temp_directory_path() / ("nftpp-trust-" + std::to_string(::getpid()))) {
        fs::create_directories(path);
        ::chmod(path.c_str(), 0755);
    }
    ~temp_dir() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("trust statuses of candidate binaries", "[exec][trust]") {
    temp_dir dir;
    const std::string bin = (dir.path / "tool").string();
    fs::copy_file("/bin/true", bin);
    ::chmod(bin.c_str(), 0755);
    CHECK(check_trusted_binary("relative/tool") == trust_status::not_absolute);
    CHECK(check_trusted_binary((dir.path / "missing").string()) == trust_status::not_found);
    CHECK(check_trusted_binary(dir.path.string()) == trust_status::not_regular);
    if (::geteuid() == 0) {
        ::chown(bin.c_str(), 0, 0);
        CHECK(check_trusted_binary(bin) == trust_status::trusted);
        ::chmod(bin.c_str(), 0775);
        CHECK(check_trusted_binary(bin) == trust_status::writable_by_others);
        ::chmod(bin.c_str(), 0757);
        CHECK(check_trusted_binary(bin) == trust_status::writable_by_others);
        ::chmod(bin.c_str(), 0755);
        REQUIRE(::chown(bin.c_str(), 65534, 65534) == 0);
        CHECK(check_trusted_binary(bin) == trust_status::not_root_owned);
    } else {
        CHECK(check_trusted_binary(bin) == trust_status::not_root_owned);
    }
}

TEST_CASE("an untrusted or missing nft is its own outcome, and nothing runs", "[exec][trust]") {
    temp_dir dir;
    const std::string fake = (dir.path / "nft").string();
    {
        // a "nft" that would leave a mark if it ever ran
        FILE* f = std::fopen(fake.c_str(), "w");
        REQUIRE(f);
        std::fprintf(f, "#!/bin/sh\ntouch %s/ran\n", dir.path.c_str());
        std::fclose(f);
    }
    ::chmod(fake.c_str(), 0777);
    host_executor untrusted(executor_options{fake, {}, std::chrono::seconds(5)});
    const outcome o = untrusted.apply(std::string_view("table inet t {}\n"));
    CHECK(o.kind == outcome_kind::nft_untrusted);
    CHECK(o.detail.find(fake) != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "ran"));

    host_executor missing(executor_options{(dir.path / "absent").string(), {}, std::chrono::seconds(5)});
    CHECK(missing.apply(std::string_view("table inet t {}\n")).kind == outcome_kind::nft_not_found);
    CHECK_FALSE(missing.version().has_value());
    CHECK_FALSE(fs::exists(dir.path / "ran"));  // (nsenter: see outcomes.cpp)
}

TEST_CASE("nft versions", "[exec][version]") {
    constexpr auto v = nft_version::parse("nftables v1.0.6 (Lester Gooch #5)");
    STATIC_REQUIRE(v.has_value());
    STATIC_REQUIRE(*v == nft_version{1, 0, 6});
    STATIC_REQUIRE(*nft_version::parse("nftables v1.0.9 (Old Doc Yak #3)") > *v);
    STATIC_REQUIRE(*nft_version::parse("nftables v1.1.0") > *nft_version::parse("nftables v1.0.9"));
    STATIC_REQUIRE(!nft_version::parse("nftables v1").has_value());
    STATIC_REQUIRE(!nft_version::parse("nftables v99999999999.0.0").has_value());  // no int overflow
    STATIC_REQUIRE(!nft_version::parse("garbage").has_value());
}

TEST_CASE("nft error lines map back to table, chain and rule", "[exec][errors]") {
    const script s("table inet t {\n\tchain c {\n\t\tbogus\n\t}\n}\n",
                   {script_origin{3, 3, "rule", "inet t", "c", 0, "\t\tbogus"}});
    const auto msgs = parse_nft_errors("/dev/stdin:3:3-7: Error: syntax error, unexpected string\n\t\tbogus\n\t\t^^^^^\n", &s);
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].line == 3);
    CHECK(msgs[0].column == 3);
    CHECK(msgs[0].message == "syntax error, unexpected string");
    REQUIRE(msgs[0].origin.has_value());
    CHECK(msgs[0].origin->chain == "c");
    CHECK(msgs[0].origin->rule == 0);
}
