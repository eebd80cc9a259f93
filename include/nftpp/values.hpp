// SPDX-License-Identifier: Apache-2.0
#pragma once
// Entry header: the value types alone — addresses and prefixes, ports, ranges, interface
// names, ids and marks, ct states, protocols, log prefixes and comments — with their
// compile-time literals, parse() and from(), and to_string(). For a program that reads
// and checks values (a configuration, a command line) without building rulesets.
// The headers where compile errors are fired come first: a compile error's include chain
// is then two lines long, whatever part of nftpp it comes from.
#include <nftpp/core/error.hpp>
#include <nftpp/core/assertion.hpp>
#include <nftpp/core/core.hpp>
#include <nftpp/value/values.hpp>
#include <nftpp/version.hpp>
