// The compiler-free header reader: for every header it reads, the schema host prints byte for byte
// the snapshot the compiled header gives; C++ outside its subset makes it stop at a named file and
// line, and drizzle-kit then compiles the header as before.
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace drizzle;

namespace {

/// A PostgreSQL header using every builder, setter and declaration of the DSL.
constexpr const char* kPgEverything = R"cpp(// every PostgreSQL DSL form
#pragma once
#include <drizzle/dsl/pg.hpp>
#include <cstdint>

using namespace drizzle::pg::dsl;

inline const auto billing = pg_schema("billing");
inline const auto mood = pg_enum("mood", {"sad", "ok", "happy"});
inline const auto tier = billing.enum_("tier", {"free", "paid"});
inline const auto admin = pg_role("admin", {.create_db = true, .inherit = false});
inline const auto reader = pg_role("reader");
inline const auto counter = pg_sequence("counter", {.increment = -2, .min_value = -1000, .cycle = true});
inline const auto invoice_numbers = billing.sequence("invoice_numbers", {.start_with = 1000, .cache = 20});
inline const auto plain_seq = pg_sequence("plain_seq");

inline const auto users = pg_table("users", {
    serial("id").primary_key(),
    smallserial("small_id"),
    bigserial("big_id"),
    varchar("email", {.length = 256}).not_null().unique(),
    char_("code", {2}),
    varchar("free_text"),
    mood("mood").default_("ok"),
    tier("tier").array(),
    numeric("price", {.precision = 10, .scale = 2}).default_(1.5),
    numeric("ratio", {.precision = 5}),
    numeric("any_number"),
    time("at_time", {.precision = 3}),
    timestamp("created", {.with_timezone = true}).default_now(),
    timestamp("updated", {.precision = 6, .with_timezone = false}),
    integer("n").default_(-3),
    smallint("s").default_(0),
    bigint("big").default_(5000000000),
    bigint("identity_col").generated_always_as_identity({.start_with = 10, .cache = INT64_MAX, .name = "users_identity_seq"}),
    integer("by_default").generated_by_default_as_identity(),
    text("doc").default_("it's \"quoted\"\n\ttabbed \\ back" " joined"),
    text("raw").default_(sql(R"sql(('a' || 'b'))sql")),
    text("other").default_sql("'x'"),
    boolean("flag").not_null().default_(false),
    real("r").default_(2.5e3),
    double_precision("d").default_(-0.125),
    date("day"),
    interval("span"),
    json("j"),
    jsonb("jb").default_(sql("'{}'::jsonb")),
    uuid("token").default_random(),
    inet("ip"),
    cidr("net"),
    macaddr("mac"),
    custom_type("search", "tsvector"),
    integer("matrix").array().array(),
    text("code_unique").unique("users_code_key", true),
    text("nulls_unique").unique({}, true),
    integer("twice").generated_always_as("n * 2"),
    text("octal").default_("caf\303\251"),
}, {
    index("users_email_idx").on({"email", IndexTarget(sql("lower(email)")).desc().nulls_last(), IndexTarget("n").op("int4_ops").nulls_first()}).where("n > 0"),
    unique_index("users_code_idx").on({"code"}).using_("btree").concurrently().with({{"fillfactor", "70"}}),
    index("users_gin").on({"search"}).using_("gin"),
    unique("users_mood_tier").on({"mood", "tier"}).nulls_not_distinct(),
    unique().on({"small_id"}),
    check("n_positive", R"(n > 0)"),
    pg_policy("users_read", {.as = "restrictive", .for_ = "select", .to = {"admin", "reader"}, .using_ = "true"}),
    pg_policy("users_write", {.with_check = "n > 1"}),
    pg_policy("users_all"),
    pg_policy("users_unset", {.using_ = {}, .with_check = {}}),
});

inline const auto posts = [] {
    return billing.table("posts", {
        integer("id"),
        integer("author").references(users["id"], {.on_delete = action::cascade, .on_update = action::restrict_, .name = "posts_author_fk"}),
        integer("editor").references(ref("users", "id"), {action::set_null}),
        integer("self").references(ref("billing", "posts", "id")),
        integer("other").references(drizzle::dsl::ref("users", "small_id"), {.on_delete = drizzle::dsl::action::set_default}),
    }, {
        primary_key({"id"}),
        foreign_key({"self", "other"}, "posts_pair_fk").references("users", {"id", "small_id"}, "public").on_delete(action::no_action).on_update(action::cascade),
        foreign_key({"editor"}).references("posts", {"id"}, "billing"),
    }).enable_rls();
}();

inline const auto tags = (pg_table)("tags", {text("name").primary_key()});
inline const auto tags_rls = tags.enable_rls();
inline const auto active = pg_view("active_users", "select id from users where n > 0",
                                   {.with = {{"checkOption", "local"}, {"securityBarrier", "true"}}});
inline const auto totals = pg_materialized_view("totals", "select count(*) from users",
                                                {.with_no_data = true, .using_ = "heap", .tablespace = "pg_default"});
inline const auto billed = billing.view("billed", "select 1");
inline const auto billed_totals = billing.materialized_view("billed_totals", "select 2", {.with = {{"fillfactor", "50"}}});
)cpp";

