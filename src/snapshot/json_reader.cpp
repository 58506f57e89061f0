// Path-tracking JSON access with clear UserErrors; the readers of every snapshot format use it.
#include "snapshot/json_reader.hpp"

#include "drizzle/error.hpp"

#include <algorithm>

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

const char* type_name(const Json& value) {
    switch (value.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::null: return "null";
    default: return "a number";
    }
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

Json parse_json_text(std::string_view text, const std::string& source_name) {
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        auto [line, column] = line_and_column(text, e.byte);
        throw UserError(source_name + ":" + std::to_string(line) + ":" + std::to_string(column) +
                        ": invalid JSON: " + parse_error_reason(e.what()));
    } catch (const Json::exception& e) {
        throw UserError(source_name + ": invalid JSON: " + parse_error_reason(e.what()));
    }
}

JsonNode::JsonNode(const Json& value, std::string path, const std::string& source_name)
    : value_(&value),
      parent_path_(std::make_shared<const std::string>(std::move(path))),
      root_(true),
      source_name_(&source_name) {}

JsonNode::JsonNode(const Json& value, std::shared_ptr<const std::string> parent_path, std::string_view key,
                   std::size_t index, const std::string* source_name)
    : value_(&value), parent_path_(std::move(parent_path)), key_(key), index_(index), source_name_(source_name) {}

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

JsonNode JsonNode::element(const Json& value, std::size_t index) const {
    return JsonNode(value, shared_path(), {}, index, source_name_);
}

void JsonNode::fail(const std::string& message) const {
    const std::string where = path();
    throw UserError(*source_name_ + ": " + (where.empty() ? "" : where + ": ") + message);
}

void JsonNode::fail_member(std::string_view key, const std::string& message) const {
    fail(quoted_key(key) + " " + message);
}

const JsonNode& JsonNode::expect_object(std::string_view what) const {
    if (!value_->is_object()) {
        fail((what.empty() ? std::string("must be an object") : std::string(what) + " must be an object") +
             ", not " + type_name(*value_));
    }
    return *this;
}

bool JsonNode::has(std::string_view key) const {
    return value_->is_object() && value_->contains(std::string(key));
}

std::string JsonNode::first_key() const {
    if (!value_->is_object() || value_->empty()) return "";
    return value_->begin().key();
}

bool JsonNode::key_before(std::string_view first, std::string_view second) const {
    if (!value_->is_object()) return false;
    for (const auto& [key, _] : value_->items()) {
        if (key == first) return true;
        if (key == second) return false;
    }
    return false;
}

JsonNode JsonNode::child(std::string_view key) const {
    const auto it = find_member(key);
    return JsonNode(*it, shared_path(), it.key(), kMember, source_name_);
}

JsonNode JsonNode::member(std::string_view key) const { return child(key); }

std::optional<JsonNode> JsonNode::optional_member(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return child(key);
}

JsonNode JsonNode::object_member(std::string_view key) const {
    JsonNode node = child(key);
    if (!node.json().is_object()) {
        fail_member(key, std::string("must be an object, not ") + type_name(node.json()));
    }
    return node;
}

Json::const_iterator JsonNode::find_member(std::string_view key) const {
    expect_object();
    auto it = value_->find(std::string(key));
    if (it == value_->end()) fail_member(key, "is missing");
    return it;
}

std::string JsonNode::string(std::string_view key) const {
    const Json& value = *find_member(key);
    if (!value.is_string()) fail_member(key, "must be a string");
    return value.get_ref<const std::string&>();
}

bool JsonNode::boolean(std::string_view key) const {
    const Json& value = *find_member(key);
    if (!value.is_boolean()) fail_member(key, "must be a boolean");
    return value.get<bool>();
}

std::optional<std::string> JsonNode::nullable_string(std::string_view key) const {
    const Json& value = *find_member(key);
    if (value.is_null()) return std::nullopt;
    if (!value.is_string()) fail_member(key, "must be a string or null");
    return value.get_ref<const std::string&>();
}

std::optional<std::string> JsonNode::optional_string(std::string_view key, bool allow_null) const {
    if (!has(key)) return std::nullopt;
    if (allow_null) return nullable_string(key);
    return string(key);
}

std::optional<bool> JsonNode::optional_boolean(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    const Json& value = *find_member(key);
    if (value.is_null()) return std::nullopt;
    if (!value.is_boolean()) fail_member(key, "must be a boolean");
    return value.get<bool>();
}

std::optional<JsonNode> JsonNode::present_member(std::string_view key) const {
    if (!has(key) || value_->find(std::string(key))->is_null()) return std::nullopt;
    return child(key);
}

std::optional<JsonNode> JsonNode::nullable_member(std::string_view key) const {
    JsonNode node = child(key);
    if (node.json().is_null()) return std::nullopt;
    return node;
}

std::optional<bool> JsonNode::nullable_boolean(std::string_view key) const {
    const Json& value = *find_member(key);
    if (value.is_null()) return std::nullopt;
    if (!value.is_boolean()) fail_member(key, "must be a boolean or null");
    return value.get<bool>();
}

std::optional<std::string> JsonNode::nullable_number_text(std::string_view key) const {
    const Json& value = *find_member(key);
    if (value.is_null()) return std::nullopt;
    auto text = js_number_text(value);
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
    const Json& array = *find_member(key);
    if (!array.is_array()) fail_member(key, "must be an array of strings");
    std::vector<std::string> out;
    out.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        if (!array[i].is_string()) {
            child(key).fail("element " + std::to_string(i) + " must be a string, not " + type_name(array[i]));
        }
        out.push_back(array[i].get_ref<const std::string&>());
    }
    return out;
}

std::vector<std::pair<std::string, JsonNode>> JsonNode::entries(std::string_view key, bool optional) const {
    std::vector<std::pair<std::string, JsonNode>> out;
    if (optional && !has(key)) return out;
    JsonNode node = object_member(key);
    const auto parent = node.shared_path();
    for (auto it = node.json().begin(); it != node.json().end(); ++it) {
        out.emplace_back(it.key(), JsonNode(*it, parent, it.key(), kMember, source_name_));
    }
    return out;
}

std::vector<JsonNode> JsonNode::elements(std::string_view key) const {
    JsonNode node = child(key);
    if (!node.json().is_array()) {
        fail_member(key, std::string("must be an array, not ") + type_name(node.json()));
    }
    std::vector<JsonNode> out;
    const Json& array = node.json();
    out.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) out.push_back(node.element(array[i], i));
    return out;
}

}  // namespace drizzle::snapshot_detail
