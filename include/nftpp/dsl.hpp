// SPDX-License-Identifier: Apache-2.0
#pragma once
// Entry header: building and rendering rulesets — the values, selectors and matches,
// statements, rules, chains, sets and maps, tables, ruleset commands and rendering. No
// executor and no process code: for a program that only renders scripts.
// The headers where compile errors are fired come first: a compile error's include chain
// is then two lines long, whatever part of nftpp it comes from.
#include <nftpp/core/error.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/values.hpp>
#include <nftpp/expr/expr.hpp>
#include <nftpp/stmt/stmt.hpp>
#include <nftpp/ruleset/ruleset.hpp>
#include <nftpp/render/render.hpp>