/// A SQLite header using every builder, setter and declaration of the DSL, inside a namespace.
constexpr const char* kSqliteEverything = R"cpp(
#ifndef SQLITE_EVERYTHING_HPP
#define SQLITE_EVERYTHING_HPP
#include "drizzle/dsl/sqlite.hpp"

namespace app::schema {
using namespace drizzle::sqlite;

/* a block comment */
inline const auto users = sqlite_table("users", {
    integer("id").primary_key({.auto_increment = true}),
    integer("flag", {.mode = IntegerMode::boolean}).not_null().default_(true),
    integer("at", {IntegerMode::timestamp_ms}),
    text("email", {.length = 256}).not_null().unique(),
    text("kind", {.enum_values = {"a", "b"}, .mode = TextMode::text}).default_("a"),
    text("data", {.mode = TextMode::json}),
    real("score").default_(0.5),
    blob("bytes", {.mode = BlobMode::bigint}),
    blob("plain"),
    numeric("amount").default_(sql("(1 + 2)")),
    custom_type("created", "DATETIME").default_sql("(CURRENT_TIMESTAMP)"),
    integer("total").generated_always_as("id * 2", {.mode = GeneratedMode::stored}),
    integer("virt").generated_always_as("id + 1"),
    text("named").unique("users_named_key"),
    integer("big").default_(-5000000000),
}, {
    index("users_email_idx").on({"email", sql("lower(email)")}).where("flag = 1"),
    unique_index("users_kind_idx").on({"kind", "data"}),
    unique("users_pair").on({"score", "amount"}),
    check("score_range", "score between 0 and 1"),
});

inline const auto notes = sqlite_table("notes", {
    integer("id"),
    integer("user_id").references(users["id"], {.on_delete = action::cascade}),
    integer("parent").references(ref("notes", "id")),
}, {
    primary_key({"id", "user_id"}, "notes_pk"),
    foreign_key({"user_id", "parent"}).references("users", {"id", "at"}).on_update(action::set_null),
});
} // namespace app::schema

namespace other {
inline const auto linked = drizzle::sqlite::sqlite_table("linked", {
    drizzle::sqlite::integer("note").references(app::schema::notes["id"]),
});
inline const auto active = drizzle::sqlite::sqlite_view("active", "select * from users where flag = 1");
inline const auto legacy = drizzle::sqlite::sqlite_existing_view("legacy_report");
}
#endif
)cpp";

class HeaderReader : public ::testing::Test {
protected:
    test::TempDir dir{"header-reader"};

    /// The host reading `headers` without a compiler: exit code, stdout in `out`, stderr in `err`.
    int read(const std::vector<fs::path>& headers, std::string& out, std::string& err) {
        std::string command = "'" DRIZZLE_SCHEMA_HOST_EXE "' --read";
        for (const auto& header : headers)
            command += " '" + header.string() + "'";
        // In a group: run_command sends the whole command's stderr to stdout.
        const int code = test::run_command("{ " + command + " 2>'" + (dir / "err.txt").string() + "'; }", out);
        err = test::read_file(dir / "err.txt");
        return code;
    }

