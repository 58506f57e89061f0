// Reading snapshot JSON with the path of every value, so errors say exactly what is wrong where.
#pragma once

#include "snapshot/json_text.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace drizzle::snapshot_detail {

class JsonNode;

/// A parsed JSON document: simdjson's tape, one flat allocation instead of a node per value, read
/// straight into the model through JsonNode. A syntax error becomes a UserError
/// `<source>:<line>:<column>: invalid JSON: <reason>`. Nodes point into the document: keep it
/// alive while they are used.
class JsonDocument {
public:
    JsonDocument(std::string_view text, const std::string& source_name);
    ~JsonDocument();
    JsonDocument(JsonDocument&&) noexcept;
    JsonDocument& operator=(JsonDocument&&) noexcept;

    /// The whole document, its path "" (messages then start with the source name alone).
    JsonNode root() const;

private:
    struct Parsed;
    std::unique_ptr<Parsed> parsed_;
    std::string source_name_;
};

/// The string under `key` at the top level of a JSON object, read without parsing the rest (the
/// last one when the key repeats); std::nullopt when the text is not an object, the key is missing
/// or not a string. For a file's one fact, where a whole parse of megabytes would be waste.
std::optional<std::string> top_level_string(std::string_view text, std::string_view key);

/// A JSON value together with its path in the file (`tables.t.columns.a`, `ddl[3]`). Every
/// accessor checks the type and throws UserError `<source>: <path>: <what is wrong>`.
class JsonNode {
public:
    /// Where this value is (`tables.t.columns.a`, `ddl[3]`). Built on demand: only messages
    /// need it, and building it for each of the ~250 000 values of a 1000-table snapshot cost
    /// a fifth of the parse.
    std::string path() const;

    /// Throws UserError "<source>: <path>: <message>".
    [[noreturn]] void fail(const std::string& message) const;
    /// Fails unless this value is an object; returns *this for chaining.
    const JsonNode& expect_object(std::string_view what = "") const;

    // This value's own type and contents.
    bool is_object() const;
    bool is_array() const;
    bool is_string() const;
    bool is_null() const;
    /// "an object", "a string", "null", ...: for messages.
    const char* type_name() const;
    /// The string, or std::nullopt when this is not a string. Valid as long as the document.
    std::optional<std::string_view> string_value() const;
    std::optional<bool> boolean_value() const;
    /// A whole number (JSON `3`, not `3.0`) that fits 64 bits; std::nullopt otherwise.
    std::optional<std::int64_t> integer_value() const;
    /// The number as JavaScript prints it (integers beyond 2^53 lose precision there too);
    /// std::nullopt when this is not a number.
    std::optional<std::string> number_text() const;

    // Members of an object node. `key` is quoted in messages: `"type" must be a string`.
    // A key written twice means its last value, at the first one's place, as in JSON.parse.
    bool has(std::string_view key) const;
    /// The member's string when this is an object holding `key` as a string; std::nullopt else.
    std::optional<std::string_view> find_string(std::string_view key) const;
    /// The first key of the object ("" when empty): drizzle-kit's writers differ in it.
    std::string first_key() const;
    /// True when `first` appears before `second` among the keys (both present).
    bool key_before(std::string_view first, std::string_view second) const;

    JsonNode member(std::string_view key) const;  ///< required, any type
    std::optional<JsonNode> optional_member(std::string_view key) const;
    JsonNode object_member(std::string_view key) const;  ///< required object
    std::string string(std::string_view key) const;
    bool boolean(std::string_view key) const;
    /// Required key holding a string or null.
    std::optional<std::string> nullable_string(std::string_view key) const;
    /// Key that may be missing; a string when present (null only when `allow_null`).
    std::optional<std::string> optional_string(std::string_view key, bool allow_null = false) const;
    /// Key that may be missing or null; a boolean otherwise.
    std::optional<bool> optional_boolean(std::string_view key) const;
    /// Key that may be missing or null (std::nullopt then); the member otherwise.
    std::optional<JsonNode> present_member(std::string_view key) const;
    /// Required key that may be null (std::nullopt then); the member otherwise.
    std::optional<JsonNode> nullable_member(std::string_view key) const;
    /// Required key holding a boolean or null.
    std::optional<bool> nullable_boolean(std::string_view key) const;
    /// Required key holding a number or null: the number as JavaScript prints it.
    std::optional<std::string> nullable_number_text(std::string_view key) const;
    /// Required string that must be one of `allowed`; fails
    /// `"key" must be one of "a", "b", not "value"`.
    std::string one_of(std::string_view key, std::initializer_list<std::string_view> allowed) const;
    std::vector<std::string> strings(std::string_view key) const;  ///< array of strings
    /// The members of the object under `key` (required, or {} when missing and `optional`).
    std::vector<std::pair<std::string, JsonNode>> entries(std::string_view key, bool optional = false) const;
    std::vector<JsonNode> elements(std::string_view key) const;  ///< required array

private:
    friend class JsonDocument;
    static constexpr std::size_t kMember = static_cast<std::size_t>(-1);

    /// simdjson's dom::element (a document pointer and a tape index), held as bytes so that
    /// only json_reader.cpp compiles simdjson's header.
    struct Value {
        alignas(void*) unsigned char bytes[2 * sizeof(void*)];
    };

    JsonNode(Value value, std::shared_ptr<const std::string> parent_path, std::string_view key, std::size_t index,
             bool root, const std::string* source_name);
    JsonNode child(Value value, std::string_view key) const;
    /// The member's value (last one when the key repeats), or std::nullopt; fails when this is
    /// not an object. child() and the scalar accessors all look members up here.
    std::optional<Value> lookup(std::string_view key) const;
    /// lookup() that fails `"key" is missing`.
    Value find_member(std::string_view key) const;
    /// This node's path, built once and shared by its children.
    std::shared_ptr<const std::string> shared_path() const;
    [[noreturn]] void fail_member(std::string_view key, const std::string& message) const;

    Value value_;
    std::shared_ptr<const std::string> parent_path_;  ///< the parent's path (a root: its own)
    std::string_view key_;                            ///< member name, pointing into the document
    std::size_t index_ = kMember;                     ///< array position, or kMember
    bool root_ = false;
    const std::string* source_name_;
    mutable std::shared_ptr<const std::string> own_path_;
};

}  // namespace drizzle::snapshot_detail
