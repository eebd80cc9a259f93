# Helper program for the process runner tests.
add_executable(nftpp_test_child ${CMAKE_CURRENT_LIST_DIR}/helpers/child.cpp)
target_link_libraries(nftpp_test_child PRIVATE nftpp_project_options)
if(TARGET test_exec)
  add_dependencies(test_exec nftpp_test_child)
  target_compile_definitions(test_exec PRIVATE NFTPP_TEST_CHILD="$<TARGET_FILE:nftpp_test_child>")
endif()

# The in-process executor is tested when libnftables is there.
find_library(NFTPP_LIBNFTABLES_LIB nftables)
if(NFTPP_LIBNFTABLES_LIB AND TARGET test_exec)
  target_link_libraries(test_exec PRIVATE ${NFTPP_LIBNFTABLES_LIB})
  target_compile_definitions(test_exec PRIVATE NFTPP_TEST_LIBNFTABLES=1)
endif()
