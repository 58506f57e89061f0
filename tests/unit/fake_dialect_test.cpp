// The dialect seam: a dialect registered by the test alone ("fakedb") is reached by name lookup,
// default naming, quoting, the shared diff, rendering, pull and the migrator, with no other
// dialect's code answering for it.
#include "drizzle/dialect/dialect_facts.hpp"
#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/generate.hpp"
#include "drizzle/kit/resolve.hpp"
#include "drizzle/kit/status.hpp"
#include "drizzle/migrate/migration_store.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/migrate/plan.hpp"
#include "drizzle/pull/cpp_header.hpp"
#include "drizzle/schema/naming.hpp"
#include "drizzle/schema/validate.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_reader.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace drizzle;

namespace {

constexpr std::string_view fake_name = "fakedb";
const Dialect fakedb{fake_name};

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : "_") + part;
    return text;
}

// ==== the fake dialect ==========================================================================
// One block, so that methods added to DialectFacts / DialectOps can be filled in here at merge.

/// Facts of a dialect no built-in code knows: brackets for quoting, its own constraint names.
class FakeFacts final : public DialectFacts {
public:
    Dialect dialect() const override { return fakedb; }
    std::vector<std::string_view> aliases() const override { return {"fake"}; }
    std::string quote_identifier(std::string_view name) const override { return "[" + std::string(name) + "]"; }
    std::string legacy_snapshot_version() const override { return "fake-1"; }
    std::string default_foreign_key_name(NamingStyle, const std::string& table, const ForeignKey& fk) const override {
        return "fakefk_" + table + "_" + joined(fk.columns) + "_" + fk.table_to;
    }
    std::string default_primary_key_name(NamingStyle, const std::string& table,
                                         const std::vector<std::string>& columns) const override {
        return "fakepk_" + table + "_" + joined(columns);
    }
    std::string default_unique_name(NamingStyle, const std::string& table,
                                    const std::vector<std::string>& columns) const override {
        return "fakeuq_" + table + "_" + joined(columns);
    }

    // What the shared diff, normalize and validate ask: a database unlike both built-in ones
    // where that is possible (names identify constraints, keys do not imply NOT NULL).
    bool constraints_addressed_by_name() const override { return true; }
    bool primary_key_implies_not_null() const override { return false; }
    bool keeps_constraint_names_on_rename() const override { return false; }
    std::string database_primary_key_name(std::string_view table) const override {
        return "fakepk_" + std::string(table);
    }
    bool is_default_primary_key_name(std::string_view table, std::string_view name) const override {
        return name == database_primary_key_name(table);
    }
    std::string default_unique_constraint_name(NamingStyle style, const std::string& table,
                                               const UniqueConstraint& unique) const override {
        return default_unique_name(style, table, unique.columns);
    }
    SequenceOptions sequence_options_with_defaults(SequenceOptions options, const std::string&) const override {
        return options;
    }
    std::string identity_sequence_name(const std::string&, const std::string&) const override { return ""; }
    std::vector<std::string> column_problems(const Column& column) const override {
        if (column.type == "forbidden") return {"fakedb has no forbidden type"};
        return {};
    }
    void normalize(Schema&, NamingStyle) const override {}

    // Snapshots: a one-line document listing the tables (each `id int` primary key).
    std::vector<std::string_view> snapshot_dialect_names() const override { return {"fakedb"}; }
    std::optional<SnapshotDocument> snapshot_document_of_content(const snapshot_detail::JsonNode&) const override {
        return std::nullopt;
    }
    Snapshot read_snapshot(const snapshot_detail::JsonNode& root, std::string_view,
                           std::string_view) const override {
        Snapshot snapshot;
        snapshot.schema.dialect = fakedb;
        std::string tables = root.string("tables");
        for (std::size_t start = 0; start < tables.size();) {
            const std::size_t end = std::min(tables.find(',', start), tables.size());
            Table table;
            table.name = tables.substr(start, end - start);
            Column id;
            id.name = "id";
            id.type = "int";
            id.primary_key = true;
            table.columns.push_back(id);
            snapshot.schema.tables.push_back(table);
            start = end + 1;
        }
        return snapshot;
    }
    std::string write_snapshot(const Snapshot& snapshot) const override {
        std::vector<std::string> names;
        for (const Table& table : snapshot.schema.tables) names.push_back(table.name);
        std::string tables;
        for (const auto& name : names) tables += (tables.empty() ? "" : ",") + name;
        return R"({"dialect": "fakedb", "version": "fake-1", "tables": ")" + tables + "\"}";
    }

    // Workflow questions.
    ObjectKinds object_kinds() const override { return {}; }
    bool not_null_change_fills_nulls_from_default() const override { return false; }
    bool type_change_converts_values() const override { return true; }
    TypeChangeRisk type_change_risk(const Column& from, const Column& to) const override {
        return {false, from.type != to.type, from.type != to.type};
    }
    bool default_is_volatile(const std::string&) const override { return false; }
    bool has_online_schema_changes() const override { return false; }
};

