// SPDX-License-Identifier: Apache-2.0
// The translation unit that builds a precompiled header (tests/CMakeLists.txt,
// tests/compile_fail/harness.cmake); the header is all it holds.
