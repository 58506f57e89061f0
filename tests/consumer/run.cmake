# Installs the build into a prefix, then configures, builds and runs a consumer project with
# find_package(drizzle): proves the exported package, the installed headers and the CMake function.
cmake_minimum_required(VERSION 3.25)
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")

execute_process(COMMAND ${CMAKE_COMMAND} --install "${BINARY_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "install failed")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/consumer/project" -B "${WORK_DIR}/build"
                        -G Ninja -DCMAKE_PREFIX_PATH=${prefix} "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
                        "-DCMAKE_EXE_LINKER_FLAGS=${CXX_FLAGS}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer configure failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${WORK_DIR}/build"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer build failed:\n${out}\n${err}")
endif()
execute_process(COMMAND "${WORK_DIR}/build/consumer" "${WORK_DIR}/build/schema.snapshot.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer run failed:\n${err}")
endif()
if(NOT out MATCHES "tables=2 users.columns=3")
    message(FATAL_ERROR "unexpected consumer output: ${out}")
endif()

if(EXISTS "${WORK_DIR}/build/consumer_pg")
    execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=DATABASE_URL "${WORK_DIR}/build/consumer_pg"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "drizzle::pg linked")
        message(FATAL_ERROR "consumer_pg failed (${rc}): ${out}")
    endif()
endif()

if(EXISTS "${WORK_DIR}/build/consumer_pg_ddl")
    execute_process(COMMAND "${WORK_DIR}/build/consumer_pg_ddl" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "pg_ddl tables=1 columns=2")
        message(FATAL_ERROR "consumer_pg_ddl failed (${rc}): ${out}")
    endif()
endif()

# The installed CLI builds exporters from the installed headers and library.
file(WRITE "${WORK_DIR}/cli/drizzle.config.json"
     "{\"dialect\":\"sqlite\",\"schema\":\"${SOURCE_DIR}/tests/consumer/project/schema.hpp\",\"out\":\"./drizzle\"}")
execute_process(COMMAND "${prefix}/bin/drizzle-kit" export
                WORKING_DIRECTORY "${WORK_DIR}/cli"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "CREATE TABLE `users`")
    message(FATAL_ERROR "installed drizzle-kit export failed (${rc}):\n${out}\n${err}")
endif()
