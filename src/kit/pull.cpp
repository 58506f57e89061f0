// The pull workflow's checks and files: baseline migration, header, baseline row.
#include "drizzle/kit/pull.hpp"

#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/database.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/kit/new_migration.hpp"
#include "drizzle/snapshot/snapshot.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

// drizzle-kit's pull writes the baseline fully commented out: the database has it already.
constexpr const char* kBaselinePreamble =
    "-- Current sql file was generated after introspecting the database\n"
    "-- If you want to run this migration please uncomment this code before executing migrations\n";

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

} // namespace

std::string bookkeeping_table_name(const Config& config) {
    return dialect_facts(*config.dialect).object_kinds().schemas
               ? config.migrations_schema + "." + config.migrations_table
               : config.migrations_table;
}

PullTarget open_pull_target(const Config& config, bool record_baseline) {
    PullTarget target;
    const fs::path out_dir = config.out_dir();
    target.folder = MigrationsFolder::read(out_dir);
    require_folder_dialect(config, target.folder);
    target.write_baseline = target.folder.entries.empty();
    target.bookkeeping.folder = out_dir;
    target.bookkeeping.table = config.migrations_table;
    target.bookkeeping.schema = config.migrations_schema;
    // Everything that can refuse the run does so before anything is written.
    if (record_baseline && !target.write_baseline) {
        throw UserError("--baseline records the pulled baseline migration as applied, but " + out_dir.string() +
                        " already holds " + std::to_string(target.folder.entries.size()) +
                        " migration(s); pull into a new folder (--out) or drop --baseline");
    }
    require_existing_database(config);
    target.connection = open_database(config);
    if (record_baseline) {
        const std::size_t recorded = count_recorded_migrations(*target.connection, target.bookkeeping);
        if (recorded > 0) {
            throw UserError("--baseline can't be used when the database already has migrations: " +
                            std::to_string(recorded) + " recorded in " + bookkeeping_table_name(config) +
                            "; pull without --baseline to refresh the header only");
        }
    }
    return target;
}

PulledFiles write_pulled(const Config& config, const PullTarget& target, const pull::PulledHeader& header) {
    const MigrationsFolder& folder = target.folder;
    PulledFiles files;
    if (target.write_baseline) {
        const NamingStyle naming = folder.layout == FolderLayout::legacy ? NamingStyle::legacy : NamingStyle::v1;
        MigrationDraft draft;
        const Schema recorded = baseline_schema(header.declared, folder.layout);
        draft.snapshot.format = folder.layout == FolderLayout::legacy ? SnapshotFormat::legacy : SnapshotFormat::v1;
        draft.snapshot.id = new_snapshot_id();
        draft.snapshot.prev_ids = {std::string(kRootSnapshotId)};
        draft.snapshot.schema = recorded;
        draft.sql = baseline_sql(config, recorded, naming);
        // No down file: the baseline records a database that existed before the folder, so there
        // is nothing for `migrate down` to go back to (dropping everything is not an undo).
        files.migration = write_new_migration(config, folder, draft);
    }
    files.header = config.out_dir() / "schema.hpp";
    try {
        write_file_atomically(files.header, header.text);
    } catch (...) {
        // No baseline without its header: a v1 migration is one folder of its own.
        if (files.migration && folder.layout == FolderLayout::v1) {
            std::error_code ignored;
            fs::remove_all(files.migration->parent_path(), ignored);
        }
        throw;
    }
    return files;
}

void record_pulled_baseline(PullTarget& target) {
    try {
        record_baseline(*target.connection, target.bookkeeping);
    } catch (...) {
        rethrow_with_context("while recording the baseline (the files above were written)");
    }
}

} // namespace drizzle::kit
