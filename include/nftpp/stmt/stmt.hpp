#pragma once
// All statements: verdicts, reject, counter, log, limit, NAT, notrack, mark set, comment.
#include <nftpp/stmt/comment.hpp>
#include <nftpp/stmt/counter.hpp>
#include <nftpp/stmt/limit.hpp>
#include <nftpp/stmt/log.hpp>
#include <nftpp/stmt/mark.hpp>
#include <nftpp/stmt/nat.hpp>
#include <nftpp/stmt/notrack.hpp>
#include <nftpp/stmt/reject.hpp>
#include <nftpp/stmt/verdict.hpp>
