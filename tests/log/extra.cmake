# SPDX-License-Identifier: Apache-2.0
# The log parser fuzz target. With clang: libFuzzer + ASan + UBSan, run on the seed corpus
# for a bounded time (ctest log_fuzz). With g++: the same target replays the corpus.
set(nftpp_fuzz_dir ${CMAKE_CURRENT_LIST_DIR}/fuzz)
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  add_executable(fuzz_log_parse ${nftpp_fuzz_dir}/parse_fuzz.cpp)
  target_link_libraries(fuzz_log_parse PRIVATE nftpp::nftpp)
  target_compile_options(fuzz_log_parse PRIVATE -fsanitize=fuzzer,address,undefined -g -O1)
  target_link_options(fuzz_log_parse PRIVATE -fsanitize=fuzzer,address,undefined)
  set(NFTPP_FUZZ_SECONDS 30 CACHE STRING "How long ctest runs the log parser fuzz target")
  # ASAN_OPTIONS is inherited, not set here: tests/run.sh turns leak detection off where
  # LeakSanitizer cannot work (no ptrace), and that choice must hold for this test too.
  add_test(NAME log_fuzz
    COMMAND sh -c "rm -rf fuzz-work && cp -r ${nftpp_fuzz_dir}/corpus fuzz-work && exec $<TARGET_FILE:fuzz_log_parse> -max_total_time=${NFTPP_FUZZ_SECONDS} -rss_limit_mb=1024 -timeout=5 fuzz-work"
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(log_fuzz PROPERTIES TIMEOUT 300)
else()
  add_executable(fuzz_log_parse_replay ${nftpp_fuzz_dir}/parse_fuzz.cpp ${nftpp_fuzz_dir}/replay_main.cpp)
  target_link_libraries(fuzz_log_parse_replay PRIVATE nftpp::nftpp nftpp_project_options)
  file(GLOB nftpp_fuzz_seeds ${nftpp_fuzz_dir}/corpus/*)
  add_test(NAME log_fuzz_replay COMMAND fuzz_log_parse_replay ${nftpp_fuzz_seeds})
endif()
