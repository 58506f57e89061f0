// The migrator: applies pending migrations of a folder and records them as drizzle does.
#pragma once

#include "drizzle/driver/connection.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace drizzle {

/// all: every pending migration in one transaction (drizzle's behaviour, the default).
/// file: one transaction per migration; earlier ones stay applied when a later one fails.
enum class TxMode { all, file };

struct MigrateOptions {
    std::filesystem::path folder;                 ///< the migrations folder (`out`)
    std::string table = "__drizzle_migrations";   ///< `migrations.table`
    std::string schema = "drizzle";               ///< `migrations.schema` (ignored on SQLite)
    TxMode tx_mode = TxMode::all;
    bool allow_modified = false;      ///< accept applied migrations whose file changed (reported, row kept)
    bool allow_out_of_order = false;  ///< apply pending migrations older than the newest applied one
    /// Go on when the database records migrations whose files are gone (deleted, or renamed
    /// folders); they are reported in MigrateResult::missing and a warning, and left recorded.
    bool allow_missing = false;
    int lock_timeout_ms = 60000;      ///< how long to wait for another migrator (0: do not wait)
    /// Progress: one line per applied migration ("applied <name> (<sql path>)") after its commit,
    /// plus one "warning: ..." line per allowed out-of-order or modified migration. May be empty.
    std::function<void(const std::string&)> log;
};

/// What a run found and did.
struct MigrateResult {
    std::vector<std::string> applied;       ///< names applied by this run, in order
    std::vector<std::string> out_of_order;  ///< pending names older than the newest applied
    std::vector<std::string> modified;      ///< applied names whose file hash changed
    /// Recorded migrations with no local file (allowed by allow_missing): the recorded name, or
    /// for rows without one (0.x bookkeeping) "created_at <ms>".
    std::vector<std::string> missing;
    /// Squash migrations found applied through the migrations they replace: their rows were
    /// recorded by this run without running their SQL (they count as already applied).
    std::vector<std::string> recorded_squashes;
    std::size_t already_applied = 0;
};

/// Applies every pending migration of `options.folder` through `connection`.
/// - The folder is checked first, before the database is touched (check_migrations_folder()).
/// - Creates the bookkeeping table exactly as drizzle-orm does for the folder's layout
///   (legacy: 0.45's id/hash/created_at; v1: 1.0's with name/applied_at, upgrading a 0.45 table).
/// - Pending = not recorded (by name for v1, by created_at for legacy), never "newer than last".
/// - Out-of-order pending migrations, edited applied files and recorded migrations whose file is
///   gone are errors (UserError listing them) unless allowed by the options.
/// - Serialises concurrent migrators and re-reads the applied set under the lock, so each
///   migration is applied exactly once. SQLite: BEGIN IMMEDIATE + busy timeout. PostgreSQL: a
///   session advisory lock on a key derived from "<schema>.<table>", taken before the bookkeeping
///   table is created and held until migrate() returns; waiting longer than `lock_timeout_ms`
///   is a DbError (SQLSTATE 55P03) naming the holder. A read-only standby is refused (UserError).
/// - A file whose first line is `-- drizzle:txmode none` (PostgreSQL only) runs outside any
///   transaction, one breakpoint piece at a time (CREATE INDEX CONCURRENTLY), and is recorded
///   after its last piece. In `all` mode it splits the run: what comes before it is committed
///   first, what comes after runs in a new transaction. If one of its pieces fails, the earlier
///   pieces stay applied and the file is not recorded.
/// - A failing statement throws DbError with "while applying <name> (<sql path relative to the
///   folder>), statement N: <engine message>" plus the statement text, and rolls back per the tx
///   mode (all: nothing applied; file: earlier migrations stay). The bookkeeping table itself is
///   created before (and kept), as drizzle does.
/// - SQLite table rebuilds (`PRAGMA foreign_keys=OFF` ... `DROP TABLE parent` ...) do not cascade
///   into child tables: when a migration of the transaction switches foreign keys off and the
///   connection enforces them, enforcement is switched off before BEGIN, `PRAGMA foreign_key_check`
///   runs before COMMIT (violations roll back) and the setting is restored afterwards.
/// - PostgreSQL: `ALTER TYPE … ADD VALUE` statements of the migrations about to run, on types that
///   exist already, run first as `ADD VALUE IF NOT EXISTS` and are committed (under the lock) before
///   the migrations' transaction, so the new values can be used there (SQLSTATE 55P04 otherwise).
///   They stay if the rest fails. In `all` mode a migration extending a type that an earlier
///   pending migration creates starts a new transaction once that one has committed.
/// - A squash migration (`drizzle-kit squash`, LocalMigration::replaces) is applied when every
///   migration it replaces is recorded: its own row is then recorded (under the lock, its SQL not
///   run; MigrateResult::recorded_squashes, a "notice:" log line), so drizzle-kit's migrator sees
///   it too. When only some are recorded, migrate() refuses (UserError naming both sets).
/// - A comment-only statement (the unedited `generate --custom` file) is a no-op and the
///   migration is recorded (drizzle-orm fails on it with better-sqlite3, accepts it on PostgreSQL).
MigrateResult migrate(Connection& connection, const MigrateOptions& options);

/// Reads and checks `options.folder` as migrate() does, without touching any database. UserError
/// (naming the path) when the folder does not exist, is not a folder, holds no migration, lists a
/// migration twice (a journal entry duplicated by a merge), or holds two migrations with the same
/// SQL (a copied migration would apply its statements twice; files with only comments, such as
/// unedited `generate --custom` ones, may share their text).
void check_migrations_folder(const MigrateOptions& options);

/// How many migrations the bookkeeping table of `options` (table, schema) records; 0 when the
/// table does not exist. Reads only: nothing is created.
std::size_t count_recorded_migrations(Connection& connection, const MigrateOptions& options);

/// Records the only migration of `options.folder` as applied without running it, as drizzle-kit's
/// `pull --init` does for the pulled baseline: the row `migrate` would write (hash of the SQL
/// file, created_at = the migration's millisecond timestamp, and the folder name in the v1
/// layout), in a bookkeeping table created as `migrate` creates it. UserError when the folder
/// does not hold exactly one migration or the table already records migrations.
void record_baseline(Connection& connection, const MigrateOptions& options);

/// sha256 of `bytes` as lowercase hex. drizzle's `hash` column is this over the file read as a
/// JS string: identical to the bytes' hash for valid UTF-8 (the migrator handles the rest).
std::string sha256_hex(const std::string& bytes);

/// Splits a migration file on `--> statement-breakpoint`, dropping whitespace-only pieces.
/// Pieces are returned verbatim (a piece may hold several statements).
std::vector<std::string> split_statements(const std::string& sql);

}  // namespace drizzle
