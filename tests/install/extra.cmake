# SPDX-License-Identifier: Apache-2.0
# nftpp as a dependency of another project (tests/install/consumer, run_consumer.cmake):
#   install_consumers          nftpp configured as a packager would, without Catch2 and
#                              Python, installed into a scratch prefix; consumers use it
#                              with find_package (without and with the optional targets,
#                              Catch2 hidden) and with pkg-config
#   add_subdirectory_consumer  the consumer adds the source tree, built with this build's
#                              compiler (g++, then clang++ in tests/run.sh) under
#                              -Wshadow -Wconversion -Wsign-conversion -Werror
find_program(NFTPP_PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
# Each build tries its own compiler: tests/run.sh builds with g++ and with clang++.
set(nftpp_consumer_compilers ${CMAKE_CXX_COMPILER})
set(nftpp_with_libnftables OFF)
if(TARGET nftpp::libnftables)
  set(nftpp_with_libnftables ON)
endif()
foreach(mode IN ITEMS install add_subdirectory)
  if(mode STREQUAL "install")
    set(nftpp_consumer_test install_consumers)
  else()
    set(nftpp_consumer_test add_subdirectory_consumer)
  endif()
  add_test(NAME ${nftpp_consumer_test}
    COMMAND ${CMAKE_COMMAND} -D MODE=${mode} -D SOURCE=${PROJECT_SOURCE_DIR}
            -D WORK=${CMAKE_CURRENT_BINARY_DIR}/consumer-${mode} "-D CXX=${nftpp_consumer_compilers}"
            -D LIBNFTABLES=${nftpp_with_libnftables} -D PKG_CONFIG=${NFTPP_PKG_CONFIG}
            -P ${CMAKE_CURRENT_LIST_DIR}/run_consumer.cmake)
  set_tests_properties(${nftpp_consumer_test} PROPERTIES LABELS install TIMEOUT 900)
endforeach()
