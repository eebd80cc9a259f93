# SPDX-License-Identifier: Apache-2.0
# Each public header compiles on its own, and cleanly under a strict consumer's warnings:
# one generated translation unit per header (included twice: the include guard holds),
# built as part of the default target with this build's compiler (tests/run.sh builds
# with g++ and with clang++) and
#   -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror
# with the headers on a plain -I path, as add_subdirectory gives them to a consumer (an
# -isystem path would hide their warnings).
file(GLOB_RECURSE nftpp_public_headers CONFIGURE_DEPENDS
  RELATIVE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/include/nftpp/*.hpp)
set(nftpp_header_tus)
foreach(h IN LISTS nftpp_public_headers)
  string(MAKE_C_IDENTIFIER "${h}" id)
  set(tu ${CMAKE_CURRENT_BINARY_DIR}/headers/${id}.cpp)
  file(CONFIGURE OUTPUT ${tu} CONTENT "#include <${h}>\n#include <${h}>\n")
  list(APPEND nftpp_header_tus ${tu})
endforeach()
set(NFTPP_STRICT_CONSUMER_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror)
add_library(nftpp_headers_alone OBJECT ${nftpp_header_tus})
target_link_libraries(nftpp_headers_alone PRIVATE nftpp::readback)
if(TARGET nftpp::libnftables)
  target_link_libraries(nftpp_headers_alone PRIVATE nftpp::libnftables)
endif()
target_compile_features(nftpp_headers_alone PRIVATE cxx_std_20)
target_compile_options(nftpp_headers_alone PRIVATE ${NFTPP_STRICT_CONSUMER_FLAGS})
# core/error.hpp and core/assertion.hpp are system headers to the compiler (for shorter
# errors); here they are not, so that the strict warnings see their code too.
target_compile_definitions(nftpp_headers_alone PRIVATE NFTPP_NO_SYSTEM_HEADER)

# The version header says what the build says (the build reads it; this proves the read).
file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/headers/version_agrees.cpp CONTENT
"#include <nftpp/version.hpp>
#include <string_view>
static_assert(NFTPP_VERSION_MAJOR == ${PROJECT_VERSION_MAJOR} && NFTPP_VERSION_MINOR == ${PROJECT_VERSION_MINOR} &&
              NFTPP_VERSION_PATCH == ${PROJECT_VERSION_PATCH}, \"version.hpp and project(VERSION) disagree\");
static_assert(std::string_view(NFTPP_VERSION_STRING) == \"${PROJECT_VERSION}\", \"NFTPP_VERSION_STRING is not the project version\");
static_assert(NFTPP_VERSION == ${PROJECT_VERSION_MAJOR} * 10000 + ${PROJECT_VERSION_MINOR} * 100 + ${PROJECT_VERSION_PATCH});
")
target_sources(nftpp_headers_alone PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/headers/version_agrees.cpp)

# The include structure goes one way (core <- value <- expr <- stmt <- ruleset <- render <-
# exec, log beside) and has no cycle: tests/headers/layering.py reads every #include.
add_test(NAME headers_layering
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/headers/layering.py ${PROJECT_SOURCE_DIR}/include/nftpp)
