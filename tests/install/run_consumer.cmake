# Builds and runs the consumer project against nftpp.
#   -D MODE=find_package|add_subdirectory -D SOURCE=<nftpp source> -D WORK=<scratch dir>
#   -D CXX=<compiler>
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}")
  endif()
endfunction()
if(MODE STREQUAL "find_package")
  step(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/nftpp-build -DCMAKE_CXX_COMPILER=${CXX}
       -DNFTPP_BUILD_TESTS=OFF -DNFTPP_BUILD_EXAMPLES=OFF -DCMAKE_INSTALL_PREFIX=${WORK}/prefix)
  step(${CMAKE_COMMAND} --install ${WORK}/nftpp-build)
  if(NOT EXISTS ${WORK}/prefix/include/nftpp/nftpp.hpp)
    message(FATAL_ERROR "the headers were not installed")
  endif()
  step(${CMAKE_COMMAND} -S ${SOURCE}/tests/install/consumer -B ${WORK}/consumer -DCMAKE_CXX_COMPILER=${CXX}
       -DCMAKE_PREFIX_PATH=${WORK}/prefix)
else()
  step(${CMAKE_COMMAND} -S ${SOURCE}/tests/install/consumer -B ${WORK}/consumer -DCMAKE_CXX_COMPILER=${CXX}
       -DNFTPP_SOURCE_DIR=${SOURCE})
endif()
step(${CMAKE_COMMAND} --build ${WORK}/consumer)
step(${WORK}/consumer/consumer)
message(STATUS "consumer built and ran (${MODE})")
