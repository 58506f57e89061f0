// The JSON printer matches JSON.stringify(x, null, 2); ids are random UUIDv4s.
#include "drizzle/snapshot/snapshot.hpp"
#include "snapshot/json_text.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace drizzle {
namespace {

using snapshot_detail::js_number_text;
using snapshot_detail::Json;
using snapshot_detail::json_number_from_text;
using snapshot_detail::stringify_js;

TEST(SnapshotJsonText, NumbersPrintLikeJavaScript) {
    // Expected values are what node prints for String(x).
    EXPECT_EQ(js_number_text(0.0), "0");
    EXPECT_EQ(js_number_text(-0.0), "0");
    EXPECT_EQ(js_number_text(1.0), "1");
    EXPECT_EQ(js_number_text(100.0), "100");
    EXPECT_EQ(js_number_text(1.5), "1.5");
    EXPECT_EQ(js_number_text(-2.25), "-2.25");
    EXPECT_EQ(js_number_text(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(js_number_text(1e21), "1e+21");
    EXPECT_EQ(js_number_text(1e20), "100000000000000000000");
    EXPECT_EQ(js_number_text(123456789012345680000.0), "123456789012345680000");
    EXPECT_EQ(js_number_text(0.000001), "0.000001");
    EXPECT_EQ(js_number_text(1e-7), "1e-7");
    EXPECT_EQ(js_number_text(-2.5e-7), "-2.5e-7");
    EXPECT_EQ(js_number_text(1.7976931348623157e308), "1.7976931348623157e+308");
    EXPECT_EQ(js_number_text(5e-324), "5e-324");
    EXPECT_EQ(js_number_text(std::numeric_limits<double>::infinity()), "null");
}

TEST(SnapshotJsonText, ParsedNumbersKeepJavaScriptPrecision) {
    EXPECT_EQ(*js_number_text(Json::parse("5")), "5");
    EXPECT_EQ(*js_number_text(Json::parse("-5")), "-5");
    EXPECT_EQ(*js_number_text(Json::parse("1.0")), "1");
    EXPECT_EQ(*js_number_text(Json::parse("9007199254740993")), "9007199254740992");
    EXPECT_EQ(*js_number_text(Json::parse("18446744073709551615")), "18446744073709552000");
    EXPECT_FALSE(js_number_text(Json("5")).has_value());
}

TEST(SnapshotJsonText, NumberTextToJson) {
    EXPECT_EQ(stringify_js(*json_number_from_text("5")), "5");
    EXPECT_EQ(stringify_js(*json_number_from_text("-0")), "0");
    EXPECT_EQ(stringify_js(*json_number_from_text("2.50")), "2.5");
    EXPECT_EQ(stringify_js(*json_number_from_text("1e3")), "1000");
    EXPECT_FALSE(json_number_from_text("").has_value());
    EXPECT_FALSE(json_number_from_text("+5").has_value());
    EXPECT_FALSE(json_number_from_text(".5").has_value());
    EXPECT_FALSE(json_number_from_text("5.").has_value());
    EXPECT_FALSE(json_number_from_text("0x10").has_value());
    EXPECT_FALSE(json_number_from_text("inf").has_value());
    EXPECT_FALSE(json_number_from_text("5 ").has_value());
    EXPECT_FALSE(json_number_from_text("(1)").has_value());
}

TEST(SnapshotJsonText, LayoutMatchesJsonStringify) {
    // JSON.stringify({a:[],b:{},c:[1,{d:null}],e:"x"}, null, 2)
    Json value = Json::parse(R"({"a":[],"b":{},"c":[1,{"d":null}],"e":"x"})");
    EXPECT_EQ(stringify_js(value),
              "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": null\n    }\n  ],\n"
              "  \"e\": \"x\"\n}");
    EXPECT_EQ(stringify_js(Json::object()), "{}");
    EXPECT_EQ(stringify_js(Json(true)), "true");
}

TEST(SnapshotJsonText, StringsEscapeLikeJsonStringify) {
    // JSON.stringify("q\"b\\\n\t\u0001\u007f é ☃") === '"q\\"b\\\\\\n\\t\\u0001\u007f é ☃"'
    EXPECT_EQ(stringify_js(Json("q\"b\\\n\t\x01\x7f \xc3\xa9 \xe2\x98\x83")),
              "\"q\\\"b\\\\\\n\\t\\u0001\x7f \xc3\xa9 \xe2\x98\x83\"");
    EXPECT_EQ(stringify_js(Json("\b\f\r")), "\"\\b\\f\\r\"");
    // Invalid UTF-8 from a hand-built model does not throw.
    EXPECT_NO_THROW(stringify_js(Json(std::string("\xff"))));
}

TEST(SnapshotJsonText, NewIdsAreRandomUuidV4) {
    const std::regex uuid_v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = new_snapshot_id();
        EXPECT_TRUE(std::regex_match(id, uuid_v4)) << id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace drizzle
