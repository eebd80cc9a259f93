// SPDX-License-Identifier: Apache-2.0
// The sysctl guard of the end-to-end tests: ok() only when the value was written and
// reads back; the old value is restored by restore() or, when a test ends early, by the
// destructor. Files stand in for sysctls (no root needed), except for a read-only one.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "e2e_support.hpp"

namespace {
struct temp_value {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("nftpp-sysctl-" + std::to_string(::getpid()));
    explicit temp_value(const std::string& v) { std::ofstream(path) << v << "\n"; }
    ~temp_value() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
    [[nodiscard]] std::string read() const { return e2e::read_first_line(path.string()).value_or("<unreadable>"); }
};
}  // namespace

TEST_CASE("sysctl_guard sets a value, reads it back and restores it", "[examples][sysctl]") {
    temp_value v("0");
    {
        e2e::sysctl_guard g(v.path.string(), "1");
        INFO(g.error());
        REQUIRE(g.ok());
        CHECK(g.old_value() == "0");
        CHECK(v.read() == "1");
        CHECK(g.restore());
        CHECK(v.read() == "0");
        // restored once: the destructor does not write again
        std::ofstream(v.path) << "7\n";
    }
    CHECK(v.read() == "7");
}

TEST_CASE("sysctl_guard restores the old value when a test ends early", "[examples][sysctl]") {
    temp_value v("0");
    try {
        e2e::sysctl_guard g(v.path.string(), "1");
        REQUIRE(g.ok());
        REQUIRE(v.read() == "1");
        throw std::runtime_error("a failed REQUIRE throws like this");
    } catch (const std::runtime_error&) {
    }
    CHECK(v.read() == "0");
}

TEST_CASE("sysctl_guard is not ok when the value cannot be read or written", "[examples][sysctl]") {
    {
        e2e::sysctl_guard g("/nonexistent/nftpp/sysctl", "1");
        CHECK_FALSE(g.ok());
        CHECK(g.error().find("cannot read") != std::string::npos);
        CHECK(g.restore());  // nothing was touched
    }
    {
        // read-only even for root (mode 0444 on a sysctl is enforced). The current value
        // is written, so even a write that went through would change nothing.
        const std::string path = "/proc/sys/kernel/osrelease";
        const auto current = e2e::read_first_line(path);
        REQUIRE(current);
        e2e::sysctl_guard g(path, *current);
        CHECK_FALSE(g.ok());
        CHECK(g.error().find("cannot write") != std::string::npos);
        CHECK(e2e::read_first_line(path) == current);
    }
}
