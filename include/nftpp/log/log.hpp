#pragma once
// Kernel log events of nft `log` statements: parsing and following /dev/kmsg.
#include <nftpp/log/event.hpp>
#include <nftpp/log/kmsg_reader.hpp>
#include <nftpp/log/parse.hpp>
