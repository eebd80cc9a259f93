# SPDX-License-Identifier: Apache-2.0
# Helper programs for the process runner and executor tests.
add_executable(nftpp_test_child ${CMAKE_CURRENT_LIST_DIR}/helpers/child.cpp)
target_link_libraries(nftpp_test_child PRIVATE nftpp_project_options)
add_executable(nftpp_test_fake_tool ${CMAKE_CURRENT_LIST_DIR}/helpers/fake_tool.cpp)
target_link_libraries(nftpp_test_fake_tool PRIVATE nftpp_project_options)
if(TARGET test_exec)
  add_dependencies(test_exec nftpp_test_child nftpp_test_fake_tool)
  target_compile_definitions(test_exec PRIVATE NFTPP_TEST_CHILD="$<TARGET_FILE:nftpp_test_child>"
                             NFTPP_TEST_FAKE_TOOL="$<TARGET_FILE:nftpp_test_fake_tool>")
endif()

# The in-process executor is tested when libnftables is there (nftpp::libnftables).
if(TARGET nftpp::libnftables AND TARGET test_exec)
  target_link_libraries(test_exec PRIVATE nftpp::libnftables)
  target_compile_definitions(test_exec PRIVATE NFTPP_TEST_LIBNFTABLES=1)
endif()
