# SPDX-License-Identifier: Apache-2.0
# Builds and runs the consumer project (tests/install/consumer) against nftpp; any failing
# step stops the script with its output (cmake -P exits non-zero).
#   cmake -D MODE=install|add_subdirectory -D SOURCE=<nftpp source tree>
#         -D WORK=<scratch dir, recreated> -D CXX=<compiler>[;<compiler>...]
#         [-D LIBNFTABLES=ON] [-D PKG_CONFIG=<pkg-config>] -P run_consumer.cmake
#
# install: nftpp is configured as a packager would (`cmake -S . -B build`, no options,
#   with Catch2 and Python hidden: installing must not need the tests' tools), installed
#   into a scratch prefix, and used
#   - by find_package with nlohmann-json, pkg-config and Catch2 hidden: nftpp::nftpp works
#     and the optional targets are absent; asking for the readback component fails with
#     a sentence naming its dependency;
#   - by find_package with the readback (and libnftables) components, which build and run;
#   - through pkg-config (nftpp, nftpp-readback, nftpp-libnftables), with the version the
#     header says.
# add_subdirectory: the consumer adds the source tree, with every optional part, built
#   with each compiler in CXX under a strict consumer's warnings (the headers are on a
#   plain -I path there, so their warnings would show).
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
# A step that must fail, with `expect` in its output.
function(failing_step expect)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(rc EQUAL 0)
    message(FATAL_ERROR "should have failed: ${ARGN}\n${out}")
  endif()
  string(FIND "${out}" "${expect}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "failed without saying \"${expect}\": ${ARGN}\n${out}")
  endif()
  message(STATUS "failed as it should: ${ARGN}")
endfunction()

set(strict "-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror")
file(STRINGS ${SOURCE}/include/nftpp/version.hpp version_lines REGEX "^#define NFTPP_VERSION_(MAJOR|MINOR|PATCH) ")
string(REGEX REPLACE ".*MAJOR ([0-9]+).*MINOR ([0-9]+).*PATCH ([0-9]+).*" "\\1.\\2.\\3" header_version "${version_lines}")
set(with_libnftables OFF)
if(LIBNFTABLES)
  set(with_libnftables ON)
endif()

if(MODE STREQUAL "install")
  list(GET CXX 0 cxx)
  set(prefix ${WORK}/prefix)
  step(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/nftpp-build -DCMAKE_CXX_COMPILER=${cxx}
       -DCMAKE_INSTALL_PREFIX=${prefix}
       -DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON -DCMAKE_DISABLE_FIND_PACKAGE_Python3=ON)
  if(EXISTS ${WORK}/nftpp-build/tests)
    message(FATAL_ERROR "a plain configure without Catch2 and Python configured the tests")
  endif()
  step(${CMAKE_COMMAND} --install ${WORK}/nftpp-build)
  file(GLOB config ${prefix}/lib*/cmake/nftpp/nftppConfig.cmake)
  foreach(f include/nftpp/nftpp.hpp include/nftpp/version.hpp include/nftpp/dsl.hpp share/pkgconfig/nftpp.pc
            share/doc/nftpp/LICENSE)
    if(NOT EXISTS ${prefix}/${f})
      message(FATAL_ERROR "${f} was not installed into ${prefix}")
    endif()
  endforeach()
  if(NOT config)
    message(FATAL_ERROR "the CMake package configuration was not installed into ${prefix}")
  endif()
  set(consumer_args -S ${SOURCE}/tests/install/consumer -DCMAKE_CXX_COMPILER=${cxx} "-DCMAKE_CXX_FLAGS=${strict}"
      -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON -DEXPECT_VERSION=${header_version})

  # 1. The library alone, its optional dependencies hidden.
  set(hidden -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON)
  step(${CMAKE_COMMAND} ${consumer_args} -B ${WORK}/core ${hidden} -DEXPECT_NO_OPTIONAL=ON)
  step(${CMAKE_COMMAND} --build ${WORK}/core)
  step(${WORK}/core/consumer)
  failing_step("nlohmann_json" ${CMAKE_COMMAND} ${consumer_args} -B ${WORK}/readback-hidden ${hidden} -DWITH_READBACK=ON)

  # 2. With the optional parts.
  step(${CMAKE_COMMAND} ${consumer_args} -B ${WORK}/optional -DWITH_READBACK=ON -DWITH_LIBNFTABLES=${with_libnftables})
  step(${CMAKE_COMMAND} --build ${WORK}/optional)
  step(${WORK}/optional/consumer)
  step(${WORK}/optional/consumer_readback)
  if(with_libnftables)
    step(${WORK}/optional/consumer_libnftables)
  endif()

  # 3. pkg-config.
  if(NOT PKG_CONFIG)
    message(FATAL_ERROR "run_consumer.cmake: -D PKG_CONFIG=<pkg-config> is required for MODE=install")
  endif()
  set(pc ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${prefix}/share/pkgconfig ${PKG_CONFIG})
  execute_process(COMMAND ${pc} --modversion nftpp OUTPUT_VARIABLE pc_version OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT pc_version STREQUAL header_version)
    message(FATAL_ERROR "pkg-config --modversion nftpp says '${pc_version}', <nftpp/version.hpp> ${header_version}")
  endif()
  set(pc_parts "nftpp:main" "nftpp-readback:readback")
  if(with_libnftables)
    list(APPEND pc_parts "nftpp-libnftables:libnftables")
  endif()
  separate_arguments(strict_list UNIX_COMMAND "${strict}")
  foreach(part IN LISTS pc_parts)
    string(REPLACE ":" ";" part "${part}")
    list(GET part 0 module)
    list(GET part 1 source)
    execute_process(COMMAND ${pc} --cflags --libs ${module} OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "pkg-config --cflags --libs ${module} failed: ${err}")
    endif()
    string(FIND "${flags}" "-I${prefix}/include" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "pkg-config ${module} does not give the installed headers (-I${prefix}/include): ${flags}")
    endif()
    separate_arguments(flags UNIX_COMMAND "${flags}")
    step(${cxx} -std=c++20 ${strict_list} -DEXPECT_VERSION="${header_version}"
         ${SOURCE}/tests/install/consumer/${source}.cpp ${flags} -o ${WORK}/pc_${source})
    step(${WORK}/pc_${source})
  endforeach()
  message(STATUS "installed package used by find_package and pkg-config")
elseif(MODE STREQUAL "add_subdirectory")
  foreach(cxx IN LISTS CXX)
    get_filename_component(name ${cxx} NAME)
    set(dir ${WORK}/${name})
    step(${CMAKE_COMMAND} -S ${SOURCE}/tests/install/consumer -B ${dir} -DCMAKE_CXX_COMPILER=${cxx}
         "-DCMAKE_CXX_FLAGS=${strict}" -DNFTPP_SOURCE_DIR=${SOURCE}
         -DWITH_READBACK=ON -DWITH_LIBNFTABLES=${with_libnftables})
    # As a subproject nftpp adds its library only: no tests, no examples, no install.
    if(EXISTS ${dir}/nftpp/tests OR EXISTS ${dir}/nftpp/examples)
      message(FATAL_ERROR "nftpp configured its tests or examples as a subproject")
    endif()
    step(${CMAKE_COMMAND} --build ${dir})
    step(${dir}/consumer)
    step(${dir}/consumer_readback)
    if(with_libnftables)
      step(${dir}/consumer_libnftables)
    endif()
    message(STATUS "consumer built with ${name} under ${strict} and ran (add_subdirectory)")
  endforeach()
else()
  message(FATAL_ERROR "MODE must be install or add_subdirectory, not '${MODE}'")
endif()