/// What the migrator asked of the fake bookkeeping, in order.
struct StoreLog {
    std::vector<std::string> calls;
    std::vector<RecordedRow> rows;
};

/// A bookkeeping "table" held in memory that records every call.
class RecordingStore final : public MigrationStore {
public:
    explicit RecordingStore(StoreLog& log) : log_(log) {}
    void ensure_table(FolderLayout, const std::vector<LocalMigration>&) override {
        log_.calls.push_back("ensure_table");
    }
    bool enforces_foreign_keys() const override { return false; }
    void begin(bool) override { log_.calls.push_back("begin"); }
    std::vector<RecordedRow> read_rows() override {
        log_.calls.push_back("read_rows");
        return log_.rows;
    }
    std::size_t count_rows() override { return log_.rows.size(); }
    void record(const LocalMigration& migration, FolderLayout) override {
        log_.calls.push_back("record " + migration.name);
        RecordedRow row;
        row.key = static_cast<std::int64_t>(log_.rows.size() + 1);
        row.hash = migration.hash;
        row.created_at = std::to_string(migration.created_at_ms);
        row.name = migration.name;
        log_.rows.push_back(row);
    }
    void forget(const RecordedRow& row) override {
        log_.calls.push_back("forget " + row.name.value_or(""));
        std::erase_if(log_.rows, [&](const RecordedRow& r) { return r.key == row.key; });
    }
    void commit() override { log_.calls.push_back("commit"); }
    void rollback() noexcept override { log_.calls.push_back("rollback"); }

private:
    StoreLog& log_;
};

/// A connection to "a fakedb database": remembers what it was asked to run.
class FakeConnection final : public Connection {
public:
    Dialect dialect() const override { return fakedb; }
    void exec(std::string_view sql) override { executed.emplace_back(sql); }
    std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& = {}) override {
        executed.emplace_back(sql);
        return {};
    }
    std::string describe() const override { return "fakedb connection"; }

    std::vector<std::string> executed;
};

/// Operations of the fake dialect: recognisable SQL, the recording store, a marker header.
class FakeOps final : public DialectOps {
public:
    const DialectFacts& facts() const override { return facts_; }

    MigrationSql migration_sql(const DiffResult& diff) const override {
        MigrationSql sql;
        for (const Operation& operation : diff.operations) {
            if (const auto* create = std::get_if<op::CreateTable>(&operation)) {
                std::string text = "FAKE CREATE " + facts_.qualified_name(create->table.schema, create->table.name);
                for (const auto& unique : create->table.uniques)
                    text += " UNIQUE " + facts_.quote_identifier(unique.name);
                for (const auto& fk : create->table.foreign_keys)
                    text += " FK " + facts_.quote_identifier(fk.name);
                sql.statements.push_back(text + ";");
            } else {
                sql.statements.push_back("FAKE OPERATION " + std::to_string(operation.index()) + ";");
            }
        }
        return sql;
    }
    std::unique_ptr<Connection> connect(const Config&) const override { return std::make_unique<FakeConnection>(); }
    Schema introspect(Connection&, const IntrospectOptions&) const override {
        Schema schema;
        schema.dialect = fakedb;
        return schema;
    }
    std::unique_ptr<MigrationStore> migration_store(Connection&, const MigrateOptions&) const override {
        ++stores_made;
        return std::make_unique<RecordingStore>(store_log);
    }
    Schema schema_from_sql(const std::string&, const std::string& origin) const override {
        throw UserError(origin + ": fakedb reads no .sql files");
    }
    pull::PulledHeader write_header(const Schema& schema, const pull::HeaderOptions&) const override {
        pull::PulledHeader header;
        header.text = "// fakedb header\n";
        header.declared = schema;
        return header;
    }

    mutable StoreLog store_log;
    mutable int stores_made = 0;

private:
    FakeFacts facts_;
};

// ==== end of the fake dialect ===================================================================

FakeOps& fake_ops() {
    static FakeOps ops;
    return ops;
}

class FakeDialect : public ::testing::Test {
protected:
    void SetUp() override {
        register_dialect_ops(fake_ops());
        fake_ops().store_log = {};
        fake_ops().stores_made = 0;
    }
};

Column column(std::string name, bool primary_key = false) {
    Column c;
    c.name = std::move(name);
    c.type = "int";
    c.primary_key = primary_key;
    return c;
}