    /// What the compiled headers export (each header its own shared object, as drizzle-kit builds
    /// them), through the same host.
    std::string compiled(const std::vector<fs::path>& headers) {
        std::string objects;
        for (std::size_t i = 0; i < headers.size(); ++i) {
            const fs::path unit = dir / ("unit" + std::to_string(i) + ".cpp");
            const fs::path object = dir / ("unit" + std::to_string(i) + ".so");
            test::write_file(unit, "#include \"" + headers[i].string() + "\"\n");
            std::string output;
            EXPECT_EQ(test::run_command("c++ -std=c++20 -O0 -fPIC -shared -DDRIZZLE_DSL_CHECK=0 -I'" DRIZZLE_SOURCE_DIR
                                        "/include' '" +
                                            unit.string() + "' -o '" + object.string() + "' 2>&1",
                                        output),
                      0)
                << output;
            objects += " '" + object.string() + "'";
        }
        std::string out;
        EXPECT_EQ(test::run_command("'" DRIZZLE_SCHEMA_HOST_EXE "'" + objects, out), 0) << out;
        return out;
    }

    /// The reader's snapshot equals the compiled headers' byte for byte.
    void expect_same_as_compiled(const std::vector<fs::path>& headers) {
        std::string out, err;
        ASSERT_EQ(read(headers, out, err), 0) << err;
        EXPECT_EQ(out, compiled(headers));
    }

    int kit(const std::string& args, std::string& output, const std::string& env = "") {
        return test::run_command("cd '" + dir.path().string() + "' && env DRIZZLE_CACHE_DIR='" +
                                     (dir / ".cache").string() + "' " + env + " '" DRIZZLE_KIT_EXE "' " + args +
                                     " </dev/null 2>&1",
                                 output);
    }
};

TEST_F(HeaderReader, EveryPostgresFormReadsAsTheCompilerBuildsIt) {
    test::write_file(dir / "schema.hpp", kPgEverything);
    expect_same_as_compiled({dir / "schema.hpp"});
}

TEST_F(HeaderReader, EverySqliteFormReadsAsTheCompilerBuildsIt) {
    test::write_file(dir / "schema.hpp", kSqliteEverything);
    expect_same_as_compiled({dir / "schema.hpp"});
}

TEST_F(HeaderReader, ShippedHeadersReadAsTheCompilerBuildsThem) {
    for (const fs::path& header : {fs::path(DRIZZLE_SOURCE_DIR "/examples/quickstart/src/schema.hpp"),
                                   fs::path(DRIZZLE_SOURCE_DIR "/tests/consumer/project/schema.hpp")}) {
        SCOPED_TRACE(header.string());
        expect_same_as_compiled({header});
    }
}

TEST_F(HeaderReader, HeadersThatIncludeEachOtherReadOnceEach) {
    test::write_file(dir / "users.hpp", R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto users = pg_table("users", {serial("id").primary_key()});
inline const auto owner = pg_role("owner");
)");
    test::write_file(dir / "posts.hpp", R"(#pragma once
#include "users.hpp"
inline const auto posts = pg_table("posts", {integer("author").references(users["id"])});
inline const auto editor = pg_role("editor");
)");
    test::write_file(dir / "nested/comments.hpp", R"(#pragma once
#include "../posts.hpp"
#include "../users.hpp"
inline const auto comments = pg_table("comments", {integer("post").references(posts["author"])});
)");
    // In both orders: a header given after the one that includes it adds nothing new.
    expect_same_as_compiled({dir / "posts.hpp", dir / "users.hpp", dir / "nested/comments.hpp"});
    expect_same_as_compiled({dir / "nested/comments.hpp", dir / "users.hpp"});
}

struct Outside {
    const char* name;
    const char* header; ///< after the DSL include and using-directive
    const char* where;  ///< the reader's stop, "schema.hpp:LINE"
};

