// SPDX-License-Identifier: Apache-2.0
#pragma once
// Entry header: building and rendering rulesets — the values, selectors and matches,
// statements, rules, chains, sets and maps, tables, ruleset commands and rendering. No
// executor and no process code: for a program that only renders scripts.
#include <nftpp/values.hpp>
#include <nftpp/expr/expr.hpp>
#include <nftpp/stmt/stmt.hpp>
#include <nftpp/ruleset/ruleset.hpp>
#include <nftpp/render/render.hpp>
