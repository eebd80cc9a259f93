# SPDX-License-Identifier: Apache-2.0
# Helper program and example sources for the end-to-end tests.
add_executable(nftpp_netprobe ${CMAKE_CURRENT_LIST_DIR}/helpers/netprobe.cpp)
target_link_libraries(nftpp_netprobe PRIVATE nftpp_project_options)
if(TARGET test_examples)
  add_dependencies(test_examples nftpp_netprobe)
  target_include_directories(test_examples PRIVATE ${PROJECT_SOURCE_DIR}/examples)
  target_compile_definitions(test_examples PRIVATE NFTPP_NETPROBE="$<TARGET_FILE:nftpp_netprobe>")
  if(TARGET vm_tap)
    add_dependencies(test_examples vm_tap sandbox_fence sidecar_fence bypass_monitor)
    target_compile_definitions(test_examples PRIVATE NFTPP_VM_TAP="$<TARGET_FILE:vm_tap>"
                                                     NFTPP_SANDBOX_FENCE="$<TARGET_FILE:sandbox_fence>"
                                                     NFTPP_SIDECAR_FENCE="$<TARGET_FILE:sidecar_fence>"
                                                     NFTPP_BYPASS_MONITOR="$<TARGET_FILE:bypass_monitor>")
  endif()
  if(TARGET service_lb)
    add_dependencies(test_examples service_lb)
    target_compile_definitions(test_examples PRIVATE NFTPP_SERVICE_LB="$<TARGET_FILE:service_lb>")
  endif()
endif()
# nft_import: the test runs it on the corpus and compiles what it prints with the tests'
# own compiler and include path.
if(TARGET test_examples AND TARGET nft_import)
  add_dependencies(test_examples nft_import)
  target_compile_definitions(test_examples PRIVATE NFTPP_NFT_IMPORT="$<TARGET_FILE:nft_import>"
                                                   NFTPP_TEST_CXX="${CMAKE_CXX_COMPILER}"
                                                   NFTPP_INCLUDE_DIR="${PROJECT_SOURCE_DIR}/include")
endif()
# The corpus on its own: every file loads with nft in a scratch namespace (also part of
# the examples test).
if(TARGET test_examples)
  add_test(NAME corpus COMMAND test_examples "[corpus]")
  set_tests_properties(corpus PROPERTIES TIMEOUT 300)
endif()