/// users(id pk, email unique) and posts(id pk, author -> users.id), every constraint unnamed.
Schema blog_schema() {
    Schema schema;
    schema.dialect = fakedb;
    Table users;
    users.name = "users";
    users.columns = {column("id", true), column("email")};
    UniqueConstraint unique;
    unique.columns = {"email"};
    users.uniques.push_back(unique);
    Table posts;
    posts.name = "posts";
    posts.columns = {column("id", true), column("author")};
    ForeignKey fk;
    fk.columns = {"author"};
    fk.table_to = "users";
    fk.columns_to = {"id"};
    posts.foreign_keys.push_back(fk);
    schema.tables = {users, posts};
    return schema;
}

TEST_F(FakeDialect, ParseDialectFindsItByNameAndAlias) {
    ASSERT_EQ(parse_dialect("fakedb"), std::optional<Dialect>(fakedb));
    EXPECT_EQ(parse_dialect("fake"), std::optional<Dialect>(fakedb));
    EXPECT_EQ(to_string(fakedb), "fakedb");
    const auto names = known_dialect_names();
    EXPECT_NE(std::find(names.begin(), names.end(), "fakedb"), names.end());
    EXPECT_TRUE(has_dialect_ops(fakedb));
}

TEST_F(FakeDialect, QuotingAndDefaultNamesComeFromIt) {
    const DialectFacts& facts = dialect_facts(fakedb);
    EXPECT_EQ(facts.quote_identifier("x"), "[x]");
    EXPECT_EQ(facts.qualified_name("s", "t"), "[s].[t]");
    EXPECT_EQ(facts.qualified_name("", "t"), "[t]");
    EXPECT_EQ(facts.quote_literal("it's"), "'it''s'");
    EXPECT_EQ(&dialect_ops(fakedb).facts(), &facts);

    ForeignKey fk;
    fk.columns = {"author"};
    fk.table_to = "users";
    fk.columns_to = {"id"};
    for (NamingStyle style : {NamingStyle::legacy, NamingStyle::v1}) {
        EXPECT_EQ(default_foreign_key_name(style, fakedb, "posts", fk), "fakefk_posts_author_users");
        EXPECT_EQ(default_primary_key_name(style, fakedb, "t", {"a", "b"}), "fakepk_t_a_b");
        EXPECT_EQ(default_unique_name(style, fakedb, "users", {"email"}), "fakeuq_users_email");
    }
}

TEST_F(FakeDialect, SharedDiffNamesWithItAndItsOpsRenderTheMigration) {
    Schema empty;
    empty.dialect = fakedb;
    const Schema next = blog_schema();
    ScriptedResolver none;
    const DiffResult result = diff(empty, next, none);
    ASSERT_EQ(result.operations.size(), 2u);
    for (const Operation& operation : result.operations)
        EXPECT_TRUE(std::holds_alternative<op::CreateTable>(operation));

    const MigrationSql sql = dialect_ops(Dialect("fakedb")).migration_sql(result);
    EXPECT_EQ(sql.statements, (std::vector<std::string>{"FAKE CREATE [users] UNIQUE [fakeuq_users_email];",
                                                        "FAKE CREATE [posts] FK [fakefk_posts_author_users];"}));
    EXPECT_FALSE(sql.outside_transaction);

    // Equal schemas of the fake dialect compare equal through the shared normalisation.
    EXPECT_TRUE(diff(next, next, none).operations.empty());
}

TEST_F(FakeDialect, PullWritesItsHeader) {
    const pull::PulledHeader header = pull::write_cpp_header(blog_schema(), pull::HeaderOptions{});
    EXPECT_EQ(header.text, "// fakedb header\n");
}

TEST_F(FakeDialect, UnregisteredDialectIsAUserError) {
    const Dialect nosuch("nosuch");
    EXPECT_FALSE(has_dialect_ops(nosuch));
    EXPECT_FALSE(parse_dialect("nosuch").has_value());
    for (int which = 0; which < 2; ++which) {
        try {
            if (which == 0)
                (void)dialect_facts(nosuch);
            else
                (void)dialect_ops(nosuch);
            ADD_FAILURE() << "no UserError for an unregistered dialect";
        } catch (const UserError& e) {
            EXPECT_EQ(std::string(e.what()), "the nosuch dialect is not available in this build of drizzle-kit");
        }
    }
}

TEST_F(FakeDialect, MigrateKeepsItsBookkeepingInTheFakeStore) {
    test::TempDir dir("drizzle-fakedb");
    const std::string name = "20240101000000_init";
    test::write_file(dir / "drizzle" / name / "migration.sql", "CREATE TABLE [t] ([id] int);");
    MigrateOptions options;
    options.folder = dir / "drizzle";
    FakeConnection connection;

    const MigrateResult result = migrate(connection, options);

    EXPECT_EQ(result.applied, std::vector<std::string>{name});
    EXPECT_EQ(fake_ops().stores_made, 1);
    const auto& calls = fake_ops().store_log.calls;
    EXPECT_NE(std::find(calls.begin(), calls.end(), "ensure_table"), calls.end());
    EXPECT_NE(std::find(calls.begin(), calls.end(), "record " + name), calls.end());
    EXPECT_EQ(calls.back(), "commit");
    // The migration ran on the connection; no other dialect's bookkeeping SQL did.
    EXPECT_EQ(connection.executed, std::vector<std::string>{"CREATE TABLE [t] ([id] int);"});

    // A second run finds it recorded in the fake store and applies nothing.
    FakeConnection again;
    const MigrateResult second = migrate(again, options);
    EXPECT_TRUE(second.applied.empty());
    EXPECT_EQ(second.already_applied, 1u);
    EXPECT_TRUE(again.executed.empty());
}

