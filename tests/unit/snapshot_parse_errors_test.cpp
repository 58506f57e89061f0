// Bad snapshot files give one clear UserError naming the file and the JSON path, never a crash.
#include "drizzle/error.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_text.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace drizzle {
namespace {

using snapshot_detail::Json;
using snapshot_detail::stringify_js;

// The message of the UserError parse_snapshot throws ("" when it does not throw one).
std::string error_of(const std::string& text, const std::string& source = "drizzle/meta/0003_snapshot.json") {
    try {
        parse_snapshot(text, source);
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

// A valid 0.31 snapshot with one table `t` and one column `a`, to break in one place.
Json legacy_document() {
    return Json::parse(R"J({"version":"6","dialect":"sqlite","id":"x","prevId":"y",
      "tables":{"t":{"name":"t","columns":{"a":{"name":"a","type":"integer","primaryKey":false,"notNull":false,
        "autoincrement":false}},"indexes":{"i":{"name":"i","columns":["a"],"isUnique":false}},"foreignKeys":{},
        "compositePrimaryKeys":{},"uniqueConstraints":{},"checkConstraints":{}}},
      "views":{},"enums":{},"_meta":{"schemas":{},"tables":{},"columns":{}},"internal":{"indexes":{}}})J");
}

Json v1_document() {
    return Json::parse(R"J({"version":"7","dialect":"sqlite","id":"x","prevIds":["y"],"ddl":[
      {"name":"t","entityType":"tables"},
      {"type":"integer","notNull":false,"autoincrement":false,"default":null,"generated":null,"name":"a",
       "entityType":"columns","table":"t"}],"renames":[]})J");
}

TEST(SnapshotParseErrors, ValidDocumentsParse) {
    EXPECT_EQ(error_of(legacy_document().dump()), "");
    EXPECT_EQ(error_of(v1_document().dump()), "");
}

TEST(SnapshotParseErrors, InvalidJsonReportsLineAndColumn) {
    EXPECT_EQ(error_of("{\n  \"version\": \"6\",\n  oops\n}", "snap.json"),
              "snap.json:3:3: invalid JSON: syntax error while parsing object key - invalid literal; "
              "last read: '\"6\",<U+000A>  o'; expected string literal");
    EXPECT_EQ(error_of("", "snap.json"),
              "snap.json:1:1: invalid JSON: syntax error while parsing value - unexpected end of input; "
              "expected '[', '{', or a literal");
    EXPECT_EQ(error_of("{\"a\": 1}\n x", "snap.json").substr(0, 28), "snap.json:2:2: invalid JSON:");
}

TEST(SnapshotParseErrors, ByteOrderMarkIsSkipped) {
    // Editors on Windows save one; JSON.parse and drizzle-kit read past it.
    EXPECT_EQ(error_of("\xEF\xBB\xBF" + legacy_document().dump()), "");
    EXPECT_EQ(error_of("\xEF\xBB\xBF" + v1_document().dump()), "");
}

TEST(SnapshotParseErrors, RepeatedKeyTakesTheLastValueAtTheFirstPlace) {
    // What JSON.parse does with a key written twice (a bad merge of a snapshot): drizzle-kit
    // reads the last value, and the key keeps the place of its first occurrence.
    std::string text = legacy_document().dump();
    const std::string column = R"("type":"integer")";
    text.replace(text.find(column), column.size(), R"("type":"integer","type":"text")");
    const std::string second_table =
        R"("u":{"name":"u","columns":{},"indexes":{},"foreignKeys":{},"compositePrimaryKeys":{}},)";
    const std::string table_t = R"("t":{"name":"t","columns":{},"indexes":{},"foreignKeys":{},)"
                                R"("compositePrimaryKeys":{}})";
    text.replace(text.find(R"("tables":{)") + 10, 0, second_table);
    const Snapshot snapshot = parse_snapshot(text, "s.json");
    ASSERT_EQ(snapshot.schema.tables.size(), 2u);
    EXPECT_EQ(snapshot.schema.tables[0].name, "u");
    EXPECT_EQ(snapshot.schema.tables[1].columns.at(0).type, "text");

    // A table written twice: its first place, its last content.
    std::string twice = legacy_document().dump();
    twice.replace(twice.find(R"("tables":{)") + 10, 0, table_t + "," + second_table);
    const Snapshot merged = parse_snapshot(twice, "s.json");
    ASSERT_EQ(merged.schema.tables.size(), 2u);
    EXPECT_EQ(merged.schema.tables[0].name, "t");
    EXPECT_EQ(merged.schema.tables[0].columns.size(), 1u); // the last "t", with its column a
    EXPECT_EQ(merged.schema.tables[1].name, "u");

    std::string v1 = v1_document().dump();
    v1.replace(v1.find(R"("name":"a")"), 10, R"("name":"a","name":"b")");
    EXPECT_EQ(parse_snapshot(v1, "s.json").schema.tables.at(0).columns.at(0).name, "b");
}

