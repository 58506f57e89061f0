// Include once, after the schema headers, to make a schema exporter program (the CLI and the
// CMake function drizzle_schema_snapshot() do this). Usage: exporter [OUTPUT.json]
#pragma once

#include "drizzle/dsl/registry.hpp"

int main(int argc, char** argv) { return drizzle::dsl::exporter_main(argc, argv); }
