// Rollback planning: each recorded row mapped to its local migration as the migrator maps it, the
// newest ones picked, and their down files read.
#include "migrate/rollback_plan.hpp"

#include "migrate/sql_lexer.hpp"
#include "migrate/statements.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace drizzle::migrate_internal {

namespace {

/// Whose row it is: a local migration, a squash that claims it for a migration it replaced, or none.
struct RowOwner {
    std::optional<std::size_t> index;
    bool squash = false; ///< claimed by a squash migration (index = the squash when known)
};

/// The migrator's identification of one row on its own (plan_migrations over that row alone).
RowOwner owner_of(const LocalMigrations& local, const RecordedRow& row) {
    const MigrationPlan plan = plan_migrations(local.folder.layout, local.migrations, {row});
    RowOwner owner;
    if (plan.applied == 1) {
        std::vector<bool> pending(local.migrations.size(), false);
        for (std::size_t i : plan.pending)
            pending[i] = true;
        for (std::size_t i = 0; i < pending.size() && !owner.index; ++i) {
            if (!pending[i]) owner.index = i;
        }
        owner.squash = owner.index && !local.migrations[*owner.index].replaces.empty();
    } else if (plan.missing.empty()) {
        // Neither a file nor missing: a squash migration claimed it for one it replaced.
        owner.squash = true;
        for (const auto& partial : plan.partial_squashes)
            owner.index = partial.index;
    }
    return owner;
}

std::string row_label(const RecordedRow& row) {
    return row.name ? *row.name : "created_at " + row.created_at.value_or("NULL");
}

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError("cannot read down file " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string relative_to(const std::filesystem::path& path, const std::filesystem::path& dir) {
    std::string text = path.lexically_relative(dir).generic_string();
    return text.empty() ? path.generic_string() : text;
}

RollbackStep make_step(const LocalMigrations& local, std::size_t index, const RecordedRow& row) {
    const MigrationEntry& entry = local.folder.entries[index];
    const LocalMigration& m = local.migrations[index];
    if (!m.replaces.empty()) {
        throw RollbackRefused("migration " + m.name + " is a squash of " + std::to_string(m.replaces.size()) +
                              " migrations (" + m.display_path +
                              "): migrate down does not roll back squash migrations, whose bookkeeping rows stand "
                              "for the migrations they replaced. Undo its changes by hand, then forget it with "
                              "`drizzle-kit resolve --rolled-back " +
                              m.name + "`. Nothing was rolled back.");
    }
    RollbackStep step;
    step.index = index;
    step.name = m.name;
    step.row = row;
    step.down_path = entry.down_path;
    step.down_display_path = relative_to(entry.down_path, local.folder.dir);
    std::error_code ec;
    if (entry.down_path.empty() || !std::filesystem::is_regular_file(entry.down_path, ec)) {
        throw RollbackRefused("migration " + m.name + " has no down file (" + step.down_display_path + " in " +
                              local.folder.dir.string() + "), so it cannot be rolled back. Write the SQL that undoes " +
                              m.display_path +
                              " there (or regenerate it), then run migrate down again. Nothing was rolled back.");
    }
    step.down_sql = read_bytes(entry.down_path);
    step.outside_transaction = declares_txmode_none(step.down_sql);
    step.switches_foreign_keys_off = switches_foreign_keys_off(step.down_sql);
    for (const auto& piece : split_statements(step.down_sql)) {
        if (!is_comment_only(piece)) ++step.statements;
    }
    return step;
}

} // namespace

RollbackPlan plan_rollback(const LocalMigrations& local, const std::vector<RecordedRow>& rows,
                           const RollbackRequest& request) {
    RollbackPlan plan;
    plan.local = local;
    plan.recorded = rows.size();
    const MigrationPlan whole = plan_migrations(local.folder.layout, local.migrations, rows);
    std::set<std::size_t> pending(whole.pending.begin(), whole.pending.end());
    for (std::size_t i = 0; i < local.migrations.size(); ++i) {
        if (!pending.count(i)) plan.latest_applied = i;
    }
    std::vector<RowOwner> owners;
    for (const auto& row : rows)
        owners.push_back(owner_of(local, row));

    std::size_t first = 0; // rows[first..] are rolled back
    if (!request.to.empty()) {
        std::optional<std::size_t> at;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (owners[r].index && !owners[r].squash && local.migrations[*owners[r].index].name == request.to) at = r;
        }
        if (!at) {
            throw UserError("migration " + request.to +
                            " is not recorded as applied in the database, so there is nothing to roll back to "
                            "(`drizzle-kit status` lists what is applied)");
        }
        first = *at + 1;
    } else {
        if (request.steps == 0) throw UserError("--steps must be at least 1");
        if (request.steps > rows.size()) {
            throw UserError("--steps " + std::to_string(request.steps) + ": the database records only " +
                            std::to_string(rows.size()) + " applied migration(s); nothing was rolled back");
        }
        first = rows.size() - request.steps;
    }
    for (std::size_t r = rows.size(); r-- > first;) {
        const RowOwner& owner = owners[r];
        if (owner.squash) {
            // The squash itself, or a row it claims for a migration it replaced: refused either way.
            if (owner.index) make_step(local, *owner.index, rows[r]);
            throw RollbackRefused("the recorded migration " + row_label(rows[r]) +
                                  " was replaced by a squash migration; migrate down does not roll back squashed "
                                  "migrations (their files are gone). Nothing was rolled back.");
        }
        if (!owner.index) {
            throw RollbackRefused("migration " + row_label(rows[r]) + " is recorded as applied but has no file in " +
                                  local.folder.dir.string() +
                                  ", so its down file is unknown: restore its folder (or check out the branch it "
                                  "belongs to) before rolling it back. Nothing was rolled back.");
        }
        plan.steps.push_back(make_step(local, *owner.index, rows[r]));
    }
    return plan;
}

} // namespace drizzle::migrate_internal