TEST(SnapshotParseErrors, ValidJsonBeyondTheReaderSaysSo) {
    // An integer wider than 64 bits is valid JSON no snapshot holds: named, not a crash.
    EXPECT_EQ(error_of(R"({"version": 123456789012345678901234567890})", "s.json").substr(0, 26),
              "s.json: unsupported JSON: ");
}

TEST(SnapshotParseErrors, DialectNameReadsOnlyTheDialect) {
    EXPECT_EQ(snapshot_dialect_name(v1_document().dump()), "sqlite");
    EXPECT_EQ(snapshot_dialect_name(R"({"dialect":"postgres","ddl":"not checked"})"), "postgres");
    EXPECT_EQ(snapshot_dialect_name(R"({"dialect":5})"), std::nullopt);
    EXPECT_EQ(snapshot_dialect_name("[]"), std::nullopt);
    EXPECT_EQ(snapshot_dialect_name("{oops"), std::nullopt);
    // The same rules as the full reader: a byte order mark is skipped, the last repeat counts.
    EXPECT_EQ(snapshot_dialect_name("\xEF\xBB\xBF{\"dialect\":\"sqlite\"}"), "sqlite");
    EXPECT_EQ(snapshot_dialect_name(R"({"dialect":"sqlite","ddl":[{"dialect":"x"}],"dialect":"postgres"})"),
              "postgres");
}

TEST(SnapshotParseErrors, UnknownVersionOrDialect) {
    EXPECT_EQ(error_of("[]", "s.json"), "s.json: a snapshot must be a JSON object");
    EXPECT_EQ(error_of(R"({"dialect":"sqlite"})", "s.json"), "s.json: \"version\" is missing");
    EXPECT_EQ(error_of(R"({"dialect":"sqlite","version":6})", "s.json"),
              "s.json: \"version\" must be a string");
    EXPECT_EQ(error_of(R"({"version":"6"})", "s.json"), "s.json: \"dialect\" is missing");
    EXPECT_EQ(error_of(R"({"version":"6","dialect":"mysql"})", "s.json"),
              "s.json: unknown \"dialect\" \"mysql\" (expected \"sqlite\", \"postgresql\" or \"postgres\")");
    EXPECT_EQ(error_of(R"({"version":"5","dialect":"sqlite"})", "s.json"),
              "s.json: unsupported SQLite snapshot \"version\" \"5\" (drizzle-kit 0.31 writes \"6\", "
              "drizzle-kit 1.0 writes \"7\")");
    EXPECT_EQ(error_of(R"({"version":"7","dialect":"postgresql"})", "s.json"), "s.json: \"id\" is missing");
}

TEST(SnapshotParseErrors, LegacyWrongTypesAndMissingKeys) {
    Json doc = legacy_document();
    doc["tables"]["t"]["columns"]["a"]["type"] = 5;
    EXPECT_EQ(error_of(doc.dump()),
              "drizzle/meta/0003_snapshot.json: tables.t.columns.a: \"type\" must be a string");

    doc = legacy_document();
    doc["tables"]["t"]["columns"]["a"].erase("notNull");
    EXPECT_EQ(error_of(doc.dump()),
              "drizzle/meta/0003_snapshot.json: tables.t.columns.a: \"notNull\" is missing");

    doc = legacy_document();
    doc["tables"]["t"]["columns"]["a"]["default"] = Json::object();
    EXPECT_EQ(
        error_of(doc.dump()),
        "drizzle/meta/0003_snapshot.json: tables.t.columns.a.default: must be a string, number or boolean");

    doc = legacy_document();
    doc["tables"]["t"]["indexes"]["i"]["columns"] = {1};
    EXPECT_EQ(
        error_of(doc.dump()),
        "drizzle/meta/0003_snapshot.json: tables.t.indexes.i.columns: element 0 must be a string, not a number");

    doc = legacy_document();
    doc["tables"]["t"]["columns"] = Json::array();
    EXPECT_EQ(error_of(doc.dump()),
              "drizzle/meta/0003_snapshot.json: tables.t: \"columns\" must be an object, not an array");

    doc = legacy_document();
    doc["tables"]["a.b"] = 3;
    EXPECT_EQ(error_of(doc.dump()),
              "drizzle/meta/0003_snapshot.json: tables[\"a.b\"]: must be an object, not a number");

    doc = legacy_document();
    doc["tables"]["t"]["columns"]["a"]["generated"] = {{"as", "(1)"}, {"type", "persisted"}};
    EXPECT_EQ(
        error_of(doc.dump()),
        "drizzle/meta/0003_snapshot.json: tables.t.columns.a.generated: \"type\" must be \"stored\" or \"virtual\"");

    doc = legacy_document();
    doc["_meta"]["tables"] = {{"t", "t2"}};
    EXPECT_EQ(
        error_of(doc.dump()),
        "drizzle/meta/0003_snapshot.json: _meta.tables.t: a table rename must map a quoted name to a quoted "
        "name, e.g. \"t\" to \"t2\"");

    doc = legacy_document();
    doc.erase("prevId");
    EXPECT_EQ(error_of(doc.dump()), "drizzle/meta/0003_snapshot.json: \"prevId\" is missing");
}