const Outside kOutside[] = {
    {"ConstexprHelper", "constexpr int kLength = 32;\n", "schema.hpp:4"},
    {"NamedConstant", "inline const auto t = pg_table(\"t\", {\n    varchar(\"a\", {.length = kLength}),\n});\n",
     "schema.hpp:5"},
    {"Macro", "#define COLUMN(n) integer(n)\n", "schema.hpp:4"},
    {"Function", "inline auto make() { return 1; }\n", "schema.hpp:4"},
    {"StdString", "inline const std::string prefix = \"app_\";\n", "schema.hpp:4"},
    {"ComputedName", "inline const auto t = pg_table(std::string(\"t\").c_str(), {});\n", "schema.hpp:4"},
    {"UnknownSetter", "inline const auto t = pg_table(\"t\", {\n    integer(\"a\").frobnicate(),\n});\n",
     "schema.hpp:5"},
    {"DesignatorsOutOfOrder",
     "inline const auto t = pg_table(\"t\", {\n    numeric(\"a\", {.scale = 2, .precision = 10}),\n});\n",
     "schema.hpp:5"},
    {"FloatSuffix", "inline const auto t = pg_table(\"t\", {\n    real(\"a\").default_(1.5f),\n});\n", "schema.hpp:5"},
    {"IntoIntTooWide", "inline const auto t = pg_table(\"t\", {\n    varchar(\"a\", {.length = 3000000000}),\n});\n",
     "schema.hpp:5"},
    {"OtherInclude", "#include \"missing_helpers.hpp\"\n", "schema.hpp:4"},
    {"ConditionalCompilation", "#ifdef WITH_AUDIT\n#endif\n", "schema.hpp:4"},
    {"VariableShadowsTheDsl", "inline const auto text = pg_table(\"t\", {integer(\"a\")});\n", "schema.hpp:4"},
    {"UnknownVariable",
     "inline const auto t = pg_table(\"t\", {\n    integer(\"a\").references(elsewhere[\"id\"]),\n});\n",
     "schema.hpp:5"},
    {"WideCharacters", "inline const auto t = pg_table(L\"t\", {});\n", "schema.hpp:4"},
    // A backslash before a line end splices, in a comment too (GCC allows blanks between).
    {"SplicedComment", "// legacy \\ \ninline const auto t = pg_table(\"t\", {integer(\"a\")});\n", "schema.hpp:4"},
    {"LoneCarriageReturn", "// note\rinline const auto t = pg_table(\"t\", {integer(\"a\")});\n", "schema.hpp:4"},
    {"GuardNamedLikeADefinedMacro", "#ifndef DRIZZLE_DSL_CHECK\n#define DRIZZLE_DSL_CHECK\n#endif\n", "schema.hpp:4"},
    {"DialectBuilderUnderSharedNamespace",
     "inline const auto t = pg_table(\"t\", {\n    drizzle::dsl::integer(\"a\"),\n});\n", "schema.hpp:5"},
    {"ModifierOnPlainSql",
     "inline const auto t = pg_table(\"t\", {integer(\"a\")}, {\n    index(\"i\").on({sql(\"a\").desc()}),\n});\n",
     "schema.hpp:5"},
    {"VariableOfAnotherNamespace",
     "namespace app {\ninline const auto users = pg_table(\"users\", {integer(\"id\")});\n}\n"
     "inline const auto t = pg_table(\"t\", {\n    integer(\"a\").references(users[\"id\"]),\n});\n",
     "schema.hpp:8"},
    {"KeywordAsName", "inline const auto private = pg_schema(\"private\");\n", "schema.hpp:4"},
    {"Decrement", "inline const auto t = pg_table(\"t\", {\n    integer(\"a\").default_(--5),\n});\n", "schema.hpp:5"},
    {"LambdaReturningBraces", "inline const auto t = pg_table(\"t\", [] { return {integer(\"a\")}; }());\n",
     "schema.hpp:4"},
    {"IncludeOfADirectory", "#include \".\"\n", "schema.hpp:4"},
    {"OtherStandardHeader", "#include <string>\n", "schema.hpp:4"},
};

