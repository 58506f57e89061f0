// The PostgreSQL DSL builds the model drizzle-orm's pg-core would describe.
#include "drizzle/diff/diff.hpp"
#include "drizzle/dsl/pg.hpp"
#include "drizzle/dsl/registry.hpp"

#include <gtest/gtest.h>

using namespace drizzle;
using namespace drizzle::pg::dsl;

namespace {

// A separate registry would be cleaner, but the DSL registers into the process-wide one; these
// tables use a schema of their own so they cannot collide with other tests' declarations.
const auto shop = pg_schema("dsl_shop");
const auto status = shop.enum_("status", {"new", "paid"});
const auto orders_seq = shop.sequence("orders_seq", {.increment = 2, .start_with = 10});
const auto customers = shop.table("customers", {
    serial("id").primary_key(),
    varchar("email", {.length = 320}).not_null().unique(),
    numeric("credit", {.precision = 12, .scale = 2}).default_(0),
    timestamp("seen", {.precision = 3, .with_timezone = true}).default_now(),
    uuid("token").default_random(),
    text("tags").array().array(),
});
const auto orders = shop.table("orders", {
    bigint("id").generated_always_as_identity({.start_with = 1000}),
    integer("customer_id").not_null().references(customers["id"], {.on_delete = action::cascade}),
    status("status").not_null().default_("new"),
    integer("qty"),
    integer("price"),
    integer("total").generated_always_as("qty * price"),
}, {
    primary_key({"id"}),
    index("orders_recent").on({IndexTarget("id").desc().nulls_last(), sql("lower(status::text)")}).where("qty > 0"),
    unique("orders_customer_qty").on({"customer_id", "qty"}).nulls_not_distinct(),
    check("qty_positive", "qty > 0"),
    pg_policy("mine", {.for_ = "select", .to = {"current_user"}, .using_ = "true"}),
});

const Table& table_named(const Schema& schema, const std::string& name) {
    const Table* table = schema.find_table(name, "dsl_shop");
    if (table == nullptr) throw std::runtime_error("missing table " + name);
    return *table;
}

TEST(DslPg, DeclaresSchemaEnumSequenceAndTables) {
    Schema schema = dsl::registered_schema(Dialect::postgresql);
    EXPECT_EQ(schema.dialect, Dialect::postgresql);
    EXPECT_NE(std::find(schema.schemas.begin(), schema.schemas.end(), "dsl_shop"), schema.schemas.end());
    auto type = std::find_if(schema.enums.begin(), schema.enums.end(), [](const Enum& e) { return e.name == "status"; });
    ASSERT_NE(type, schema.enums.end());
    EXPECT_EQ(type->schema, "dsl_shop");
    EXPECT_EQ(type->values, (std::vector<std::string>{"new", "paid"}));
    auto sequence = std::find_if(schema.sequences.begin(), schema.sequences.end(),
                                 [](const Sequence& s) { return s.name == "orders_seq"; });
    ASSERT_NE(sequence, schema.sequences.end());
    EXPECT_EQ(sequence->options.increment, "2");
    EXPECT_EQ(sequence->options.start_with, "10");
    EXPECT_EQ(sequence->options.max_value, "9223372036854775807");
}

TEST(DslPg, ColumnsCarryTypesAndModifiers) {
    const Schema schema = dsl::registered_schema(Dialect::postgresql);
    const Table& t = table_named(schema, "customers");
    ASSERT_EQ(t.columns.size(), 6u);
    EXPECT_EQ(t.columns[0].type, "serial");
    EXPECT_TRUE(t.columns[0].primary_key);
    EXPECT_EQ(t.columns[1].type, "varchar(320)");
    EXPECT_EQ(t.columns[2].type, "numeric(12,2)");
    EXPECT_EQ(t.columns[2].default_value->sql, "0");
    EXPECT_EQ(t.columns[3].type, "timestamp(3) with time zone");
    EXPECT_EQ(t.columns[3].default_value->sql, "now()");
    EXPECT_EQ(t.columns[4].default_value->sql, "gen_random_uuid()");
    EXPECT_EQ(t.columns[5].dimensions, 2);
    ASSERT_EQ(t.uniques.size(), 1u);
    EXPECT_TRUE(t.uniques[0].column_level);
    EXPECT_TRUE(t.uniques[0].name.empty()) << "unnamed: generate names it in the folder's convention";
}

TEST(DslPg, ExtrasIdentityPoliciesAndDefaultNames) {
    Schema schema = dsl::registered_schema(Dialect::postgresql);
    const Table& t = table_named(schema, "orders");
    ASSERT_TRUE(t.columns[0].identity);
    EXPECT_EQ(t.columns[0].identity->kind, IdentityColumn::Kind::always);
    EXPECT_EQ(t.columns[0].identity->options.start_with, "1000");
    EXPECT_EQ(t.columns[2].type, "status");
    EXPECT_EQ(t.columns[2].type_schema, "dsl_shop");
    EXPECT_EQ(t.columns[2].default_value->sql, "'new'");
    ASSERT_TRUE(t.columns[5].generated);
    EXPECT_TRUE(t.columns[5].generated->stored);
    ASSERT_EQ(t.indexes.size(), 1u);
    EXPECT_FALSE(t.indexes[0].columns[0].asc);
    EXPECT_EQ(t.indexes[0].columns[0].nulls, "last");
    EXPECT_TRUE(t.indexes[0].columns[1].is_expression);
    EXPECT_EQ(t.indexes[0].where, "qty > 0");
    ASSERT_EQ(t.uniques.size(), 1u);
    EXPECT_TRUE(t.uniques[0].nulls_not_distinct);
    EXPECT_TRUE(t.rls_enabled);
    ASSERT_EQ(t.policies.size(), 1u);
    EXPECT_EQ(t.policies[0].to, std::vector<std::string>{"current_user"});
    ASSERT_EQ(t.foreign_keys.size(), 1u);
    EXPECT_EQ(t.foreign_keys[0].schema_to, "dsl_shop");

    // Default names per drizzle-kit generation.
    Schema v1 = schema;
    assign_default_names(v1, NamingStyle::v1);
    const Table& named = table_named(v1, "orders");
    EXPECT_EQ(named.foreign_keys[0].name, "orders_customer_id_customers_id_fkey");
    EXPECT_EQ(named.primary_keys[0].name, "orders_pkey");
    Schema legacy = schema;
    assign_default_names(legacy, NamingStyle::legacy);
    EXPECT_EQ(table_named(legacy, "orders").foreign_keys[0].name, "orders_customer_id_customers_id_fk");
    EXPECT_EQ(table_named(legacy, "customers").uniques[0].name, "customers_email_unique");
    EXPECT_EQ(table_named(v1, "customers").uniques[0].name, "customers_email_key");
}

}  // namespace
