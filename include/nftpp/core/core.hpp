// SPDX-License-Identifier: Apache-2.0
#pragma once
// core/: the vocabulary every other folder builds on, and nothing else.
//
//   error.hpp          rules (NFTPP_RULE): one sentence, a compile error or a value_error;
//                      result<T>
//   assertion.hpp      checks (NFTPP_CHECK): rules that fire as named assertions; fire<>
//   facts.hpp          part_facts: what a node requires and pins, as data for the checker
//   feature.hpp        kernel features a node may need (NFTPP_FEATURE), feature_set
//   family.hpp         the six table families
//   hook.hpp           chain types and hooks
//   fixed_string.hpp   compile-time names as template arguments
//   sink.hpp           where rendered text goes (counting, then writing)
//
// Layering, one way: core <- value <- expr <- stmt <- ruleset <- render <- exec, log beside
// (tests/headers/layering.py checks every include).
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/error.hpp>
#include <nftpp/core/facts.hpp>
#include <nftpp/core/family.hpp>
#include <nftpp/core/feature.hpp>
#include <nftpp/core/fixed_string.hpp>
#include <nftpp/core/hook.hpp>
#include <nftpp/core/nft_type.hpp>
#include <nftpp/core/sink.hpp>
