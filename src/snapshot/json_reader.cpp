// Path-tracking JSON access with clear UserErrors; the readers of every snapshot format use it.
#include "snapshot/json_reader.hpp"

#include "drizzle/error.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <unordered_map>

namespace drizzle::snapshot_detail {

namespace {

// Keys that are plain identifiers print as `.key`; anything else as `["key"]` so the path stays
// unambiguous for names with dots or spaces.
bool is_plain_key(std::string_view key) {
    if (key.empty()) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '$' || c == '-';
    });
}

std::string quoted_key(std::string_view key) { return stringify_js(Json(std::string(key))); }

std::string join_path(const std::string& parent, std::string_view key) {
    if (is_plain_key(key)) return parent.empty() ? std::string(key) : parent + "." + std::string(key);
    return parent + "[" + quoted_key(key) + "]";
}

using Element = simdjson::dom::element;
using Type = simdjson::dom::element_type;
static_assert(std::is_trivially_copyable_v<Element>);

// JsonNode::Value is private; these deduce it.
template <class Value> Element element_of(const Value& value) {
    static_assert(sizeof(Element) == sizeof(value.bytes));
    Element element;
    std::memcpy(static_cast<void*>(&element), value.bytes, sizeof element);
    return element;
}
template <class Value> Value value_of(Element element) {
    Value value;
    std::memcpy(value.bytes, static_cast<const void*>(&element), sizeof element);
    return value;
}

const char* type_name_of(Element value) {
    switch (value.type()) {
    case Type::OBJECT:
        return "an object";
    case Type::ARRAY:
        return "an array";
    case Type::STRING:
        return "a string";
    case Type::BOOL:
        return "a boolean";
    case Type::NULL_VALUE:
        return "null";
    default: return "a number";
    }
}

// The accessors below are called only after the type is checked. Each copies the value out of
// simdjson's result: a range-for over `result.value_unsafe()` would iterate a destroyed temporary.
template <class T, class Result> T got(Result&& result) {
    T out{};
    if (std::forward<Result>(result).get(out) != simdjson::SUCCESS) return T{};
    return out;
}
std::string_view string_of(Element value) {
    return got<std::string_view>(value.get_string());
}
simdjson::dom::object object_of(Element value) {
    return got<simdjson::dom::object>(value.get_object());
}
simdjson::dom::array array_of(Element value) {
    return got<simdjson::dom::array>(value.get_array());
}
template <class T> T scalar_of(Element value) {
    return got<T>(value.get<T>());
}

// nlohmann (and JSON.parse) skip a UTF-8 byte order mark; simdjson does not.
std::string_view without_bom(std::string_view text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    return text.substr(0, bom.size()) == bom ? text.substr(bom.size()) : text;
}

// nlohmann reports the byte offset just past the offending character; editors want line:column.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t byte) {
    std::size_t line = 1;
    std::size_t column = 1;
    const std::size_t end = std::min(text.size(), byte == 0 ? 0 : byte - 1);
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." ->
// "syntax error ...".
std::string parse_error_reason(const std::string& what) {
    auto pos = what.find(", column ");
    if (pos != std::string::npos) {
        auto colon = what.find(": ", pos);
        if (colon != std::string::npos) return what.substr(colon + 2);
    }
    auto bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

}  // namespace

std::optional<std::string> top_level_string(std::string_view text, std::string_view key) {
    text = without_bom(text);
    simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(text);
    simdjson::ondemand::document document;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(document) != simdjson::SUCCESS) return std::nullopt;
    if (document.get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
    std::optional<std::string> found;
    for (auto field : object) {
        std::string_view name;
        if (field.unescaped_key().get(name) != simdjson::SUCCESS) return std::nullopt;
        if (name != key) continue;
        std::string_view value;
        if (field.value().get_string().get(value) == simdjson::SUCCESS) {
            found = std::string(value);
        } else {
            found.reset();
        }
    }
    return found;
}

struct JsonDocument::Parsed {
    simdjson::dom::parser parser;
    Element root;
};

JsonDocument::JsonDocument(std::string_view text, const std::string& source_name)
    : parsed_(std::make_unique<Parsed>()), source_name_(source_name) {
    text = without_bom(text);
    const auto error = parsed_->parser.parse(text.data(), text.size()).get(parsed_->root);
    if (!error) return;
    // simdjson says what is wrong, not where: nlohmann's parser finds the line and column.
    try {
        const Json valid = Json::parse(text.begin(), text.end());
        (void)valid;
    } catch (const Json::parse_error& e) {
        auto [line, column] = line_and_column(text, e.byte);
        throw UserError(source_name + ":" + std::to_string(line) + ":" + std::to_string(column) +
                        ": invalid JSON: " + parse_error_reason(e.what()));
    } catch (const Json::exception& e) {
        throw UserError(source_name + ": invalid JSON: " + parse_error_reason(e.what()));
    }
    // Valid JSON simdjson cannot hold: an integer beyond 64 bits, nesting deeper than 1024.
    throw UserError(source_name + ": unsupported JSON: " + simdjson::error_message(error));
}

