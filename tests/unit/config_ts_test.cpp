// drizzle.config.ts/.js: the literal subset, process.env, dotenv, and errors with line:column.
#include "config/config_detail.hpp"
#include "drizzle/config/config.hpp"
#include "drizzle/error.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>

namespace drizzle {
namespace {

using config_detail::Json;
using test::TempDir;
using test::write_file;

/// Sets (or unsets, with std::nullopt) an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
        if (const char* old = std::getenv(name_.c_str())) old_ = old;
        if (value) {
            ::setenv(name_.c_str(), value->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

std::string user_error(const std::function<void()>& load) {
    try {
        load();
    } catch (const UserError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a UserError";
    return "";
}

/// Evaluates TS source with a fixed environment (no file, no process environment).
Json eval_ts(const std::string& source, std::map<std::string, std::string> env = {}) {
    config_detail::EnvLookup lookup = [env](const std::string& name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
    };
    return config_detail::parse_ts_config(source, "drizzle.config.ts", lookup, ".").value;
}

std::string ts_error(const std::string& source) {
    return user_error([&] { eval_ts(source); });
}

class ConfigTs : public ::testing::Test {
protected:
    Config load(const std::string& source, const std::string& name = "drizzle.config.ts") {
        write_file(dir_ / name, source);
        return load_config(dir_ / name);
    }
    std::string error(const std::string& source, const std::string& name = "drizzle.config.ts") {
        return user_error([&] { load(source, name); });
    }
    TempDir dir_{"drizzle-config-ts"};
};

TEST_F(ConfigTs, RealFixtureLoadsWithAndWithoutDatabaseUrl) {
    auto fixture = test::fixture("drizzle-kit/sqlite/v031/steps/drizzle.config.ts");
    {
        ScopedEnv env("DATABASE_URL", std::nullopt);
        Config c = load_config(fixture);
        EXPECT_EQ(c.dialect, Dialect::sqlite);
        EXPECT_EQ(c.schema, std::vector<std::string>{"./src/schema.ts"});
        EXPECT_EQ(c.out, "./drizzle");
        EXPECT_FALSE(c.credentials.url);  // undefined, as in JS: only a command needing it complains
        EXPECT_TRUE(c.warnings.empty());
        EXPECT_EQ(c.out_dir(), fixture.parent_path().lexically_normal() / "drizzle");
    }
    {
        ScopedEnv env("DATABASE_URL", "file:./local.db");
        Config c = load_config(fixture);
        EXPECT_EQ(c.credentials.url, "file:./local.db");
    }
}

TEST_F(ConfigTs, DefineConfigWithImportsCommentsAndTypes) {
    ScopedEnv env("DRIZZLE_TEST_PG_URL", "postgres://u:p@h/db");
    Config c = load(R"(// drizzle config
import { defineConfig } from "drizzle-kit";
import type { Config } from 'drizzle-kit';
/* block
   comment */
export default defineConfig({
  dialect: "postgresql",
  'schema': ['./src/a.ts', `./src/b.ts`,],   // trailing comma
  "out": './drizzle',
  dbCredentials: {
    url: process.env.DRIZZLE_TEST_PG_URL!,
  },
  migrations: { table: 'm', schema: "public", prefix: 'unix' },
  strict: true, verbose: false, breakpoints: true,
  tablesFilter: "users",
  casing: 'snake_case',
  introspect: { casing: 'camel' },
  entities: { roles: { provider: 'neon' } },
} satisfies Config);
)");
    EXPECT_EQ(c.dialect, Dialect::postgresql);
    EXPECT_EQ(c.schema, (std::vector<std::string>{"./src/a.ts", "./src/b.ts"}));
    EXPECT_EQ(c.credentials.url, "postgres://u:p@h/db");
    EXPECT_EQ(c.migrations_table, "m");
    EXPECT_EQ(c.migrations_schema, "public");
    EXPECT_EQ(c.migrations_prefix, "unix");
    EXPECT_TRUE(c.strict);
    EXPECT_EQ(c.tables_filter, std::vector<std::string>{"users"});
    EXPECT_EQ(c.casing, "snake_case");
    EXPECT_EQ(c.introspect_casing, "camel");
    EXPECT_EQ(c.roles.provider, "neon");
    EXPECT_TRUE(c.warnings.empty());
}

TEST_F(ConfigTs, JsFileAndModuleExports) {
    Config js = load("export default { dialect: 'sqlite', out: 'm' };", "drizzle.config.js");
    EXPECT_EQ(js.out, "m");
    Config cjs = load(R"(const { defineConfig } = require("drizzle-kit");
module.exports = defineConfig({ dialect: "mysql" });)",
                      "drizzle.config.js");
    EXPECT_EQ(cjs.dialect, Dialect::mysql);
}

TEST(ConfigTsEval, Literals) {
    Json v = eval_ts(R"(export default {
        a: 'single \'q\' \n', b: "double \"q\" \u00e9 \x41 \u{1F600}", c: `back\`tick`,
        d: 42, e: -7, f: 1.5, g: 0x1F, h: 1_000, i: 2e3, j: true, k: false, l: null,
        m: [1, [2, {n: 3}]], o: {}, 'p-q': 1, 5: 'five', r: undefined,
    } as const)");
    EXPECT_EQ(v["a"], "single 'q' \n");
    EXPECT_EQ(v["b"], "double \"q\" \xC3\xA9 A \xF0\x9F\x98\x80");
    EXPECT_EQ(v["c"], "back`tick");
    EXPECT_EQ(v["d"], 42);
    EXPECT_EQ(v["e"], -7);
    EXPECT_EQ(v["f"], 1.5);
    EXPECT_EQ(v["g"], 31);
    EXPECT_EQ(v["h"], 1000);
    EXPECT_EQ(v["i"], 2000);
    EXPECT_TRUE(v["i"].is_number_integer());
    EXPECT_EQ(v["j"], true);
    EXPECT_EQ(v["k"], false);
    EXPECT_TRUE(v["l"].is_null());
    EXPECT_EQ(v["m"].dump(), R"([1,[2,{"n":3}]])");
    EXPECT_TRUE(v["o"].is_object());
    EXPECT_EQ(v["p-q"], 1);
    EXPECT_EQ(v["5"], "five");
    EXPECT_FALSE(v.contains("r"));
}

TEST(ConfigTsEval, ProcessEnvForms) {
    std::map<std::string, std::string> env = {{"SET", "value"}, {"EMPTY", ""}};
    Json v = eval_ts(R"(export default {
        dot: process.env.SET, bracket: process.env["SET"], single: process.env['SET'],
        bang: process.env.SET!, optional: process.env?.SET,
        unset: process.env.UNSET, unsetBang: process.env.UNSET!,
        nullish: process.env.UNSET ?? "fallback", nullishSet: process.env.SET ?? "fallback",
        orUnset: process.env.UNSET || 'fb', orEmpty: process.env.EMPTY || 'fb',
        nullishEmpty: process.env.EMPTY ?? 'fb', chain: process.env.UNSET ?? process.env.SET,
        typed: process.env.SET as string, port: Number(process.env.PORT ?? '5432'),
        parsed: parseInt(process.env.UNSET || "10", 10), plus: +"7", unsetNumber: Number(process.env.UNSET),
        str: String(5), tpl: `a-${process.env.SET}-${1}`, tplUnset: `x${process.env.UNSET}`,
        paren: (process.env.SET), concat: 'file:' + process.env.SET + '.db' + 1, sum: 1 + 2.5,
        concatUnset: 'file:' + process.env.UNSET, mixed: process.env.UNSET ?? 'a' + 'b',
    })",
                     env);
    EXPECT_EQ(v["dot"], "value");
    EXPECT_EQ(v["bracket"], "value");
    EXPECT_EQ(v["single"], "value");
    EXPECT_EQ(v["bang"], "value");
    EXPECT_EQ(v["optional"], "value");
    EXPECT_FALSE(v.contains("unset"));
    EXPECT_FALSE(v.contains("unsetBang"));
    EXPECT_EQ(v["nullish"], "fallback");
    EXPECT_EQ(v["nullishSet"], "value");
    EXPECT_EQ(v["orUnset"], "fb");
    EXPECT_EQ(v["orEmpty"], "fb");
    EXPECT_EQ(v["nullishEmpty"], "");
    EXPECT_EQ(v["chain"], "value");
    EXPECT_EQ(v["typed"], "value");
    EXPECT_EQ(v["port"], 5432);
    EXPECT_EQ(v["parsed"], 10);
    EXPECT_EQ(v["plus"], 7);
    EXPECT_FALSE(v.contains("unsetNumber"));
    EXPECT_EQ(v["str"], "5");
    EXPECT_EQ(v["tpl"], "a-value-1");
    EXPECT_FALSE(v.contains("tplUnset"));
    EXPECT_EQ(v["paren"], "value");
    EXPECT_EQ(v["concat"], "file:value.db1");
    EXPECT_EQ(v["sum"], 3.5);
    EXPECT_FALSE(v.contains("concatUnset"));
    EXPECT_EQ(v["mixed"], "ab");
}

TEST(ConfigTsEval, ConstantsShorthandSpreadAndTypes) {
    Json v = eval_ts(R"(
        const base: Partial<Config> = { out: './m', verbose: true };
        const dialect = 'sqlite' as const, schema = ['./a.ts'];
        let unused;
        type Extra = { a?: string } | null;
        interface Shape extends Base { b: number }
        const config = { ...base, dialect, schema, nested: base.out, more: [...schema, 'b'] };
        export default config satisfies Config;
    )");
    EXPECT_EQ(v["out"], "./m");
    EXPECT_EQ(v["verbose"], true);
    EXPECT_EQ(v["dialect"], "sqlite");
    EXPECT_EQ(v["schema"].dump(), R"(["./a.ts"])");
    EXPECT_EQ(v["nested"], "./m");
    EXPECT_EQ(v["more"].dump(), R"(["./a.ts","b"])");
}

TEST(ConfigTsEval, ExportedConstAndDefineConfigOfConstant) {
    Json v = eval_ts("export const config = { dialect: 'sqlite' };\nexport default defineConfig(config);");
    EXPECT_EQ(v["dialect"], "sqlite");
}

TEST(ConfigTsEval, UnsupportedExpressionsNameLineColumnAndWhatWasFound) {
    struct Case {
        const char* source;
        const char* message;
    };
    const Case cases[] = {
        {"export default {\n  dialect: 'sqlite',\n  out: foo(),\n}",
         "drizzle.config.ts:3:8: unsupported expression: function call 'foo(...)'; only literals, objects, "
         "arrays and process.env.X are supported"},
        {"export default { out: path.join('a', 'b') }",
         "drizzle.config.ts:1:23: unsupported expression: function call 'path.join(...)'"},
        {"export default { out: 'a' - 'b' }", "drizzle.config.ts:1:27: unsupported expression: operator '-'"},
        {"export default { out: true + null }",
         "1:28: unsupported expression: operator '+' on boolean and null"},
        {"export default { out: 'a' * 2 }", "1:27: unsupported expression: operator '*'"},
        {"export default { out: x }",
         "drizzle.config.ts:1:23: unsupported expression: unknown identifier 'x'"},
        {"import { dir } from './paths';\nexport default { out: dir }",
         "drizzle.config.ts:2:23: unsupported expression: 'dir' is imported from './paths'"},
        {"export default { strict: a ? 1 : 2 }", "unsupported expression: unknown identifier 'a'"},
        {"export default { strict: true ? 1 : 2 }", "1:31: unsupported expression: conditional expression"},
        {"export default { out: () => 'x' }", "1:23: unsupported expression: arrow function"},
        {"export default { out: new URL('x') }",
         "1:23: unsupported expression: 'new' expression 'new URL(...)'"},
        {"export default { out: function () {} }", "unsupported expression: function"},
        {"export default { [key]: 1 }", "1:18: unsupported expression: computed property name"},
        {"export default { out() { return 1 } }", "1:18: unsupported expression: method 'out(...)'"},
        {"export default { out: process.cwd() }", "unsupported expression: function call 'process.cwd(...)'"},
        {"export default { out: 'x'.toUpperCase() }",
         "1:26: unsupported expression: method call '.toUpperCase(...)'"},
        {"export default { out: /x/ }", "unsupported expression: regular expression"},
        {"export default { out: 10n }", "unsupported expression: BigInt literal 10n"},
        {"export default { out: !x }", "unsupported expression: operator '!'"},
        {"export default { a: [1,,2] }", "1:24: empty array element"},
        {"export default { a: [process.env.NOPE_UNSET] }", "1:22: array element is undefined"},
        {"export default { a: 1 b: 2 }", "1:23: expected ',' or '}' in the object, found 'b'"},
        {"export default { a 1 }", "1:20: expected ':' after the property name 'a', found number 1"},
        {"export default [1 2]", "1:19: expected ',' or ']' in the array, found number 2"},
        {"export default {", "1:17: expected a property name or '}', found end of file"},
        {"export default { a: }", "1:21: expected a value, found '}'"},
        {"export default { a: 'x }", "1:21: unterminated string"},
        {"export default { a: `x }", "1:21: unterminated template literal"},
        {"/* never closed\nexport default {}", "1:1: unterminated /* comment"},
        {"export default { a: '\\u12' }", "invalid escape sequence"},
        {"console.log('x');\nexport default {}",
         "1:1: unsupported statement: function call 'console.log(...)'"},
        {"function f() {}\nexport default {}", "1:1: unsupported statement starting with 'function'"},
        {"const a = { dialect: 'sqlite' };", "drizzle.config.ts: no default export found"},
        {"export default 1;\nexport default 2;", "2:8: more than one default export"},
        {"export default process.env.NOPE_UNSET;", "the default export is undefined"},
        {"export { a as default };", "1:8: unsupported export of '{'"},
        {"export default defineConfig()", "1:29: defineConfig() needs the config object"},
        {"const { a } = foo;\nexport default {}", "1:7: destructuring is only supported for require(...)"},
        {"export default { ...[1] }", "only objects can be spread into an object"},
        {"export default { url: `a${{}}` }", "an object or array turned into a string"},
        {"export default { p: Number('abc') }", "Number(...): the value is not a number"},
    };
    for (const auto& c : cases) {
        auto e = ts_error(c.source);
        EXPECT_NE(e.find(c.message), std::string::npos) << c.source << "\n  got: " << e;
        EXPECT_EQ(e.rfind("drizzle.config.ts", 0), 0u) << e;
    }
}

TEST(ConfigTsEval, ErrorsNeverQuoteStringContents) {
    auto e = ts_error("export default { dbCredentials: { password: 'hunter2' 'again' } }");
    EXPECT_NE(e.find("found a string"), std::string::npos) << e;
    EXPECT_EQ(e.find("hunter2"), std::string::npos) << e;
    EXPECT_EQ(e.find("again"), std::string::npos) << e;
}

TEST(ConfigTsEval, ColumnsCountCharactersNotBytes) {
    auto e = ts_error("export default { a: 'é', b: x }");
    EXPECT_NE(e.find("drizzle.config.ts:1:29:"), std::string::npos) << e;
}

TEST_F(ConfigTs, UnsupportedExpressionThroughLoadConfig) {
    auto e = error(
        "import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig({\n"
        "  dialect: 'sqlite',\n  schema: './s.ts',\n\n  out: foo(1, 2),\n});\n");
    EXPECT_NE(
        e.find("drizzle.config.ts:7:8: unsupported expression: function call 'foo(...)'; only literals, "
               "objects, arrays and process.env.X are supported"),
        std::string::npos)
        << e;
}

TEST_F(ConfigTs, ValidatorErrorsNameTheTsFile) {
    auto e = error("export default { dialect: 'sqlite', out: 5 }");
    EXPECT_NE(e.find("drizzle.config.ts: \"out\" must be a string (found number)"), std::string::npos) << e;
    e = error("export default { out: './x' }");
    EXPECT_NE(e.find("drizzle.config.ts: \"dialect\" is required"), std::string::npos) << e;
    e = error("export default [1]");
    EXPECT_NE(e.find("drizzle.config.ts: the config must be an object"), std::string::npos) << e;
}

TEST_F(ConfigTs, UnsetDialectFromEnvIsReportedAsMissing) {
    ScopedEnv env("DRIZZLE_TEST_DIALECT", std::nullopt);
    auto e = error("export default { dialect: process.env.DRIZZLE_TEST_DIALECT }");
    EXPECT_NE(e.find("\"dialect\" is required"), std::string::npos) << e;
}

TEST_F(ConfigTs, SideEffectImportsAreWarnings) {
    Config c = load("import './setup';\nexport default { dialect: 'sqlite' }");
    ASSERT_EQ(c.warnings.size(), 1u);
    EXPECT_NE(c.warnings[0].find("drizzle.config.ts:1:1: import './setup' is not run"), std::string::npos)
        << c.warnings[0];
}

TEST_F(ConfigTs, EnvPlaceholdersInTsStringsAreExpandedToo) {
    ScopedEnv env("DRIZZLE_TEST_OUT", "generated");
    EXPECT_EQ(load("export default { dialect: 'sqlite', out: './${DRIZZLE_TEST_OUT}' }").out, "./generated");
}

}  // namespace
}  // namespace drizzle