TEST_F(FakeDialect, ResolveAndStatusGoThroughItsStore) {
    // resolve records and forgets through MigrationStore only (record, forget), under its lock.
    test::TempDir dir("drizzle-fakedb-resolve");
    const std::string a = "20240101000000_a", b = "20240101000100_b";
    test::write_file(dir / "drizzle" / a / "migration.sql", "CREATE TABLE [a] ([id] int);");
    test::write_file(dir / "drizzle" / b / "migration.sql", "CREATE TABLE [b] ([id] int);");
    Config config;
    config.dialect = fakedb;
    config.base_dir = dir.path();
    config.out = "drizzle";
    FakeConnection connection;

    kit::ResolveRequest request{kit::ResolveAction::baseline_to, b};
    EXPECT_EQ(kit::resolve_migration(config, connection, request).recorded, (std::vector<std::string>{a, b}));
    EXPECT_EQ(fake_ops().store_log.calls,
              (std::vector<std::string>{"ensure_table", "begin", "read_rows", "record " + a, "record " + b, "commit"}));
    EXPECT_TRUE(connection.executed.empty()); // no migration SQL ran

    fake_ops().store_log.calls.clear();
    request = {kit::ResolveAction::rolled_back, a};
    EXPECT_EQ(kit::resolve_migration(config, connection, request).forgotten, std::vector<std::string>{a});
    EXPECT_EQ(fake_ops().store_log.calls, (std::vector<std::string>{"begin", "read_rows", "forget " + a, "commit"}));
    ASSERT_EQ(fake_ops().store_log.rows.size(), 1u);
    EXPECT_EQ(fake_ops().store_log.rows[0].name, b);

    kit::MigrationState state;
    state.folder = MigrationsFolder::read(dir / "drizzle");
    state.local = read_local_migrations(state.folder);
    state.recorded = fake_ops().store_log.rows;
    const kit::StatusReport report = kit::migration_status(state);
    ASSERT_EQ(report.entries.size(), 2u);
    EXPECT_EQ(report.entries[0].kind, kit::MigrationStatusKind::out_of_order);
    EXPECT_EQ(report.entries[1].kind, kit::MigrationStatusKind::applied);
}

TEST_F(FakeDialect, GenerateWorkflowReadsRendersAndWritesThroughIt) {
    // The CLI's generate is this workflow: schema source, diff, SQL and snapshot all come from the
    // fake dialect, and no built-in dialect's format appears in what is written.
    test::TempDir dir("drizzle-fakedb-generate");
    test::write_file(dir / "schema.json", R"({"dialect": "fakedb", "version": "fake-1", "tables": "users,posts"})");
    Config config;
    config.dialect = fakedb;
    config.base_dir = dir.path();
    config.schema = {"schema.json"};
    config.out = "drizzle";
    ScriptedResolver none;
    kit::DecisionSource decisions{[&]() -> Resolver& { return none; }, [&] { return none.open_questions(); }};

    const kit::GeneratePlan plan = kit::plan_generate(config, kit::GenerateRequest{"init"}, decisions, {});
    ASSERT_FALSE(plan.no_changes);
    const std::filesystem::path sql_file = kit::write_generated(config, plan);

    // Tables in the schema's canonical order; statements joined as drizzle-kit joins them.
    EXPECT_EQ(test::read_file(sql_file), "FAKE CREATE [posts];--> statement-breakpoint\nFAKE CREATE [users];");
    const std::filesystem::path snapshot_file = sql_file.parent_path() / "snapshot.json";
    EXPECT_EQ(test::read_file(snapshot_file), R"({"dialect": "fakedb", "version": "fake-1", "tables": "posts,users"})");

    // A second generate reads that snapshot back through the fake dialect and finds nothing to do.
    const kit::GeneratePlan again = kit::plan_generate(config, kit::GenerateRequest{"again"}, decisions, {});
    EXPECT_TRUE(again.no_changes);
}

TEST_F(FakeDialect, ValidationAsksItsRules) {
    Schema schema = blog_schema();
    schema.tables[0].columns[1].type = "forbidden";
    const auto problems = validate_schema(schema);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].message.find("fakedb has no forbidden type"), std::string::npos);
}

} // namespace
