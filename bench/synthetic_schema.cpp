// Builds the synthetic benchmark schema as plain model values.
#include "synthetic_schema.hpp"

#include <cstdio>

namespace drizzle::bench {

namespace {

Column column(std::string name, std::string type, bool not_null = false) {
    Column c;
    c.name = std::move(name);
    c.type = std::move(type);
    c.not_null = not_null;
    return c;
}

ColumnDefault expression_default(std::string sql) { return {ColumnDefault::Kind::expression, std::move(sql)}; }

std::string table_name(int index) {
    char name[16];
    std::snprintf(name, sizeof name, "t_%04d", index);
    return name;
}

}  // namespace

Schema synthetic_schema(Dialect dialect, int tables) {
    const bool pg = dialect == Dialect::postgresql;
    Schema schema;
    schema.dialect = dialect;
    for (int i = 0; i < tables; ++i) {
        Table table;
        table.name = table_name(i);
        Column id = column("id", pg ? "serial" : "integer");
        id.primary_key = true;
        table.columns.push_back(id);
        table.columns.push_back(column("parent_id", "integer"));
        table.columns.push_back(column("title", "text", true));
        table.columns.push_back(column("email", pg ? "varchar(255)" : "text(255)"));
        table.columns.push_back(column("quantity", "integer"));
        table.columns.push_back(column("price", pg ? "numeric(10, 2)" : "numeric"));
        Column active = column("active", pg ? "boolean" : "integer", true);
        active.default_value = pg ? ColumnDefault{ColumnDefault::Kind::boolean, "true"}
                                  : ColumnDefault{ColumnDefault::Kind::number, "1"};
        table.columns.push_back(active);
        Column created = column("created_at", pg ? "timestamp" : "integer", true);
        created.default_value = expression_default(pg ? "now()" : "(unixepoch())");
        table.columns.push_back(created);
        table.columns.push_back(column("updated_at", pg ? "timestamp" : "integer"));
        table.columns.push_back(column("payload", pg ? "jsonb" : "text"));
        Column token = column("token", pg ? "uuid" : "text");
        if (pg) token.default_value = expression_default("gen_random_uuid()");
        table.columns.push_back(token);
        table.columns.push_back(column("notes", "text"));

        Index by_title;
        by_title.name = table.name + "_title_idx";
        by_title.columns.push_back(index_column("title"));
        table.indexes.push_back(by_title);
        Index by_email;
        by_email.name = table.name + "_email_unique";
        by_email.unique = true;
        by_email.columns.push_back(index_column("email"));
        table.indexes.push_back(by_email);

        ForeignKey parent;
        parent.columns = {"parent_id"};
        parent.table_to = table_name(i == 0 ? 0 : i - 1);
        parent.columns_to = {"id"};
        parent.on_delete = "set null";
        table.foreign_keys.push_back(parent);
        schema.tables.push_back(std::move(table));
    }
    return schema;
}

}  // namespace drizzle::bench
