// Config paths: `out`, `schema` globs, and finding the default config file.
#include "config/config_detail.hpp"
#include "drizzle/config/config.hpp"
#include "drizzle/error.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

namespace drizzle {
namespace {

namespace fs = std::filesystem;
using config_detail::expand_braces;
using config_detail::glob_match;
using test::TempDir;
using test::write_file;

TEST(ConfigGlobMatch, Wildcards) {
    EXPECT_TRUE(glob_match("*.ts", "schema.ts"));
    EXPECT_TRUE(glob_match("*", "anything"));
    EXPECT_TRUE(glob_match("*.ts", ".ts") == false);  // hidden
    EXPECT_FALSE(glob_match("*.ts", "schema.js"));
    EXPECT_TRUE(glob_match("s*a.t?", "schema.ts"));
    EXPECT_FALSE(glob_match("s?.ts", "sch.ts"));
    EXPECT_TRUE(glob_match("*a*b*", "xaybz"));
    EXPECT_FALSE(glob_match("*a*b", "xaybz"));
    EXPECT_TRUE(glob_match("[ab].ts", "a.ts"));
    EXPECT_FALSE(glob_match("[ab].ts", "c.ts"));
    EXPECT_TRUE(glob_match("[a-c]x", "bx"));
    EXPECT_TRUE(glob_match("[!a]x", "bx"));
    EXPECT_FALSE(glob_match("[!a]x", "ax"));
    EXPECT_TRUE(glob_match("[x", "[x"));  // unclosed bracket is literal
    EXPECT_TRUE(glob_match(".*", ".hidden"));
    EXPECT_TRUE(glob_match("\\*", "*"));
    EXPECT_FALSE(glob_match("\\*", "a"));
    EXPECT_TRUE(glob_match("", ""));
    EXPECT_FALSE(glob_match("", "a"));
}

TEST(ConfigExpandBraces, Alternatives) {
    EXPECT_EQ(expand_braces("a.ts"), std::vector<std::string>{"a.ts"});
    EXPECT_EQ(expand_braces("*.{ts,js}"), (std::vector<std::string>{"*.ts", "*.js"}));
    EXPECT_EQ(expand_braces("{a,b}/{c,d}"), (std::vector<std::string>{"a/c", "a/d", "b/c", "b/d"}));
    EXPECT_EQ(expand_braces("x{a,{b,c}}"), (std::vector<std::string>{"xa", "xb", "xc"}));
    EXPECT_EQ(expand_braces("{single}"), std::vector<std::string>{"{single}"});
    EXPECT_EQ(expand_braces("{open"), std::vector<std::string>{"{open"});
}

class ConfigSchemaPaths : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* f :
             {"src/schema.ts", "src/users.ts", "src/.hidden.ts", "src/notes.md", "src/db/a.ts",
              "src/db/deep/b.ts", "src/db/c.js", "src/.git/x.ts", "other/z.ts"}) {
            write_file(dir_ / f, "// " + std::string(f));
        }
        config_.file = dir_ / "drizzle.config.json";
        config_.base_dir = dir_.path();
    }
    std::vector<std::string> resolve(std::vector<std::string> schema) {
        config_.schema = std::move(schema);
        std::vector<std::string> out;
        for (const auto& p : config_.schema_paths())
            out.push_back(p.lexically_relative(dir_.path()).generic_string());
        return out;
    }
    std::string error(std::vector<std::string> schema) {
        config_.schema = std::move(schema);
        try {
            config_.schema_paths();
        } catch (const UserError& e) {
            return e.what();
        }
        ADD_FAILURE() << "expected a UserError";
        return "";
    }
    TempDir dir_{"drizzle-config-paths"};
    Config config_;
};

TEST_F(ConfigSchemaPaths, LiteralFile) {
    EXPECT_EQ(resolve({"./src/schema.ts"}), std::vector<std::string>{"src/schema.ts"});
    EXPECT_EQ(resolve({"src/../src/schema.ts"}), std::vector<std::string>{"src/schema.ts"});
}

TEST_F(ConfigSchemaPaths, FolderStandsForItsFiles) {
    EXPECT_EQ(resolve({"./src/db"}), (std::vector<std::string>{"src/db/a.ts", "src/db/c.js"}));
    EXPECT_EQ(resolve({"./src/db/"}), (std::vector<std::string>{"src/db/a.ts", "src/db/c.js"}));
}

