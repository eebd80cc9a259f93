// SPDX-License-Identifier: Apache-2.0
// Trusting binaries: only regular, root-owned files that group and others cannot write.
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

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
    if (::geteuid() == 0) {
        CHECK(check_trusted_binary((dir.path / "missing").string()) == trust_status::not_found);
        CHECK(check_trusted_binary(dir.path.string()) == trust_status::not_regular);
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
        // our own directory on the way is refused before the file is looked at
        CHECK(check_trusted_binary(bin) == trust_status::not_root_owned);
        CHECK(check_trusted_binary((dir.path / "missing").string()) == trust_status::not_root_owned);
    }
    CHECK(check_trusted_binary("/proc/self/fd/0/x") != trust_status::trusted);
}

namespace {
bool as_root() {
    if (::geteuid() == 0) return true;
    WARN("SKIPPED (needs root: the files and directories must be owned by root, or by another user)");
    return false;
}
// A root-owned copy of /bin/true, mode 0755.
std::string root_tool(const fs::path& where) {
    fs::copy_file("/bin/true", where, fs::copy_options::overwrite_existing);
    ::chown(where.c_str(), 0, 0);
    ::chmod(where.c_str(), 0755);
    return where.string();
}
}  // namespace

TEST_CASE("every directory on the way must be root's and not writable by others", "[exec][trust]") {
    if (!as_root()) return;
    temp_dir dir;
    const fs::path open_dir = dir.path / "open";
    fs::create_directory(open_dir);
    ::chmod(open_dir.c_str(), 0777);  // anyone may replace what is in it
    const std::string nft = root_tool(open_dir / "nft");
    const trusted_binary b = open_trusted_binary(nft);
    CHECK(b.status == trust_status::writable_by_others);
    CHECK(b.component == open_dir.string());
    CHECK_FALSE(b.fd);
    ::chmod(open_dir.c_str(), 0775);  // its group may: just as bad
    CHECK(check_trusted_binary(nft) == trust_status::writable_by_others);
    ::chmod(open_dir.c_str(), 0755);
    CHECK(check_trusted_binary(nft) == trust_status::trusted);
    REQUIRE(::chown(open_dir.c_str(), 65534, 65534) == 0);  // owned by an ordinary user
    const trusted_binary u = open_trusted_binary(nft);
    CHECK(u.status == trust_status::not_root_owned);
    CHECK(u.component == open_dir.string());

    // the executor refuses it with the directory named, and nothing runs
    host_executor ex(executor_options{nft, {}, std::chrono::seconds(5)});
    const outcome o = ex.list_ruleset_json();
    CHECK(o.kind == outcome_kind::nft_untrusted);
    CHECK(o.detail.find(open_dir.string() + " is not owned by root (on the way to " + nft + ")") != std::string::npos);
}

TEST_CASE("a sticky shared directory gives only root's directories", "[exec][trust]") {
    if (!as_root()) return;
    temp_dir dir;
    const fs::path shared = dir.path / "shared";  // like /tmp: 1777
    fs::create_directory(shared);
    ::chmod(shared.c_str(), 01777);
    const std::string direct = root_tool(shared / "nft");  // a file taken straight from it: refused
    CHECK(check_trusted_binary(direct) == trust_status::writable_by_others);
    fs::create_directory(shared / "bin");
    ::chmod((shared / "bin").c_str(), 0755);
    const std::string inside = root_tool(shared / "bin" / "nft");  // root's directory in it: fine
    CHECK(check_trusted_binary(inside) == trust_status::trusted);
    ::chmod(shared.c_str(), 0777);  // not sticky: anyone may rename root's directory away
    CHECK(check_trusted_binary(inside) == trust_status::writable_by_others);
}

