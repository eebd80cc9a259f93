// SPDX-License-Identifier: Apache-2.0
#pragma once
// nftpp's version. The build reads these three lines (CMakeLists.txt): the CMake package
// (nftpp_VERSION), the pkg-config files and this header always say the same.
#define NFTPP_VERSION_MAJOR 0
#define NFTPP_VERSION_MINOR 1
#define NFTPP_VERSION_PATCH 0

// One number to compare: 10000 * major + 100 * minor + patch (0.1.0 is 100).
#define NFTPP_VERSION (NFTPP_VERSION_MAJOR * 10000 + NFTPP_VERSION_MINOR * 100 + NFTPP_VERSION_PATCH)
#define NFTPP_DETAIL_STRINGIZE2(x) #x
#define NFTPP_DETAIL_STRINGIZE(x) NFTPP_DETAIL_STRINGIZE2(x)
// "0.1.0"
#define NFTPP_VERSION_STRING                                                  \
    NFTPP_DETAIL_STRINGIZE(NFTPP_VERSION_MAJOR) "." NFTPP_DETAIL_STRINGIZE(NFTPP_VERSION_MINOR) "." \
        NFTPP_DETAIL_STRINGIZE(NFTPP_VERSION_PATCH)
