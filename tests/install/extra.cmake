# nftpp as a dependency: installed and found with find_package(nftpp), and as a subdirectory.
foreach(mode find_package add_subdirectory)
  add_test(NAME install_${mode}
    COMMAND ${CMAKE_COMMAND} -D MODE=${mode} -D SOURCE=${PROJECT_SOURCE_DIR}
            -D WORK=${CMAKE_CURRENT_BINARY_DIR}/consumer-${mode} -D CXX=${CMAKE_CXX_COMPILER}
            -P ${CMAKE_CURRENT_LIST_DIR}/run_consumer.cmake)
  set_tests_properties(install_${mode} PROPERTIES TIMEOUT 600)
endforeach()
