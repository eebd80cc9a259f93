# Builds and runs the consumer project (tests/install/consumer) against nftpp; any failing
# step stops the script with its output (cmake -P exits non-zero).
#   cmake -D MODE=find_package|add_subdirectory -D SOURCE=<nftpp source tree>
#         -D WORK=<scratch dir, recreated> -D CXX=<compiler> -P run_consumer.cmake
foreach(var MODE SOURCE WORK CXX)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_consumer.cmake: -D ${var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}")
  endif()
  message(STATUS "ok: ${ARGN}")
endfunction()
# The consumer is compiled with strict warnings: the headers must not break a user's -Werror.
set(consumer_flags "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Wpedantic -Werror")
if(MODE STREQUAL "find_package")
  step(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/nftpp-build -DCMAKE_CXX_COMPILER=${CXX}
       -DNFTPP_BUILD_TESTS=OFF -DNFTPP_BUILD_EXAMPLES=OFF -DNFTPP_BUILD_BENCH=OFF
       -DCMAKE_INSTALL_PREFIX=${WORK}/prefix)
  step(${CMAKE_COMMAND} --install ${WORK}/nftpp-build)
  file(GLOB config ${WORK}/prefix/lib*/cmake/nftpp/nftppConfig.cmake)
  if(NOT EXISTS ${WORK}/prefix/include/nftpp/nftpp.hpp OR NOT config)
    message(FATAL_ERROR "the headers or the package configuration were not installed into ${WORK}/prefix")
  endif()
  step(${CMAKE_COMMAND} -S ${SOURCE}/tests/install/consumer -B ${WORK}/consumer ${consumer_flags}
       -DCMAKE_PREFIX_PATH=${WORK}/prefix)
elseif(MODE STREQUAL "add_subdirectory")
  step(${CMAKE_COMMAND} -S ${SOURCE}/tests/install/consumer -B ${WORK}/consumer ${consumer_flags}
       -DNFTPP_SOURCE_DIR=${SOURCE})
  # As a subproject nftpp adds its library only: no tests, no examples.
  if(EXISTS ${WORK}/consumer/nftpp/tests OR EXISTS ${WORK}/consumer/nftpp/examples)
    message(FATAL_ERROR "nftpp configured its tests or examples as a subproject")
  endif()
else()
  message(FATAL_ERROR "MODE must be find_package or add_subdirectory, not '${MODE}'")
endif()
step(${CMAKE_COMMAND} --build ${WORK}/consumer)
step(${WORK}/consumer/consumer)
message(STATUS "consumer built and ran (${MODE})")
