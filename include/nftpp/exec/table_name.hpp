// SPDX-License-Identifier: Apache-2.0
#pragma once
// check_table_name: delete_table and list_table_json put a caller's table name into an
// nft command line. nft joins its arguments into one command line and reads ';' and
// newlines as command separators, so an unchecked name could run a second command
// ("t; flush ruleset"). The name must follow the library's own name rules
// (nftpp::name::parse: an identifier that is not an nft keyword), checked before any
// process runs.
#include <string>
#include <string_view>

#include <nftpp/core/error.hpp>
#include <nftpp/exec/outcome.hpp>
#include <nftpp/value/name.hpp>

namespace nftpp::exec {

// ok, or invalid_name with the rule the name breaks.
[[nodiscard]] inline outcome check_table_name(std::string_view table) {
    outcome o;
    const auto parsed = name::parse(table);
    if (!parsed) {
        o.kind = outcome_kind::invalid_name;
        o.detail = "table name: " + std::string(value_error(parsed.err(), table).what());
    }
    return o;
}

}  // namespace nftpp::exec
