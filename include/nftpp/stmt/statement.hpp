// SPDX-License-Identifier: Apache-2.0
#pragma once
// Statement: what a rule does once its matches hold (verdicts, counter, log, NAT ...).
// Every statement type has `statement_tag`, static `facts` and a write_nft renderer.
#include <nftpp/core/facts.hpp>
#include <nftpp/core/sink.hpp>

namespace nftpp {

template <class T>
concept Statement = requires { typename T::statement_tag; T::facts; };

template <class T>
concept Match = requires { typename T::match_tag; T::facts; };

template <class T>
concept RulePart = Statement<T> || Match<T>;

}  // namespace nftpp
