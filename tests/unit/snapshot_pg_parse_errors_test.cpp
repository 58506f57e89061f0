// Bad PostgreSQL snapshot files give one clear UserError naming the file and the JSON path.
#include "drizzle/error.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_text.hpp"

#include <gtest/gtest.h>

namespace drizzle {
namespace {

using snapshot_detail::Json;

// The message of the UserError parse_snapshot throws ("" when it does not throw one).
std::string error_of(const Json& document, const std::string& source = "drizzle/meta/0003_snapshot.json") {
    try {
        parse_snapshot(document.dump(), source);
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

// A valid 0.31 snapshot with one table `public.t` (column `a`, one index) and an enum.
Json legacy_document() {
    return Json::parse(R"J({"id":"x","prevId":"y","version":"7","dialect":"postgresql",
      "tables":{"public.t":{"name":"t","schema":"","columns":{"a":{"name":"a","type":"integer","primaryKey":false,
        "notNull":false}},"indexes":{"i":{"name":"i","columns":[{"expression":"a","isExpression":false,"asc":true,
        "nulls":"last"}],"isUnique":false,"concurrently":false,"method":"btree","with":{}}},"foreignKeys":{},
        "compositePrimaryKeys":{},"uniqueConstraints":{},"policies":{},"checkConstraints":{},"isRLSEnabled":false}},
      "enums":{"public.e":{"name":"e","schema":"public","values":["x"]}},"schemas":{},"sequences":{},"roles":{},
      "policies":{},"views":{},"_meta":{"columns":{},"schemas":{},"tables":{}}})J");
}

Json v1_document() {
    return Json::parse(R"J({"version":"8","dialect":"postgres","id":"x","prevIds":["y"],"ddl":[
      {"isRlsEnabled":false,"name":"t","entityType":"tables","schema":"public"},
      {"type":"integer","typeSchema":null,"notNull":false,"dimensions":0,"default":null,"generated":null,
       "identity":null,"name":"a","entityType":"columns","schema":"public","table":"t"},
      {"nameExplicit":false,"columns":["a"],"nullsNotDistinct":false,"name":"t_a_key","entityType":"uniques",
       "schema":"public","table":"t"}],"renames":[]})J");
}

TEST(PgSnapshotParseErrors, ValidDocumentsParse) {
    EXPECT_EQ(error_of(legacy_document()), "");
    EXPECT_EQ(error_of(v1_document()), "");
}

TEST(PgSnapshotParseErrors, UnsupportedVersions) {
    EXPECT_EQ(error_of(Json::parse(R"({"version":"6","dialect":"postgresql"})"), "s.json"),
              "s.json: unsupported PostgreSQL snapshot: \"dialect\" \"postgresql\" with \"version\" \"6\" "
              "(drizzle-kit 0.31 writes \"postgresql\" \"7\", drizzle-kit 1.0 writes \"postgres\" \"8\")");
    EXPECT_EQ(error_of(Json::parse(R"({"version":"7","dialect":"postgres"})"), "s.json"),
              "s.json: unsupported PostgreSQL snapshot: \"dialect\" \"postgres\" with \"version\" \"7\" "
              "(drizzle-kit 0.31 writes \"postgresql\" \"7\", drizzle-kit 1.0 writes \"postgres\" \"8\")");
    EXPECT_EQ(error_of(Json::parse(R"({"version":"7","dialect":"mysql"})"), "s.json"),
              "s.json: unknown \"dialect\" \"mysql\" (expected \"sqlite\", \"postgresql\" or \"postgres\")");
}

TEST(PgSnapshotParseErrors, LegacyWrongTypesAndMissingKeys) {
    const std::string file = "drizzle/meta/0003_snapshot.json: ";
    Json doc = legacy_document();
    doc["tables"]["public.t"]["columns"]["a"]["type"] = 5;
    EXPECT_EQ(error_of(doc), file + "tables[\"public.t\"].columns.a: \"type\" must be a string");

    doc = legacy_document();
    doc["tables"]["public.t"].erase("schema");
    EXPECT_EQ(error_of(doc), file + "tables[\"public.t\"]: \"schema\" is missing");

    doc = legacy_document();
    doc["tables"]["public.t"]["indexes"]["i"]["columns"][0]["asc"] = "yes";
    EXPECT_EQ(error_of(doc), file + "tables[\"public.t\"].indexes.i.columns[0]: \"asc\" must be a boolean");

    doc = legacy_document();
    doc["tables"]["public.t"]["indexes"]["i"]["with"] = Json::parse(R"({"fillfactor":[1]})");
    EXPECT_EQ(error_of(doc),
              file +
                  "tables[\"public.t\"].indexes.i.with.fillfactor: must be a string, number or "
                  "boolean");

    doc = legacy_document();
    doc["tables"]["public.t"]["columns"]["a"]["identity"] = Json::parse(R"({"type":"sometimes","name":"s"})");
    EXPECT_EQ(error_of(doc),
              file + "tables[\"public.t\"].columns.a.identity: \"type\" must be \"always\" or \"byDefault\"");

    doc = legacy_document();
    doc["enums"]["public.e"]["values"] = Json::parse("[1]");
    EXPECT_EQ(error_of(doc), file + "enums[\"public.e\"].values: element 0 must be a string, not a number");

    doc = legacy_document();
    doc["policies"]["p"] = Json::parse(R"({"name":"p","on":"users"})");
    EXPECT_EQ(error_of(doc), file + "policies.p: \"on\" must name a table as \"schema\".\"table\"");

    doc = legacy_document();
    doc.erase("_meta");
    EXPECT_EQ(error_of(doc), file + "\"_meta\" is missing");
}

TEST(PgSnapshotParseErrors, V1WrongTypesAndMissingKeys) {
    const std::string file = "drizzle/meta/0003_snapshot.json: ";
    Json doc = v1_document();
    doc["ddl"][1]["dimensions"] = "1";
    EXPECT_EQ(error_of(doc), file + "ddl[1]: \"dimensions\" must be a non-negative integer");

    doc = v1_document();
    doc["ddl"][1].erase("typeSchema");
    EXPECT_EQ(error_of(doc), file + "ddl[1]: \"typeSchema\" is missing");

    doc = v1_document();
    doc["ddl"][1]["table"] = "nope";
    EXPECT_EQ(error_of(doc), file + "ddl[1]: table \"public.nope\" has no \"tables\" entity");

    doc = v1_document();
    doc["ddl"][2]["nullsNotDistinct"] = nullptr;
    EXPECT_EQ(error_of(doc), file + "ddl[2]: \"nullsNotDistinct\" must be a boolean");

    doc = v1_document();
    doc["ddl"].push_back(
        Json::parse(R"({"nameExplicit":false,"columns":["a"],"schemaTo":"public","tableTo":"t",
      "columnsTo":["a"],"onUpdate":"SOMETIMES","onDelete":null,"name":"f","entityType":"fks","schema":"public",
      "table":"t"})"));
    EXPECT_EQ(error_of(doc),
              file +
                  "ddl[3]: \"onUpdate\" must be one of \"NO ACTION\", \"RESTRICT\", \"SET NULL\", "
                  "\"CASCADE\", \"SET DEFAULT\", not \"SOMETIMES\"");

    doc = v1_document();
    doc["ddl"].push_back(Json::parse(R"({"name":"x","entityType":"widgets"})"));
    EXPECT_EQ(error_of(doc), file + "ddl[3]: unknown \"entityType\" \"widgets\"");

    doc = v1_document();
    doc["ddl"][0] = 3;
    EXPECT_EQ(error_of(doc), file + "ddl[0]: a ddl entity must be an object, not a number");

    doc = v1_document();
    doc["renames"] = Json::parse("[1]");
    EXPECT_EQ(error_of(doc), file + "renames: element 0 must be a string, not a number");
}

}  // namespace
}  // namespace drizzle