JsonDocument::~JsonDocument() = default;
JsonDocument::JsonDocument(JsonDocument&&) noexcept = default;
JsonDocument& JsonDocument::operator=(JsonDocument&&) noexcept = default;

JsonNode JsonDocument::root() const {
    return JsonNode(value_of<JsonNode::Value>(parsed_->root), std::make_shared<const std::string>(), {},
                    JsonNode::kMember, true, &source_name_);
}

JsonNode::JsonNode(Value value, std::shared_ptr<const std::string> parent_path, std::string_view key, std::size_t index,
                   bool root, const std::string* source_name)
    : value_(value), parent_path_(std::move(parent_path)), key_(key), index_(index), root_(root),
      source_name_(source_name) {}

std::string JsonNode::path() const {
    if (root_) return *parent_path_;
    if (index_ != kMember) return *parent_path_ + "[" + std::to_string(index_) + "]";
    return join_path(*parent_path_, key_);
}

std::shared_ptr<const std::string> JsonNode::shared_path() const {
    if (root_) return parent_path_;
    if (!own_path_) own_path_ = std::make_shared<const std::string>(path());
    return own_path_;
}

JsonNode JsonNode::child(Value value, std::string_view key) const {
    return JsonNode(value, shared_path(), key, kMember, false, source_name_);
}

void JsonNode::fail(const std::string& message) const {
    const std::string where = path();
    throw UserError(*source_name_ + ": " + (where.empty() ? "" : where + ": ") + message);
}

void JsonNode::fail_member(std::string_view key, const std::string& message) const {
    fail(quoted_key(key) + " " + message);
}

const JsonNode& JsonNode::expect_object(std::string_view what) const {
    if (!is_object()) {
        fail((what.empty() ? std::string("must be an object") : std::string(what) + " must be an object") + ", not " +
             type_name());
    }
    return *this;
}

bool JsonNode::is_object() const {
    return element_of(value_).type() == Type::OBJECT;
}
bool JsonNode::is_array() const {
    return element_of(value_).type() == Type::ARRAY;
}
bool JsonNode::is_string() const {
    return element_of(value_).type() == Type::STRING;
}
bool JsonNode::is_null() const {
    return element_of(value_).type() == Type::NULL_VALUE;
}
const char* JsonNode::type_name() const {
    return type_name_of(element_of(value_));
}

std::optional<std::string_view> JsonNode::string_value() const {
    const Element value = element_of(value_);
    if (value.type() != Type::STRING) return std::nullopt;
    return string_of(value);
}

std::optional<bool> JsonNode::boolean_value() const {
    const Element value = element_of(value_);
    if (value.type() != Type::BOOL) return std::nullopt;
    return scalar_of<bool>(value);
}

