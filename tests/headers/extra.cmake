# Each public header compiles on its own: one generated translation unit per header,
# built as part of the default target.
file(GLOB_RECURSE nftpp_public_headers CONFIGURE_DEPENDS
  RELATIVE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/include/nftpp/*.hpp)
set(nftpp_header_tus)
foreach(h IN LISTS nftpp_public_headers)
  string(MAKE_C_IDENTIFIER "${h}" id)
  set(tu ${CMAKE_CURRENT_BINARY_DIR}/headers/${id}.cpp)
  file(CONFIGURE OUTPUT ${tu} CONTENT "#include <${h}>\n#include <${h}>\n")
  list(APPEND nftpp_header_tus ${tu})
endforeach()
add_library(nftpp_headers_alone OBJECT ${nftpp_header_tus})
target_link_libraries(nftpp_headers_alone PRIVATE nftpp::nftpp nlohmann_json::nlohmann_json nftpp_project_options)

# The include structure goes one way (core <- value <- expr <- stmt <- ruleset <- render <-
# exec, log beside) and has no cycle: tests/headers/layering.py reads every #include.
add_test(NAME headers_layering
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/headers/layering.py ${PROJECT_SOURCE_DIR}/include/nftpp)
