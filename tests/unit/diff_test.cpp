// The diff engine: rename questions, decisions JSON, operation kinds and order.
#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"

#include <gtest/gtest.h>

using namespace drizzle;

namespace {

Table table(std::string name, std::vector<std::string> columns) {
    Table t;
    t.name = std::move(name);
    for (auto& c : columns) {
        Column column;
        column.name = std::move(c);
        column.type = "integer";
        t.columns.push_back(std::move(column));
    }
    return t;
}

Schema schema_of(std::vector<Table> tables) {
    Schema s;
    s.dialect = Dialect::sqlite;
    s.tables = std::move(tables);
    return s;
}

template <class T>
size_t count_of(const std::vector<Operation>& ops) {
    return std::count_if(ops.begin(), ops.end(), [](const Operation& o) { return std::holds_alternative<T>(o); });
}

TEST(Diff, EqualSchemasGiveNothing) {
    auto s = schema_of({table("a", {"id", "x"})});
    ScriptedResolver none;
    EXPECT_TRUE(diff(s, s, none).operations.empty());
    EXPECT_TRUE(none.open_questions().empty());
}

TEST(Diff, AmbiguousTableBecomesAnOpenQuestionWithoutAnswers) {
    ScriptedResolver none;
    auto result = diff(schema_of({table("t", {"id"})}), schema_of({table("t2", {"id"})}), none);
    ASSERT_EQ(none.open_questions().size(), 1u);
    EXPECT_EQ(none.open_questions()[0].name, "t2");
    EXPECT_EQ(none.open_questions()[0].candidates, std::vector<std::string>{"t"});
    auto json = questions_to_json(none.open_questions());
    EXPECT_NE(json.find("\"status\": \"missing_hints\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"renameFrom\""), std::string::npos) << json;
    // Unanswered means create + drop, never a silent rename.
    EXPECT_EQ(count_of<op::CreateTable>(result.operations), 1u);
    EXPECT_EQ(count_of<op::DropTable>(result.operations), 1u);
}

TEST(Diff, AnsweredRenamesRenameAndRecordTheDecision) {
    auto answers = decisions_from_json(
        R"([{"type":"rename","kind":"table","from":["t"],"to":["t2"]},
            {"type":"rename","kind":"column","from":["t2","a"],"to":["t2","b"]}])",
        "answers.json");
    ScriptedResolver resolver(answers);
    auto result = diff(schema_of({table("t", {"id", "a"})}), schema_of({table("t2", {"id", "b"})}), resolver);
    ASSERT_EQ(result.operations.size(), 2u);
    auto* rename_table = std::get_if<op::RenameTable>(&result.operations[0]);
    ASSERT_NE(rename_table, nullptr);
    EXPECT_EQ(rename_table->from, "t");
    auto* rename_column = std::get_if<op::RenameColumn>(&result.operations[1]);
    ASSERT_NE(rename_column, nullptr);
    EXPECT_EQ(rename_column->table, "t2");
    EXPECT_EQ(rename_column->from, "a");
    ASSERT_EQ(result.decisions.size(), 2u);
    auto json = decisions_to_json(result.decisions);
    auto replayed = decisions_from_json(json, "replay");
    ASSERT_EQ(replayed.size(), 2u);
    EXPECT_EQ(replayed[1].table, "t2");
    EXPECT_EQ(replayed[1].from, "a");
}

TEST(Diff, AnswerNamingAnUnknownCandidateIsAnError) {
    ScriptedResolver resolver({{RenameQuestion::Kind::table, "", "", "t2", "nope"}});
    EXPECT_THROW(diff(schema_of({table("t", {"id"})}), schema_of({table("t2", {"id"})}), resolver), UserError);
}

TEST(Diff, MalformedAnswersNameTheFileAndDecision) {
    try {
        decisions_from_json(R"([{"type":"rename","kind":"table","from":"t"}])", "answers.json");
        FAIL();
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("answers.json: decision 1"), std::string::npos) << e.what();
    }
    EXPECT_THROW(decisions_from_json("{", "answers.json"), UserError);
}

TEST(Diff, SqliteForeignKeysMatchByWhatTheyDoNotByName) {
    auto prev = schema_of({table("p", {"id"}), table("c", {"id", "pid"})});
    auto next = prev;
    ForeignKey fk;
    fk.columns = {"pid"};
    fk.table_to = "p";
    fk.columns_to = {"id"};
    fk.name = "old_name";
    fk.name_explicit = true;
    prev.tables[1].foreign_keys = {fk};
    fk.name = "new_name";
    next.tables[1].foreign_keys = {fk};
    ScriptedResolver none;
    EXPECT_TRUE(diff(prev, next, none).operations.empty());
    next.tables[1].foreign_keys[0].on_delete = "cascade";
    auto ops = diff(prev, next, none).operations;
    EXPECT_EQ(count_of<op::DropForeignKey>(ops), 1u);
    EXPECT_EQ(count_of<op::AddForeignKey>(ops), 1u);
}

TEST(Diff, DroppedTablesGoChildrenFirst) {
    auto parent = table("a_parent", {"id"});
    auto child = table("z_child", {"id", "pid"});
    child.foreign_keys.push_back({"fk", false, {"pid"}, "a_parent", {"id"}, "no action", "no action"});
    ScriptedResolver none;
    auto ops = diff(schema_of({parent, child}), schema_of({}), none).operations;
    ASSERT_EQ(ops.size(), 2u);
    EXPECT_EQ(std::get<op::DropTable>(ops[0]).table.name, "z_child");
    EXPECT_EQ(std::get<op::DropTable>(ops[1]).table.name, "a_parent");
}

}  // namespace
