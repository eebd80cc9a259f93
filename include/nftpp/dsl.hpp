#pragma once
// Entry header: building and rendering rulesets — the values, selectors and matches,
// statements, rules, chains, sets and maps, tables, ruleset commands and rendering. No
// executor and no process code: for a program that only renders scripts.
#include <nftpp/values.hpp>
#include <nftpp/expr/expr.hpp>
#include <nftpp/stmt/stmt.hpp>
#include <nftpp/ruleset/chain.hpp>
#include <nftpp/ruleset/elements.hpp>
#include <nftpp/ruleset/map.hpp>
#include <nftpp/ruleset/rule_commands.hpp>
#include <nftpp/ruleset/ruleset.hpp>
#include <nftpp/ruleset/set.hpp>
#include <nftpp/ruleset/table.hpp>
#include <nftpp/render/render.hpp>