TEST(SnapshotParseErrors, V1WrongEntities) {
    Json doc = v1_document();
    doc["ddl"][1].erase("table");
    EXPECT_EQ(error_of(doc.dump(), "s.json"), "s.json: ddl[1]: \"table\" is missing");

    doc = v1_document();
    doc["ddl"][1]["table"] = "nope";
    EXPECT_EQ(error_of(doc.dump(), "s.json"), "s.json: ddl[1]: table \"nope\" has no \"tables\" entity");

    doc = v1_document();
    doc["ddl"].push_back({{"name", "s"}, {"entityType", "sequences"}});
    EXPECT_EQ(error_of(doc.dump(), "s.json"), "s.json: ddl[2]: unknown \"entityType\" \"sequences\"");

    doc = v1_document();
    doc["ddl"].push_back(7);
    EXPECT_EQ(error_of(doc.dump(), "s.json"), "s.json: ddl[2]: a ddl entity must be an object, not a number");

    doc = v1_document();
    doc["ddl"] = Json::object();
    EXPECT_EQ(error_of(doc.dump(), "s.json"), "s.json: \"ddl\" must be an array, not an object");

    doc = v1_document();
    doc["ddl"][1]["default"] = true;
    EXPECT_EQ(error_of(doc.dump(), "s.json"), "s.json: ddl[1]: \"default\" must be a string or null");

    doc = v1_document();
    doc["ddl"].push_back(Json::parse(R"({"columns":["zz"],"nameExplicit":false,"name":"t_pk","table":"t",
                                         "entityType":"pks"})"));
    EXPECT_EQ(error_of(doc.dump(), "s.json"),
              "s.json: ddl[2]: primary key column \"zz\" is not a column of table \"t\"");

    doc = v1_document();
    doc["renames"] = {"t2"};
    EXPECT_EQ(error_of(doc.dump(), "s.json"),
              "s.json: renames: element 0 \"t2\" is not a rename (\"old->new\" or \"table.old->table.new\")");

    doc = v1_document();
    doc["prevIds"] = "y";
    EXPECT_EQ(error_of(doc.dump(), "s.json"), "s.json: \"prevIds\" must be an array of strings");
}

// Replaces every value of `doc`, one at a time, by each of a few wrong values; the parser must
// either accept the result or throw UserError.
void expect_no_crash_on_mutations(const Json& original_doc) {
    const std::vector<Json> replacements = {nullptr, 42, "x", Json::array(), Json::object(), {1, "a"}};
    Json doc = original_doc;
    std::size_t parsed = 0;
    std::size_t rejected = 0;
    std::function<void(Json&)> visit = [&](Json& node) {
        const Json original = node;
        for (const auto& replacement : replacements) {
            node = replacement;
            try {
                write_snapshot(parse_snapshot(stringify_js(doc), "m.json"));
                ++parsed;
            } catch (const UserError&) {
                ++rejected;
            }
        }
        node = original;
        if (node.is_object()) {
            for (auto& [key, child] : node.items()) visit(child);
        } else if (node.is_array()) {
            for (auto& child : node) visit(child);
        }
    };
    visit(doc);
    EXPECT_GT(rejected, 0u);
    EXPECT_GT(parsed, 0u);
}

TEST(SnapshotParseErrors, EveryMutationIsAcceptedOrRejectedCleanly) {
    expect_no_crash_on_mutations(legacy_document());
    expect_no_crash_on_mutations(v1_document());
    const auto root = test::fixture("drizzle-kit/sqlite");
    expect_no_crash_on_mutations(
        Json::parse(test::read_file(root / "v031/steps/drizzle/meta/0007_snapshot.json")));
    expect_no_crash_on_mutations(Json::parse(
        test::read_file(root / "v1/steps/drizzle/20261122024833_rename_table_and_column/snapshot.json")));
    expect_no_crash_on_mutations(
        Json::parse(test::read_file(root / "up/after/20261122024803_rename_table_and_column/snapshot.json")));
}

TEST(SnapshotParseErrors, EveryTruncationIsRejected) {
    const std::string text =
        test::read_file(test::fixture("drizzle-kit/sqlite/v031/steps/drizzle/meta/0006_snapshot.json"));
    for (std::size_t length = 0; length < text.size(); ++length) {
        EXPECT_THROW(parse_snapshot(text.substr(0, length), "t.json"), UserError) << "length " << length;
    }
}

}  // namespace
}  // namespace drizzle