TEST_F(ConfigSchemaPaths, StarAndQuestionMark) {
    EXPECT_EQ(resolve({"./src/*.ts"}), (std::vector<std::string>{"src/schema.ts", "src/users.ts"}));
    EXPECT_EQ(resolve({"src/?sers.ts"}), std::vector<std::string>{"src/users.ts"});
    EXPECT_EQ(resolve({"*/z.ts"}), std::vector<std::string>{"other/z.ts"});
    EXPECT_EQ(resolve({"src/[su]*.ts"}), (std::vector<std::string>{"src/schema.ts", "src/users.ts"}));
}

TEST_F(ConfigSchemaPaths, DoubleStarAnyDepthSkippingHiddenFolders) {
    EXPECT_EQ(resolve({"./src/**/*.ts"}),
              (std::vector<std::string>{"src/db/a.ts", "src/db/deep/b.ts", "src/schema.ts", "src/users.ts"}));
    EXPECT_EQ(resolve({"src/db/**"}),
              (std::vector<std::string>{"src/db/a.ts", "src/db/c.js", "src/db/deep/b.ts"}));
}

TEST_F(ConfigSchemaPaths, BracesSortedAndDeduplicated) {
    EXPECT_EQ(resolve({"src/db/*.{ts,js}"}), (std::vector<std::string>{"src/db/a.ts", "src/db/c.js"}));
    EXPECT_EQ(resolve({"./src/users.ts", "./src/*.ts", "other/z.ts"}),
              (std::vector<std::string>{"other/z.ts", "src/schema.ts", "src/users.ts"}));
}

TEST_F(ConfigSchemaPaths, AbsolutePatternsAndEmptySchema) {
    EXPECT_EQ(resolve({(dir_ / "other/*.ts").string()}), std::vector<std::string>{"other/z.ts"});
    EXPECT_TRUE(resolve({}).empty());
}

TEST_F(ConfigSchemaPaths, PatternMatchingNothingNamesFileAndPattern) {
    auto e = error({"./src/schema.ts", "./src/*.sql"});
    EXPECT_NE(e.find("drizzle.config.json: \"schema\" pattern './src/*.sql' matched no files"),
              std::string::npos)
        << e;
    e = error({"./missing/schema.ts"});
    EXPECT_NE(e.find("\"schema\" pattern './missing/schema.ts' matched no files"), std::string::npos) << e;
    e = error({"./missing/**/*.ts"});
    EXPECT_NE(e.find("'./missing/**/*.ts' matched no files"), std::string::npos) << e;
}

TEST(ConfigOutDir, ResolvesAgainstTheConfigFolder) {
    Config c;
    c.base_dir = "/project/app";
    EXPECT_EQ(c.out_dir(), fs::path("/project/app/drizzle"));
    c.out = "./migrations/";
    EXPECT_EQ(c.out_dir(), fs::path("/project/app/migrations"));
    c.out = "../shared/drizzle";
    EXPECT_EQ(c.out_dir(), fs::path("/project/shared/drizzle"));
    c.out = "/abs/out";
    EXPECT_EQ(c.out_dir(), fs::path("/abs/out"));
    Config no_file;
    EXPECT_EQ(no_file.out_dir(), fs::path("drizzle"));
}

TEST(ConfigOutDir, LoadedConfigResolvesAgainstItsFolder) {
    TempDir dir("drizzle-config-out");
    write_file(dir / "sub/drizzle.config.json", R"({"dialect": "sqlite", "out": "./m"})");
    Config c = load_config(dir / "sub/drizzle.config.json");
    EXPECT_EQ(c.out_dir(), fs::absolute(dir / "sub/m").lexically_normal());
}

TEST(ConfigFindDefaultConfig, PrefersTsThenJsThenJson) {
    TempDir dir("drizzle-config-find");
    EXPECT_FALSE(find_default_config(dir.path()));
    write_file(dir / "drizzle.config.json", "{}");
    EXPECT_EQ(find_default_config(dir.path()), dir / "drizzle.config.json");
    write_file(dir / "drizzle.config.js", "");
    EXPECT_EQ(find_default_config(dir.path()), dir / "drizzle.config.js");
    write_file(dir / "drizzle.config.ts", "");
    EXPECT_EQ(find_default_config(dir.path()), dir / "drizzle.config.ts");
}

TEST(ConfigFindDefaultConfig, IgnoresFoldersAndOtherNames) {
    TempDir dir("drizzle-config-find");
    fs::create_directories(dir / "drizzle.config.ts");
    write_file(dir / "drizzle.config.yaml", "");
    write_file(dir / "drizzle.config.mjs", "");
    EXPECT_FALSE(find_default_config(dir.path()));
}

}  // namespace
}  // namespace drizzle
