// SPDX-License-Identifier: Apache-2.0
#pragma once
// stmt/: statements, each in its own header with its node, its rendering, its facts and
// its own rules (NFTPP_CHECK) and kernel feature (NFTPP_FEATURE): verdicts, verdict maps,
// reject, counter (and named counters), quota, log, limit, fwd and dup, queue, synproxy, NAT, tproxy, notrack, mark set, MSS clamping, ct helper set,
// set updates from the packet path (set_add, set_update),
// comment. A new statement is one header here plus a line below (docs/extending.md).
// Builds on core/, value/ and expr/.
#include <nftpp/stmt/comment.hpp>
#include <nftpp/stmt/counter.hpp>
#include <nftpp/stmt/ct_helper.hpp>
#include <nftpp/stmt/ct_objects.hpp>
#include <nftpp/stmt/dup.hpp>
#include <nftpp/stmt/flow_add.hpp>
#include <nftpp/stmt/fwd.hpp>
#include <nftpp/stmt/limit.hpp>
#include <nftpp/stmt/log.hpp>
#include <nftpp/stmt/mark.hpp>
#include <nftpp/stmt/maxseg.hpp>
#include <nftpp/stmt/nat.hpp>
#include <nftpp/stmt/payload_set.hpp>
#include <nftpp/stmt/notrack.hpp>
#include <nftpp/stmt/queue.hpp>
#include <nftpp/stmt/quota.hpp>
#include <nftpp/stmt/reject.hpp>
#include <nftpp/stmt/set_update.hpp>
#include <nftpp/stmt/synproxy.hpp>
#include <nftpp/stmt/tproxy.hpp>
#include <nftpp/stmt/unchecked.hpp>
#include <nftpp/stmt/verdict.hpp>
#include <nftpp/stmt/vmap.hpp>