std::optional<std::int64_t> JsonNode::integer_value() const {
    const Element value = element_of(value_);
    if (value.type() == Type::INT64) return scalar_of<std::int64_t>(value);
    if (value.type() == Type::UINT64) {
        const std::uint64_t number = scalar_of<std::uint64_t>(value);
        if (number <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(number);
    }
    return std::nullopt;
}

std::optional<std::string> JsonNode::number_text() const {
    const Element value = element_of(value_);
    switch (value.type()) {
    case Type::INT64:
        return js_number_text(Json(scalar_of<std::int64_t>(value)));
    case Type::UINT64:
        return js_number_text(Json(scalar_of<std::uint64_t>(value)));
    case Type::DOUBLE:
        return js_number_text(scalar_of<double>(value));
    default:
        return std::nullopt;
    }
}

std::optional<JsonNode::Value> JsonNode::lookup(std::string_view key) const {
    expect_object();
    std::optional<Value> found;
    for (const auto field : object_of(element_of(value_))) {
        if (field.key == key) found = value_of<Value>(field.value);
    }
    return found;
}

JsonNode::Value JsonNode::find_member(std::string_view key) const {
    auto value = lookup(key);
    if (!value) fail_member(key, "is missing");
    return *value;
}

bool JsonNode::has(std::string_view key) const {
    return is_object() && lookup(key).has_value();
}

std::optional<std::string_view> JsonNode::find_string(std::string_view key) const {
    if (!is_object()) return std::nullopt;
    auto value = lookup(key);
    if (!value || element_of(*value).type() != Type::STRING) return std::nullopt;
    return string_of(element_of(*value));
}

std::string JsonNode::first_key() const {
    if (!is_object()) return "";
    for (const auto field : object_of(element_of(value_)))
        return std::string(field.key);
    return "";
}

bool JsonNode::key_before(std::string_view first, std::string_view second) const {
    if (!is_object()) return false;
    for (const auto field : object_of(element_of(value_))) {
        if (field.key == first) return true;
        if (field.key == second) return false;
    }
    return false;
}

JsonNode JsonNode::member(std::string_view key) const {
    const Value value = find_member(key);
    return child(value, key);
}

std::optional<JsonNode> JsonNode::optional_member(std::string_view key) const {
    if (!is_object()) return std::nullopt;
    auto value = lookup(key);
    if (!value) return std::nullopt;
    return child(*value, key);
}

JsonNode JsonNode::object_member(std::string_view key) const {
    JsonNode node = member(key);
    if (!node.is_object()) fail_member(key, std::string("must be an object, not ") + node.type_name());
    return node;
}

std::string JsonNode::string(std::string_view key) const {
    const Element value = element_of(find_member(key));
    if (value.type() != Type::STRING) fail_member(key, "must be a string");
    return std::string(string_of(value));
}

bool JsonNode::boolean(std::string_view key) const {
    const Element value = element_of(find_member(key));
    if (value.type() != Type::BOOL) fail_member(key, "must be a boolean");
    return scalar_of<bool>(value);
}

std::optional<std::string> JsonNode::nullable_string(std::string_view key) const {
    const Element value = element_of(find_member(key));
    if (value.type() == Type::NULL_VALUE) return std::nullopt;
    if (value.type() != Type::STRING) fail_member(key, "must be a string or null");
    return std::string(string_of(value));
}

std::optional<std::string> JsonNode::optional_string(std::string_view key, bool allow_null) const {
    if (!has(key)) return std::nullopt;
    if (allow_null) return nullable_string(key);
    return string(key);
}

std::optional<bool> JsonNode::optional_boolean(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return nullable_boolean(key);
}

std::optional<JsonNode> JsonNode::present_member(std::string_view key) const {
    auto node = optional_member(key);
    if (!node || node->is_null()) return std::nullopt;
    return node;
}

std::optional<JsonNode> JsonNode::nullable_member(std::string_view key) const {
    JsonNode node = member(key);
    if (node.is_null()) return std::nullopt;
    return node;
}

std::optional<bool> JsonNode::nullable_boolean(std::string_view key) const {
    const Element value = element_of(find_member(key));
    if (value.type() == Type::NULL_VALUE) return std::nullopt;
    if (value.type() != Type::BOOL) fail_member(key, "must be a boolean or null");
    return scalar_of<bool>(value);
}

std::optional<std::string> JsonNode::nullable_number_text(std::string_view key) const {
    const JsonNode node = member(key);
    if (node.is_null()) return std::nullopt;
    auto text = node.number_text();
    if (!text) fail_member(key, "must be a number or null");
    return text;
}

std::string JsonNode::one_of(std::string_view key, std::initializer_list<std::string_view> allowed) const {
    std::string value = string(key);
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
    std::string list;
    for (std::string_view option : allowed)
        list += (list.empty() ? "\"" : ", \"") + std::string(option) + "\"";
    fail_member(key, "must be one of " + list + ", not \"" + value + "\"");
}

std::vector<std::string> JsonNode::strings(std::string_view key) const {
    const Element array = element_of(find_member(key));
    if (array.type() != Type::ARRAY) fail_member(key, "must be an array of strings");
    std::vector<std::string> out;
    std::size_t i = 0;
    for (const Element element : array_of(array)) {
        if (element.type() != Type::STRING) {
            member(key).fail("element " + std::to_string(i) + " must be a string, not " + type_name_of(element));
        }
        out.emplace_back(string_of(element));
        ++i;
    }
    return out;
}

std::vector<std::pair<std::string, JsonNode>> JsonNode::entries(std::string_view key, bool optional) const {
    std::vector<std::pair<std::string, JsonNode>> out;
    if (optional && !has(key)) return out;
    const JsonNode node = object_member(key);
    const auto parent = node.shared_path();
    const auto object = object_of(element_of(node.value_));
    out.reserve(object.size());
    // A repeated key keeps its first place and takes its last value (JSON.parse): a linear
    // search on the few members of most objects, a map on the large ones ("tables").
    constexpr std::size_t kSmall = 16;
    std::unordered_map<std::string_view, std::size_t> large;
    for (const auto field : object) {
        const JsonNode value(value_of<Value>(field.value), parent, field.key, kMember, false, source_name_);
        std::size_t at = out.size();
        if (out.size() < kSmall) {
            for (std::size_t i = 0; i < out.size(); ++i) {
                if (out[i].second.key_ == field.key) at = i;
            }
        } else {
            if (large.empty()) {
                for (std::size_t i = 0; i < out.size(); ++i)
                    large.emplace(out[i].second.key_, i);
            }
            at = large.emplace(field.key, out.size()).first->second;
        }
        if (at == out.size()) {
            out.emplace_back(std::string(field.key), value);
        } else {
            out[at].second.value_ = value.value_;
        }
    }
    return out;
}

std::vector<JsonNode> JsonNode::elements(std::string_view key) const {
    const JsonNode node = member(key);
    if (!node.is_array()) fail_member(key, std::string("must be an array, not ") + node.type_name());
    const auto array = array_of(element_of(node.value_));
    std::vector<JsonNode> out;
    out.reserve(array.size());
    const auto parent = node.shared_path();
    std::size_t i = 0;
    for (const Element element : array)
        out.push_back(JsonNode(value_of<Value>(element), parent, {}, i++, false, source_name_));
    return out;
}

}  // namespace drizzle::snapshot_detail
