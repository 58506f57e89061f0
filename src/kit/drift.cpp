// Drift: push's planning (introspect through the filters, align, diff, render) with the latest
// snapshot as the desired schema and every rename question answered "create".
#include "drizzle/kit/drift.hpp"

#include "kit/object_names.hpp"

#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/folder_dialect.hpp"
#include "drizzle/kit/live_schema.hpp"
#include "drizzle/kit/push.hpp"
#include "drizzle/migrate/folder.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "util/files.hpp"

#include <type_traits>
#include <variant>

namespace drizzle::kit {

namespace {

namespace fs = std::filesystem;

constexpr const char* kOnlyDatabase = " exists in the database but not in the migrations";
constexpr const char* kOnlyMigrations = " is in the migrations but not in the database";

/// Never a rename: a drift report must not guess which hand change was a rename.
class CreateEverything final : public Resolver {
public:
    std::optional<std::string> resolve(const RenameQuestion&) override { return std::nullopt; }
};

using object_names::object_name;
using object_names::quoted_name;

std::string on_table(const std::string& schema, const std::string& table) {
    return " on " + object_name(schema, table);
}

/// `integer[]` for a one-dimensional array.
std::string type_text(const Column& column) {
    std::string text = column.type;
    for (int i = 0; i < column.dimensions; ++i)
        text += "[]";
    return text;
}

std::string column_differences(const op::AlterColumn& o) {
    std::vector<std::string> parts;
    const auto& c = o.changes;
    if (c.has(ColumnChange::type) || c.has(ColumnChange::type_schema) || c.has(ColumnChange::dimensions)) {
        parts.push_back("type " + type_text(o.from) + " in the database, " + type_text(o.to) + " in the migrations");
    }
    if (c.has(ColumnChange::not_null)) {
        parts.push_back(std::string(o.from.effective_not_null() ? "NOT NULL" : "nullable") + " in the database, " +
                        (o.to.effective_not_null() ? "NOT NULL" : "nullable") + " in the migrations");
    }
    if (c.has(ColumnChange::default_value)) parts.push_back("default");
    if (c.has(ColumnChange::primary_key)) parts.push_back("primary key");
    if (c.has(ColumnChange::autoincrement)) parts.push_back("autoincrement");
    if (c.has(ColumnChange::generated)) parts.push_back("generated expression");
    if (c.has(ColumnChange::identity)) parts.push_back("identity");
    std::string text;
    for (const auto& p : parts)
        text += (text.empty() ? "" : "; ") + p;
    return text.empty() ? "definition" : text;
}

/// One line per operation of the diff database -> migrations.
std::string describe_difference(const Operation& operation) {
    return std::visit(
        [](const auto& o) -> std::string {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, op::CreateTable>) {
                return "table " + object_name(o.table.schema, o.table.name) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropTable>) {
                return "table " + object_name(o.table.schema, o.table.name) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AddColumn>) {
                return "column " + object_name(o.schema, o.table) + "." + quoted_name(o.column.name) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropColumn>) {
                return "column " + object_name(o.schema, o.table) + "." + quoted_name(o.column.name) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AlterColumn>) {
                return "column " + object_name(o.schema, o.table) + "." + quoted_name(o.to.name) +
                       " differs: " + column_differences(o);
            } else if constexpr (std::is_same_v<T, op::CreateIndex>) {
                return "index " + quoted_name(o.index.name) + on_table(o.schema, o.table) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropIndex>) {
                return "index " + quoted_name(o.index.name) + on_table(o.schema, o.table) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AddForeignKey>) {
                return "foreign key " + quoted_name(o.fk.name) + on_table(o.schema, o.table) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropForeignKey>) {
                return "foreign key " + quoted_name(o.fk.name) + on_table(o.schema, o.table) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AddPrimaryKey>) {
                return "primary key " + quoted_name(o.pk.name) + on_table(o.schema, o.table) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropPrimaryKey>) {
                return "primary key " + quoted_name(o.pk.name) + on_table(o.schema, o.table) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AddUnique>) {
                return "unique constraint " + quoted_name(o.unique.name) + on_table(o.schema, o.table) +
                       kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropUnique>) {
                return "unique constraint " + quoted_name(o.unique.name) + on_table(o.schema, o.table) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AddCheck>) {
                return "check constraint " + quoted_name(o.check.name) + on_table(o.schema, o.table) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropCheck>) {
                return "check constraint " + quoted_name(o.check.name) + on_table(o.schema, o.table) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::CreateView>) {
                return "view " + object_name(o.view.schema, o.view.name) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropView>) {
                return "view " + object_name(o.view.schema, o.view.name) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::RecreateTable>) {
                return "table " + object_name(o.to.schema, o.to.name) + " differs (it would be rebuilt)";
            } else if constexpr (std::is_same_v<T, op::CreateSchema>) {
                return "schema " + quoted_name(o.name) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropSchema>) {
                return "schema " + quoted_name(o.name) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::CreateEnum>) {
                return "enum " + object_name(o.type.schema, o.type.name) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropEnum>) {
                return "enum " + object_name(o.type.schema, o.type.name) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AddEnumValue>) {
                return "value '" + o.value + "' of enum " + object_name(o.schema, o.name) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::RecreateEnum>) {
                return "enum " + object_name(o.to.schema, o.to.name) + " has other values in the database";
            } else if constexpr (std::is_same_v<T, op::CreateSequence>) {
                return "sequence " + object_name(o.sequence.schema, o.sequence.name) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropSequence>) {
                return "sequence " + object_name(o.sequence.schema, o.sequence.name) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AlterSequence>) {
                return "sequence " + object_name(o.to.schema, o.to.name) + " differs";
            } else if constexpr (std::is_same_v<T, op::CreateRole>) {
                return "role " + quoted_name(o.role.name) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropRole>) {
                return "role " + quoted_name(o.role.name) + kOnlyDatabase;
            } else if constexpr (std::is_same_v<T, op::AlterRole>) {
                return "role " + quoted_name(o.to.name) + " differs";
            } else if constexpr (std::is_same_v<T, op::EnableRls>) {
                return "row-level security on " + object_name(o.schema, o.table) + " is enabled in the migrations only";
            } else if constexpr (std::is_same_v<T, op::DisableRls>) {
                return "row-level security on " + object_name(o.schema, o.table) + " is enabled in the database only";
            } else if constexpr (std::is_same_v<T, op::CreatePolicy>) {
                return "policy " + quoted_name(o.policy.name) + on_table(o.schema, o.table) + kOnlyMigrations;
            } else if constexpr (std::is_same_v<T, op::DropPolicy>) {
                return "policy " + quoted_name(o.policy.name) + on_table(o.schema, o.table) + kOnlyDatabase;
            } else {
                // Renames never come out of a diff answered "create"; anything else new says itself.
                return "differs: " + describe(Operation(o));
            }
        },
        operation);
}

} // namespace