class HeaderReaderStops : public HeaderReader, public ::testing::WithParamInterface<Outside> {};

TEST_P(HeaderReaderStops, AtTheFileAndLineAndGenerateCompilesInstead) {
    const Outside& c = GetParam();
    test::write_file(dir / "schema.hpp", std::string("#pragma once\n#include <drizzle/dsl/pg.hpp>\nusing namespace "
                                                     "drizzle::pg::dsl;\n") +
                                             c.header);
    std::string out, err;
    EXPECT_EQ(read({dir / "schema.hpp"}, out, err), 4) << out;
    EXPECT_EQ(err.rfind((dir / c.where).string() + ": ", 0), 0u) << err;
    EXPECT_TRUE(out.empty()) << out;

    // generate then compiles the header, and says why: the compiler's verdict stands.
    std::string compiler_output;
    const int compiles = test::run_command("c++ -std=c++20 -fsyntax-only -DDRIZZLE_DSL_CHECK=0 -I'" DRIZZLE_SOURCE_DIR
                                           "/include' -x c++ '" +
                                               (dir / "schema.hpp").string() + "' 2>&1",
                                           compiler_output);
    std::string output;
    const int generated = kit("generate --dialect postgresql --schema schema.hpp --out drizzle", output);
    EXPECT_NE(output.find("Compiling the schema exporter"), std::string::npos) << output;
    EXPECT_NE(output.find("the header reader stopped at " + (dir / c.where).string()), std::string::npos) << output;
    EXPECT_EQ(generated == 0, compiles == 0) << output;
}

INSTANTIATE_TEST_SUITE_P(Cases, HeaderReaderStops, ::testing::ValuesIn(kOutside),
                         [](const ::testing::TestParamInfo<Outside>& info) { return std::string(info.param.name); });

TEST_F(HeaderReader, AHeaderMustIncludeWhatItNames) {
    // Each header is a translation unit of its own: a variable of another header, or the DSL,
    // is out of reach unless included, so the compiler would reject this too.
    test::write_file(dir / "users.hpp", R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto users = pg_table("users", {serial("id").primary_key()});
)");
    test::write_file(dir / "posts.hpp", R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto posts = pg_table("posts", {integer("author").references(users["id"])});
)");
    test::write_file(dir / "bare.hpp", "inline const auto bare = pg_table(\"bare\", {});\n");
    std::string out, err;
    EXPECT_EQ(read({dir / "users.hpp", dir / "posts.hpp"}, out, err), 4);
    EXPECT_EQ(err.rfind((dir / "posts.hpp:4: ").string(), 0), 0u) << err;
    EXPECT_EQ(read({dir / "users.hpp", dir / "bare.hpp"}, out, err), 4);
    EXPECT_EQ(err.rfind((dir / "bare.hpp:1: ").string(), 0), 0u) << err;
}

TEST_F(HeaderReader, AFileReadsTheSameWhoeverIncludesIt) {
    // common.hpp leans on its includer's using-directive and variable: what it declares would
    // depend on who includes it (and a second includer without them does not compile), so the
    // reader stops there and the compiler decides.
    test::write_file(dir / "common.hpp", R"(#pragma once
inline const auto audit = pg_table("audit", {integer("user").references(users["id"])});
)");
    test::write_file(dir / "users.hpp", R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto users = pg_table("users", {serial("id").primary_key()});
#include "common.hpp"
)");
    std::string out, err;
    EXPECT_EQ(read({dir / "users.hpp"}, out, err), 4);
    EXPECT_EQ(err.rfind((dir / "common.hpp:2: ").string(), 0), 0u) << err;

    // A file without #pragma once or a guard, included twice in one unit, is two definitions.
    test::write_file(dir / "unguarded.hpp", "#include <drizzle/dsl/pg.hpp>\nusing namespace drizzle::pg::dsl;\n"
                                            "inline const auto flags = pg_schema(\"flags\");\n");
    test::write_file(dir / "twice.hpp", R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
#include "unguarded.hpp"
#include "unguarded.hpp"
)");
    EXPECT_EQ(read({dir / "twice.hpp"}, out, err), 4);
    EXPECT_EQ(err.rfind((dir / "twice.hpp:5: ").string(), 0), 0u) << err;
}

