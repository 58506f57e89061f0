// JSON text exactly as JavaScript writes it: JSON.stringify(value, null, 2) and Number#toString.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace drizzle::snapshot_detail {

using Json = nlohmann::ordered_json;

/// JSON.stringify(value, null, 2): 2-space indent, `"key": value`, `{}`/`[]` when empty,
/// numbers as JavaScript prints them (1 not 1.0, 1e+21), no trailing newline.
std::string stringify_js(const Json& value);

/// Appends `value` as stringify_js would print it nested `depth` levels deep (the indent of its
/// closing bracket), for writers that stream a document instead of building it.
void append_js(std::string& out, const Json& value, int depth);

/// Appends `  "key": value,\n`: one top-level member of a document a writer streams as
/// JSON.stringify(document, null, 2) would print it.
void append_js_member(std::string& out, std::string_view key, const Json& value);

/// Appends `text` as a JSON string literal, escaped exactly like JSON.stringify.
void append_js_string(std::string& out, std::string_view text);

/// Number#toString for a finite double ("0.1", "100", "1e+21", "1.5e-7"); "null" otherwise,
/// as JSON.stringify writes NaN and Infinity.
std::string js_number_text(double value);

/// The text JavaScript would print for a parsed JSON number (integers beyond 2^53 lose
/// precision there too). std::nullopt when `value` is not a number.
std::optional<std::string> js_number_text(const Json& value);

/// Parses SQL/JS number text ("5", "-1.5", "1e3") into a JSON number as JavaScript would hold
/// it; std::nullopt when the text is not a plain finite number.
std::optional<Json> json_number_from_text(std::string_view text);

}  // namespace drizzle::snapshot_detail
