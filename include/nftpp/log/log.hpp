#pragma once
// Events of nft `log` statements: parsing and following /dev/kmsg, and nflog groups.
#include <nftpp/log/event.hpp>
#include <nftpp/log/kmsg_reader.hpp>
#include <nftpp/log/nflog.hpp>
#include <nftpp/log/parse.hpp>
