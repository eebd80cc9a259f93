# Compile-fail cases of the value literals: each tests/value/compile_fail/*.cpp starts with
#   // expect: <regex>
# (the rule whose diagnostic function the compiler must name) and wraps its failing line
# in #ifdef NFTPP_CF_BAD. Without the macro the file compiles (a target in ALL); with it,
# the ctest passes only when the build fails with that message. One case per consteval
# check, so the literal path is shown to run the same rule as parse()/from().
file(GLOB nftpp_value_cf_cases CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/compile_fail/*.cpp)
foreach(case IN LISTS nftpp_value_cf_cases)
  get_filename_component(stem ${case} NAME_WE)
  file(STRINGS ${case} first LIMIT_COUNT 1)
  if(NOT first MATCHES "^// expect: (.+)$")
    message(FATAL_ERROR "${case}: the first line must be `// expect: <regex>`")
  endif()
  set(regex "${CMAKE_MATCH_1}")
  nftpp_compile_fail(cf_value_${stem} ${case} "${regex}" ${case})
  add_library(cf_value_${stem}_setup OBJECT ${case})
  target_link_libraries(cf_value_${stem}_setup PRIVATE nftpp::nftpp nftpp_project_options)
endforeach()
