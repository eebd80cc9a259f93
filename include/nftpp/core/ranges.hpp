// SPDX-License-Identifier: Apache-2.0
#pragma once
// The range concepts and access functions nftpp's templates take (std::ranges::
// input_range, sized_range, range_value_t, begin, size, data, empty), without the views
// and algorithms of <ranges>. With libstdc++ they are <bits/ranges_base.h>, which its
// <string_view> and <span> already bring (the rest of <ranges> costs about 0.15 s of
// compile time per translation unit with g++ 12); elsewhere this is <ranges>. A program
// that uses views or range algorithms includes <ranges>.
#if defined(__GLIBCXX__) && __has_include(<bits/ranges_base.h>)
#include <string_view>  // what <bits/ranges_base.h> needs before it (iterators)
#include <bits/ranges_base.h>
#else
#include <ranges>
#endif
