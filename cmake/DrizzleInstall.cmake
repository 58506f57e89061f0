# Install rules and the exported CMake package, so consumers can find_package(drizzle).
include(CMakePackageConfigHelpers)

install(TARGETS ${DRIZZLE_INSTALL_TARGETS} EXPORT drizzleTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/drizzle DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# Found by the installed CLI at ../libexec/drizzle-cpp (src/kit/exporter_build.cpp).
install(TARGETS drizzle-schema-host RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/drizzle-cpp)
install(EXPORT drizzleTargets NAMESPACE drizzle::
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/drizzle)

configure_package_config_file(cmake/drizzleConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/drizzleConfig.cmake
    INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/drizzle)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/drizzleConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES
    ${CMAKE_CURRENT_BINARY_DIR}/drizzleConfig.cmake
    ${CMAKE_CURRENT_BINARY_DIR}/drizzleConfigVersion.cmake
    cmake/DrizzleSchema.cmake
    cmake/FindPgQuery.cmake
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/drizzle)
