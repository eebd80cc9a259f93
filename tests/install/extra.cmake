# nftpp as a dependency of another CMake project (tests/install/consumer):
#   install_find_package       a separate build of nftpp (tests off) is installed into a
#                              scratch prefix; the consumer finds it with find_package(nftpp)
#   add_subdirectory_consumer  the consumer adds the nftpp source tree with add_subdirectory
# Both build the consumer with this build's compiler and run it (run_consumer.cmake).
foreach(mode IN ITEMS find_package add_subdirectory)
  if(mode STREQUAL "find_package")
    set(nftpp_consumer_test install_find_package)
  else()
    set(nftpp_consumer_test add_subdirectory_consumer)
  endif()
  add_test(NAME ${nftpp_consumer_test}
    COMMAND ${CMAKE_COMMAND} -D MODE=${mode} -D SOURCE=${PROJECT_SOURCE_DIR}
            -D WORK=${CMAKE_CURRENT_BINARY_DIR}/consumer-${mode} -D CXX=${CMAKE_CXX_COMPILER}
            -P ${CMAKE_CURRENT_LIST_DIR}/run_consumer.cmake)
  set_tests_properties(${nftpp_consumer_test} PROPERTIES LABELS install TIMEOUT 600)
endforeach()