DriftReport detect_drift(const Config& config, Connection& connection,
                         const std::function<void(const std::string&)>& log, const std::filesystem::path& against) {
    const MigrationsFolder folder = MigrationsFolder::read(config.out_dir());
    require_folder_dialect(config, folder);
    const auto path = against.empty() ? folder.latest_snapshot_path() : std::optional<fs::path>(against);
    std::error_code ec;
    if (!path) {
        throw UserError(config.out_dir().string() +
                        " holds no snapshot: drift is measured against the latest migration's snapshot "
                        "(run `drizzle-kit generate` first)");
    }
    if (!fs::is_regular_file(*path, ec)) {
        throw UserError(path->string() + " does not exist: the newest migration has no snapshot, so the folder's " +
                        "schema is unknown and drift cannot be measured");
    }
    Snapshot snapshot = parse_snapshot(detail::read_file_bytes(*path), path->string());
    if (snapshot.schema.dialect != *config.dialect) {
        throw UserError(path->string() + ": is a " + std::string(to_string(snapshot.schema.dialect)) +
                        " snapshot, but the config's dialect is " + std::string(to_string(*config.dialect)));
    }
    Schema desired = std::move(snapshot.schema);
    const ObjectFilter filter = object_filter(config, &desired);
    apply_filter(desired, filter);
    CreateEverything resolver;
    const PushPlan plan = plan_push(
        config, connection, std::move(desired), filter, resolver, [] { return std::vector<RenameQuestion>{}; }, log);
    DriftReport report;
    report.snapshot = *path;
    // The dialect's lowering has the last word: it drops changes that are no change for this
    // database (SQLite: a CHECK whose only difference is how a rebuild's RENAME re-spelled its
    // table qualifiers). Nothing to run means nothing drifted.
    if (!plan.statements.empty()) {
        for (const auto& operation : plan.diff.operations)
            report.differences.push_back(describe_difference(operation));
    }
    report.statements = plan.statements;
    return report;
}

} // namespace drizzle::kit
