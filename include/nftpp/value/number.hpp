// SPDX-License-Identifier: Apache-2.0
#pragma once
// Every bounded number type: port (value/port.hpp) and the numeric ids uid, gid, mark,
// ttl and log_group (value/ids.hpp). Kept for code that wants all of them at once.
#include <nftpp/value/ids.hpp>
#include <nftpp/value/port.hpp>