TEST_CASE("symbolic links are resolved and every step of their targets checked", "[exec][trust]") {
    if (!as_root()) return;
    temp_dir dir;
    const std::string real = root_tool(dir.path / "real-nft");
    fs::create_directory(dir.path / "bin");
    ::chmod((dir.path / "bin").c_str(), 0755);
    // a root-owned link in a root-owned directory: followed, the target checked
    fs::create_symlink("../real-nft", dir.path / "bin" / "nft");
    const trusted_binary ok = open_trusted_binary((dir.path / "bin" / "nft").string());
    CHECK(ok.status == trust_status::trusted);
    CHECK(ok.resolved == real);
    CHECK(ok.fd);

    // the same link in a directory an ordinary user owns: they could point it anywhere
    const fs::path user_dir = dir.path / "user";
    fs::create_directory(user_dir);
    ::chmod(user_dir.c_str(), 0755);
    fs::create_symlink(real, user_dir / "nft");
    REQUIRE(::chown(user_dir.c_str(), 65534, 65534) == 0);
    const trusted_binary u = open_trusted_binary((user_dir / "nft").string());
    CHECK(u.status == trust_status::not_root_owned);
    CHECK(u.component == user_dir.string());

    // a link owned by an ordinary user, in root's directory
    fs::create_symlink(real, dir.path / "bin" / "theirs");
    REQUIRE(::lchown((dir.path / "bin" / "theirs").c_str(), 65534, 65534) == 0);
    CHECK(check_trusted_binary((dir.path / "bin" / "theirs").string()) == trust_status::not_root_owned);

    // a root-owned link to a root-owned file in a directory others can write
    const fs::path open_dir = dir.path / "open";
    fs::create_directory(open_dir);
    ::chmod(open_dir.c_str(), 0777);
    root_tool(open_dir / "nft");
    fs::create_symlink(open_dir / "nft", dir.path / "bin" / "via-open");
    const trusted_binary v = open_trusted_binary((dir.path / "bin" / "via-open").string());
    CHECK(v.status == trust_status::writable_by_others);
    CHECK(v.component == open_dir.string());

    // loops end
    fs::create_symlink("loop-b", dir.path / "bin" / "loop-a");
    fs::create_symlink("loop-a", dir.path / "bin" / "loop-b");
    CHECK(check_trusted_binary((dir.path / "bin" / "loop-a").string()) == trust_status::too_many_links);
    // a dangling link is "not found"
    fs::create_symlink("nowhere", dir.path / "bin" / "dangling");
    CHECK(check_trusted_binary((dir.path / "bin" / "dangling").string()) == trust_status::not_found);
}

