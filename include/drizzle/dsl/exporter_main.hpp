// Include once, after the schema headers, to make a schema exporter program (the CMake function
// drizzle_schema_snapshot() does this). Usage: exporter [OUTPUT.json]
#pragma once

namespace drizzle::dsl {
/// main() of an exporter: writes the registered schema as a snapshot to argv[1] or to stdout.
int exporter_main(int argc, char** argv);
} // namespace drizzle::dsl

int main(int argc, char** argv) { return drizzle::dsl::exporter_main(argc, argv); }
