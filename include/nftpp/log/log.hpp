// SPDX-License-Identifier: Apache-2.0
#pragma once
// Kernel log events of nft `log` statements: parsing and following /dev/kmsg.
// The nflog source is <nftpp/log/nflog.hpp>, included on its own: it needs the socket
// headers, whose global accept() is ambiguous with nftpp::accept under `using namespace nftpp`.
#include <nftpp/log/event.hpp>
#include <nftpp/log/kmsg_reader.hpp>
#include <nftpp/log/parse.hpp>