TEST_CASE("a path swapped between the check and the start never runs the other file", "[exec][trust][race]") {
    // nft_path is a symbolic link that another thread keeps pointing at a trusted program
    // and at a world-writable one (the kind anybody could have replaced). The executor
    // runs the file it checked, through its descriptor: the world-writable one never runs.
    if (!as_root()) return;
    temp_dir dir;
    root_tool(dir.path / "trusted");  // exits 0: the apply is ok
    const std::string bad = (dir.path / "writable").string();
    fs::copy_file("/bin/false", bad);  // exits 1: "rejected" would mean that it ran
    ::chmod(bad.c_str(), 0777);
    const fs::path link = dir.path / "nft";
    fs::create_symlink("trusted", link);
    std::atomic<bool> stop{false};
    std::thread swapper([&] {
        const fs::path tmp = dir.path / "nft.tmp";
        for (bool to_bad = true; !stop; to_bad = !to_bad) {
            std::error_code ec;
            fs::remove(tmp, ec);
            fs::create_symlink(to_bad ? "writable" : "trusted", tmp, ec);
            fs::rename(tmp, link, ec);
            // mostly trusted, with short windows of the other: the old check-then-exec by path
            // ran the world-writable program in 1-2 of 300 applies here
            std::this_thread::sleep_for(std::chrono::microseconds(to_bad ? 50 : 400));
        }
    });
    host_executor ex(executor_options{link.string(), {}, std::chrono::seconds(10)});
    int ok = 0, refused = 0, other = 0;
    for (int i = 0; i < 300; ++i) {
        const outcome o = ex.apply(std::string_view("table inet t {}\n"));
        if (o.ok()) ++ok;
        else if (o.kind == outcome_kind::nft_untrusted || o.kind == outcome_kind::nft_not_found) ++refused;
        else ++other;  // the world-writable program ran (it exits 1: "rejected")
    }
    stop = true;
    swapper.join();
    CHECK(other == 0);
    CHECK(ok + refused == 300);
    INFO("ok " << ok << ", refused " << refused);
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

namespace {
// A script of `rules` one-line rules in one chain, each with its origin, and the table's
// origin around them all (nested origins: the rule is the innermost).
script many_rules(std::size_t rules) {
    std::string text = "table inet t {\n\tchain c {\n";
    std::vector<script_origin> origins;
    origins.push_back(script_origin{1, rules + 4, "replace table inet t", "inet t", "", 0, ""});
    for (std::size_t i = 0; i < rules; ++i) {
        text += "\t\ttcp dport " + std::to_string(i % 65535 + 1) + " accept\n";
        origins.push_back(script_origin{i + 3, i + 3, "rule", "inet t", "c", static_cast<long>(i), ""});
    }
    text += "\t}\n}\n";
    return script(std::move(text), std::move(origins));
}
}  // namespace

TEST_CASE("nft error mapping is bounded, and the kept messages map like origin_of_line", "[exec][errors]") {
    // 120 000 error lines (what 60 000 refused rules print) against a 60 000-rule script:
    // quadratic mapping took a minute here; now one pass, and at most max messages kept
    const std::size_t rules = 60000;
    const script s = many_rules(rules);
    std::string err;
    for (std::size_t i = 0; i < 120000; ++i) {
        const std::size_t line = (i * 7919) % (rules + 6) + 1;  // every kind of line, out of order, some past the end
        err += "/dev/stdin:" + std::to_string(line) + ":3-9: Error: Could not process rule: No such file or directory\n";
        err += "\t\ttcp dport 1 accept\n\t\t^^^^^^^\n";
    }
    const nft_errors e = map_nft_errors(err, &s);
    REQUIRE(e.messages.size() == default_max_messages);
    CHECK(e.dropped == 120000 - default_max_messages);
    std::size_t with_origin = 0;
    for (std::size_t i = 0; i < e.messages.size(); ++i) {
        const nft_message& m = e.messages[i];
        REQUIRE(m.line == (i * 7919) % (rules + 6) + 1);  // in nft's order
        CHECK(m.column == 3);
        const script_origin* expected = s.origin_of_line(m.line);
        REQUIRE(m.origin.has_value() == (expected != nullptr));
        if (expected) {
            ++with_origin;
            CHECK(m.origin->first_line == expected->first_line);
            CHECK(m.origin->last_line == expected->last_line);
            CHECK(m.origin->rule == expected->rule);
        }
        CHECK(m.source_line == s.line(m.line));
    }
    CHECK(with_origin > 900);
    // a smaller bound, and the parse_nft_errors form
    CHECK(map_nft_errors(err, &s, 5).messages.size() == 5);
    CHECK(map_nft_errors(err, &s, 5).dropped == 120000 - 5);
    CHECK(parse_nft_errors(err, &s).size() == default_max_messages);
}

TEST_CASE("the innermost origin wins, the later of two equal ones", "[exec][errors]") {
    const script s("a\nb\nc\nd\ne\n", {script_origin{1, 5, "outer", "", "", 0, ""}, script_origin{2, 4, "mid", "", "", 0, ""},
                                           script_origin{3, 3, "first", "", "", 0, ""}, script_origin{3, 3, "second", "", "", 0, ""}});
    const std::string err = "x:5:1: Error: e5\nx:3:1: Error: e3\nx:2:1: Error: e2\nx:9:1: Error: past the end\nError: bare\n";
    const nft_errors e = map_nft_errors(err, &s);
    REQUIRE(e.messages.size() == 5);
    CHECK(e.dropped == 0);
    CHECK(e.messages[0].origin->command == "outer");
    CHECK(e.messages[0].source_line == "e");
    CHECK(e.messages[1].origin->command == "second");
    CHECK(s.origin_of_line(3)->command == "second");
    CHECK(e.messages[2].origin->command == "mid");
    CHECK_FALSE(e.messages[3].origin.has_value());
    CHECK(e.messages[3].source_line.empty());
    CHECK(e.messages[4].message == "bare");
    CHECK(e.messages[4].line == 0);
}
