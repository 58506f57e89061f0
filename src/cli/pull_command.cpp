// `pull` (alias `introspect`): write the live database's schema as a C++ header plus a baseline migration.
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "cli/dialect_sql.hpp"
#include "cli/exit_codes.hpp"
#include "cli/folder_dialect.hpp"
#include "cli/live_schema.hpp"
#include "cli/migration_names.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/pull/cpp_header.hpp"
#include "drizzle/snapshot/snapshot.hpp"

#include <chrono>
#include <iostream>

namespace drizzle::cli {

namespace fs = std::filesystem;

namespace {

// drizzle-kit's pull writes the baseline fully commented out: the database has it already.
constexpr const char* kBaselinePreamble =
    "-- Current sql file was generated after introspecting the database\n"
    "-- If you want to run this migration please uncomment this code before executing migrations\n";

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

pull::Casing casing_of(const PullOptions& options, const Config& config) {
    const std::string text = !options.casing.empty() ? options.casing : config.introspect_casing.value_or("camel");
    auto casing = pull::parse_casing(text);
    if (!casing) throw UserError("introspect casing \"" + text + "\": use camel or preserve");
    return *casing;
}

// A SQLite URL names a file; opening a missing one would create an empty database and pull nothing.
void require_sqlite_file(const Config& config) {
    require_sqlite_url(config);
    const std::string url = config.credentials.url.value_or("");
    if (url.empty() || url == ":memory:" || url.rfind("file:", 0) == 0) return;
    if (!fs::exists(url)) throw Error("cannot open sqlite database \"" + url + "\": the file does not exist");
}

std::string counted(std::size_t n, const std::string& what) {
    return std::to_string(n) + " " + what;
}

// drizzle-kit's progress lines, one per kind of object.
void print_fetched(const Schema& schema) {
    const ObjectCounts n = count_objects(schema);
    print_success(counted(n.tables, "tables fetched"));
    print_success(counted(n.columns, "columns fetched"));
    if (schema.dialect == Dialect::postgresql) {
        print_success(counted(n.enums, "enums fetched"));
        print_success(counted(n.sequences, "sequences fetched"));
    }
    print_success(counted(n.indexes, "indexes fetched"));
    print_success(counted(n.foreign_keys, "foreign keys fetched"));
    if (schema.dialect == Dialect::postgresql) print_success(counted(n.policies, "policies fetched"));
    print_success(counted(n.checks, "check constraints fetched"));
    print_success(counted(n.views, "views fetched"));
}

// The SQL that would create the pulled schema, commented out. A `*/` inside the SQL would end
// the block comment early, so then every line is commented instead.
std::string baseline_sql(const Config& config, const Schema& schema, NamingStyle naming) {
    Schema empty;
    empty.dialect = schema.dialect;
    ScriptedResolver no_questions; // nothing is removed, so nothing can be a rename
    bool no_transaction = false;
    const auto statements =
        dialect_statements(*config.dialect, diff(empty, schema, no_questions, naming), no_transaction);
    const std::string sql = join_statements(statements, config.breakpoints);
    if (sql.find("*/") == std::string::npos) return std::string(kBaselinePreamble) + "/*\n" + sql + "\n*/";
    std::string commented = kBaselinePreamble;
    std::size_t start = 0;
    while (start <= sql.size()) {
        auto end = sql.find('\n', start);
        if (end == std::string::npos) end = sql.size();
        commented += "-- " + sql.substr(start, end - start) + (end < sql.size() ? "\n" : "");
        start = end + 1;
    }
    return commented;
}

// The schema to record as the baseline: what generate will compare the header with. In a v1
// folder that is the header's own snapshot, byte for byte. A legacy folder's snapshots are read by
// another reader than the exporter's v1 output, and the two normalise a few things differently
// (a composite key's columns are NOT NULL by implication in v1, say), so there the baseline is
// recorded from the schema as the v1 reader hands it to generate. Either way unnamed constraints
// are named in the folder's convention, as generate names them.
Schema baseline_schema(const Schema& declared, FolderLayout layout) {
    Schema schema = declared;
    if (layout == FolderLayout::legacy) {
        Snapshot exported;
        exported.format = SnapshotFormat::v1;
        exported.prev_ids = {std::string(kRootSnapshotId)};
        exported.schema = declared;
        schema = parse_snapshot(write_snapshot(exported), "the pulled schema").schema;
    }
    assign_default_names(schema, layout == FolderLayout::legacy ? NamingStyle::legacy : NamingStyle::v1,
                         /*rederive=*/true);
    return schema;
}

std::string bookkeeping_table(const Config& config) {
    return *config.dialect == Dialect::postgresql ? config.migrations_schema + "." + config.migrations_table
                                                  : config.migrations_table;
}

fs::path shown(const fs::path& path) {
    std::error_code ec;
    fs::path relative = fs::relative(path, fs::current_path(), ec);
    return ec || relative.empty() ? path : relative;
}

}  // namespace

int run_pull(const PullOptions& options) {
    Config config = resolve_config(options.config);
    require_supported(*config.dialect, "pull");
    const pull::Casing casing = casing_of(options, config);
    const fs::path out_dir = config.out_dir();
    const MigrationsFolder folder = MigrationsFolder::read(out_dir);
    require_folder_dialect(config, folder);
    const bool write_baseline = folder.entries.empty();
    MigrateOptions bookkeeping;
    bookkeeping.folder = out_dir;
    bookkeeping.table = config.migrations_table;
    bookkeeping.schema = config.migrations_schema;
    // Everything that can refuse the run does so before anything is written.
    if (options.baseline && !write_baseline) {
        throw UserError("--baseline records the pulled baseline migration as applied, but " + out_dir.string() +
                        " already holds " + std::to_string(folder.entries.size()) +
                        " migration(s); pull into a new folder (--out) or drop --baseline");
    }
    if (*config.dialect == Dialect::sqlite) require_sqlite_file(config);
    auto connection = open_database(config);
    if (options.baseline) {
        const std::size_t recorded = count_recorded_migrations(*connection, bookkeeping);
        if (recorded > 0) {
            throw UserError(
                "--baseline can't be used when the database already has migrations: " + std::to_string(recorded) +
                " recorded in " + bookkeeping_table(config) + "; pull without --baseline to refresh the header only");
        }
    }

    print_info("Pulling from " + connection->describe());
    Schema schema = introspect_live(config, *connection, object_filter(config));
    print_fetched(schema);

    pull::HeaderOptions header_options;
    header_options.casing = casing;
    header_options.source = connection->describe();
    pull::PulledHeader header = pull::write_cpp_header(schema, header_options);
    for (const auto& warning : header.warnings)
        print_info("warning: " + warning);

    std::optional<fs::path> migration_path;
    if (write_baseline) {
        const NamingStyle naming = folder.layout == FolderLayout::legacy ? NamingStyle::legacy : NamingStyle::v1;
        const Schema recorded = baseline_schema(header.declared, folder.layout);
        Snapshot snapshot;
        snapshot.format = folder.layout == FolderLayout::legacy ? SnapshotFormat::legacy : SnapshotFormat::v1;
        snapshot.id = new_snapshot_id();
        snapshot.prev_ids = {std::string(kRootSnapshotId)};
        snapshot.schema = recorded;
        NewMigration migration;
        migration.name = random_migration_name();
        migration.sql = baseline_sql(config, recorded, naming);
        migration.snapshot_json = write_snapshot(snapshot);
        migration.breakpoints = config.breakpoints;
        migration.prefix = config.migrations_prefix.value_or("index");
        migration.dialect = *config.dialect;
        migration.snapshot_version = dialect_facts(*config.dialect).legacy_snapshot_version();
        migration_path = write_migration(folder, migration, now_ms());
    }
    const fs::path header_path = out_dir / "schema.hpp";
    try {
        write_file_atomically(header_path, header.text);
    } catch (...) {
        // No baseline without its header: a v1 migration is one folder of its own.
        if (migration_path && folder.layout == FolderLayout::v1) {
            std::error_code ignored;
            fs::remove_all(migration_path->parent_path(), ignored);
        }
        throw;
    }

    if (migration_path) {
        print_success("Baseline migration (commented out, the database has it) ➜ " + shown(*migration_path).string());
    } else {
        print_info("[i] " + shown(out_dir).string() + " already holds " + std::to_string(folder.entries.size()) +
                   " migration(s): only the schema file was refreshed, no baseline written");
    }
    print_success("Your schema file is ready ➜ " + shown(header_path).string() + " 🚀");
    if (options.baseline) {
        std::cout << "Applying migration metadata to the database" << std::endl;
        try {
            record_baseline(*connection, bookkeeping);
        } catch (...) {
            rethrow_with_context("while recording the baseline (the files above were written)");
        }
        print_success("Baseline recorded as applied in " + bookkeeping_table(config) + "; migrate will skip it");
    }
    return exit_ok;
}

}  // namespace drizzle::cli
