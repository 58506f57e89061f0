// Loading the desired schema from what config `schema` names: C++ headers, snapshots, SQL files.
#pragma once

#include "drizzle/config/config.hpp"
#include "drizzle/error.hpp"
#include "drizzle/schema/model.hpp"
#include "drizzle/schema/naming.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// The user's schema headers failed to compile; the message holds the compiler's output.
class SchemaCompileError : public UserError {
public:
    using UserError::UserError;
};

/// How the schema headers get compiled and loaded.
struct ExporterToolchain {
    std::string compiler;              ///< $CXX or c++
    std::vector<std::string> flags;    ///< extra flags ($DRIZZLE_CXXFLAGS, split on spaces)
    std::filesystem::path include_dir; ///< holds drizzle/dsl/*.hpp
    std::filesystem::path schema_host; ///< drizzle-schema-host, which loads the compiled headers
    std::filesystem::path cache_dir;   ///< where compiled headers are kept
    /// ccache, when found on PATH (and not turned off with DRIZZLE_CCACHE=0): each header is then
    /// compiled through it, so going back to an earlier version of a header is a cache hit.
    std::string ccache;
    /// Read the headers without a compiler first (the schema host's --read), compiling only a
    /// header outside the DSL's subset of C++. Off with DRIZZLE_READ_HEADERS=0, or when
    /// $DRIZZLE_CXXFLAGS holds a flag other than include paths, warnings that stay warnings,
    /// optimisation, debug or code-generation flags (a -D, say, which only the preprocessor sees).
    bool read_headers = true;
};

/// Finds the toolchain: beside an installed executable, else the build tree; env overrides.
ExporterToolchain default_toolchain();

/// Loads and merges every schema source the config names. `.h/.hpp/...` files are compiled one
/// shared object each (cached by content, so an edit recompiles that header alone) and loaded by
/// the schema host; `.json` files are drizzle-kit snapshots, `.sql`
/// files are DDL (SQLite: executed in an in-memory database and introspected; PostgreSQL:
/// parsed by libpg_query, see drizzle/dialect/pg_ddl.hpp).
/// `log` receives progress lines such as "compiling schema exporter" and warnings about a source.
/// Constraint names the headers leave to derivation get `header_naming`'s convention; names that
/// snapshot and .sql files record are kept as they are (they are what the database has).
Schema load_schema(const Config& config, const ExporterToolchain& toolchain,
                   const std::function<void(const std::string&)>& log = {},
                   NamingStyle header_naming = NamingStyle::v1);

/// Compiles the headers that changed since the last run, loads them all into the schema host and
/// returns the snapshot JSON it prints.
std::string export_cpp_schema(const std::vector<std::filesystem::path>& headers, const ExporterToolchain& toolchain,
                              const std::function<void(const std::string&)>& log = {});

}  // namespace drizzle::kit