TEST_F(HeaderReader, OnlyFlagsThatKeepTheHeadersMeaningKeepTheReader) {
    test::write_file(dir / "schema.hpp", kPgEverything);
    std::string output;
    ASSERT_EQ(kit("generate --dialect postgresql --schema schema.hpp --out a", output,
                  "DRIZZLE_CXXFLAGS='-I/usr/include -isystem /opt/include -Wall -O1 -g'"),
              0)
        << output;
    EXPECT_NE(output.find("Read the schema headers without compiling"), std::string::npos) << output;
    for (const char* flags : {"-Wall -Werror", "-std=gnu++20", "-fexec-charset=latin1", "-pedantic-errors"}) {
        ASSERT_EQ(kit("generate --dialect postgresql --schema schema.hpp --out b", output,
                      std::string("DRIZZLE_CXXFLAGS='") + flags + "'"),
                  0)
            << flags << "\n"
            << output;
        EXPECT_NE(output.find("Compiling the schema exporter"), std::string::npos) << flags << "\n" << output;
    }
}

TEST_F(HeaderReader, GenerateReadsWithoutACompilerAndWritesWhatTheCompiledHeaderWrites) {
    test::write_file(dir / "schema.hpp", kPgEverything);
    std::string output;
    // No compiler at all: the reader needs none.
    ASSERT_EQ(
        kit("generate --dialect postgresql --schema schema.hpp --out read --name init", output, "CXX=/nonexistent/c++"),
        0)
        << output;
    EXPECT_NE(output.find("Read the schema headers without compiling: schema.hpp"), std::string::npos) << output;
    ASSERT_EQ(kit("generate --dialect postgresql --schema schema.hpp --out compiled --name init", output,
                  "DRIZZLE_READ_HEADERS=0"),
              0)
        << output;
    EXPECT_NE(output.find("Compiling the schema exporter"), std::string::npos) << output;
    auto only_migration = [](const fs::path& out) {
        std::vector<fs::path> found;
        for (const auto& entry : fs::directory_iterator(out))
            if (entry.is_directory()) found.push_back(entry.path());
        EXPECT_EQ(found.size(), 1u);
        return found.empty() ? fs::path() : found.front();
    };
    const fs::path read_folder = only_migration(dir / "read");
    const fs::path compiled_folder = only_migration(dir / "compiled");
    EXPECT_EQ(test::read_file(read_folder / "migration.sql"), test::read_file(compiled_folder / "migration.sql"));
    EXPECT_FALSE(test::read_file(read_folder / "migration.sql").empty());
}

TEST_F(HeaderReader, AnInvalidSchemaIsPlacedByTheCompilersCheck) {
    test::write_file(dir / "schema.hpp", R"(#pragma once
#include <drizzle/dsl/pg.hpp>
using namespace drizzle::pg::dsl;
inline const auto users = pg_table("users", {
    integer("id"),
}, {
    index("users_email_idx").on({"emial"}),
});
)");
    std::string output;
    EXPECT_NE(kit("generate --dialect postgresql --schema schema.hpp --out drizzle", output), 0) << output;
    EXPECT_NE(output.find("schema.hpp:4:"), std::string::npos) << output;
    EXPECT_NE(output.find("index \"users_email_idx\" names column \"emial\", which the table does not have"),
              std::string::npos)
        << output;
    EXPECT_FALSE(fs::exists(dir / "drizzle")) << output;
}

TEST_F(HeaderReader, PreprocessorFlagsTurnTheReaderOff) {
    test::write_file(dir / "schema.hpp", kPgEverything);
    std::string output;
    ASSERT_EQ(
        kit("generate --dialect postgresql --schema schema.hpp --out drizzle", output, "DRIZZLE_CXXFLAGS=-DAUDIT=1"), 0)
        << output;
    EXPECT_NE(output.find("Compiling the schema exporter"), std::string::npos) << output;
}

} // namespace
