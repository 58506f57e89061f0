# Finds libpg_query (PostgreSQL's own parser as a library) and the protobuf-c headers its typed
# parse trees need. Defines PgQuery::PgQuery; libpg-query-dev ships no CMake or pkg-config file.
#
#   PgQuery_INCLUDE_DIR              holds pg_query.h (and pg_query/pg_query.pb-c.h)
#   PgQuery_PROTOBUF_C_INCLUDE_DIR   holds protobuf-c/protobuf-c.h (libprotobuf-c-dev)
#   PgQuery_LIBRARY                  libpg_query
#   PgQuery_PROTOBUF_C_LIBRARY       libprotobuf-c, linked only when libpg_query lacks its runtime
include(FindPackageHandleStandardArgs)
include(CheckLibraryExists)

find_path(PgQuery_INCLUDE_DIR NAMES pg_query.h)
find_path(PgQuery_PROTOBUF_C_INCLUDE_DIR NAMES protobuf-c/protobuf-c.h)
find_library(PgQuery_LIBRARY NAMES pg_query)
find_library(PgQuery_PROTOBUF_C_LIBRARY NAMES protobuf-c)

find_package_handle_standard_args(PgQuery
    REQUIRED_VARS PgQuery_LIBRARY PgQuery_INCLUDE_DIR PgQuery_PROTOBUF_C_INCLUDE_DIR)

if(PgQuery_FOUND AND NOT TARGET PgQuery::PgQuery)
    add_library(PgQuery::PgQuery UNKNOWN IMPORTED)
    set_target_properties(PgQuery::PgQuery PROPERTIES
        IMPORTED_LOCATION "${PgQuery_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${PgQuery_INCLUDE_DIR};${PgQuery_PROTOBUF_C_INCLUDE_DIR}")
    # Debian's libpg_query carries its own copy of the protobuf-c runtime; a build without it
    # needs libprotobuf-c to unpack the parse trees.
    check_library_exists("${PgQuery_LIBRARY}" protobuf_c_message_unpack "" PgQuery_HAS_PROTOBUF_C_RUNTIME)
    if(NOT PgQuery_HAS_PROTOBUF_C_RUNTIME)
        if(NOT PgQuery_PROTOBUF_C_LIBRARY)
            message(FATAL_ERROR "libpg_query needs libprotobuf-c, which was not found (libprotobuf-c-dev)")
        endif()
        set_property(TARGET PgQuery::PgQuery APPEND PROPERTY INTERFACE_LINK_LIBRARIES "${PgQuery_PROTOBUF_C_LIBRARY}")
    endif()
endif()

mark_as_advanced(PgQuery_INCLUDE_DIR PgQuery_PROTOBUF_C_INCLUDE_DIR PgQuery_LIBRARY PgQuery_PROTOBUF_C_LIBRARY)
