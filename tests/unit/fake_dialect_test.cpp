// The dialect seam: a dialect registered by the test alone ("fakedb") is reached by name lookup,
// default naming, quoting, the shared diff, rendering, pull and the migrator, with no other
// dialect's code answering for it.
#include "drizzle/dialect/dialect_facts.hpp"
#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate/migration_store.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "drizzle/pull/cpp_header.hpp"
#include "drizzle/schema/naming.hpp"
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

} // namespace
